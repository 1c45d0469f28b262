package se.styrregistret.command.governance;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import se.styrregistret.command.support.CommandServiceTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/** Bad input gets a 400 problem body that names the field, and changes nothing. */
class EstablishBodyBadInputTest extends CommandServiceTest {

    static final String VALID_REST = """
            "level":"TACTICAL","scope":{"kind":"MUNICIPALITY"},"effectiveDate":"2020-01-20",
            "decision":{"caseNumber":"KS 2019-1003","decisionDate":"2020-01-20","decidedBy":"Kommunstyrelsen"}""";

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            malformed JSON            | {"name":"SMS-gruppen",                                   | $
            missing name              | {VALID}                                                  | name
            blank name                | {"name":"   ",VALID}                                     | name
            wrong type for name       | {"name":["a"],VALID}                                     | name
            unknown level             | {"name":"X",VALID_UNKNOWN_LEVEL}                         | level
            impossible date           | {"name":"X",VALID_BAD_DATE}                              | effectiveDate
            missing decision date     | {"name":"X",VALID_NO_DECISION_DATE}                      | decision.decisionDate
            unknown field             | {"name":"X","budget":1,VALID}                            | budget
            """)
    void answers_400_naming_the_field_and_appends_nothing(String label, String template, String field) {
        String body = template
                .replace("VALID_UNKNOWN_LEVEL", VALID_REST.replace("TACTICAL", "IMPERIAL"))
                .replace("VALID_BAD_DATE", VALID_REST.replace("\"effectiveDate\":\"2020-01-20\"", "\"effectiveDate\":\"2021-02-30\""))
                .replace("VALID_NO_DECISION_DATE", VALID_REST.replace("\"decisionDate\":\"2020-01-20\",", ""))
                .replace("VALID", VALID_REST);
        long before = eventCount();

        var response = post("/api/governance-bodies", body);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        JsonNode problem = JsonMapper.shared().readTree(response.body());
        assertThat(problem.path("status").asInt()).isEqualTo(400);
        assertThat(problem.path("field").asString()).isEqualTo(field);
        assertThat(problem.path("errors").get(0).path("reason").asString()).isNotBlank();
        assertThat(response.body()).doesNotContain("Exception").doesNotContain("at se.");
        assertThat(eventCount()).isEqualTo(before);
    }
}
