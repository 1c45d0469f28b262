package se.styrregistret.bench;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonValue;
import se.styrregistret.bench.BenchReport.Check;

import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The fault runs: kill -9 of the query-service during a catch-up, kill -9 of the command-service
 * under load, a PostgreSQL restart under load. Each needs the settings (the quick mode shortens the
 * waits), the database and the running services, whose killed instances it replaces.
 */
final class Faults {

    /** kill -9 of the query-service in the middle of a catch-up; afterwards the projections must equal a clean build. */
    @JsonPropertyOrder({"head", "killedAt", "equalsCleanBuild"})
    record QueryServiceKill(long head, Map<String, Long> killedAt, boolean equalsCleanBuild,
                            @JsonIgnore long slowestReached, @JsonIgnore Check killedMidway, @JsonIgnore Check equalsClean) {
        List<Check> checks() {
            return List.of(killedMidway, equalsClean);
        }
    }

    /** kill -9 of the command-service under load, restarted on the same port. */
    @JsonPropertyOrder({"accepted", "unanswered", "byStatus", "secondsDown", "missing", "duplicated"})
    record CommandServiceKill(long accepted, long unanswered, Map<String, Long> byStatus, double secondsDown, int missing,
                              int duplicated, @JsonIgnore int clients, @JsonIgnore double seconds,
                              @JsonIgnore double killAfterSeconds, @JsonIgnore List<Check> checks) {
    }

    /** A PostgreSQL restart under load; skipped on a server the harness did not start. */
    sealed interface DatabaseRestart permits DatabaseRestart.Skipped, DatabaseRestart.Restarted {

        List<Check> checks();

        /** In the JSON just "skipped". */
        record Skipped() implements DatabaseRestart {
            @JsonValue
            String json() {
                return "skipped";
            }

            @Override
            public List<Check> checks() {
                return List.of();
            }
        }

        /**
         * What the clients saw: commands sent while the database was down (503 problems, accepted once it
         * was back, or a rule's answer in the instant it shut down), hangs, 500s, how long until the
         * first command after the restart was accepted.
         */
        @JsonPropertyOrder({"sentWhileDown", "answered503WhileDown", "hangs", "status500", "secondsToFirstAcceptedAfterRestart",
                "byStatus"})
        record Restarted(int sentWhileDown, long answered503WhileDown, long hangs, long status500,
                         double secondsToFirstAcceptedAfterRestart, Map<String, Long> byStatus,
                         @JsonIgnore int clients, @JsonIgnore double stopAfterSeconds, @JsonIgnore double downSeconds,
                         @JsonIgnore double slowest503Seconds, @JsonIgnore long acceptedWhileDown,
                         @JsonIgnore long ruleAnswersWhileDown, @JsonIgnore List<Check> checks) implements DatabaseRestart {
        }
    }

    private final Settings settings;
    private final BenchDatabase db;
    private final Services services;
    private final String runId;
    private final long seed;

    Faults(Settings settings, BenchDatabase db, Services services, String runId, long seed) {
        this.settings = settings;
        this.db = db;
        this.services = services;
        this.runId = runId;
        this.seed = seed;
    }

    QueryServiceKill killQueryServiceDuringCatchUp() throws SQLException {
        // the projections as the running service built them, event by event from an empty start
        long head = Projections.head(db);
        Map<String, String> clean = Projections.fingerprint(db);
        services.query().close();
        Projections.wipe(db);
        // not waiting for readiness: the processors start before the web server answers
        ServiceProcess victim = services.launchQuery("query-service", 1);
        // kill it once every projection has committed at least one batch and before the slowest reaches the
        // head: then the restart resumes every projection from a token of its own, mid-log
        Instant deadline = Instant.now().plus(Duration.ofMinutes(10));
        long reached = -1;
        while (Instant.now().isBefore(deadline)) {
            Map<String, Long> positions = Projections.tokenPositions(db);
            long slowest = Projections.PROCESSORS.stream().mapToLong(p -> positions.getOrDefault(p, -1L)).min().orElse(-1);
            if (slowest > 0 || slowest >= head) {
                reached = slowest;
                break;
            }
            ServiceProcess.sleep(10);
        }
        victim.kill9();
        Map<String, Long> atKill = new java.util.TreeMap<>();
        Map<String, Long> tokens = Projections.tokenPositions(db);
        for (String p : Projections.PROCESSORS) atKill.put(p, tokens.getOrDefault(p, -1L));
        long slowestAtKill = atKill.values().stream().mapToLong(Long::longValue).min().orElse(-1);
        // fails if any projection had committed nothing (a resume from scratch proves nothing) or the
        // slowest was done already (the kill came after the catch-up)
        Check killedMidway = new Check("the kill came in the middle of the catch-up: every projection had committed"
                + " at least one batch and the slowest had not reached the head", slowestAtKill > 0 && slowestAtKill < head,
                "positions at the kill " + atKill + " of " + head);
        services.useQuery(services.startQuery("query-service"));
        Projections.awaitCaughtUp(db, head, Instant.now(), Duration.ofMinutes(30));
        Map<String, String> fingerprint = Projections.fingerprint(db);
        boolean equal = fingerprint.equals(clean);
        Check equalsClean = new Check("after kill -9 and restart the projections equal a clean build", equal,
                equal ? fingerprint.size() + " tables compared" : "clean: " + clean + "; after: " + fingerprint);
        return new QueryServiceKill(head, atKill, equal, reached, killedMidway, equalsClean);
    }

