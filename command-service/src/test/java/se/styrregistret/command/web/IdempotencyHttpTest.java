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
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
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

    /** The hash the filter keeps for a POST of {@code json} to the governance bodies. */
    static String requestHash(String json) throws Exception {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        sha.update("POST /api/governance-bodies\n".getBytes(StandardCharsets.UTF_8));
        sha.update(json.getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(sha.digest());
    }

    /** A key as a process that died in the middle of the request left it: claimed, no answer. */
    void claimedBy(String key, String json, String claimedAgo) throws Exception {
        jdbc.update("""
                insert into registry.idempotency_key (principal, idem_key, request_hash, created_at)
                values ('registrar', ?, ?, now() - cast(? as interval))""", key, requestHash(json), claimedAgo);
    }

    @Test
    void the_command_commits_its_key_as_decided_with_its_events() throws Exception {
        String key = UUID.randomUUID().toString();
        assertThat(postWithKey(port, key, body("Beslutat råd " + key)).statusCode()).isEqualTo(201);
        assertThat(jdbc.queryForObject("select decided_at is not null from registry.idempotency_key where idem_key = ?",
                Boolean.class, key)).isTrue();

        String rejected = UUID.randomUUID().toString();
        assertThat(postWithKey(port, rejected, body("Beslutat råd " + key)).statusCode()).as("name taken").isEqualTo(409);
        assertThat(jdbc.queryForObject("select decided_at is null from registry.idempotency_key where idem_key = ?",
                Boolean.class, rejected)).as("a refused command decided nothing").isTrue();
    }

    @Test
    void a_key_left_in_progress_by_a_dead_process_is_taken_up_after_the_grace_time_if_nothing_was_decided() throws Exception {
        String recent = UUID.randomUUID().toString();
        String recentJson = body("Pågående råd " + recent);
        claimedBy(recent, recentJson, "10 seconds");
        long before = eventCount();
        var stillRunning = postWithKey(port, recent, recentJson);
        assertThat(stillRunning.statusCode()).isEqualTo(409);
        assertThat(stillRunning.body()).contains("\"field\":\"Idempotency-Key\"", "pågår fortfarande");
        assertThat(eventCount()).isEqualTo(before);

        String abandoned = UUID.randomUUID().toString();
        String json = body("Övergivet råd " + abandoned);
        claimedBy(abandoned, json, "10 minutes");
        assertThat(postWithKey(port, abandoned, body("Annat råd " + abandoned)).statusCode())
                .as("another body under the key is still refused").isEqualTo(422);
        var takenUp = postWithKey(port, abandoned, json);
        assertThat(takenUp.statusCode()).as(takenUp.body()).isEqualTo(201);
        assertThat(eventCount()).isEqualTo(before + 1);
        var retry = postWithKey(port, abandoned, json);
        assertThat(retry.statusCode()).isEqualTo(201);
        assertThat(retry.headers().firstValue("Idempotency-Replayed")).hasValue("true");
        assertThat(eventCount()).isEqualTo(before + 1);
    }

    @Test
    void a_key_whose_change_committed_but_whose_answer_was_lost_is_never_run_again() throws Exception {
        String key = UUID.randomUUID().toString();
        String json = body("Genomfört råd " + key);
        assertThat(postWithKey(port, key, json).statusCode()).isEqualTo(201);
        // as if the process had died after the commit, before it recorded the answer
        jdbc.update("""
                update registry.idempotency_key set status = null, content_type = null, location = null, body = null,
                    created_at = now() - interval '10 minutes' where idem_key = ?""", key);
        long before = eventCount();

        var again = postWithKey(port, key, json);

        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(again.body()).contains("\"field\":\"Idempotency-Key\"", "genomfördes men svaret gick förlorat");
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
