package se.styrregistret.command.actionplan;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import se.styrregistret.command.support.CommandServiceTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/** Broken rules leave as 409 (the register's state is the reason) or 422 (the command cannot be done), naming the rule. */
class ActionPlanRuleViolationTest extends CommandServiceTest {

    static final String DECISION = """
            "decision":{"decisionDate":"2021-09-01","decidedBy":"Styrgruppen mot segregation"}""";

    String planId;

    @BeforeEach
    void givenThePlan() {
        var created = post("/api/action-plans", ActionPlanBadInputTest.PLAN);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        planId = JsonMapper.shared().readTree(created.body()).path("id").asString();
    }

    @Test
    void an_action_plan_answer_carries_the_plan_the_action_and_the_log_revision_as_every_command_answer_does() {
        var response = post("/api/action-plans/" + planId + "/actions/1.1/progress", """
                {"status":"STARTED","date":"2021-09-01",%s}""".formatted(DECISION));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode answer = JsonMapper.shared().readTree(response.body());
        assertThat(answer.path("id").asString()).isEqualTo(planId);
        assertThat(answer.path("actionId").asString()).isEqualTo("1.1");
        long revision = answer.path("revision").asLong();
        Long own = jdbc.queryForObject("select max(global_index) from axon.domain_event_entry where aggregate_identifier = ?",
                Long.class, planId);
        // its own event is at or below the revision the answer gives
        assertThat(revision).isGreaterThanOrEqualTo(own).isPositive();
        assertThat(response.headers().firstValue("Styrregistret-Revision")).hasValue(Long.toString(revision));
        assertThat(response.headers().firstValue("ETag")).isPresent();
    }

    @Test
    void more_known_actions_than_declared_is_422() {
        long before = eventCount();
        var response = post("/api/action-plans", ActionPlanBadInputTest.PLAN.replace("\"actionCount\":60", "\"actionCount\":0"));
        assertRule(response, 422, "known-exceeds-declared");
        assertThat(eventCount()).isEqualTo(before);
    }

    @Test
    void an_action_in_an_area_the_plan_does_not_have_is_422() {
        long before = eventCount();
        var response = post("/api/action-plans/" + planId + "/actions", """
                {"action":{"actionId":"6.1","title":"Åtgärd","developmentArea":6},"effectiveDate":"2021-09-01",%s}"""
                .formatted(DECISION));
        assertRule(response, 422, "action-in-existing-development-area");
        assertThat(eventCount()).isEqualTo(before);
    }

    @Test
    void a_duplicate_action_id_is_409() {
        long before = eventCount();
        var response = post("/api/action-plans/" + planId + "/actions", """
                {"action":{"actionId":"1.1","title":"Dubblett","developmentArea":1},"effectiveDate":"2021-09-01",%s}"""
                .formatted(DECISION));
        assertRule(response, 409, "action-id-unique");
        assertThat(eventCount()).isEqualTo(before);
    }

    @Test
    void progress_backward_is_409_until_a_decision_reopens_the_action() {
        String progress = "/api/action-plans/" + planId + "/actions/1.1/progress";
        assertThat(post(progress, """
                {"status":"DONE","date":"2021-09-01",%s}""".formatted(DECISION)).statusCode()).isEqualTo(200);
        long before = eventCount();

        assertRule(post(progress, """
                {"status":"STARTED","date":"2021-10-01",%s}""".formatted(DECISION)), 409, "progress-only-forward");
        assertThat(eventCount()).isEqualTo(before);

        var reopened = post("/api/action-plans/" + planId + "/actions/1.1/reopening", """
                {"status":"STARTED","reason":"Teamen utökas","effectiveDate":"2021-10-01",%s}""".formatted(DECISION));
        assertThat(reopened.statusCode()).as(reopened.body()).isEqualTo(200);
        assertThat(eventCount()).isEqualTo(before + 1);
    }

    @Test
    void a_withdrawn_action_takes_no_progress() {
        var withdrawn = post("/api/action-plans/" + planId + "/actions/1.1/withdrawal", """
                {"reason":"Ersatt","effectiveDate":"2021-09-01",%s}""".formatted(DECISION));
        assertThat(withdrawn.statusCode()).as(withdrawn.body()).isEqualTo(200);
        long before = eventCount();
        assertRule(post("/api/action-plans/" + planId + "/actions/1.1/progress", """
                {"status":"STARTED","date":"2021-09-01",%s}""".formatted(DECISION)), 409, "action-withdrawn");
        assertThat(eventCount()).isEqualTo(before);
    }

    @Test
    void linking_to_a_body_that_does_not_exist_is_422() {
        assertRule(post("/api/action-plans/" + planId + "/actions/1.1/bodies", """
                {"bodyId":"no-such-body","effectiveDate":"2021-09-01",%s}""".formatted(DECISION)), 422, "body-unknown");
    }

    @Test
    void an_unknown_plan_is_404() {
        var response = post("/api/action-plans/no-such-plan/actions/1.1/progress", """
                {"status":"STARTED","date":"2021-09-01",%s}""".formatted(DECISION));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    }

    @Test
    void an_unknown_district_is_404_and_the_same_picture_twice_409() {
        String picture = """
                {"kind":"CURRENT_STATE","text":"Nuläge %s","effectiveDate":"2020-06-01",%s}""";
        var unknown = post("/api/districts/Atlantis/pictures", picture.formatted("x", DECISION));
        assertThat(unknown.statusCode()).as(unknown.body()).isEqualTo(404);
        assertThat(unknown.headers().firstValue("Content-Type")).hasValue("application/problem+json");

        String text = java.util.UUID.randomUUID().toString();
        var first = post("/api/districts/ryd/pictures", picture.formatted(text, DECISION));
        assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
        assertThat(JsonMapper.shared().readTree(first.body()).path("district").asString()).isEqualTo("Ryd");
        assertRule(post("/api/districts/Ryd/pictures", picture.formatted(text, DECISION)), 409, "picture-unchanged");
    }

    static void assertRule(HttpResponse<String> response, int status, String rule) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        JsonNode problem = JsonMapper.shared().readTree(response.body());
        assertThat(problem.path("rule").asString()).isEqualTo(rule);
        assertThat(problem.path("detail").asString()).isNotBlank();
    }
}
