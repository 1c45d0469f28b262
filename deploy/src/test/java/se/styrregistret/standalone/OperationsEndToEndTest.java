package se.styrregistret.standalone;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Actuator over HTTP against both running services: probes, Prometheus metrics, build info, and who may see them. */
class OperationsEndToEndTest {

    static final List<String> PROCESSORS = List.of("orgchart", "actionplans", "districts", "ledger", "agreements", "audit", "audit-log");

    @RegisterExtension
    static final RunningRegister register = new RunningRegister();

    @Test
    void health_liveness_and_readiness_are_up_and_open_to_everyone() {
        for (String url : List.of(register.commandUrl(), register.queryUrl())) {
            for (String path : List.of("/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness")) {
                HttpResponse<String> anonymous = HttpJson.get(url + path, null);
                assertThat(anonymous.statusCode()).as(url + path + ": " + anonymous.body()).isEqualTo(200);
                assertThat(HttpJson.json(anonymous).path("status").asString()).isEqualTo("UP");
                // status only for the anonymous
                assertThat(HttpJson.json(anonymous).has("components")).as(anonymous.body()).isFalse();
            }
        }
    }

    @Test
    void readiness_includes_the_database_and_in_the_query_service_every_event_processor() {
        JsonNode command = HttpJson.json(HttpJson.get(register.commandUrl() + "/actuator/health/readiness", "admin"));
        assertThat(command.path("components").path("db").path("status").asString()).isEqualTo("UP");
        assertThat(command.path("components").path("readinessState").path("status").asString()).isEqualTo("UP");

        JsonNode query = HttpJson.json(HttpJson.get(register.queryUrl() + "/actuator/health/readiness", "admin"));
        assertThat(query.path("components").path("db").path("status").asString()).isEqualTo("UP");
        JsonNode processors = query.path("components").path("eventProcessors");
        assertThat(processors.path("status").asString()).as(query.toString()).isEqualTo("UP");
        for (String processor : PROCESSORS) {
            assertThat(processors.path("details").path(processor).path("state").asString())
                    .as(processor + " in " + processors).isEqualTo("running");
        }

        JsonNode liveness = HttpJson.json(HttpJson.get(register.queryUrl() + "/actuator/health/liveness", "admin"));
        assertThat(liveness.path("components").has("db")).as("liveness must not depend on the database").isFalse();
    }

