package se.styrregistret.command.web;

import org.axonframework.axonserver.connector.AxonServerConfiguration;
import org.axonframework.axonserver.connector.command.CommandSerializer;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandCallback;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.serialization.Serializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import se.styrregistret.command.common.ForwardingCommandBus;
import se.styrregistret.command.support.CommandServiceTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every command's result makes the trip Axon Server makes it take between the node that handles a
 * command and the node that dispatched it: serialized into Axon Server's {@code CommandResponse}
 * (exception as message and details only, no Java class) and read back, with Axon Server's own
 * {@link CommandSerializer}. Each kind of refusal must still answer its 4xx problem body, and
 * accepted commands their 2xx.
 */
@Import(RefusalsAcrossAxonServerTest.OverTheWire.class)
class RefusalsAcrossAxonServerTest extends CommandServiceTest {

    static final AtomicInteger TRIPS = new AtomicInteger();

    static final String DECISION = """
            {"caseNumber":"KS 2019-1003","decisionDate":"2020-01-20","decidedBy":"Kommunstyrelsen"}""";

    final String run = UUID.randomUUID().toString().substring(0, 8);

    @Test
    void an_accepted_command_answers_2xx_after_the_trip() {
        int before = TRIPS.get();
        var created = post("/api/governance-bodies", body("Vägens grupp " + run));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        // the answer says the log's revision after the change, for the client to read its own write with
        long revision = JsonMapper.shared().readTree(created.body()).path("revision").asLong();
        assertThat(revision).isPositive();
        assertThat(created.headers().firstValue("Styrregistret-Revision")).hasValue(Long.toString(revision));
        var plan = post("/api/action-plans", """
                {"title":"Åtgärdsplan %s","approvedBy":"Kommundirektören","developmentAreaCount":1,"perspectiveCount":0,
                 "actionCount":0,"effectiveDate":"2020-12-02","decision":{"decisionDate":"2020-12-02","decidedBy":"Kommundirektören"}}"""
                .formatted(run));
        assertThat(plan.statusCode()).as(plan.body()).isEqualTo(201);
        assertThat(TRIPS.get()).as("results that went over the wire").isGreaterThanOrEqualTo(before + 2);
    }

    @Test
    void a_rule_broken_in_the_handler_answers_409_with_the_rule() {
        assertThat(post("/api/governance-bodies", body("Namnkrocken " + run)).statusCode()).isEqualTo(201);
        long before = eventCount();

        var second = post("/api/governance-bodies", body("Namnkrocken " + run));

        assertProblem(second, 409, "name-taken");
        assertThat(eventCount()).isEqualTo(before);
    }

    @Test
    void a_second_area_team_in_a_district_answers_409() {
        String team = """
                {"district":"Distrikt-%s","hostOrganisation":"Leanlink","commissioningCommittee":"Social- och omsorgsnämnden",
                 "teamLeaders":1,"safetyWardens":2,"effectiveDate":"2021-03-02","decision":%s}""".formatted(run, DECISION);
        registerDistricts("Distrikt-" + run);
        assertThat(post("/api/area-teams", team).statusCode()).isEqualTo(201);

        assertProblem(post("/api/area-teams", team.replace("\"district\"", "\"name\":\"Ett till team\",\"district\"")),
                409, "one-area-team-per-district");
    }

    @Test
    void an_overdrawn_frame_answers_409() {
        String decision = "\"effectiveDate\":\"2021-03-01\",\"decision\":{\"decisionDate\":\"2021-03-01\",\"decidedBy\":\"Kommunstyrelsen\"}";
        var frame = post("/api/budget/frames", """
                {"committee":"Kommunstyrelsen","fiscalYear":2021,"amountSek":1000,%s}""".formatted(decision));
        assertThat(frame.statusCode()).as(frame.body()).isEqualTo(201);
        String frameId = JsonMapper.shared().readTree(frame.body()).path("id").asString();

        assertProblem(post("/api/budget/allocations", """
                {"fiscalYear":2021,"amountSek":1001,"source":{"kind":"FRAME","frameId":"%s","name":"KS ram 2021"},
                 "recipient":{"kind":"COMMITTEE","name":"Social- och omsorgsnämnden"},%s}""".formatted(frameId, decision)),
                409, "frame-exceeded");
    }

