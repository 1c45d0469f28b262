package se.styrregistret.query.engine;

import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import se.styrregistret.kernel.budget.AllocationId;
import se.styrregistret.kernel.budget.BudgetAllocated;
import se.styrregistret.kernel.budget.BudgetFrameId;
import se.styrregistret.kernel.budget.BudgetFrameOpened;
import se.styrregistret.kernel.budget.FundingSource;
import se.styrregistret.kernel.budget.Recipient;
import se.styrregistret.kernel.common.DecisionReference;
import se.styrregistret.kernel.governance.GovernanceBodyDissolved;
import se.styrregistret.kernel.governance.GovernanceBodyEstablished;
import se.styrregistret.kernel.governance.GovernanceBodyId;
import se.styrregistret.kernel.governance.Level;
import se.styrregistret.kernel.governance.Member;
import se.styrregistret.kernel.governance.MemberAppointed;
import se.styrregistret.kernel.governance.Scope;
import se.styrregistret.query.support.Http;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The whole query side over one event store or another: the same events give the same answers,
 * to the revision. Each subclass runs a query-service on a database of its own (so its processors
 * start from an empty log) over a different storage engine; both assert the same answers, so
 * nothing on the read side may depend on how a store keeps or numbers its events.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.config.name=query-service")
abstract class QuerySideOnAnyEventStore {

    static final DecisionReference KS = new DecisionReference("KS 2019-1003", "§ 12", LocalDate.of(2020, 1, 20), "Kommunstyrelsen");
    static final int EVENTS = 6;
    static final List<String> PROJECTIONS = List.of("orgchart", "ledger", "agreements", "districts", "actionplans", "audit", "audit-log");

    @LocalServerPort
    int port;

    @Autowired
    EventStore eventStore;

    /** The same small history for every engine: two bodies, a member, a dissolution, a frame and an allocation. */
    void record() {
        GovernanceBodyId steering = GovernanceBodyId.of("styrgrupp");
        GovernanceBodyId council = GovernanceBodyId.of("radet");
        BudgetFrameId frame = BudgetFrameId.of("ram-2021");
        append("GovernanceBody", steering.value(), 0, new GovernanceBodyEstablished(steering, "Styrgruppen", null, Level.STRATEGIC,
                Scope.municipality(), List.of(), null, null, List.of(), List.of(), LocalDate.of(2020, 1, 20), KS));
        append("GovernanceBody", council.value(), 0, new GovernanceBodyEstablished(council, "Rådet", null, Level.ADVISORY,
                Scope.municipality(), List.of(), null, null, List.of(), List.of(), LocalDate.of(2020, 6, 1), KS));
        append("GovernanceBody", steering.value(), 1, new MemberAppointed(steering, new Member("Kommunpolis", null),
                LocalDate.of(2020, 2, 1), KS));
        append("GovernanceBody", council.value(), 1, new GovernanceBodyDissolved(council, "Uppdraget slutfört",
                LocalDate.of(2021, 1, 1), KS));
        append("BudgetFrame", frame.value(), 0, new BudgetFrameOpened(frame, "Kommunstyrelsen", 2021, 1_000_000, null,
                LocalDate.of(2021, 3, 1), KS));
        append("Allocation", "anslag-1", 0, new BudgetAllocated(AllocationId.of("anslag-1"), 2021, 400_000,
                FundingSource.frame(frame, "KS ram 2021"), Recipient.committee("Social- och omsorgsnämnden"), "Områdesteam",
                LocalDate.of(2021, 3, 1), KS));
    }

    void append(String type, String id, long sequence, Object payload) {
        eventStore.publish(new GenericDomainEventMessage<>(type, id, sequence, payload, MetaData.with("recordedBy", "test-registrar")));
    }

    @Test
    void the_same_events_give_the_same_answers_whatever_stores_them() throws InterruptedException {
        record();
        awaitEveryProjectionAt(EVENTS);

        // revisions are numbered 1..N in every store, and every answer says how far it has read
        JsonNode chart = get("/api/org-chart");
        assertThat(chart.path("revision").asLong()).isEqualTo(EVENTS);
        assertThat(bodyNames(chart)).containsExactly("Styrgruppen");
        assertThat(bodyNames(get("/api/org-chart?asOfDate=2020-12-31"))).containsExactlyInAnyOrder("Styrgruppen", "Rådet");
        JsonNode early = get("/api/org-chart?asOfRevision=1");
        assertThat(early.path("revision").asLong()).isEqualTo(1);
        assertThat(bodyNames(early)).containsExactly("Styrgruppen");
        // as of revision alone: the day that revision was recorded, kept by the projections themselves
        assertThat(early.path("asOfDate").asString()).isEqualTo(LocalDate.now(java.time.ZoneId.of("Europe/Stockholm")).toString());
        assertThat(bodyNames(get("/api/org-chart?asOfRevision=3&asOfDate=2020-12-31"))).containsExactlyInAnyOrder("Styrgruppen", "Rådet");

        JsonNode ledger = get("/api/budget/ledger?fiscalYear=2021");
        assertThat(ledger.path("revision").asLong()).isEqualTo(EVENTS);
        assertThat(ledger.path("entries")).hasSize(2);
        assertThat(get("/api/budget/ledger?fiscalYear=2021&asOfRevision=5").path("entries")).hasSize(1);

        JsonNode timeline = get("/api/timeline");
        assertThat(timeline.path("revision").asLong()).isEqualTo(EVENTS);

        JsonNode trail = get("/api/audit-trail?size=50");
        assertThat(trail.path("total").asLong()).isEqualTo(EVENTS);
        List<Long> revisions = new ArrayList<>();
        trail.path("entries").forEach(e -> revisions.add(e.path("revision").asLong()));
        assertThat(revisions).containsExactly(1L, 2L, 3L, 4L, 5L, 6L);
        assertThat(get("/api/audit-trail/4").path("entry").path("eventType").asString()).isEqualTo("GovernanceBodyDissolved");

        JsonNode verification = get("/api/audit-trail/verification");
        assertThat(verification.path("intact").asBoolean()).as(verification.toString()).isTrue();
        assertThat(verification.path("status").asString()).isEqualTo("INTACT");
        assertThat(verification.path("checkedUpTo").asLong()).isEqualTo(EVENTS);
        assertThat(verification.path("logHead").asLong()).isEqualTo(EVENTS);
        assertThat(verification.path("treeSize").asLong()).isEqualTo(EVENTS);

        JsonNode diff = get("/api/revisions/1/diff/2");
        assertThat(diff.toString()).contains("Rådet");

        for (String projection : PROJECTIONS) {
            assertThat(admin(projection).path("revision").asLong()).as(projection).isEqualTo(EVENTS);
        }
    }

    void awaitEveryProjectionAt(long revision) {
        await("every projection at revision " + revision).atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50))
                .until(() -> PROJECTIONS.stream().allMatch(projection -> admin(projection).path("revision").asLong() >= revision));
    }

    JsonNode admin(String projection) {
        var response = Http.get(port, "/api/admin/projections/" + projection, "admin");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return Http.json(response);
    }

    JsonNode get(String path) {
        var response = Http.get(port, path, "admin");
        assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
        return Http.json(response);
    }

    static List<String> bodyNames(JsonNode chart) {
        List<String> names = new ArrayList<>();
        chart.path("levels").forEach(level -> level.path("bodies").forEach(b -> names.add(b.path("name").asString())));
        return names;
    }
}
