package se.styrregistret.query.audit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import se.styrregistret.kernel.actionplan.ActionLinkedToBody;
import se.styrregistret.kernel.actionplan.ActionPlanApproved;
import se.styrregistret.kernel.actionplan.ActionPlanId;
import se.styrregistret.kernel.actionplan.DevelopmentArea;
import se.styrregistret.kernel.actionplan.PlannedAction;
import se.styrregistret.kernel.agreement.AgreementId;
import se.styrregistret.kernel.agreement.AgreementKind;
import se.styrregistret.kernel.agreement.AgreementRecorded;
import se.styrregistret.kernel.budget.AllocationId;
import se.styrregistret.kernel.budget.BudgetAllocated;
import se.styrregistret.kernel.budget.FinancingReferred;
import se.styrregistret.kernel.budget.FundingSource;
import se.styrregistret.kernel.budget.GrantId;
import se.styrregistret.kernel.budget.GrantRegistered;
import se.styrregistret.kernel.budget.Recipient;
import se.styrregistret.kernel.budget.ReferralId;
import se.styrregistret.kernel.common.DecisionReference;
import se.styrregistret.kernel.correction.EntryCorrected;
import se.styrregistret.kernel.governance.AreaTeamEstablished;
import se.styrregistret.kernel.governance.GovernanceBodyId;
import se.styrregistret.kernel.governance.GovernanceBodyReplaced;
import se.styrregistret.kernel.governance.ReportingLineSet;
import se.styrregistret.kernel.governance.Scope;
import se.styrregistret.query.support.Http;
import se.styrregistret.query.support.QueryServiceTest;
import tools.jackson.databind.JsonNode;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static se.styrregistret.query.audit.AuditTrailProjectionTest.body;
import static se.styrregistret.query.audit.AuditTrailProjectionTest.q;
import static se.styrregistret.query.audit.AuditTrailProjectionTest.unique;

/**
 * The audit trail, timeline, revision page, body history, budget and district answers read in Swedish for
 * every kind of event: labels, kinds, summaries naming things by name, filters that take what a person types.
 */
class SwedishReadingTest extends QueryServiceTest {

    static final LocalDate MARCH = LocalDate.of(2021, 3, 1);
    /** Budget years of their own, so the ledger's 2021 and 2022 totals other tests check stay theirs (one database). */
    static final int MONEY_YEAR = 2041;

    String caseNumber;
    DecisionReference d;
    String tag;
    GovernanceBodyId libra;
    GovernanceBodyId political;
    GovernanceBodyId team;
    ActionPlanId plan;
    long agreement;
    long grant;
    long allocation;
    long referral;
    long approved;
    long linked;
    long replaced;
    long head;