    @Test
    void readiness_goes_down_while_an_event_processor_is_stopped_and_up_again_when_it_runs() {
        StreamingEventProcessor ledger = register.system().queryContext().getBean(EventProcessingConfiguration.class)
                .eventProcessor("ledger", StreamingEventProcessor.class).orElseThrow();
        ledger.shutDown();
        try {
            HttpResponse<String> down = HttpJson.get(register.queryUrl() + "/actuator/health/readiness", "admin");
            assertThat(down.statusCode()).as(down.body()).isEqualTo(503);
            JsonNode processors = HttpJson.json(down).path("components").path("eventProcessors");
            assertThat(processors.path("status").asString()).isEqualTo("DOWN");
            assertThat(processors.path("details").path("ledger").path("state").asString()).isEqualTo("stopped");
            // liveness does not depend on the processors: Kubernetes must not restart the pod for this
            assertThat(HttpJson.get(register.queryUrl() + "/actuator/health/liveness", null).statusCode()).isEqualTo(200);
        } finally {
            ledger.start();
        }
        await("ready again").atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200))
                .until(() -> HttpJson.get(register.queryUrl() + "/actuator/health/readiness", null).statusCode() == 200);
    }

    @Test
    void info_shows_build_info_to_admin_only() {
        for (String url : List.of(register.commandUrl(), register.queryUrl())) {
            assertThat(HttpJson.get(url + "/actuator/info", null).statusCode()).isEqualTo(401);
            assertThat(HttpJson.get(url + "/actuator/info", "reader").statusCode()).isEqualTo(403);
            HttpResponse<String> info = HttpJson.get(url + "/actuator/info", "admin");
            assertThat(info.statusCode()).as(info.body()).isEqualTo(200);
            JsonNode build = HttpJson.json(info).path("build");
            assertThat(build.path("group").asString()).isEqualTo("se.styrregistret");
            assertThat(build.path("artifact").asString()).isIn("command-service", "query-service");
            assertThat(build.path("version").asString()).isNotBlank();
        }
    }

    @Test
    void other_actuator_endpoints_are_not_exposed_or_denied() {
        for (String url : List.of(register.commandUrl(), register.queryUrl())) {
            for (String path : List.of("/actuator/env", "/actuator/beans", "/actuator/metrics", "/actuator")) {
                int status = HttpJson.get(url + path, "admin").statusCode();
                assertThat(status).as(url + path).isIn(403, 404);
            }
        }
    }

    @Test
    void prometheus_counts_and_times_a_posted_command_by_type() {
        Map<String, String> establishedOk = Map.of("command", "EstablishGovernanceBody", "outcome", "success",
                "application", "command-service");
        long countBefore = Scrape.of(register.commandUrl()).count("styrregistret_commands_seconds", establishedOk);

        var created = HttpJson.post(register.commandUrl() + "/api/governance-bodies", """
                {"name":"Samverkansgrupp för trygghet i Skäggetorp",
                 "level":"OPERATIONAL","scope":{"kind":"MUNICIPALITY"},
                 "convener":"Områdesutvecklare","meetingFrequency":"varje månad",
                 "members":[{"role":"Områdesutvecklare"}],
                 "effectiveDate":"2021-03-01",
                 "decision":{"caseNumber":"KS 2021-77","decisionDate":"2021-03-01","decidedBy":"Kommunstyrelsen"}}""");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);

        Scrape after = Scrape.of(register.commandUrl());
        assertThat(after.count("styrregistret_commands_seconds", establishedOk)).as(after.names().toString()).isEqualTo(countBefore + 1);
        assertThat(after.sum("styrregistret_commands_seconds", establishedOk)).isPositive();
    }

    @Test
    void a_command_that_fails_is_counted_as_a_failure_of_its_type() {
        Map<String, String> dissolveFailed = Map.of("command", "DissolveGovernanceBody", "outcome", "failure");
        long before = Scrape.of(register.commandUrl()).count("styrregistret_commands_seconds", dissolveFailed);

        var unknown = HttpJson.post(register.commandUrl() + "/api/governance-bodies/no-such-body/dissolution", """
                {"effectiveDate":"2021-05-01",
                 "decision":{"caseNumber":"KS 2021-79","decisionDate":"2021-05-01","decidedBy":"Kommunstyrelsen"}}""");
        assertThat(unknown.statusCode()).as(unknown.body()).isEqualTo(404);

        assertThat(Scrape.of(register.commandUrl()).count("styrregistret_commands_seconds", dissolveFailed)).isEqualTo(before + 1);
    }

    @Test
    void prometheus_shows_a_lag_gauge_per_processor_that_returns_to_zero() {
        var created = HttpJson.post(register.commandUrl() + "/api/governance-bodies", """
                {"name":"Områdesgrupp Berga","level":"OPERATIONAL","scope":{"kind":"MUNICIPALITY"},
                 "convener":"Områdesutvecklare","meetingFrequency":"varannan vecka",
                 "members":[{"role":"Områdesutvecklare"}],"effectiveDate":"2021-04-01",
                 "decision":{"caseNumber":"KS 2021-78","decisionDate":"2021-04-01","decidedBy":"Kommunstyrelsen"}}""");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        long head = EndToEnd.logHead(register.system());
        assertThat(head).isPositive();

        // every processor's lag gauge reaches 0 after catching up
        await("every processor's lag at 0").atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200))
                .until(() -> Scrape.of(register.queryUrl()), scrape -> PROCESSORS.stream().allMatch(
                        processor -> scrape.gauge("styrregistret_processor_lag_events", Map.of("processor", processor)) == 0.0));
    }

    @Test
    void logins_and_access_decisions_are_timed_and_the_security_filter_chain_is_not() {
        for (String url : List.of(register.commandUrl(), register.queryUrl())) {
            Scrape.of(url); // a request of its own: a login and an access decision to be timed
            List<String> names = Scrape.of(url).names();
            assertThat(names).as(url).contains("http_server_requests_seconds", "spring_security_authentications_seconds",
                    "spring_security_authorizations_seconds");
            assertThat(names).as(url).noneMatch(name -> name.startsWith("spring_security_filterchains"));
        }
    }

    @Test
    void prometheus_needs_admin() {
        for (String url : List.of(register.commandUrl(), register.queryUrl())) {
            assertThat(HttpJson.get(url + "/actuator/prometheus", null).statusCode()).isEqualTo(401);
            assertThat(HttpJson.get(url + "/actuator/prometheus", "registrar").statusCode()).isEqualTo(403);
        }
    }
}