    @Test
    void a_rule_of_the_command_itself_answers_422() {
        assertProblem(post("/api/action-plans", """
                {"title":"Plan","approvedBy":"Kommundirektören","developmentAreaCount":1,"perspectiveCount":0,"actionCount":0,
                 "actions":[{"actionId":"1.1","title":"Bilda områdesteam","developmentArea":1,"districts":["Berga"]}],
                 "effectiveDate":"2020-12-02","decision":{"decisionDate":"2020-12-02","decidedBy":"Kommundirektören"}}"""),
                422, "known-exceeds-declared");
    }

    @Test
    void a_body_that_does_not_exist_answers_404() {
        var response = post("/api/governance-bodies/no-such-body-" + run + "/amendments", """
                {"convener":"Kommundirektören","effectiveDate":"2020-02-01","decision":%s}""".formatted(DECISION));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(JsonMapper.shared().readTree(response.body()).path("detail").asString()).contains("no-such-body-" + run);
    }

    @Test
    void a_stale_if_match_answers_412_naming_the_header() throws Exception {
        String id = "wire-" + run;
        assertThat(post("/api/governance-bodies", body("Versionsgruppen " + run).replace("{\"name\"", "{\"id\":\"" + id + "\",\"name\""))
                .statusCode()).isEqualTo(201);
        assertThat(amend(id, "Kommundirektören", "\"0\"").statusCode()).isEqualTo(200);

        var stale = amend(id, "Biträdande kommundirektör", "\"0\"");

        assertThat(stale.statusCode()).as(stale.body()).isEqualTo(412);
        JsonNode problem = JsonMapper.shared().readTree(stale.body());
        assertThat(problem.path("rule").asString()).isEqualTo("version-moved");
        assertThat(problem.path("field").asString()).isEqualTo("If-Match");
    }

    HttpResponse<String> amend(String id, String convener, String ifMatch) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/governance-bodies/" + id + "/amendments"))
                        .header("Authorization", basic("registrar", "registrar"))
                        .header("Content-Type", "application/json")
                        .header("If-Match", ifMatch)
                        .POST(HttpRequest.BodyPublishers.ofString("""
                                {"convener":"%s","effectiveDate":"2020-02-01","decision":%s}""".formatted(convener, DECISION)))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static String body(String name) {
        return """
                {"name":"%s","level":"TACTICAL","scope":{"kind":"MUNICIPALITY"},"effectiveDate":"2020-01-20","decision":%s}"""
                .formatted(name, DECISION);
    }

    static void assertProblem(HttpResponse<String> response, int status, String rule) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        JsonNode problem = JsonMapper.shared().readTree(response.body());
        assertThat(problem.path("rule").asString()).isEqualTo(rule);
        assertThat(problem.path("detail").asString()).isNotBlank();
    }

    /** Puts Axon Server's serialization between the command bus and whoever dispatched the command. */
    @TestConfiguration(proxyBeanMethods = false)
    static class OverTheWire {
        @Bean
        static BeanPostProcessor commandResultsOverTheWire(ObjectProvider<Serializer> serializer) {
            return new BeanPostProcessor() {
                @Override
                public Object postProcessAfterInitialization(Object bean, String beanName) {
                    return bean instanceof CommandBus bus && "commandBus".equals(beanName)
                            ? new Wire(bus, new CommandSerializer(serializer.getObject(), new AxonServerConfiguration())) : bean;
                }
            };
        }
    }

    static final class Wire extends ForwardingCommandBus {

        private final CommandSerializer wire;

        Wire(CommandBus delegate, CommandSerializer wire) {
            super(delegate);
            this.wire = wire;
        }

        @Override
        public <C, R> void dispatch(CommandMessage<C> command, CommandCallback<? super C, ? super R> callback) {
            delegate.dispatch(command, (CommandCallback<C, R>) (message, result) -> {
                TRIPS.incrementAndGet();
                callback.onResult(message, wire.deserialize(wire.serialize(result, UUID.randomUUID().toString())));
            });
        }
    }
}
