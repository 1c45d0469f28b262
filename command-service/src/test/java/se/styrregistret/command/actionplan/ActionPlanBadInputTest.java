package se.styrregistret.command.actionplan;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import se.styrregistret.command.support.CommandServiceTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/** Bad input to the action-plan and district endpoints gets a 400 naming the field, and changes nothing. */
class ActionPlanBadInputTest extends CommandServiceTest {

    static final String PLAN = """
            {"title":"Åtgärdsplan mot segregation","approvedBy":"Kommundirektören",
             "developmentAreaCount":5,"perspectiveCount":5,"actionCount":60,
             "developmentAreas":[{"number":1,"title":"Ökad trygghet, gemenskap och delaktighet i samhället"}],
             "actions":[{"actionId":"1.1","title":"Bilda områdesteam","developmentArea":1,"districts":["Berga"]}],
             "effectiveDate":"2020-12-02",
             "decision":{"decisionDate":"2020-12-02","decidedBy":"Kommundirektören"}}""";

    static final String PROGRESS = """
            {"status":"STARTED","date":"2021-09-01","note":"Rekrytering",
             "decision":{"decisionDate":"2021-09-01","decidedBy":"Styrgruppen"}}""";

    static final String PICTURE = """
            {"kind":"TARGET","text":"Målbild","effectiveDate":"2020-06-01",
             "decision":{"decisionDate":"2020-06-01","decidedBy":"Styrgruppen"}}""";

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            malformed JSON                 | /api/action-plans                             | PLAN  | "actionCount":60,  | "actionCount":60,,    | $
            missing title                  | /api/action-plans                             | PLAN  | "title":"Åtgärdsplan mot segregation", |  | title
            count as text                  | /api/action-plans                             | PLAN  | "actionCount":60   | "actionCount":"sextio" | actionCount
            missing declared count         | /api/action-plans                             | PLAN  | "perspectiveCount":5, |                     | perspectiveCount
            negative count                 | /api/action-plans                             | PLAN  | "developmentAreaCount":5 | "developmentAreaCount":-1 | developmentAreaCount
            action without title           | /api/action-plans                             | PLAN  | "title":"Bilda områdesteam", |               | actions[0].title
            area number as text            | /api/action-plans                             | PLAN  | "number":1         | "number":"ett"        | developmentAreas[0].number
            unknown field                  | /api/action-plans                             | PLAN  | "approvedBy"       | "approvedByX"         | approvedByX
            missing decision               | /api/action-plans                             | PLAN  | "decision":{"decisionDate":"2020-12-02","decidedBy":"Kommundirektören"} | "decision":null | decision
            unknown status                 | /api/action-plans/p/actions/1.1/progress      | PROGRESS | STARTED         | HALFWAY               | status
            missing status                 | /api/action-plans/p/actions/1.1/progress      | PROGRESS | "status":"STARTED", |                   | status
            impossible date                | /api/action-plans/p/actions/1.1/progress      | PROGRESS | 2021-09-01"     | 2021-02-30"           | date
            body id as object              | /api/action-plans/p/actions/1.1/bodies        | PICTURE | "kind":"TARGET","text":"Målbild" | "bodyId":{"a":1} | bodyId
            unknown picture kind           | /api/districts/Berga/pictures                 | PICTURE | TARGET          | HOPE                  | kind
            missing picture text           | /api/districts/Berga/pictures                 | PICTURE | "text":"Målbild", |                     | text
            """)
    void answers_400_naming_the_field_and_appends_nothing(String label, String path, String template, String replace,
                                                          String with, String field) {
        String valid = switch (template) {
            case "PLAN" -> PLAN;
            case "PROGRESS" -> PROGRESS;
            default -> PICTURE;
        };
        String body = valid.replace(replace, with == null ? "" : with);
        assertThat(body).as("the case must change the valid body").isNotEqualTo(valid);
        long before = eventCount();

        var response = post(path, body);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        JsonNode problem = JsonMapper.shared().readTree(response.body());
        assertThat(problem.path("field").asString()).isEqualTo(field);
        assertThat(problem.path("errors").get(0).path("reason").asString()).isNotBlank();
        assertThat(response.body()).doesNotContain("Exception").doesNotContain("at se.");
        assertThat(eventCount()).isEqualTo(before);
    }
}
