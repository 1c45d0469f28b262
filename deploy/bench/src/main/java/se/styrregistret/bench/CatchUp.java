package se.styrregistret.bench;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import se.styrregistret.bench.BenchReport.Check;

import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Phase 3: catch-up of cold query-services. The projections wiped and their tokens dropped; then
 * one or more query-services started and timed from process start until every projection has
 * reached the head of the log. Needs the settings, the database and the services; a run with two
 * instances also needs the one-instance result, whose projections it must equal.
 */
final class CatchUp {

    static final int TARGET_EVENTS_PER_SECOND = 20_000;

    @JsonPropertyOrder({"instances", "segments", "events", "secondsToReady", "secondsToCaughtUp", "eventsPerSecond",
            "eventsPerSecondAfterStartup", "perProcessorSeconds", "vacuumAnalyzeSeconds", "targetEventsPerSecond", "targetMet"})
    record Result(int instances, int segments, long events, double secondsToReady, double secondsToCaughtUp, double eventsPerSecond,
                  double eventsPerSecondAfterStartup, Map<String, Double> perProcessorSeconds, double vacuumAnalyzeSeconds,
                  int targetEventsPerSecond, boolean targetMet,
                  @JsonIgnore Map<String, String> fingerprint, @JsonIgnore List<Check> checks) {
    }

    private final BenchDatabase db;
    private final Services services;

    CatchUp(BenchDatabase db, Services services) {
        this.db = db;
        this.services = services;
    }

    /**
     * A cold catch-up by {@code instances} query-services; with more than one, {@code single} is the
     * one-instance build to compare with. The first instance stays as the query-service for what follows.
     */
    Result run(int instances, int segments, Result single) throws SQLException {
        services.query().close();
        Projections.wipe(db);
        long head = Projections.head(db);
        long events = Projections.eventCount(db);
        Instant start = Instant.now();
        List<ServiceProcess> started = new ArrayList<>();
        for (int i = 0; i < instances; i++) started.add(services.launchQuery("query-service-" + (i + 1), segments));
        for (ServiceProcess q : started) q.awaitReady(Duration.ofMinutes(3));
        double ready = Duration.between(start, Instant.now()).toMillis() / 1000.0;
        Map<String, Double> perProcessor = Projections.awaitCaughtUp(db, head, start, Duration.ofMinutes(120));
        double seconds = perProcessor.values().stream().mapToDouble(Double::doubleValue).max().orElse(0);
        double rate = events / seconds;
        double processingRate = events / Math.max(0.001, seconds - ready);
        double vacuum = Projections.vacuum(db);
        Map<String, String> fingerprint = Projections.fingerprint(db);
        List<Check> checks = new ArrayList<>();
        if (single != null) {
            boolean same = fingerprint.equals(single.fingerprint());
            checks.add(new Check("%d instance(s) with %d segments each build the same projections as one with one".formatted(instances, segments), same,
                    same ? "" : "one: " + single.fingerprint() + "; two: " + fingerprint));
        }
        long deadLetters = Projections.deadLetters(db);
        checks.add(new Check(instances + " instance(s), " + segments + " segment(s): no event left in a dead-letter queue", deadLetters == 0,
                deadLetters + " dead letters"));
        // the first instance stays as the query-service for what follows; a second is stopped
        services.useQuery(started.get(0));
        for (int i = 1; i < started.size(); i++) started.get(i).close();
        return new Result(instances, segments, events, ready, seconds, rate, processingRate, perProcessor, vacuum,
                TARGET_EVENTS_PER_SECOND, rate >= TARGET_EVENTS_PER_SECOND, fingerprint, checks);
    }
}