    @BeforeEach
    void events_of_every_kind() {
        tag = UUID.randomUUID().toString().substring(0, 8);
        caseNumber = unique("KS 2021");
        d = new DecisionReference(caseNumber, "§ 7", MARCH, "Kommunstyrelsen");
        libra = GovernanceBodyId.of("libra-" + tag);
        political = GovernanceBodyId.of("politisk-" + tag);
        team = GovernanceBodyId.of("team-" + tag);
        plan = ActionPlanId.of("plan-" + tag);
        append("GovernanceBody", libra.value(), body(libra, "LiBrå " + tag + " – brottsförebyggande råd", Scope.municipality(),
                LocalDate.of(2007, 5, 29), d));
        append("GovernanceBody", political.value(), body(political, "Politisk styrgrupp " + tag, Scope.municipality(),
                LocalDate.of(2020, 1, 1), d));
        append("GovernanceBody", political.value(), new ReportingLineSet(political, libra, null, LocalDate.of(2020, 1, 2), d));
        replaced = append("GovernanceBody", libra.value(), new GovernanceBodyReplaced(libra, List.of(political), null,
                LocalDate.of(2020, 1, 20), d));
        long teamEstablished = append("GovernanceBody", team.value(), new AreaTeamEstablished(team, "Områdesteam Berga " + tag, "Berga", "Leanlink",
                "Social- och omsorgsnämnden", 1, 2, "Trygghet", MARCH, d));
        agreement = append("Agreement", "avtal-" + tag, new AgreementRecorded(AgreementId.of("avtal-" + tag),
                AgreementKind.COLLABORATION_AGREEMENT, "Samverkansöverenskommelse " + tag, List.of("Linköpings kommun", "Polisen"),
                2019, 2022, List.of(), null, null, LocalDate.of(2019, 5, 7), d));
        approved = append("ActionPlan", plan.value(), new ActionPlanApproved(plan, "Åtgärdsplan " + tag, null, "Kommundirektören",
                5, 5, 60, List.of(new DevelopmentArea(1, "Ökad trygghet")), List.of(),
                List.of(new PlannedAction("bilda-" + tag, "Bilda områdesteam " + tag, 1, List.of(), List.of("Berga")),
                        new PlannedAction("annan-" + tag, "Annan åtgärd " + tag, 3, List.of(), List.of("Berga"))),
                LocalDate.of(2020, 12, 2), d));
        linked = append("ActionPlan", plan.value(), new ActionLinkedToBody(plan, "bilda-" + tag, team, MARCH, d));
        grant = append("Grant", "grant-" + tag, new GrantRegistered(GrantId.of("grant-" + tag), "Delegationen mot segregation",
                MONEY_YEAR, 2_100_000, "Områdesteam", MARCH, d));
        allocation = append("Allocation", "alloc-" + tag, new BudgetAllocated(AllocationId.of("alloc-" + tag), MONEY_YEAR, 2_100_000,
                FundingSource.grant(GrantId.of("grant-" + tag), "Delegationen mot segregation"),
                Recipient.committee("Social- och omsorgsnämnden"), "Områdesteam Berga, Ryd och Skäggetorp " + tag, MARCH, d));
        referral = append("Referral", "ref-" + tag, new FinancingReferred(ReferralId.of("ref-" + tag), MONEY_YEAR + 1,
                "Finansiering 2022 " + tag, "Budgetberedningen", Recipient.committee("Social- och omsorgsnämnden"), null, MARCH, d));
        head = referral;
        awaitProjection(AuditProjection.NAME, head);
        awaitProjection("ledger", head);
        awaitProjection("orgchart", teamEstablished);
        awaitProjection("actionplans", linked);
    }

    JsonNode get(String pathAndQuery, String user) {
        var response = Http.get(port, pathAndQuery, user);
        assertThat(response.statusCode()).as(pathAndQuery + " → " + response.body()).isEqualTo(200);
        return Http.json(response);
    }

    List<JsonNode> entries(JsonNode answer) {
        List<JsonNode> all = new ArrayList<>();
        answer.path("entries").forEach(all::add);
        return all;
    }

    @Test
    void every_entry_has_a_swedish_label_a_kind_and_a_summary_naming_things_by_name() {
        List<JsonNode> trail = entries(get("/api/audit-trail?caseNumber=" + q(caseNumber), "auditor"));
        assertThat(trail).hasSize(11);
        for (JsonNode e : trail) {
            String summary = e.path("summary").asString();
            assertThat(e.path("typeLabel").asString()).isNotBlank().isNotEqualTo(e.path("eventType").asString());
            assertThat(e.path("kind").asString()).isIn("bodies", "members", "agreements", "plans", "actions", "money");
            assertThat(summary).as(summary).doesNotStartWith("Händelse").doesNotContain(e.path("eventType").asString())
                    .doesNotContain(libra.value(), political.value(), team.value(), plan.value(), "grant-" + tag, "alloc-" + tag,
                            "ref-" + tag, "okänt organ", "okänd");
        }
        JsonNode money = byRevision(trail, allocation);
        assertThat(money.path("typeLabel").asString()).isEqualTo("Budget fördelad");
        assertThat(money.path("kind").asString()).isEqualTo("money");
        assertThat(money.path("summary").asString()).contains("2 100 tkr", "Delegationen mot segregation", "Social- och omsorgsnämnden",
                "budgetår " + MONEY_YEAR);
        assertThat(byRevision(trail, referral).path("summary").asString()).contains("belopp okänt").doesNotContain("0 tkr");
        assertThat(byRevision(trail, linked).path("summary").asString())
                .isEqualTo("Åtgärden «Bilda områdesteam " + tag + "» i «Åtgärdsplan " + tag + "» kopplades till «Områdesteam Berga " + tag + "»");
        JsonNode replacedEntry = byRevision(trail, replaced);
        assertThat(replacedEntry.path("summary").asString()).isEqualTo("«LiBrå " + tag + " – brottsförebyggande råd» ersattes av «Politisk styrgrupp " + tag + "»");
        assertThat(replacedEntry.path("changes").toString()).contains("\"label\":\"Status\"", "\"before\":\"aktivt\"",
                "\"after\":\"ersatt\"", "Efterträdare").doesNotContain("REPLACED", "ACTIVE");
    }

