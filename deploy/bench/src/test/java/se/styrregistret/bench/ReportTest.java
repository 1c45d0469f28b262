package se.styrregistret.bench;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import se.styrregistret.bench.BenchReport.Check;
import tools.jackson.databind.json.JsonMapper;

import java.nio.file.Files;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/** The report written from typed results: the committed example's figures give the committed example's report. */
class ReportTest {

    private Locale before;

    @BeforeEach
    void theExampleWasWrittenInAnEnglishLocale() {
        // the prose formats with the default locale (thousands separators), as it always has
        before = Locale.getDefault();
        Locale.setDefault(Locale.US);
    }

    @AfterEach
    void restoreLocale() {
        Locale.setDefault(before);
    }

    @Test
    void the_example_figures_render_to_the_example_markdown() throws Exception {
        String example = Files.readString(ReportFixture.MARKDOWN);
        // up to the blank line and the rule before the findings written by hand after the run
        String generated = example.substring(0, example.indexOf("\n---\n"));

        String markdown = Report.markdown(ReportFixture.typed());

        // the example was written before the audit-log projection existed
        assertThat(markdown.replace(", audit, audit-log)", ", audit)")).isEqualTo(generated);
    }

    @Test
    void the_example_figures_render_to_the_example_json() throws Exception {
        String json = Report.json(ReportFixture.typed());

        assertThat(JsonMapper.shared().readTree(json)).isEqualTo(ReportFixture.json());
    }

    @Test
    void the_markdown_lists_the_checks_in_the_order_the_json_does() throws Exception {
        BenchReport report = ReportFixture.typed();

        List<String> listed = Report.markdown(report).lines().filter(l -> l.startsWith("- PASS: ") || l.startsWith("- FAIL: ")).toList();

        assertThat(listed).hasSize(report.checks().size());
        for (int i = 0; i < listed.size(); i++) assertThat(listed.get(i)).contains(report.checks().get(i).what());
    }

    @Test
    void a_failed_check_is_a_failure_of_the_run() throws Exception {
        BenchReport passed = ReportFixture.typed();
        BenchReport failed = withCatchUp2(passed, new CatchUp.Result(2, 2, 10, 1, 2, 5, 10, new TreeMap<>(), 0.1, 20_000, false,
                Map.of(), List.of(new Check("2 instance(s) with 2 segments each build the same projections as one with one", false, "one: a; two: b"))));

        assertThat(passed.failures()).isEmpty();
        assertThat(failed.failures()).containsExactly("2 instance(s) with 2 segments each build the same projections as one with one: one: a; two: b");
        assertThat(Report.markdown(failed)).contains("- FAIL: 2 instance(s) with 2 segments each build the same projections as one with one (one: a; two: b)");
    }

    @Test
    void scale_out_on_a_shorter_log_is_reported_where_it_ran_before_the_full_log() throws Exception {
        BenchReport full = ReportFixture.typed();
        List<CatchUp.Result> runs = List.of(scaleOutRun(1, 1, List.of()),
                scaleOutRun(1, 2, List.of(new Check("1 instance(s) with 2 segments each build the same projections as one with one", true, ""))),
                scaleOutRun(2, 2, List.of(new Check("2 instance(s) with 2 segments each build the same projections as one with one", true, ""))));
        BenchReport report = new BenchReport(full.mode(), full.quick(), full.date(), full.startedAt(), full.environment(), full.smallLog(),
                full.faultKillQueryService(), full.commandPath(), full.rawLimit(), full.faultKillCommandService(),
                new LogGeneration.Result(0, 0, 200_000, true), stopped(full.largeLog()), full.catchUp1(), full.asOf(), runs,
                full.faultDatabaseRestart(), full.memory(), null, full.seconds());

        String markdown = Report.markdown(report);

        assertThat(report.scaleOutOnItsOwnLog()).isTrue();
        assertThat(markdown).contains("## Scale-out: segments and instances, at 200,000 events",
                "The log already holds 200,000 events (the runs before wrote them); none generated.",
                "**1 instance(s), 1 segment(s) per processor**: 200,000 events", "**2 instance(s), 2 segment(s) per processor**: 200,000 events",
                "share the machine's 2 CPUs");
        assertThat(markdown.indexOf("## Scale-out")).isGreaterThan(markdown.indexOf("## Fault: kill -9 of the command-service"))
                .isLessThan(markdown.indexOf("Generated 866,905 events")).isLessThan(markdown.indexOf("## 3. Catch-up"));
        List<String> listed = markdown.lines().filter(l -> l.startsWith("- PASS: ") || l.startsWith("- FAIL: ")).toList();
        assertThat(listed).hasSize(report.checks().size());
        for (int i = 0; i < listed.size(); i++) assertThat(listed.get(i)).contains(report.checks().get(i).what());
        assertThat(Report.json(report)).contains("\"scaleOutLog\"", "queryServiceStopped");
        // the bulk log written with the query-service stopped says so (the fixture's, written with it running, does not)
        assertThat(markdown).contains("the log now holds 1,000,000. The query-service was stopped meanwhile: "
                + "the cold catch-up that follows builds everything from nothing.");
        assertThat(Report.markdown(full)).doesNotContain("The query-service was stopped meanwhile");
    }

    private static LogGeneration.Result stopped(LogGeneration.Result log) {
        return new LogGeneration.Result(log.events(), log.seconds(), log.logHolds(), true);
    }

