package se.styrregistret.standalone;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.http.HttpResponse;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** Nobody writes without the REGISTRAR role, and the log records who wrote, never what the client claims. */
class SecurityEndToEndTest {

    static final String BODY = """
            {"name":"%s","level":"OPERATIONAL","scope":{"kind":"MUNICIPALITY"},"effectiveDate":"2020-01-20",
             "decision":{"caseNumber":"KS 2019-1003","decisionDate":"2020-01-20","decidedBy":"Kommunstyrelsen"}}""";

    @RegisterExtension
    static final RunningRegister register = new RunningRegister();

    static long events() {
        return EndToEnd.logHead(register.system());
    }

    static void assertProblem(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(response.body()).doesNotContain("Exception", "at se.", "at org.");
    }

    @Test
    void writing_needs_the_registrar_role() {
        long before = events();

        assertProblem(HttpJson.post(register.commandUrl() + "/api/governance-bodies", BODY.formatted("Anonym"), null), 401);
        assertProblem(HttpJson.post(register.commandUrl() + "/api/governance-bodies", BODY.formatted("Läsare"), "reader"), 403);
        assertProblem(HttpJson.post(register.commandUrl() + "/api/governance-bodies", BODY.formatted("Revisor"), "auditor"), 403);
        var wrongPassword = HttpJson.post(register.commandUrl().replace("http://", "http://registrar:wrong@") + "/api/governance-bodies",
                BODY.formatted("Fel lösenord"), null);
        assertThat(wrongPassword.statusCode()).isEqualTo(401);

        assertThat(events()).isEqualTo(before);
    }

    @Test
    void the_event_records_the_authenticated_principal_and_a_correlation_id() {
        var created = HttpJson.post(register.commandUrl() + "/api/governance-bodies", BODY.formatted("Registrerat av"), "admin");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String id = HttpJson.json(created).path("id").asString();

        var metaData = EndToEnd.eventsOf(register.system(), id).get(0).getMetaData();
        assertThat(metaData).containsEntry("recordedBy", "admin").containsKeys("correlationId", "traceId");

        var forged = HttpJson.post(register.commandUrl() + "/api/governance-bodies",
                BODY.formatted("Förfalskat").replace("{\"name\"", "{\"recordedBy\":\"mallory\",\"name\""));
        assertThat(forged.statusCode()).isEqualTo(400);
        assertThat(HttpJson.json(forged).path("field").asString()).isEqualTo("recordedBy");
    }

    @Test
    void reading_needs_a_login_and_the_audit_trail_an_auditor() {
        assertProblem(HttpJson.get(register.queryUrl() + "/api/org-chart", null), 401);
        assertThat(HttpJson.get(register.queryUrl() + "/api/org-chart", "reader").statusCode()).isEqualTo(200);
        assertProblem(HttpJson.get(register.queryUrl() + "/api/audit-trail", "reader"), 403);
    }

    @Test
    void answers_carry_security_headers() {
        var response = HttpJson.get(register.queryUrl() + "/api/org-chart", "reader");
        assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(response.headers().firstValue("X-Frame-Options")).hasValue("DENY");
        assertThat(response.headers().firstValue("Content-Security-Policy")).isPresent();
        HttpJson.await(register.queryUrl() + "/api/org-chart", c -> true, Duration.ofSeconds(5));
    }
}