    CommandServiceKill killCommandServiceUnderLoad() throws SQLException {
        int clients = 8;
        double before = settings.quick() ? 2 : 5;
        double after = settings.quick() ? 3 : 10;
        List<CommandClient> created = new ArrayList<>();
        int port = services.command().port();
        double[] downSeconds = new double[1];
        Load.Result r = Load.run(clients, () -> {
            ServiceProcess.sleep((long) (before * 1000));
            long killedAt = System.nanoTime();
            services.killAndRestartCommand();
            downSeconds[0] = (System.nanoTime() - killedAt) / 1e9;
            ServiceProcess.sleep((long) (after * 1000));
        }, i -> new CommandClient(() -> "http://localhost:" + port, new CommandMix(runId + "k", i, seed + 100 + i)), created);
        LogCheck inLog = LogCheck.of(db, CommandClient.accepted(created));
        List<Check> checks = List.of(
                new Check("every command answered 2xx has its event in the log, none twice", inLog.passed(), inLog.toString()),
                new Check("no command was refused: only unanswered while down (" + CommandClient.examples(created) + ")",
                        r.rejected() == 0, r.rejected() + " refused"),
                new Check("commands were accepted again after the restart", acceptedAfterRestart(created), ""));
        return new CommandServiceKill(r.ok(), r.failed() + r.timeouts(), r.byStatus(), downSeconds[0], inLog.missing(),
                inLog.duplicated(), clients, r.seconds(), before, checks);
    }

    private static boolean acceptedAfterRestart(List<CommandClient> clients) {
        // the last call of each client, made after the restart, was accepted
        return clients.stream().allMatch(c -> !c.sent().isEmpty() && c.sent().get(c.sent().size() - 1).status() / 100 == 2);
    }

    DatabaseRestart restartDatabaseUnderLoad() throws SQLException {
        if (!db.restartable()) return new DatabaseRestart.Skipped();
        int clients = 8;
        double before = settings.quick() ? 2 : 5;
        double down = settings.quick() ? 4 : 10;
        double after = settings.quick() ? 10 : 20;
        List<CommandClient> created = new ArrayList<>();
        long[] window = new long[2];
        ServiceProcess command = services.command();
        Load.Result r = Load.run(clients, () -> {
            ServiceProcess.sleep((long) (before * 1000));
            window[0] = System.nanoTime();
            db.stop();
            ServiceProcess.sleep((long) (down * 1000));
            db.start();
            window[1] = System.nanoTime();
            ServiceProcess.sleep((long) (after * 1000));
        }, i -> new CommandClient(command::url, new CommandMix(runId + "d", i, seed + 200 + i)), created);
        List<CommandClient.Sent> sent = created.stream().flatMap(c -> c.sent().stream()).toList();
        // sent while the database was down: a 503 problem, or accepted if it came back in time; never a hang or a 500
        List<CommandClient.Sent> during = sent.stream().filter(s -> s.startNanos() >= window[0] && s.startNanos() < window[1]).toList();
        long during503 = during.stream().filter(s -> s.status() == 503 && s.problem()).count();
        long duringOk = during.stream().filter(s -> s.status() / 100 == 2).count();
        // a rule's answer (4xx problem) in the instant the database shuts down: counted and reported (deploy/OPERATIONS.md)
        long duringRule = during.stream().filter(s -> s.status() / 100 == 4 && s.problem()).count();
        long hangs = sent.stream().filter(CommandClient.Sent::timedOut).count();
        long fiveHundreds = sent.stream().filter(s -> s.status() == 500).count();
        long firstOkAfter = sent.stream().filter(s -> s.startNanos() >= window[1] && s.status() / 100 == 2)
                .mapToLong(CommandClient.Sent::endNanos).min().orElse(-1);
        double recovery = firstOkAfter < 0 ? Double.NaN : (firstOkAfter - window[1]) / 1e9;
        double slowest503 = during.stream().filter(s -> s.status() == 503).mapToLong(s -> s.endNanos() - s.startNanos()).max().orElse(0) / 1e9;
        LogCheck inLog = LogCheck.of(db, CommandClient.accepted(created));
        List<Check> checks = new ArrayList<>();
        checks.add(new Check("commands during the outage fail with 503 problem bodies (never a 500, a non-problem body or a hang)",
                !during.isEmpty() && during503 > 0 && during503 + duringOk + duringRule == during.size(),
                during503 + " × 503 + " + duringOk + " accepted + " + duringRule + " rule answers of " + during.size() + "; "
                        + CommandClient.examples(created)));
        checks.add(new Check("no request hung (none waited " + Http.REQUEST_TIMEOUT.toSeconds() + " s) and none got a 500",
                hangs == 0 && fiveHundreds == 0, hangs + " hangs, " + fiveHundreds + " × 500"));
        checks.add(new Check("the command-service recovered without manual action", firstOkAfter > 0, ""));
        checks.add(new Check("every command answered 2xx has its event in the log, none twice", inLog.passed(), inLog.toString()));
        long head = Projections.head(db);
        boolean projected;
        try {
            Projections.awaitCaughtUp(db, head, Instant.now(), Duration.ofMinutes(5));
            projected = true;
        } catch (IllegalStateException e) {
            projected = false;
        }
        checks.add(new Check("the query-service recovered without manual action and projected everything", projected, "head " + head));
        long deadLetters = Projections.deadLetters(db);
        checks.add(new Check("no event left in a dead-letter queue after the outage", deadLetters == 0, deadLetters + " dead letters"));
        Http.Answer chart = Http.get(services.query().url() + "/api/org-chart", "reader");
        checks.add(new Check("the query-service answers again", chart.ok(), "status " + chart.status()));
        return new DatabaseRestart.Restarted(during.size(), during503, hangs, fiveHundreds, recovery, r.byStatus(), clients, before,
                down, slowest503, duringOk, duringRule, checks);
    }
}