    @Test
    void the_filters_take_a_swedish_label_or_code_and_a_body_name_or_id() {
        String byCase = "/api/audit-trail?caseNumber=" + q(caseNumber);
        assertThat(revisions(get(byCase + "&eventType=" + q("Budget fördelad"), "auditor"))).containsExactly(allocation);
        assertThat(revisions(get(byCase + "&eventType=budgetallocated", "auditor"))).containsExactly(allocation);
        assertThat(revisions(get(byCase + "&eventType=" + q("inrättat"), "auditor"))).hasSize(3);
        assertThat(revisions(get(byCase + "&eventType=" + q("ingen sådan typ"), "auditor"))).isEmpty();
        // a part of a name, any case, finds the body's events; so does its id
        List<Long> byName = revisions(get(byCase + "&body=" + q("librå " + tag), "auditor"));
        assertThat(byName).contains(replaced).hasSize(3);
        assertThat(revisions(get(byCase + "&bodyId=" + libra.value(), "auditor"))).isEqualTo(byName);

        JsonNode types = get("/api/audit/event-types", "reader");
        assertThat(types.size()).isEqualTo(se.styrregistret.kernel.schema.EventTypes.all().size());
        assertThat(types.toString()).contains("{\"type\":\"BudgetAllocated\",\"label\":\"Budget fördelad\",\"kind\":\"money\"");
    }

    @Test
    void the_timeline_holds_every_kind_of_change_and_filters_by_kind_and_body_name() {
        List<JsonNode> all = entries(get("/api/timeline?from=2019-01-01&to=2021-12-31", "reader")).stream()
                .filter(e -> e.path("decision").path("caseNumber").asString().equals(caseNumber)).toList();
        assertThat(all).extracting(e -> e.path("kind").asString())
                .contains("bodies", "agreements", "plans", "actions", "money");
        assertThat(all).extracting(e -> e.path("revision").asLong()).contains(agreement, approved, grant, allocation, referral);
        JsonNode first = all.get(0);
        assertThat(first.path("revision").asLong()).as("2019 agreement first").isEqualTo(agreement);
        assertThat(first.path("typeLabel").asString()).isEqualTo("Överenskommelse registrerad");
        assertThat(first.path("decisionText").asString()).isEqualTo("Kommunstyrelsen 2021-03-01 § 7 (" + caseNumber + ")");

        List<Long> money = revisions(get("/api/timeline?kind=money&from=2021-03-01&to=2021-03-01", "reader"));
        assertThat(money).contains(grant, allocation, referral).doesNotContain(linked, agreement);
        assertThat(revisions(get("/api/timeline?body=" + q("Politisk styrgrupp " + tag), "reader"))).contains(replaced);
        assertThat(revisions(get("/api/timeline?district=Berga&from=2020-12-02&to=2021-03-01", "reader")))
                .as("the plan with an action for Berga and the link to Berga's team; not money for several districts' teams")
                .contains(approved, linked).doesNotContain(allocation, agreement);

        var badKind = Http.get(port, "/api/timeline?kind=pengarna", "reader");
        assertThat(badKind.statusCode()).isEqualTo(400);
        assertThat(Http.json(badKind).path("field").asString()).isEqualTo("kind");
        var backwards = Http.get(port, "/api/timeline?from=2021-01-02&to=2021-01-01", "reader");
        assertThat(backwards.statusCode()).isEqualTo(400);
        assertThat(Http.json(backwards).path("field").asString()).isEqualTo("to");
        assertThat(Http.json(backwards).path("detail").asString()).isEqualTo("Till: får inte vara före från-datum");
        var badDate = Http.get(port, "/api/timeline?from=2021-02-30", "reader");
        assertThat(Http.json(badDate).path("detail").asString()).isEqualTo("Från: ska vara ett datum på formen ÅÅÅÅ-MM-DD");
    }

