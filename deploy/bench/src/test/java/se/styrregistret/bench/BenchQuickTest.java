package se.styrregistret.bench;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The harness's quick mode as a smoke test of the whole system: both services as processes, the
 * command path, raw inserts, a bulk log, catch-up with one and two instances, as-of queries, and the
 * three fault runs, all with small counts. Asserts correctness only (counts match, no errors, the
 * fault runs pass); the figures of a quick run mean nothing and are never asserted.
 */
class BenchQuickTest {

    @Test
    void a_quick_run_passes_every_correctness_check_and_writes_its_report() throws Exception {
        Path out = Path.of(System.getProperty("bench.out", "target/bench-quick"));

        BenchReport report = new Bench(Settings.parse("--quick", "--out=" + out)).run();

        assertThat(report.failures()).as("failed checks").isEmpty();
        assertThat(report.checks()).hasSizeGreaterThanOrEqualTo(15).allSatisfy(c -> assertThat(c.passed()).isTrue());
        assertThat(report.commandPath()).isNotNull();
        assertThat(report.rawLimit()).isNotNull();
        assertThat(report.catchUp1()).isNotNull();
        assertThat(report.asOf().small()).isNotNull();
        assertThat(report.asOf().large()).isNotNull();
        assertThat(report.faultKillCommandService()).isNotNull();
        assertThat(report.faultKillQueryService()).isNotNull();
        assertThat(report.faultDatabaseRestart()).isInstanceOf(Faults.DatabaseRestart.Restarted.class);
        assertThat(report.memory()).isNotNull();
        // segments and instances on a log of 15 000 before it grows to 20 000, each against its one-segment baseline
        assertThat(report.scaleOut()).extracting(CatchUp.Result::instances, CatchUp.Result::segments)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1, 1), org.assertj.core.groups.Tuple.tuple(1, 2),
                        org.assertj.core.groups.Tuple.tuple(2, 2));
        assertThat(report.scaleOut()).allSatisfy(c -> assertThat(c.events()).isGreaterThanOrEqualTo(15_000)
                .isLessThanOrEqualTo(report.catchUp1().events()));
        assertThat(report.checks()).filteredOn(c -> c.what().contains("build the same projections as one with one")).hasSize(2);
        assertThat(report.asOf().large().contentSamples()).isPositive();
        assertThat(report.memory().queryService().peakHeapUsedBytes()).isPositive();
        assertThat(Files.readString(out.resolve("report.md"))).contains("## 1. Command path", "## Scale-out: segments and instances, at ", "## 3. Catch-up", "PASS");
        assertThat(Files.readString(out.resolve("report.json"))).contains("\"commandPath\"", "\"rawInsert\"", "\"scaleOut\"",
                "\"asOf\"", "\"faultKillQueryService\"", "\"faultDatabaseRestart\"", "\"memory\"");
    }

    @Test
    void a_quick_national_run_answers_one_districts_chart_ledger_and_summary_and_passes_its_checks() throws Exception {
        Path out = Path.of(System.getProperty("bench.out", "target/bench-quick")).resolveSibling("bench-quick-national");

        // past the 29 000 establishments that fill the national register, into the mix
        BenchReport report = new Bench(Settings.parse("--quick", "--only=national", "--events=35000", "--out=" + out)).run();

        assertThat(report.failures()).as("failed checks").isEmpty();
        assertThat(report.checks()).extracting(BenchReport.Check::what).anyMatch(c -> c.startsWith("as-of content at "));
        assertThat(report.asOf().large().contentSamples()).isPositive();
        assertThat(report.asOf().large().orgChart().queries()).isPositive();
        assertThat(report.catchUp1().events()).isGreaterThanOrEqualTo(35_000);
        assertThat(Files.readString(out.resolve("report.md"))).contains(EventLogGenerator.NATIONAL_SHAPE, "## 4. As-of latency",
                "one district's chart");
    }
}