    private static CatchUp.Result scaleOutRun(int instances, int segments, List<Check> same) {
        List<Check> checks = new java.util.ArrayList<>(same);
        checks.add(new Check(instances + " instance(s), " + segments + " segment(s): no event left in a dead-letter queue", true, "0 dead letters"));
        return new CatchUp.Result(instances, segments, 200_000, 15, 100, 2000, 2353, new TreeMap<>(Map.of("orgchart", 100.0)), 2.0, 20_000,
                false, Map.of(), checks);
    }

    @Test
    void a_run_that_failed_early_reports_what_it_has() {
        BenchReport report = new BenchReport("quick", true, java.time.LocalDate.of(2026, 12, 1), "2026-12-01T10:00:00Z", null, null,
                null, null, null, null, null, null, null, null, null, null, null,
                new Check("the run completed", false, "java.lang.IllegalStateException: command-service exited with 1"), 12.4);

        assertThat(report.failures()).containsExactly("the run completed: java.lang.IllegalStateException: command-service exited with 1");
        assertThat(Report.markdown(report)).isEqualTo("""
                # Styrregistret benchmark (quick run, 2026-12-01)
                - FAIL: the run completed (java.lang.IllegalStateException: command-service exited with 1)

                Run time: 12 s.
                """);
        assertThat(Report.json(report)).contains("\"checks\"", "\"the run completed\"").doesNotContain("commandPath", "null");
    }

    @Test
    void a_catch_up_only_run_has_no_as_of_comparison_and_no_fault_runs() throws Exception {
        BenchReport full = ReportFixture.typed();
        BenchReport only = new BenchReport("catch-up only", false, full.date(), full.startedAt(), full.environment(), null, null,
                null, null, null, null, full.largeLog(), full.catchUp1(), new AsOfLatency.Result(null, full.asOf().large()), null, null,
                full.memory(), null, 300);

        String markdown = Report.markdown(only);

        assertThat(markdown).contains("# Styrregistret benchmark (catch-up only run, 2026-11-30)", "## 3. Catch-up",
                "- PASS: as-of queries at 1,000,002 events", "## 4. As-of latency", "| query | p50 ms @ 1000002 | p99 ms @ 1000002 |",
                "the whole chart, its first page", "## 5. Memory").doesNotContain("## 1.", "## 2.", "Fault", "p99 ratio");
        assertThat(markdown.indexOf("## 3. Catch-up")).isLessThan(markdown.indexOf("as-of queries at 1,000,002"))
                .isLessThan(markdown.indexOf("## 4. As-of latency"));
        assertThat(markdown).contains(EventLogGenerator.SHAPE);
        assertThat(Report.json(only)).contains("\"large\"").doesNotContain("\"small\"", "scaleOut");
    }

    @Test
    void a_national_run_states_its_own_shape_and_one_districts_chart() throws Exception {
        BenchReport full = ReportFixture.typed();
        BenchReport national = new BenchReport("national only", false, full.date(), full.startedAt(), full.environment(), null, null,
                null, null, null, null, full.largeLog(), full.catchUp1(), new AsOfLatency.Result(null, full.asOf().large()), null, null,
                full.memory(), null, 300);

        String markdown = Report.markdown(national);

        assertThat(markdown).contains("Mode: **national only**", EventLogGenerator.NATIONAL_SHAPE, "one district's chart, its first page")
                .doesNotContain(EventLogGenerator.SHAPE);
        assertThat(EventLogGenerator.Shape.NATIONAL.districts()).hasSize(2_900).doesNotHaveDuplicates()
                .contains("Kommun 001 Berga", "Kommun 290 Linghem");
        assertThat(EventLogGenerator.Shape.NATIONAL.activeBodies()).isEqualTo(29_000);
    }

    @Test
    void a_database_restart_on_a_server_the_harness_did_not_start_is_skipped() throws Exception {
        BenchReport skipped = withRestart(ReportFixture.typed(), new Faults.DatabaseRestart.Skipped());

        assertThat(Report.json(skipped)).contains("\"faultDatabaseRestart\" : \"skipped\"");
        assertThat(Report.markdown(skipped)).contains("""
                ## Fault: PostgreSQL restart during load

                Skipped: the run uses a server it did not start (--jdbc-url); the harness restarts only its own embedded PostgreSQL.
                """);
        assertThat(skipped.checks()).hasSize(ReportFixture.typed().checks().size() - 7);
    }

    private static BenchReport withCatchUp2(BenchReport r, CatchUp.Result catchUp2) {
        return new BenchReport(r.mode(), r.quick(), r.date(), r.startedAt(), r.environment(), r.smallLog(), r.faultKillQueryService(),
                r.commandPath(), r.rawLimit(), r.faultKillCommandService(), null, r.largeLog(), r.catchUp1(), r.asOf(), List.of(catchUp2),
                r.faultDatabaseRestart(), r.memory(), r.failure(), r.seconds());
    }

    private static BenchReport withRestart(BenchReport r, Faults.DatabaseRestart restart) {
        return new BenchReport(r.mode(), r.quick(), r.date(), r.startedAt(), r.environment(), r.smallLog(), r.faultKillQueryService(),
                r.commandPath(), r.rawLimit(), r.faultKillCommandService(), r.scaleOutLog(), r.largeLog(), r.catchUp1(), r.asOf(), r.scaleOut(),
                restart, r.memory(), r.failure(), r.seconds());
    }
}
