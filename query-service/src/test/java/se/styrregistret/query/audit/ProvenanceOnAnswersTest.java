package se.styrregistret.query.audit;

import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.Test;
import se.styrregistret.kernel.budget.AllocationId;
import se.styrregistret.kernel.budget.BudgetAllocated;
import se.styrregistret.kernel.budget.FundingSource;
import se.styrregistret.kernel.budget.Recipient;
import se.styrregistret.kernel.common.DecisionReference;
import se.styrregistret.kernel.common.DecisionReference.DatePrecision;
import se.styrregistret.kernel.governance.AreaTeamEstablished;
import se.styrregistret.kernel.governance.GovernanceBodyId;
import se.styrregistret.kernel.governance.ReportingLineSet;
import se.styrregistret.kernel.governance.Scope;
import se.styrregistret.kernel.provenance.Provenance;
import se.styrregistret.kernel.provenance.Provenance.Certainty;
import se.styrregistret.kernel.provenance.Provenance.Citation;
import se.styrregistret.kernel.provenance.Provenance.DecisionStatus;
import se.styrregistret.kernel.provenance.Provenance.DocumentKind;
import se.styrregistret.kernel.provenance.Provenance.Fact;
import se.styrregistret.query.support.Http;
import se.styrregistret.query.support.QueryServiceTest;
import tools.jackson.databind.JsonNode;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static se.styrregistret.query.audit.AuditTrailProjectionTest.body;

/**
 * Entries carry their provenance from the event's metadata into every answer that shows them: the audit trail,
 * the timeline, a body's history and the ledger show the document kind, the status, the citations and the
 * dates as precisely as known; {@code onlyStated=true} leaves out what the register inferred or assumed.
 */
class ProvenanceOnAnswersTest extends QueryServiceTest {

    static final Citation MEMO = new Citation("Områdesteam, övergripande inriktning och uppdrag", null,
            LocalDate.of(2021, 3, 1), "Ärende", "resurstillskott avseende tre teamledare och sex \"trygghetsvärdar\"");
    static final DecisionReference PROPOSED = new DecisionReference(null, null, LocalDate.of(2021, 3, 2),
            "Kommunstyrelsen", DatePrecision.AFTER);
    static final int YEAR = 2043;

    static MetaData with(Provenance provenance) {
        return MetaData.with("recordedBy", "test-registrar").and(Provenance.METADATA_KEY, provenance.toMetaDataValue());
    }

    JsonNode get(String pathAndQuery) {
        var response = Http.get(port, pathAndQuery, "auditor");
        assertThat(response.statusCode()).as(pathAndQuery + " → " + response.body()).isEqualTo(200);
        return Http.json(response);
    }

    static JsonNode at(JsonNode entries, long revision) {
        for (JsonNode e : entries) if (e.path("revision").asLong() == revision) return e;
        throw new AssertionError("no entry of revision " + revision + " in " + entries);
    }

    @Test
    void given_entries_resting_on_a_proposal_with_inferred_facts_then_every_answer_says_so_and_only_stated_leaves_them_out() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        GovernanceBodyId team = GovernanceBodyId.of("team-" + tag);
        GovernanceBodyId steering = GovernanceBodyId.of("styr-" + tag);
        DecisionReference january = new DecisionReference(null, null, LocalDate.of(2020, 1, 1), "Kommundirektören", DatePrecision.MONTH);

        // given: a steering group decided in "januari 2020" (no provenance), an area team proposed in a memo of
        // 2021-03-01 whose staff split is inferred, a reporting line no source states, money whose recipient is inferred
        long established = append("GovernanceBody", steering.value(), body(steering, "Styrgrupp " + tag, Scope.municipality(),
                LocalDate.of(2020, 1, 1), january));
        long teamRevision = append("GovernanceBody", team.value(), new AreaTeamEstablished(team, "Områdesteam " + tag, "Berga",
                "Leanlink", "Social- och omsorgsnämnden", 1, 2, "Trygghet", LocalDate.of(2021, 3, 2), PROPOSED),
                with(new Provenance(DocumentKind.PROPOSAL, DecisionStatus.PROPOSED, DatePrecision.AFTER, List.of(MEMO),
                        List.of(new Fact("teamLeaders", Certainty.INFERRED, "Källan ger bara summan för tre team.", 0),
                                new Fact("safetyWardens", Certainty.INFERRED, "Källan ger bara summan för tre team.", 0)),
                        List.of())));
        long line = append("GovernanceBody", team.value(), new ReportingLineSet(team, null, steering, LocalDate.of(2021, 3, 2), PROPOSED),
                with(new Provenance(DocumentKind.PROPOSAL, null, DatePrecision.AFTER, List.of(MEMO),
                        List.of(new Fact(Provenance.ENTRY, Certainty.INFERRED, "Ingen källa anger rapporteringsvägen.", null)),
                        List.of())));
        long money = append("Allocation", "alloc-" + tag, new BudgetAllocated(AllocationId.of("alloc-" + tag), YEAR, 4_000_000,
                        FundingSource.resourceFunds("Medel för trygghetsskapande insatser " + tag),
                        Recipient.committee("Social- och omsorgsnämnden"), "Områdesteam " + tag, LocalDate.of(2021, 3, 2), PROPOSED),
                with(new Provenance(DocumentKind.PROPOSAL, DecisionStatus.PROPOSED, DatePrecision.AFTER, List.of(MEMO),
                        List.of(new Fact("recipient", Certainty.INFERRED, "Källan säger att KS finansierar teamen, inte vilken nämnd som får medlen.", 0)),
                        List.of())));
        awaitProjection("audit", money);
        awaitProjection("orgchart", line);
        awaitProjection("ledger", money);

