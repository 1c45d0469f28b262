package se.styrregistret.query.admin;

import org.junit.jupiter.api.Test;
import se.styrregistret.kernel.common.DecisionReference;
import se.styrregistret.kernel.governance.GovernanceBodyAmended;
import se.styrregistret.kernel.governance.GovernanceBodyEstablished;
import se.styrregistret.kernel.governance.GovernanceBodyId;
import se.styrregistret.kernel.governance.Level;
import se.styrregistret.kernel.governance.Scope;
import se.styrregistret.query.support.QueryServiceTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A poisoned event is parked in the projection's dead-letter queue; the projection goes on with
 * the rest of the log; an administrator can list, retry and evict it over HTTP.
 */
class DeadLetterQueueTest extends QueryServiceTest {

    static final String ADMIN = "Basic " + Base64.getEncoder().encodeToString("admin:admin".getBytes(StandardCharsets.UTF_8));
    static final DecisionReference KS = new DecisionReference("KS 2020-1", null, LocalDate.of(2020, 1, 1), "Kommunstyrelsen");

    HttpResponse<String> send(String method, String path, String user) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", user).method(method, HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    JsonNode deadLetters() throws Exception {
        var response = send("GET", "/api/admin/dead-letters/orgchart", ADMIN);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JsonMapper.shared().readTree(response.body());
    }

    @Test
    void a_poisoned_event_is_parked_and_the_projection_goes_on() throws Exception {
        // an amendment of a body the chart has never seen: the org chart's handler cannot apply it
        GovernanceBodyId ghost = GovernanceBodyId.of("ghost-" + UUID.randomUUID());
        append("GovernanceBody", ghost.value(), new GovernanceBodyAmended(ghost, List.of(), "Spöke", List.of(),
                null, null, List.of(), LocalDate.of(2020, 2, 1), KS));
        GovernanceBodyId real = GovernanceBodyId.of("real-" + UUID.randomUUID());
        long after = append("GovernanceBody", real.value(), new GovernanceBodyEstablished(real, "Verkligt organ " + real,
                null, Level.TACTICAL, Scope.municipality(), List.of(), null, null, List.of(), List.of(),
                LocalDate.of(2020, 2, 1), KS));

        awaitProjection("orgchart", after);
        assertThat(jdbc.queryForObject("select count(*) from projection.body_version where body_id = ?", Long.class,
                real.value())).isEqualTo(1);

        JsonNode parked = awaitDeadLetter(ghost.value());
        JsonNode letter = parked.path("sequences").get(0).get(0);
        assertThat(letter.path("payloadType").asString()).isEqualTo("GovernanceBodyAmended");
        assertThat(letter.path("cause").asString()).contains("no current version");

        // retrying cannot help (the body still does not exist): the letter stays
        var retry = send("POST", "/api/admin/dead-letters/orgchart/retry", ADMIN);
        assertThat(retry.statusCode()).isEqualTo(200);
        assertThat(deadLetters().toString()).contains(ghost.value());

        var evicted = send("POST", "/api/admin/dead-letters/orgchart/evict?eventId=" + letter.path("eventId").asString(), ADMIN);
        assertThat(evicted.statusCode()).as(evicted.body()).isEqualTo(200);
        assertThat(deadLetters().toString()).doesNotContain(ghost.value());

        assertThat(send("GET", "/api/admin/dead-letters/orgchart", READER).statusCode()).isEqualTo(403);
        assertThat(send("GET", "/api/admin/dead-letters/no-such-projection", ADMIN).statusCode()).isEqualTo(404);
    }

    JsonNode awaitDeadLetter(String aggregateId) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (Instant.now().isBefore(deadline)) {
            JsonNode letters = deadLetters();
            for (JsonNode sequence : letters.path("sequences")) {
                for (JsonNode letter : sequence) {
                    if (letter.path("aggregateId").asString().equals(aggregateId)) return letters;
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no dead letter for " + aggregateId);
    }
}