    @Test
    void a_revision_reads_as_a_document_with_the_stored_event_beside_it() {
        JsonNode page = get("/api/audit-trail/" + replaced, "auditor");
        JsonNode doc = page.path("document");
        assertThat(doc.path("title").asString()).isEqualTo("Ändring nr " + replaced + ": Organ ersatt");
        assertThat(doc.path("summary").asString()).contains("LiBrå " + tag);
        assertThat(doc.path("decision").asString()).isEqualTo("Kommunstyrelsen 2021-03-01 § 7 (" + caseNumber + ")");
        assertThat(doc.path("recordedBy").asString()).isEqualTo("test-registrar");
        assertThat(doc.path("changes").toString()).contains("aktivt", "ersatt", "Politisk styrgrupp " + tag);
        List<String> labels = new ArrayList<>();
        doc.path("facts").forEach(f -> labels.add(f.path("label").asString()));
        assertThat(labels).contains("Ändring nr", "Gäller från", "Beslut", "Registrerad av", "Registrerad")
                .noneMatch(l -> l.contains("Aggregat") || l.contains("Korrelations") || l.contains("Revision"));
        assertThat(page.path("entry").path("payload").path("successors").get(0).asString()).isEqualTo(political.value());

        JsonNode raw = get("/api/audit-trail/" + replaced + "/raw", "auditor");
        assertThat(raw.path("eventType").asString()).isEqualTo("GovernanceBodyReplaced");
        assertThat(raw.path("payload").path("bodyId").asString()).isEqualTo(libra.value());
        assertThat(Http.get(port, "/api/audit-trail/" + replaced + "/raw", "reader").statusCode()).isEqualTo(403);
    }

    @Test
    void a_bodys_history_names_statuses_and_bodies_in_swedish() {
        JsonNode body = get("/api/governance-bodies/" + political.value(), "reader");
        String history = body.path("history").toString();
        assertThat(history).contains("\"typeLabel\":\"Rapporteringsväg ändrad\"", "\"label\":\"Rapporterar till\"",
                "\"after\":\"LiBrå " + tag + " – brottsförebyggande råd\"");
        JsonNode libraBody = get("/api/governance-bodies/" + libra.value(), "reader");
        assertThat(libraBody.path("history").toString()).contains("\"before\":\"aktivt\",\"after\":\"ersatt\"");
    }

    @Test
    void the_budget_has_columns_that_mean_what_they_say_totals_and_the_years_side_by_side() {
        JsonNode ledger = get("/api/budget/ledger?asOfRevision=" + head, "reader");
        JsonNode grantRow = null;
        JsonNode referralRow = null;
        for (JsonNode e : ledger.path("entries")) {
            if (e.path("revision").asLong() == grant) grantRow = e;
            if (e.path("revision").asLong() == referral) referralRow = e;
        }
        assertThat(grantRow).isNotNull();
        assertThat(grantRow.path("entryTypeLabel").asString()).isEqualTo("Bidrag registrerat");
        assertThat(grantRow.path("availableSek").asLong()).isEqualTo(2_100_000);
        assertThat(grantRow.path("movedSek").isNull()).isTrue();
        assertThat(grantRow.path("allocatedToDateSek").isNull()).isTrue();
        assertThat(referralRow).isNotNull();
        assertThat(referralRow.path("referredTo").asString()).isEqualTo("Budgetberedningen");
        assertThat(referralRow.path("sourceName").isNull()).isTrue();
        assertThat(referralRow.path("amountSek").isNull()).as("an unknown amount is null, never 0").isTrue();
        assertThat(referralRow.path("estimatedSek").isNull()).isTrue();
        assertThat(ledger.path("totals").path("referralsWithoutEstimate").asInt()).isGreaterThanOrEqualTo(1);
        assertThat(ledger.path("answeredOn").asString()).isNotBlank();

        JsonNode summary = get("/api/budget/summary?asOfDate=2021-12-31", "reader");
        assertThat(summary.path("asOfDate").asString()).isEqualTo("2021-12-31");
        List<Integer> years = new ArrayList<>();
        summary.path("years").forEach(y -> years.add(y.path("fiscalYear").asInt()));
        assertThat(years).contains(MONEY_YEAR, MONEY_YEAR + 1).isSorted();
        assertThat(summary.path("notSplitByDistrictSek").asLong()).isGreaterThanOrEqualTo(2_100_000);
        assertThat(summary.path("totalAvailableSek").asLong()).isGreaterThanOrEqualTo(2_100_000);
    }