        // then: the audit trail shows the proposal, its bound and its passage, and "januari 2020" as a month
        JsonNode trail = get("/api/audit-trail?fromRevision=" + established + "&toRevision=" + money).path("entries");
        JsonNode teamEntry = at(trail, teamRevision);
        assertThat(teamEntry.path("decision").path("status").asString()).isEqualTo("PROPOSED");
        assertThat(teamEntry.path("decision").path("statusText").asString()).isEqualTo("Förslag – antagande framgår inte");
        assertThat(teamEntry.path("decision").path("dateText").asString()).isEqualTo("okänt, efter 2021-03-02");
        assertThat(teamEntry.path("effectiveDateAsKnown").asString()).isEqualTo("2021-03-02/..");
        assertThat(teamEntry.path("provenance").path("citations").get(0).path("passage").asString()).contains("sex \"trygghetsvärdar\"");
        JsonNode monthEntry = at(trail, established);
        assertThat(monthEntry.path("decision").path("dateAsKnown").asString()).isEqualTo("2020-01");
        assertThat(monthEntry.path("decision").path("dateText").asString()).isEqualTo("januari 2020");
        assertThat(monthEntry.path("effectiveDateText").asString()).isEqualTo("januari 2020");
        assertThat(monthEntry.has("provenance")).isFalse();

        // the body's history and the ledger row carry the same
        JsonNode history = get("/api/governance-bodies/" + team.value()).path("history");
        assertThat(at(history, teamRevision).path("provenance").path("facts").get(0).path("certainty").asString()).isEqualTo("INFERRED");
        assertThat(at(history, line).path("decision").path("status").asString()).isEqualTo("PROPOSED");
        JsonNode ledger = get("/api/budget/ledger?fiscalYear=" + YEAR).path("entries");
        JsonNode row = at(ledger, money);
        assertThat(row.path("recipientName").asString()).isEqualTo("Social- och omsorgsnämnden");
        assertThat(row.path("provenance").path("facts").get(0).path("field").asString()).isEqualTo("recipient");

        // when only what the sources state is asked for: the inferred recipient and staff split are left out and named,
        // the reporting line (inferred as a whole) is gone, the stated rest stays
        JsonNode stated = get("/api/budget/ledger?fiscalYear=" + YEAR + "&onlyStated=true").path("entries");
        JsonNode statedRow = at(stated, money);
        assertThat(statedRow.has("recipientName")).isFalse();
        assertThat(statedRow.has("recipientKind")).isFalse();
        assertThat(statedRow.path("amountSek").asLong()).isEqualTo(4_000_000);
        assertThat(statedRow.path("withheld").get(0).path("field").asString()).isEqualTo("recipient");
        assertThat(statedRow.path("withheld").get(0).path("certainty").asString()).isEqualTo("INFERRED");
        JsonNode statedHistory = get("/api/governance-bodies/" + team.value() + "?onlyStated=true").path("history");
        assertThat(statedHistory.findValues("revision").stream().map(JsonNode::asLong).toList()).doesNotContain(line).contains(teamRevision);
        // the body as it stands marks the facts its entries inferred, and leaves them out when only stated ones are asked for
        JsonNode current = get("/api/governance-bodies/" + team.value()).path("current");
        assertThat(current.path("uncertainFacts").findValuesAsString("field")).containsExactlyInAnyOrder("teamLeaders", "safetyWardens", "reportsTo");
        assertThat(current.path("areaTeam").path("teamLeaders").asInt()).isEqualTo(1);
        JsonNode statedCurrent = get("/api/governance-bodies/" + team.value() + "?onlyStated=true").path("current");
        assertThat(statedCurrent.path("areaTeam").has("teamLeaders")).isFalse();
        assertThat(statedCurrent.path("areaTeam").has("safetyWardens")).isFalse();
        assertThat(statedCurrent.has("reportsTo")).isFalse();
        assertThat(statedCurrent.path("areaTeam").path("district").asString()).isEqualTo("Berga");
        assertThat(statedCurrent.path("withheld").findValuesAsString("field")).containsExactlyInAnyOrder("teamLeaders", "safetyWardens", "reportsTo");
        JsonNode statedTrail = get("/api/audit-trail?fromRevision=" + established + "&toRevision=" + money + "&onlyStated=true").path("entries");
        assertThat(statedTrail.findValues("revision").stream().map(JsonNode::asLong).toList()).doesNotContain(line);

        var bad = Http.get(port, "/api/budget/ledger?onlyStated=yes", "auditor");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(Http.json(bad).path("field").asString()).isEqualTo("onlyStated");
    }
}
