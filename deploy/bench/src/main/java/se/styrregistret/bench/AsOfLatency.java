package se.styrregistret.bench;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import se.styrregistret.bench.BenchReport.Check;
import tools.jackson.databind.JsonNode;
import se.styrregistret.bench.BenchReport.Target;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Set;
import java.util.TreeSet;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.LongSupplier;

/**
 * Phase 4: as-of latency. One reader asks the running query-service for the org chart, the budget
 * summary and the ledger at random revisions, and checks that each answer names the revision asked
 * for. Measured once at the small log and once at the large one; the targets compare the two.
 */
final class AsOfLatency {

    /** p99 at the large log at most this many milliseconds, and at most this factor of the small log's. */
    static final double TARGET_P99_MILLIS = 20;
    static final double TARGET_P99_RATIO = 1.5;
    static final String TARGET = "p99 ≤ " + (int) TARGET_P99_MILLIS + " ms, ≤ " + TARGET_P99_RATIO + "×";

    /** Rows per ledger page the reader asks for. */
    static final int LEDGER_PAGE = 100;

    /** The districts the loads put bodies and money in (the generator's; the command path uses the first six). */
    static final String[] DISTRICTS = EventLogGenerator.DISTRICTS;

    /** The queries, in the order each round sends them; the label names them in the report. */
    enum Query {
        ORG_CHART("org chart"), BUDGET_SUMMARY("budget summary"), BUDGET_LEDGER("budget ledger");

        final String label;

        Query(String label) {
            this.label = label;
        }

        /**
         * The chart as a municipality's reader asks for it: the whole chart, its first page (the chart holds a
         * municipality's bodies); the ledger's first page and the summary for one district's fiscal year.
         */
        String path(long revision, int fiscalYear, String district, boolean districtChart) {
            String scope = districtParameter(district);
            return switch (this) {
                case ORG_CHART -> "/api/org-chart?asOfRevision=" + revision + (districtChart ? scope : "");
                case BUDGET_SUMMARY -> "/api/budget/summary?fiscalYear=" + fiscalYear + scope + "&asOfRevision=" + revision;
                case BUDGET_LEDGER -> "/api/budget/ledger?fiscalYear=" + fiscalYear + scope + "&size=" + LEDGER_PAGE
                        + "&asOfRevision=" + revision;
            };
        }
    }

    @JsonPropertyOrder({"queries", "p50Millis", "p99Millis"})
    record Figures(int queries, double p50Millis, double p99Millis) {
        static Figures of(Latencies latencies) {
            return new Figures(latencies.count(), latencies.percentileMillis(0.5), latencies.percentileMillis(0.99));
        }
    }

    /**
     * One measurement at a log of {@code events} (the head revision); {@code errors} answers were wrong.
     * {@code contentSamples} org charts at random revisions were compared, body by body, with the fold of the
     * log itself; {@code contentMismatches} says how each one that differed did.
     */
    @JsonPropertyOrder({"events", "errors", "contentSamples", "contentMismatches", "org chart", "budget summary", "budget ledger", "warmUp"})
    record Measurement(long events, int errors, int contentSamples, List<String> contentMismatches,
                       @JsonProperty("org chart") Figures orgChart,
                       @JsonProperty("budget summary") Figures budgetSummary, @JsonProperty("budget ledger") Figures budgetLedger,
                       @JsonIgnore int queries, WarmUp.Result warmUp) {

        Check contentCheck() {
            return new Check("as-of content at %,d events: %d sampled org charts equal the fold of the log's own events up to their revision"
                    .formatted(events, contentSamples), contentSamples > 0 && contentMismatches.isEmpty(),
                    contentSamples == 0 ? "no chart was compared" : contentMismatches.size() + " differ " + contentMismatches);
        }

        Figures figures(Query query) {
            return switch (query) {
                case ORG_CHART -> orgChart;
                case BUDGET_SUMMARY -> budgetSummary;
                case BUDGET_LEDGER -> budgetLedger;
            };
        }

        Check check() {
            return new Check("as-of queries at %,d events: every answer 200 and of the revision asked for".formatted(events),
                    errors == 0, errors + " wrong answers");
        }
    }

