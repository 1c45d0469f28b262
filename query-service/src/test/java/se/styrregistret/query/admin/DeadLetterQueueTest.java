package se.styrregistret.query.admin;

import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.Test;
import se.styrregistret.kernel.common.DecisionReference;
import se.styrregistret.kernel.governance.GovernanceBodyAmended;
import se.styrregistret.kernel.governance.GovernanceBodyEstablished;
import se.styrregistret.kernel.governance.GovernanceBodyId;
import se.styrregistret.kernel.governance.Level;
import se.styrregistret.kernel.governance.Member;
import se.styrregistret.kernel.governance.MemberAppointed;
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
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

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
        JsonNode letter = letterOf(parked, ghost.value());
        assertThat(letter.path("payloadType").asString()).isEqualTo("GovernanceBodyAmended");
        assertThat(letter.path("cause").asString()).contains("never established");

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

    @Test
    void a_stored_version_that_cannot_be_read_parks_its_own_body_s_event_and_not_the_rest_of_the_batch() throws Exception {
        GovernanceBodyId broken = GovernanceBodyId.of("broken-" + UUID.randomUUID());
        long established = append("GovernanceBody", broken.value(), established(broken));
        awaitProjection("orgchart", established);
        // as if a row had been written by a version that stored its members differently
        jdbc.update("update projection.body_version set members = '\"inte en lista\"'::jsonb where body_id = ?", broken.value());

        // one append, so one batch: the broken body's event first, then a new body and a change to it
        GovernanceBodyId fresh = GovernanceBodyId.of("fresh-" + UUID.randomUUID());
        MetaData meta = MetaData.with("recordedBy", "test-registrar");
        eventStore.publish(List.of(
                new GenericDomainEventMessage<>("GovernanceBody", broken.value(), 1,
                        new MemberAppointed(broken, new Member("Kommunpolis", null), LocalDate.of(2020, 3, 1), KS), meta),
                new GenericDomainEventMessage<>("GovernanceBody", fresh.value(), 0, established(fresh), meta),
                new GenericDomainEventMessage<>("GovernanceBody", fresh.value(), 1,
                        new MemberAppointed(fresh, new Member("Kommunpolis", null), LocalDate.of(2020, 3, 1), KS), meta)));
        long last = jdbc.queryForObject("select max(global_index) from axon.domain_event_entry", Long.class);

        awaitProjection("orgchart", last);
        assertThat(jdbc.queryForList("select effective_from from projection.body_version where body_id = ? and revision_to is null",
                java.sql.Date.class, fresh.value())).as("the other body's two events applied: two periods held").hasSize(2);
        JsonNode parked = awaitDeadLetter(broken.value());
        assertThat(parked.toString()).doesNotContain(fresh.value());
        // leave the queue as it was for the other tests
        var evicted = send("POST", "/api/admin/dead-letters/orgchart/evict?eventId="
                + letterOf(parked, broken.value()).path("eventId").asString(), ADMIN);
        assertThat(evicted.statusCode()).as(evicted.body()).isEqualTo(200);
    }

    static JsonNode letterOf(JsonNode letters, String aggregateId) {
        for (JsonNode sequence : letters.path("sequences")) {
            for (JsonNode letter : sequence) {
                if (letter.path("aggregateId").asString().equals(aggregateId)) return letter;
            }
        }
        throw new AssertionError("no dead letter for " + aggregateId + " in " + letters);
    }

    static GovernanceBodyEstablished established(GovernanceBodyId id) {
        return new GovernanceBodyEstablished(id, "Organ " + id, null, Level.TACTICAL, Scope.municipality(), List.of(),
                null, null, List.of(), List.of(), LocalDate.of(2020, 2, 1), KS);
    }

    JsonNode awaitDeadLetter(String aggregateId) {
        return await("a dead letter for " + aggregateId).atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100))
                .until(this::deadLetters, letters -> {
                    for (JsonNode sequence : letters.path("sequences")) {
                        for (JsonNode letter : sequence) {
                            if (letter.path("aggregateId").asString().equals(aggregateId)) return true;
                        }
                    }
                    return false;
                });
    }
}
