package se.styrregistret.bench;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

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

        Report report = new Bench(Settings.parse("--quick", "--out=" + out)).run();

        assertThat(report.failures()).as("failed checks").isEmpty();
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> checks = (List<Map<String, Object>>) report.data().get("checks");
        assertThat(checks).hasSizeGreaterThanOrEqualTo(15).allSatisfy(c -> assertThat(c.get("passed")).isEqualTo(true));
        assertThat(report.data()).containsKeys("commandPath", "rawInsert", "catchUp1", "catchUp2", "asOf",
                "faultKillCommandService", "faultKillQueryService", "faultDatabaseRestart", "memory");
        @SuppressWarnings("unchecked")
        Map<String, Object> catchUp = (Map<String, Object>) report.data().get("catchUp2");
        assertThat((long) catchUp.get("events")).isGreaterThanOrEqualTo(15_000);
        assertThat(Files.readString(out.resolve("report.md"))).contains("## 1. Command path", "## 3. Catch-up", "PASS");
        assertThat(Files.readString(out.resolve("report.json"))).contains("\"faultDatabaseRestart\"");
    }
}