    @Test
    void a_district_counts_money_shared_with_other_districts_teams_and_says_what_it_knows_of_its_actions() {
        registerDistricts("Berga", "Ryd", "Skäggetorp");
        JsonNode berga = get("/api/districts/Berga", "reader");
        assertThat(berga.path("sharedAllocations").toString()).contains("Områdesteam Berga, Ryd och Skäggetorp " + tag,
                "källan anger ingen fördelning per stadsdel");
        assertThat(berga.path("moneyNote").asString()).contains("Områdesteam Berga, Ryd och Skäggetorp " + tag)
                .doesNotContain("inga pengar registrerade");
        JsonNode bilda = null;
        JsonNode other = null;
        for (JsonNode a : berga.path("actions")) {
            if (a.path("actionId").asString().equals("bilda-" + tag)) bilda = a;
            if (a.path("actionId").asString().equals("annan-" + tag)) other = a;
        }
        assertThat(bilda).isNotNull();
        assertThat(bilda.path("status").asString()).as("the source's status, not invented").isEqualTo("PLANNED");
        assertThat(bilda.path("statusReported").asBoolean()).isFalse();
        assertThat(bilda.path("statusNote").asString()).contains("ingen lägesrapport", "Områdesteam Berga " + tag);
        assertThat(bilda.path("developmentAreaLabel").asString()).isEqualTo("Utvecklingsområde 1: Ökad trygghet");
        assertThat(other.path("developmentAreaTitle").isNull()).isTrue();
        assertThat(other.path("developmentAreaLabel").asString()).isEqualTo("Utvecklingsområde 3 (namnet anges inte i källan)");
    }

    @Test
    void a_correction_reads_as_one_of_the_corrected_entrys_kind() {
        long corrected = append("Allocation", "alloc-" + tag, new EntryCorrected("alloc-" + tag, UUID.randomUUID().toString(),
                allocation, "BudgetAllocated", false, "Beloppet skrevs in fel", d));
        awaitProjection(AuditProjection.NAME, corrected);

        JsonNode entry = get("/api/audit-trail/" + corrected, "auditor").path("entry");
        assertThat(entry.path("typeLabel").asString()).isEqualTo("Rättelse av ändring");
        assertThat(entry.path("kind").asString()).isEqualTo("money");
        assertThat(entry.path("summary").asString()).isEqualTo("Ändring nr " + allocation
                + " (budget fördelad) rättades: Beloppet skrevs in fel (enligt Kommunstyrelsen 2021-03-01 § 7 (" + caseNumber + "))");
        assertThat(revisions(get("/api/timeline?kind=money", "reader"))).contains(corrected);
        assertThat(revisions(get("/api/timeline?kind=bodies", "reader"))).doesNotContain(corrected);
    }

    static JsonNode byRevision(List<JsonNode> entries, long revision) {
        return entries.stream().filter(e -> e.path("revision").asLong() == revision).findFirst()
                .orElseThrow(() -> new AssertionError("no entry " + revision));
    }

    static List<Long> revisions(JsonNode answer) {
        List<Long> revisions = new ArrayList<>();
        answer.path("entries").forEach(e -> revisions.add(e.path("revision").asLong()));
        return revisions;
    }
}
