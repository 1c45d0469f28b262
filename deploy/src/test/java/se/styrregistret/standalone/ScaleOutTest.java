package se.styrregistret.standalone;

import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import se.styrregistret.query.QueryServiceApplication;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two query-service instances over one database, with the same processor names and so the same
 * tokens. Each processor has one segment, so one instance processes it at a time: the test proves
 * that only one holds it, that the other takes it over when the holder stops, and that the audit
 * trail still has every event of the log exactly once.
 */
class ScaleOutTest {

    static final List<String> PROCESSORS = List.of("orgchart", "actionplans", "districts", "ledger", "agreements", "audit", "audit-log");

    static RunningSystem system;
    static ConfigurableApplicationContext second;

    @BeforeAll
    static void start() {
        system = EndToEnd.start();
        List<String> args = new ArrayList<>(List.of("--server.port=0",
                "--spring.datasource.url=" + system.jdbcUrl(),
                "--spring.datasource.username=postgres",
                "--spring.datasource.password=",
                "--spring.datasource.hikari.pool-name=query-pool-b",
                "--spring.application.name=query-service-b"));
        args.addAll(List.of(EndToEnd.serviceArguments()));
        second = QueryServiceApplication.builder()
                .registerShutdownHook(false)
                .run(args.toArray(String[]::new));
    }

    @AfterAll
    static void stop() {
        if (second != null && second.isActive()) second.close();
        if (system != null) system.close();
    }

    @Test
    void the_second_instance_takes_over_when_the_first_stops_and_every_event_is_projected_once() {
        ConfigurableApplicationContext first = system.queryContext();
        JdbcTemplate db = new JdbcTemplate(system.dataSource());

        List<String> ids = new ArrayList<>();
        for (int i = 1; i <= 5; i++) ids.add(establishBody("Trygghetsgrupp före " + i));
        awaitTrue("the audit trail reaches the head of the log", () -> auditComplete(db));

        // one segment per processor: exactly one instance holds each
        awaitTrue("exactly one instance holds each processor's segment",
                () -> PROCESSORS.stream().allMatch(p -> holds(first, p) ^ holds(second, p)),
                () -> "first holds " + held(first) + ", second holds " + held(second));
        ConfigurableApplicationContext holder = holds(first, "audit") ? first : second;
        ConfigurableApplicationContext survivor = holder == first ? second : first;

        holder.close();

        for (int i = 1; i <= 5; i++) ids.add(establishBody("Trygghetsgrupp efter " + i));
        awaitTrue("the survivor claims every processor", () -> PROCESSORS.stream().allMatch(p -> holds(survivor, p)),
                () -> "survivor holds " + held(survivor));
        awaitTrue("the survivor brings the audit trail to the head of the log", () -> auditComplete(db));

        long events = EndToEnd.logHead(system);
        assertThat(events).isGreaterThanOrEqualTo(10);
        assertThat(db.queryForObject("select count(*) from projection.audit_event", Long.class)).isEqualTo(events);
        assertThat(db.queryForObject("select count(distinct event_identifier) from projection.audit_event", Long.class))
                .as("no event projected twice").isEqualTo(events);
        assertThat(db.queryForObject("select count(distinct revision) from projection.audit_event where revision between 1 and ?",
                Long.class, events)).as("no event missing").isEqualTo(events);

        // the survivor answers with the bodies written after the takeover
        String chartUrl = "http://localhost:" + ((WebServerApplicationContext) survivor).getWebServer().getPort() + "/api/org-chart";
        HttpJson.await(chartUrl, chart -> ids.stream().allMatch(id -> chart.toString().contains(id)), Duration.ofSeconds(30));
    }

    private static String establishBody(String name) {
        var created = HttpJson.post(system.commandUrl() + "/api/governance-bodies", """
                {"name":"%s","level":"OPERATIONAL","scope":{"kind":"MUNICIPALITY"},
                 "convener":"Områdesutvecklare","meetingFrequency":"varje månad",
                 "members":[{"role":"Områdesutvecklare"}],"effectiveDate":"2022-01-10",
                 "decision":{"caseNumber":"KS 2022-11","decisionDate":"2022-01-10","decidedBy":"Kommunstyrelsen"}}"""
                .formatted(name));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return HttpJson.json(created).path("id").asString();
    }

    private static boolean auditComplete(JdbcTemplate db) {
        long head = EndToEnd.logHead(system);
        Long projected = db.queryForObject("select coalesce(max(revision), 0) from projection.audit_event", Long.class);
        return projected == head;
    }

    private static boolean holds(ConfigurableApplicationContext instance, String processor) {
        return instance.isActive() && instance.getBean(EventProcessingConfiguration.class)
                .eventProcessor(processor, StreamingEventProcessor.class)
                .map(p -> !p.processingStatus().isEmpty())
                .orElse(false);
    }

    private static List<String> held(ConfigurableApplicationContext instance) {
        return PROCESSORS.stream().filter(p -> holds(instance, p)).toList();
    }

    private static void awaitTrue(String what, BooleanSupplier condition) {
        awaitTrue(what, condition, () -> "");
    }

    private static void awaitTrue(String what, BooleanSupplier condition, java.util.function.Supplier<String> state) {
        try {
            Awaitility.await(what).atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(condition::getAsBoolean);
        } catch (ConditionTimeoutException e) {
            throw new AssertionError("not within 60 s: " + what + " " + state.get(), e);
        }
    }
}
