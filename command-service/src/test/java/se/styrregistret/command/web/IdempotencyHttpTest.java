package se.styrregistret.command.web;

import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import se.styrregistret.command.CommandServiceApplication;
import se.styrregistret.command.support.CommandServiceTest;
import se.styrregistret.command.support.TestPostgres;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** A retried command appends nothing; a reused key with another body is refused; keys outlive the process. */
class IdempotencyHttpTest extends CommandServiceTest {

    static String body(String name) {
        return """
                {"name":"%s","level":"ADVISORY","scope":{"kind":"MUNICIPALITY"},"effectiveDate":"2020-01-20",
                 "decision":{"caseNumber":"KS 2019-1003","decisionDate":"2020-01-20","decidedBy":"Kommunstyrelsen"}}"""
                .formatted(name);
    }

    HttpResponse<String> postWithKey(int port, String key, String json) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/governance-bodies"))
                .header("Authorization", basic("registrar", "registrar"))
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", key)
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void a_retry_with_the_same_key_returns_the_first_answer_and_appends_nothing() throws Exception {
        String key = UUID.randomUUID().toString();
        String json = body("Trygghetsråd " + key);
        long before = eventCount();

        var first = postWithKey(port, key, json);
        var retry = postWithKey(port, key, json);

        assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
        assertThat(retry.statusCode()).isEqualTo(201);
        assertThat(retry.body()).isEqualTo(first.body());
        assertThat(retry.headers().firstValue("Location")).isEqualTo(first.headers().firstValue("Location"));
        assertThat(retry.headers().firstValue("Idempotency-Replayed")).hasValue("true");
        assertThat(eventCount()).isEqualTo(before + 1);
    }

    @Test
    void the_same_key_with_a_different_body_answers_422() throws Exception {
        String key = UUID.randomUUID().toString();
        assertThat(postWithKey(port, key, body("Råd A " + key)).statusCode()).isEqualTo(201);
        long before = eventCount();

        var reused = postWithKey(port, key, body("Råd B " + key));

        assertThat(reused.statusCode()).isEqualTo(422);
        assertThat(reused.body()).contains("\"field\":\"Idempotency-Key\"", "idempotency-key-reused");
        assertThat(eventCount()).isEqualTo(before);
    }

    @Test
    void a_rejected_command_is_remembered_too_and_a_bad_key_is_refused() throws Exception {
        String key = UUID.randomUUID().toString();
        var rejected = postWithKey(port, key, "{\"name\":\"x\"}");
        assertThat(rejected.statusCode()).isEqualTo(400);
        assertThat(postWithKey(port, key, "{\"name\":\"x\"}").body()).isEqualTo(rejected.body());

        var badKey = postWithKey(port, "x".repeat(201), body("Råd C"));
        assertThat(badKey.statusCode()).isEqualTo(400);
        assertThat(badKey.body()).contains("\"field\":\"Idempotency-Key\"");
    }

    @Test
    void an_oversized_body_answers_413_and_appends_nothing() throws Exception {
        long before = eventCount();
        var huge = postWithKey(port, UUID.randomUUID().toString(), body("x".repeat(300_000)));
        assertThat(huge.statusCode()).isEqualTo(413);
        assertThat(huge.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(eventCount()).isEqualTo(before);
    }

    @Test
    void keys_survive_a_restart_of_the_service() throws Exception {
        String key = UUID.randomUUID().toString();
        String json = body("Beständigt råd " + key);
        var first = postWithKey(port, key, json);
        assertThat(first.statusCode()).isEqualTo(201);
        long before = eventCount();

        // a second, freshly started command-service on the same database
        try (ConfigurableApplicationContext restarted = new SpringApplicationBuilder(CommandServiceApplication.class)
                .properties("spring.config.name=" + CommandServiceApplication.CONFIG_NAME)
                .run("--server.port=0", "--spring.datasource.url=" + TestPostgres.jdbcUrl(),
                        "--spring.datasource.username=postgres", "--spring.datasource.password=")) {
            int otherPort = ((WebServerApplicationContext) restarted).getWebServer().getPort();
            var retry = postWithKey(otherPort, key, json);
            assertThat(retry.statusCode()).isEqualTo(201);
            assertThat(retry.body()).isEqualTo(first.body());
        }
        assertThat(eventCount()).isEqualTo(before);
    }
}
