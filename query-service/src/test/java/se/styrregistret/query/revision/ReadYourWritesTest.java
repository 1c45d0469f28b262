package se.styrregistret.query.revision;

import org.junit.jupiter.api.Test;
import se.styrregistret.kernel.common.DecisionReference;
import se.styrregistret.kernel.governance.GovernanceBodyEstablished;
import se.styrregistret.kernel.governance.GovernanceBodyId;
import se.styrregistret.kernel.governance.Level;
import se.styrregistret.kernel.governance.Scope;
import se.styrregistret.query.support.Http;
import se.styrregistret.query.support.QueryServiceTest;
import tools.jackson.databind.JsonNode;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** A client that sends the revision a command answered with as minRevision never reads an older state. */
class ReadYourWritesTest extends QueryServiceTest {

    static final DecisionReference KS = new DecisionReference("KS 2020-1", null, LocalDate.of(2020, 1, 1), "Kommunstyrelsen");

    long establish(String name) {
        GovernanceBodyId id = GovernanceBodyId.of(UUID.randomUUID().toString());
        return append("GovernanceBody", id.value(), new GovernanceBodyEstablished(id, name, null, Level.ADVISORY, Scope.municipality(),
                List.of(), null, null, List.of(), List.of(), LocalDate.of(2020, 1, 1), KS));
    }

    @Test
    void a_query_with_min_revision_answers_once_its_projection_has_read_that_far() {
        String name = "Läs-din-skrivning " + UUID.randomUUID();
        long revision = establish(name);

        // no waiting in the test: the query itself waits until the chart has read the new body
        var response = Http.get(port, "/api/org-chart?minRevision=" + revision, "reader");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode chart = Http.json(response);
        assertThat(chart.path("revision").asLong()).isGreaterThanOrEqualTo(revision);
        assertThat(chart.toString()).contains(name);
    }

    @Test
    void a_revision_not_read_within_the_wait_answers_503_with_retry_after() {
        long far = establish("Framtidsgruppen") + 1_000_000;

        var response = Http.get(port, "/api/budget/summary?minRevision=" + far, "reader");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(503);
        assertThat(response.headers().firstValue("Retry-After")).isPresent();
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(Http.json(response).path("field").asString()).isEqualTo("minRevision");
    }

    @Test
    void numbers_the_log_never_uses_do_not_hold_back_a_projection_that_has_no_use_for_the_events_after_them() {
        // given: numbers no event will have, as a rolled-back append or a crash of PostgreSQL (its sequence skips) leaves them
        for (int i = 0; i < 5; i++) jdbc.queryForObject("select nextval('axon.domain_event_entry_global_index_seq')", Long.class);
        long revision = establish("Efter luckan");

        // the district page reads the action plans too, which have no use for a body's establishment
        registerDistricts("Berga");
        var response = Http.get(port, "/api/districts/Berga?minRevision=" + revision, "reader");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }

    @Test
    void a_min_revision_that_is_no_revision_answers_400() {
        var response = Http.get(port, "/api/org-chart?minRevision=senaste", "reader");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(Http.json(response).path("field").asString()).isEqualTo("minRevision");
    }

    @Test
    void an_as_of_revision_beyond_what_was_read_answers_400_naming_the_head() {
        registerDistricts("Berga");
        long revision = establish("Huvudgruppen");
        for (String path : List.of("/api/org-chart", "/api/budget/ledger", "/api/budget/summary", "/api/districts/Berga")) {
            var response = Http.get(port, path + "?minRevision=" + revision + "&asOfRevision=" + (revision + 1_000_000), "reader");
            assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(400);
            JsonNode problem = Http.json(response);
            assertThat(problem.path("field").asString()).isEqualTo("asOfRevision");
            assertThat(problem.path("detail").asString()).contains("har läst loggen till revision");
        }
    }
}