    /** The small log's measurement and the large one's; in a catch-up-only run there is only the large one. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"small", "large"})
    record Result(Measurement small, Measurement large) {

        /** Per query, both measurements side by side with the target; empty unless both were measured. */
        List<Comparison> comparison() {
            if (small == null || large == null) return List.of();
            return List.of(Query.values()).stream().map(q -> new Comparison(q, small.figures(q), large.figures(q))).toList();
        }
    }

    record Comparison(Query query, Figures small, Figures large) {
        double p99Ratio() {
            return large.p99Millis() / small.p99Millis();
        }

        Target target() {
            return new Target(TARGET, large.p99Millis() <= TARGET_P99_MILLIS && large.p99Millis() <= TARGET_P99_RATIO * small.p99Millis());
        }
    }

    /** The warm-up's bound (a round is 10 s of the same queries). */
    static final Duration WARM_UP_BOUND = Duration.ofMinutes(3);

    private final int queries;
    private final boolean quick;
    private final BenchDatabase db;
    private final Services services;
    private final long seed;
    private final List<String> districts;
    private final boolean districtCharts;

    /** A municipality's reader: the whole chart, one district's ledger and summary. */
    AsOfLatency(Settings settings, BenchDatabase db, Services services, long seed) {
        this(settings, db, services, seed, List.of(DISTRICTS), false);
    }

    /**
     * A reader of one scope in a register of many: {@code districtCharts} asks for one district's chart (and its
     * content check compares one district's chart with the log's fold for that district).
     */
    AsOfLatency(Settings settings, BenchDatabase db, Services services, long seed, List<String> districts, boolean districtCharts) {
        this.queries = settings.queries();
        this.quick = settings.quick();
        this.db = db;
        this.services = services;
        this.seed = seed;
        this.districts = List.copyOf(districts);
        this.districtCharts = districtCharts;
    }

    /**
     * The settings' number of queries of each kind at random revisions up to {@code head}, after a warm-up of
     * the same queries until the query-service's (and the harness's) JIT compilers have settled.
     */
    Measurement measure(long head) throws SQLException {
        SplittableRandom random = new SplittableRandom(seed + head);
        Map<Query, Latencies> byQuery = new EnumMap<>(Query.class);
        for (Query q : Query.values()) byQuery.put(q, new Latencies());
        int[] errors = {0};
        String url = services.query().url();
        try (Connection c = db.connect(); PreparedStatement latestYear = c.prepareStatement("""
                select fiscal_year from projection.budget_ledger_entry where revision <= ?
                order by revision desc limit 1""")) {
            Map<String, LongSupplier> compilers = new LinkedHashMap<>();
            compilers.put("query-service", () -> WarmUp.compileMillis(services.query()));
            compilers.put("harness", WarmUp::harnessCompileMillis);
            WarmUp.Result warmUp = WarmUp.untilSettled(quick ? Duration.ofSeconds(1) : Duration.ofSeconds(10), quick ? Duration.ZERO : WARM_UP_BOUND,
                    compilers, round -> {
                        long end = System.nanoTime() + round.toNanos();
                        while (System.nanoTime() < end) ask(latestYear, random, head, url, null, errors);
                    });
            for (int i = 0; i < queries; i++) ask(latestYear, random, head, url, byQuery, errors);
            return measured(head, random, url, byQuery, errors[0], warmUp);
        }
    }

    /**
     * One round: the three queries at one random revision, each answer checked; timed into {@code byQuery}
     * unless it is null (warm-up).
     */
    private void ask(PreparedStatement latestYear, SplittableRandom random, long head, String url, Map<Query, Latencies> byQuery,
                     int[] errors) {
        long revision = 1 + random.nextLong(head);
        // the fiscal year of the last movement recorded by that revision: what a reader of that day
        // would ask for (looked up outside the timing)
        int year;
        try {
            latestYear.setLong(1, revision);
            try (ResultSet rs = latestYear.executeQuery()) {
                year = rs.next() ? rs.getInt(1) : 2000;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not look up the fiscal year at revision " + revision, e);
        }
        String district = districts.get(random.nextInt(districts.size()));
        for (Query q : Query.values()) {
            long start = System.nanoTime();
            Http.Answer answer = Http.get(url + q.path(revision, year, district, districtCharts), "reader");
            long took = System.nanoTime() - start;
            if (!answer.ok() || answer.json().path("revision").asLong() != revision) errors[0]++;
            if (byQuery != null) byQuery.get(q).add(took);
        }
    }

    /** The figures, and the content of a sample of charts compared with the log's own fold. */
    private Measurement measured(long head, SplittableRandom random, String url, Map<Query, Latencies> byQuery, int errors,
                                 WarmUp.Result warmUp) throws SQLException {
        List<String> mismatches = new ArrayList<>();
        int samples = 0;
        for (int i = 0; i < CONTENT_SAMPLES; i++) {
            long revision = 1 + random.nextLong(head);
            String district = districtCharts ? districts.get(random.nextInt(districts.size())) : null;
            Http.Answer answer = Http.get(url + "/api/org-chart?size=1000&asOfRevision=" + revision
                    + (district == null ? "" : districtParameter(district)), "reader");
            if (!answer.ok()) {
                mismatches.add("r" + revision + ": answered " + answer.status());
                continue;
            }
            JsonNode chart = answer.json();
            if (chart.path("total").asLong() > 1000) {
                mismatches.add("r" + revision + ": " + chart.path("total").asLong() + " bodies, more than one page of 1000");
                continue;
            }
            LocalDate date = LocalDate.parse(chart.path("asOfDate").asString());
            Set<String> shown = new TreeSet<>();
            for (JsonNode level : chart.path("levels")) {
                for (JsonNode body : level.path("bodies")) shown.add(body.path("id").asString());
            }
            Set<String> folded = activeBodiesInTheLog(revision, date, district);
            samples++;
            if (!shown.equals(folded)) {
                Set<String> missing = new TreeSet<>(folded);
                missing.removeAll(shown);
                Set<String> extra = new TreeSet<>(shown);
                extra.removeAll(folded);
                mismatches.add("r%d on %s%s: %d bodies shown, %d in the log's fold; missing %s, not in the fold %s".formatted(
                        revision, date, district == null ? "" : " in " + district, shown.size(), folded.size(), first(missing), first(extra)));
            }
        }
        return new Measurement(head, errors, samples, mismatches, Figures.of(byQuery.get(Query.ORG_CHART)),
                Figures.of(byQuery.get(Query.BUDGET_SUMMARY)), Figures.of(byQuery.get(Query.BUDGET_LEDGER)), queries, warmUp);
    }

    private static final int CONTENT_SAMPLES = 5;

    /**
     * The bodies active on {@code date} as the log held them at {@code revision}, from the stored events
     * themselves (not any projection): established on or before the date, and neither dissolved nor replaced
     * on or before it. The bench's loads record no corrections, annulments or rescissions; were there any,
     * this fold would not apply them, and the check would say so by failing. With a {@code district}, only the
     * bodies established in it (the generator never moves a body).
     */
    private Set<String> activeBodiesInTheLog(long revision, LocalDate date, String district) throws SQLException {
        Set<String> active = new TreeSet<>();
        try (Connection c = db.connect(); PreparedStatement ps = c.prepareStatement("""
                with e as (
                    select aggregate_identifier as body, payload_type as type,
                           cast(convert_from(payload, 'UTF8') as jsonb) ->> 'effectiveDate' as effective,
                           cast(convert_from(payload, 'UTF8') as jsonb) -> 'scope' ->> 'district' as district
                    from axon.domain_event_entry
                    where global_index <= ? and payload_type in (
                        'se.styrregistret.kernel.governance.GovernanceBodyEstablished',
                        'se.styrregistret.kernel.governance.AreaTeamEstablished',
                        'se.styrregistret.kernel.governance.GovernanceBodyDissolved',
                        'se.styrregistret.kernel.governance.GovernanceBodyReplaced'))
                select body from e where type like '%Established' and cast(effective as date) <= ?
                  and (cast(? as text) is null or lower(district) = lower(?))
                except
                select body from e where type not like '%Established' and cast(effective as date) <= ?""")) {
            ps.setLong(1, revision);
            ps.setObject(2, date);
            ps.setString(3, district);
            ps.setString(4, district);
            ps.setObject(5, date);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) active.add(rs.getString(1));
            }
        }
        return active;
    }

    /** "&district=…", encoded: the districts' names have spaces and Swedish letters. */
    static String districtParameter(String district) {
        return "&district=" + java.net.URLEncoder.encode(district, java.nio.charset.StandardCharsets.UTF_8);
    }

    private static String first(Set<String> ids) {
        return ids.stream().limit(3).toList() + (ids.size() > 3 ? " …" : "");
    }
}
