package se.styrregistret.bench;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The committed example report (deploy/bench/example-report.md and .json) is one full run: a log of a
 * million events, the Markdown and the JSON of the same run, the shapes it measured stated in it, and
 * any check it failed explained in the findings written after it (below its "---"). (How the renderer writes a report is {@link ReportTest}'s.)
 */
class ExampleReportTest {

    static final Path JSON = Path.of("example-report.json");
    static final Path MARKDOWN = Path.of("example-report.md");

    @Test
    void the_example_is_a_full_run_at_a_million_events_and_every_failed_check_is_explained() throws Exception {
        JsonNode report = JsonMapper.shared().readTree(Files.readString(JSON));
        String markdown = Files.readString(MARKDOWN);
        String findings = markdown.substring(markdown.indexOf("\n---\n"));

        assertThat(report.path("mode").asString()).isEqualTo("full");
        assertThat(report.path("largeLog").path("logHolds").asLong()).isGreaterThanOrEqualTo(1_000_000);
        assertThat(report.path("checks").size()).isGreaterThan(20);
        List<String> failed = new ArrayList<>();
        report.path("checks").forEach(c -> {
            if (!c.path("passed").asBoolean()) failed.add(c.path("check").asString());
        });
        // a failed check is never left standing without the written account of why and what was done
        for (String check : failed) {
            String name = check.contains(" (") ? check.substring(0, check.indexOf(" (")) : check;
            assertThat(findings).as("the findings explain the failed check '%s'", name).contains("\"" + name + "\"");
        }
        assertThat(report.path("asOf").path("large").path("contentSamples").asInt()).isPositive();
        assertThat(report.path("memory").path("query-service").path("peakHeapUsedBytes").asLong()).isPositive();
    }

    @Test
    void the_markdown_is_of_the_same_run_as_the_json() throws Exception {
        JsonNode report = JsonMapper.shared().readTree(Files.readString(JSON));
        String markdown = Files.readString(MARKDOWN);

        List<String> listed = markdown.lines().filter(l -> l.startsWith("- PASS: ") || l.startsWith("- FAIL: ")).toList();
        assertThat(listed).hasSize(report.path("checks").size());
        for (int i = 0; i < listed.size(); i++) {
            JsonNode check = report.path("checks").get(i);
            String detail = check.path("detail").asString("");
            assertThat(listed.get(i)).isEqualTo((check.path("passed").asBoolean() ? "- PASS: " : "- FAIL: ")
                    + check.path("check").asString() + (detail.isEmpty() ? "" : " (" + detail + ")"));
        }
        assertThat(markdown).contains(report.path("startedAt").asString().substring(0, 10));
    }

    @Test
    void the_national_example_is_a_national_run_that_passed_and_states_its_shape() throws Exception {
        JsonNode report = JsonMapper.shared().readTree(Files.readString(Path.of("example-report-national.json")));
        String markdown = Files.readString(Path.of("example-report-national.md"));

        assertThat(report.path("mode").asString()).isEqualTo("national only");
        assertThat(report.path("checks")).isNotEmpty().allSatisfy(c -> assertThat(c.path("passed").asBoolean()).as(c.toString()).isTrue());
        assertThat(report.path("asOf").path("large").path("contentSamples").asInt()).isPositive();
        assertThat(markdown).contains(EventLogGenerator.NATIONAL_SHAPE, "one district's chart");
    }

    @Test
    void the_axon_server_example_measured_the_command_path_against_axon_servers_own_appends_and_passed() throws Exception {
        JsonNode report = JsonMapper.shared().readTree(Files.readString(Path.of("example-report-axonserver.json")));
        String markdown = Files.readString(Path.of("example-report-axonserver.md"));

        assertThat(report.path("mode").asString()).isEqualTo("command-path only on Axon Server");
        assertThat(report.path("environment").path("axonServer").asString()).isNotBlank();
        assertThat(report.path("axonServerAppend").asString()).isEqualTo(report.path("environment").path("axonServer").asString());
        assertThat(report.path("rawInsert")).hasSize(3);
        assertThat(report.path("checks")).isNotEmpty().allSatisfy(c -> assertThat(c.path("passed").asBoolean()).as(c.toString()).isTrue());
        assertThat(markdown).contains("## 2. Axon Server's own append rate, same run", "| clients | raw appends/s |",
                "- PASS: every accepted command has exactly one event in the log");
        assertThat(markdown).doesNotContain("PostgreSQL's own limit");
    }

    @Test
    void the_report_states_the_shapes_it_measured() throws Exception {
        String markdown = Files.readString(MARKDOWN);

        assertThat(markdown).contains(EventLogGenerator.SHAPE);
        assertThat(markdown).contains("once the client has " + CommandMix.ACTIVE_PER_CLIENT + " active bodies");
        assertThat(markdown).contains("the first page (" + AsOfLatency.LEDGER_PAGE + " rows) of one district's fiscal year");
    }
}
