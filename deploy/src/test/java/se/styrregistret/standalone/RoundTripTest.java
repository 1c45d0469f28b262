package se.styrregistret.standalone;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** Both services on one embedded database: POST to the command-service, read it from the query-service. */
class RoundTripTest {

    @RegisterExtension
    static final RunningRegister register = new RunningRegister();

    @Test
    void a_body_posted_to_the_command_service_appears_in_the_org_chart() {
        var created = HttpJson.post(register.commandUrl() + "/api/governance-bodies", """
                {"name":"Styrgrupp för arbetet med segregation samt trygghetsskapande och brottsförebyggande åtgärder",
                 "level":"STRATEGIC","scope":{"kind":"MUNICIPALITY"},
                 "convener":"Biträdande kommundirektör","meetingFrequency":"3 gånger per år",
                 "members":[{"role":"Biträdande kommundirektör"},{"role":"Utbildningsdirektör"}],
                 "effectiveDate":"2020-01-20",
                 "decision":{"caseNumber":"KS 2019-1003","decisionDate":"2020-01-20","decidedBy":"Kommunstyrelsen"}}""");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String id = HttpJson.json(created).path("id").asString();
        assertThat(created.headers().firstValue("Location")).hasValue("/api/governance-bodies/" + id);

        JsonNode chart = HttpJson.await(register.queryUrl() + "/api/org-chart",
                c -> c.toString().contains(id), Duration.ofSeconds(20));

        assertThat(chart.path("revision").asLong()).isPositive();
        JsonNode strategic = chart.path("levels").get(0);
        assertThat(strategic.path("level").asString()).isEqualTo("STRATEGIC");
        JsonNode body = strategic.path("bodies").get(0);
        assertThat(body.path("name").asString()).startsWith("Styrgrupp för arbetet med segregation");
        assertThat(body.path("convener").asString()).isEqualTo("Biträdande kommundirektör");
        assertThat(body.path("members")).hasSize(2);
        assertThat(body.path("decision").path("caseNumber").asString()).isEqualTo("KS 2019-1003");
    }
}
