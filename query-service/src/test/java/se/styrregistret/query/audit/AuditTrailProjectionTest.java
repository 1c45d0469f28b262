package se.styrregistret.query.audit;

import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.Test;
import se.styrregistret.kernel.common.DecisionReference;
import se.styrregistret.kernel.correction.EntryCorrected;
import se.styrregistret.kernel.governance.AreaTeamEstablished;
import se.styrregistret.kernel.governance.FieldChange;
import se.styrregistret.kernel.governance.GovernanceBodyAmended;
import se.styrregistret.kernel.governance.GovernanceBodyDissolved;
import se.styrregistret.kernel.governance.GovernanceBodyEstablished;
import se.styrregistret.kernel.governance.GovernanceBodyId;
import se.styrregistret.kernel.governance.Level;
import se.styrregistret.kernel.governance.Member;
import se.styrregistret.kernel.governance.MemberAppointed;
import se.styrregistret.kernel.governance.MemberRemoved;
import se.styrregistret.kernel.governance.Scope;
import se.styrregistret.query.support.Http;
import se.styrregistret.query.support.QueryServiceTest;
import tools.jackson.databind.JsonNode;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class AuditTrailProjectionTest extends QueryServiceTest {

    static final String AUDIT = AuditProjection.NAME;

    static GovernanceBodyId newId() {
        return GovernanceBodyId.of(UUID.randomUUID().toString());
    }

    static String unique(String prefix) {
        return prefix + " " + UUID.randomUUID().toString().substring(0, 8);
    }

    static DecisionReference decision(String caseNumber) {
        return new DecisionReference(caseNumber, "§ 12", LocalDate.of(2020, 1, 20), "Kommunstyrelsen");
    }

    static GovernanceBodyEstablished body(GovernanceBodyId id, String name, Scope scope, LocalDate effective,
                                          DecisionReference decision, Member... members) {
        return new GovernanceBodyEstablished(id, name, null, Level.TACTICAL, scope, List.of("Samordna"),
                "Kommundirektören", "3 gånger per år", List.of(), List.of(members), effective, decision);
    }

    long append(GovernanceBodyId id, Object event) {
        return append("GovernanceBody", id.value(), event);
    }

    JsonNode getJson(String pathAndQuery, String user) {
        var response = Http.get(port, pathAndQuery, user);
        assertThat(response.statusCode()).as(pathAndQuery + " → " + response.body()).isEqualTo(200);
        return Http.json(response);
    }

    static String q(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    @Test
    void every_event_gets_a_row_with_both_clocks_its_decision_who_recorded_it_and_a_swedish_summary() {
        GovernanceBodyId id = newId();
        String caseNumber = unique("KS 2019");
        long revision = append("GovernanceBody", id.value(),
                body(id, "Styrgrupp för Skäggetorp", Scope.district("Skäggetorp"), LocalDate.of(2020, 1, 20), decision(caseNumber)),
                MetaData.with("recordedBy", "registrar").and("correlationId", "corr-1").and("traceId", "trace-1"));
        awaitProjection(AUDIT, revision);

        Map<String, Object> row = jdbc.queryForMap("select *, affected_ids::text as ids, payload ->> 'name' as payload_name "
                + "from projection.audit_event where revision = ?", revision);
        assertThat(row.get("recorded_by")).isEqualTo("registrar");
        assertThat(row.get("correlation_id")).isEqualTo("corr-1");
        assertThat(row.get("trace_id")).isEqualTo("trace-1");
        assertThat(row.get("recorded_at")).isNotNull();
        assertThat(row.get("effective_date").toString()).isEqualTo("2020-01-20");
        assertThat(row.get("decision_case")).isEqualTo(caseNumber);
        assertThat(row.get("decision_paragraph")).isEqualTo("§ 12");
        assertThat(row.get("decision_date").toString()).isEqualTo("2020-01-20");
        assertThat(row.get("decided_by")).isEqualTo("Kommunstyrelsen");
        assertThat(row.get("event_type")).isEqualTo("GovernanceBodyEstablished");
        assertThat(row.get("category")).isEqualTo("governance");
        assertThat(row.get("district")).isEqualTo("Skäggetorp");
        assertThat(row.get("ids")).isEqualTo("[\"" + id.value() + "\"]");
        assertThat(row.get("summary")).isEqualTo("Organet «Styrgrupp för Skäggetorp» inrättades (taktisk nivå, Skäggetorp)");
        assertThat(row.get("payload_name")).isEqualTo("Styrgrupp för Skäggetorp");

        JsonNode one = getJson("/api/audit-trail/" + revision, "auditor");
        assertThat(one.path("revision").asLong()).isGreaterThanOrEqualTo(revision);
        assertThat(one.path("entry").path("revision").asLong()).isEqualTo(revision);
        assertThat(one.path("entry").path("decision").path("caseNumber").asString()).isEqualTo(caseNumber);
        assertThat(one.path("entry").path("payload").path("scope").path("district").asString()).isEqualTo("Skäggetorp");
    }

    @Test
    void events_the_audit_trail_does_not_know_are_audited_by_their_component_names() {
        GovernanceBodyId body = newId();
        String caseNumber = unique("KS 2021");
        long revision = append("BudgetAllocation", "alloc-" + body.value(), new BudgetLikeEventForTests(
                "alloc-" + body.value(), body, List.of("plan-1", "plan-2"), 2_520_000, "Stadsdelssamordnare",
                LocalDate.of(2021, 3, 1), decision(caseNumber)));
        awaitProjection(AUDIT, revision);

        JsonNode entry = getJson("/api/audit-trail/" + revision, "auditor").path("entry");
        assertThat(entry.path("eventType").asString()).isEqualTo("BudgetLikeEventForTests");
        assertThat(entry.path("effectiveDate").asString()).isEqualTo("2021-03-01");
        assertThat(entry.path("decision").path("caseNumber").asString()).isEqualTo(caseNumber);
        List<String> ids = new ArrayList<>();
        entry.path("affectedIds").forEach(n -> ids.add(n.asString()));
        assertThat(ids).containsExactly("alloc-" + body.value(), body.value(), "plan-1", "plan-2");
        assertThat(entry.path("summary").asString()).startsWith("Händelse BudgetLikeEventForTests för alloc-")
                .contains("gäller från 2021-03-01");
        assertThat(entry.path("payload").path("amountSek").asLong()).isEqualTo(2_520_000);

        JsonNode byBody = getJson("/api/audit-trail?bodyId=" + body.value(), "auditor");
        assertThat(byBody.path("total").asLong()).isEqualTo(1);
        assertThat(getJson("/api/audit-trail?bodyId=plan-2&caseNumber=" + q(caseNumber), "auditor").path("total").asLong())
                .isEqualTo(1);
    }

    @Test
    void an_event_whose_class_this_service_does_not_know_is_audited_from_its_stored_json() {
        String planId = "plan-" + UUID.randomUUID();
        String caseNumber = unique("KS 2020-12");
        String json = """
                {"planId":"%s","title":"Åtgärdsplan mot segregation","actionIds":["a-1","a-2"],"scope":{"district":"Ryd"},
                 "effectiveDate":"2020-12-02","decision":{"caseNumber":"%s","decisionDate":"2020-12-02","decidedBy":"Kommundirektören"}}"""
                .formatted(planId, caseNumber);
        jdbc.update("""
                insert into axon.domain_event_entry (global_index, sequence_number, meta_data, payload, aggregate_identifier,
                    event_identifier, payload_type, time_stamp, type)
                values (nextval('axon.domain_event_entry_global_index_seq'), 0, convert_to(?, 'UTF8'), convert_to(?, 'UTF8'),
                    ?, ?, 'se.styrregistret.kernel.actionplan.ActionPlanAdoptedFromTheFuture', ?, 'ActionPlan')""",
                "{\"recordedBy\":\"registrar\"}", json, planId, UUID.randomUUID().toString(), java.time.Instant.now().toString());
        long revision = jdbc.queryForObject("select global_index from axon.domain_event_entry where aggregate_identifier = ?",
                Long.class, planId);
        awaitProjection(AUDIT, revision);

        JsonNode entry = getJson("/api/audit-trail/" + revision, "auditor").path("entry");
        assertThat(entry.path("eventType").asString()).isEqualTo("ActionPlanAdoptedFromTheFuture");
        assertThat(entry.path("recordedBy").asString()).isEqualTo("registrar");
        assertThat(entry.path("effectiveDate").asString()).isEqualTo("2020-12-02");
        assertThat(entry.path("decision").path("caseNumber").asString()).isEqualTo(caseNumber);
        assertThat(entry.path("district").asString()).isEqualTo("Ryd");
        List<String> ids = new ArrayList<>();
        entry.path("affectedIds").forEach(n -> ids.add(n.asString()));
        assertThat(ids).containsExactly(planId, "a-1", "a-2");
        assertThat(entry.path("payload").path("title").asString()).isEqualTo("Åtgärdsplan mot segregation");
        assertThat(jdbc.queryForObject("select category from projection.audit_event where revision = ?", String.class, revision))
                .isEqualTo("actionplan");
    }

    @Test
    void summaries_name_the_body_and_what_changed() {
        GovernanceBodyId id = newId();
        DecisionReference d = decision(unique("KS"));
        append(id, body(id, "Lednings- och samordningsgrupp", Scope.municipality(), LocalDate.of(2020, 1, 20), d));
        long amended = append(id, new GovernanceBodyAmended(id,
                List.of(new FieldChange("meetingFrequency", "3 gånger per år", "Månadsvis")), "Lednings- och samordningsgrupp",
                List.of("Samordna"), "Kommundirektören", "Månadsvis", List.of(), LocalDate.of(2021, 1, 1), d));
        long appointed = append(id, new MemberAppointed(id, new Member("Kommunpolis", null), LocalDate.of(2021, 1, 1), d));
        long dissolved = append(id, new GovernanceBodyDissolved(id, "Uppdraget slutfört", LocalDate.of(2022, 1, 1), d));
        awaitProjection(AUDIT, dissolved);

        assertThat(summary(amended)).isEqualTo("«Lednings- och samordningsgrupp» ändrades: mötesfrekvens 3 gånger per år → Månadsvis");
        assertThat(summary(appointed)).isEqualTo("Kommunpolis blev ledamot i «Lednings- och samordningsgrupp»");
        assertThat(summary(dissolved)).isEqualTo("«Lednings- och samordningsgrupp» avvecklades: Uppdraget slutfört");
    }

    String summary(long revision) {
        return jdbc.queryForObject("select summary from projection.audit_event where revision = ?", String.class, revision);
    }

    @Test
    void the_trail_filters_pages_and_says_which_revision_it_reflects() {
        GovernanceBodyId a = newId();
        GovernanceBodyId b = newId();
        String caseNumber = unique("KS 2020");
        DecisionReference d = decision(caseNumber);
        long r1 = append(a, body(a, "Grupp A", Scope.municipality(), LocalDate.of(2020, 1, 20), d));
        long r2 = append(b, body(b, "Grupp B", Scope.municipality(), LocalDate.of(2021, 6, 1), d));
        long r3 = append("GovernanceBody", a.value(), new MemberAppointed(a, new Member("Kommunpolis", null),
                LocalDate.of(2022, 2, 2), d), MetaData.with("recordedBy", "someone-else"));
        awaitProjection(AUDIT, r3);
        String byCase = "/api/audit-trail?caseNumber=" + q(caseNumber);

        JsonNode all = getJson(byCase, "auditor");
        assertThat(all.path("total").asLong()).isEqualTo(3);
        assertThat(all.path("revision").asLong()).isGreaterThanOrEqualTo(r3);
        assertThat(revisions(all)).containsExactly(r1, r2, r3);

        assertThat(revisions(getJson(byCase + "&bodyId=" + a.value(), "auditor"))).containsExactly(r1, r3);
        assertThat(revisions(getJson(byCase + "&eventType=MemberAppointed", "registrar"))).containsExactly(r3);
        assertThat(revisions(getJson(byCase + "&recordedBy=someone-else", "admin"))).containsExactly(r3);
        assertThat(revisions(getJson(byCase + "&fromRevision=" + r2 + "&toRevision=" + r2, "auditor"))).containsExactly(r2);
        assertThat(revisions(getJson(byCase + "&effectiveFrom=2021-01-01&effectiveTo=2021-12-31", "auditor"))).containsExactly(r2);
        String today = LocalDate.now(se.styrregistret.query.revision.AsOfResolver.MUNICIPAL_ZONE).toString();
        assertThat(revisions(getJson(byCase + "&recordedFrom=" + today + "&recordedTo=" + today, "auditor")))
                .containsExactly(r1, r2, r3);
        assertThat(revisions(getJson(byCase + "&recordedTo=2000-01-01", "auditor"))).isEmpty();
        assertThat(revisions(getJson(byCase + "&eventType=NoSuchEvent", "auditor"))).isEmpty();

        JsonNode second = getJson(byCase + "&size=2&page=1", "auditor");
        assertThat(second.path("total").asLong()).isEqualTo(3);
        assertThat(second.path("size").asInt()).isEqualTo(2);
        assertThat(revisions(second)).containsExactly(r3);
    }

    static List<Long> revisions(JsonNode page) {
        List<Long> revisions = new ArrayList<>();
        page.path("entries").forEach(e -> revisions.add(e.path("revision").asLong()));
        return revisions;
    }

    @Test
    void bad_parameters_answer_400_naming_the_parameter_and_an_unknown_revision_404() {
        assertBadParameter("/api/audit-trail?size=501", "size");
        assertBadParameter("/api/audit-trail?size=0", "size");
        assertBadParameter("/api/audit-trail?page=-1", "page");
        assertBadParameter("/api/audit-trail?fromRevision=-1", "fromRevision");
        assertBadParameter("/api/audit-trail?toRevision=abc", "toRevision");
        assertBadParameter("/api/audit-trail?effectiveFrom=2021-02-30", "effectiveFrom");
        assertBadParameter("/api/audit-trail?recordedTo=2021-13-01", "recordedTo");
        assertBadParameter("/api/audit-trail.csv?fromRevision=-5", "fromRevision");
        assertBadParameter("/api/audit-trail/-3", "revision");
        assertBadParameter("/api/revisions/-1/diff/2", "a");
        assertBadParameter("/api/revisions/1/diff/999999999", "b");
        assertBadParameter("/api/timeline?from=2021-02-29", "from");

        var missing = Http.get(port, "/api/audit-trail/999999999", "auditor");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
    }

    void assertBadParameter(String pathAndQuery, String field) {
        var response = Http.get(port, pathAndQuery, "auditor");
        assertThat(response.statusCode()).as(pathAndQuery + " → " + response.body()).isEqualTo(400);
        assertThat(Http.json(response).path("field").asString()).as(pathAndQuery).isEqualTo(field);
    }

    @Test
    void the_trail_needs_an_auditor_registrar_or_admin_and_admin_endpoints_need_admin() {
        for (String path : List.of("/api/audit-trail", "/api/audit-trail.csv", "/api/audit-trail/1", "/api/audit-trail/verification")) {
            assertThat(Http.get(port, path, "reader").statusCode()).as(path).isEqualTo(403);
            assertThat(Http.get(port, path, null).statusCode()).as(path).isEqualTo(401);
        }
        assertThat(Http.get(port, "/api/audit-trail", "registrar").statusCode()).isEqualTo(200);
        assertThat(Http.get(port, "/api/timeline", "reader").statusCode()).isEqualTo(200);
        assertThat(Http.get(port, "/api/admin/projections/audit", "auditor").statusCode()).isEqualTo(403);
        assertThat(Http.post(port, "/api/admin/projections/audit/rebuild", "registrar").statusCode()).isEqualTo(403);
        assertThat(Http.get(port, "/api/admin/projections/no-such-projection", "admin").statusCode()).isEqualTo(404);
    }

    @Test
    void the_csv_has_a_header_row_utf8_and_quotes_what_needs_quoting() {
        GovernanceBodyId id = newId();
        String caseNumber = unique("KS 2022");
        long revision = append(id, body(id, "Grupp \"Trygg\", Skäggetorp", Scope.municipality(), LocalDate.of(2022, 1, 3),
                decision(caseNumber)));
        awaitProjection(AUDIT, revision);

        var response = Http.get(port, "/api/audit-trail.csv?caseNumber=" + q(caseNumber), "auditor");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("text/csv;charset=UTF-8");
        assertThat(response.headers().firstValue(AuditController.REVISION_HEADER).map(Long::parseLong))
                .hasValueSatisfying(r -> assertThat(r).isGreaterThanOrEqualTo(revision));
        assertThat(response.body()).startsWith("\uFEFF");
        String[] lines = response.body().substring(1).split("\r\n");
        assertThat(lines).hasSize(2);
        // for Swedish Excel: semicolons, Swedish headers, the event as stored last
        assertThat(lines[0]).startsWith("Ändring nr;Registrerad;Registrerad av;Gäller från;Diarienummer;")
                .contains(";Typ av ändring;Händelsekod;Sammanfattning;")
                .endsWith(";Händelsen som lagrad (JSON)");
        assertThat(lines[1]).startsWith(revision + ";")
                .contains(";test-registrar;")
                .contains(";" + caseNumber + ";§ 12;2020-01-20;Kommunstyrelsen;Organ inrättat;GovernanceBodyEstablished;")
                .contains(";\"Organet «Grupp \"\"Trygg\"\", Skäggetorp» inrättades (taktisk nivå, kommunen)\";");
    }

    @Test
    void the_timeline_orders_by_effective_date_then_revision_and_filters_by_district_and_body() {
        String district = unique("Stadsdel");
        GovernanceBodyId team = newId();
        GovernanceBodyId council = newId();
        GovernanceBodyId elsewhere = newId();
        DecisionReference d = decision(unique("KS 2021"));
        long later = append(team, new AreaTeamEstablished(team, "Områdesteam " + district, district, "Leanlink",
                "Social- och omsorgsnämnden", 1, 2, "Trygghet", LocalDate.of(2021, 3, 1), d));
        long earlier = append(council, body(council, "Trygghetsråd " + district, Scope.district(district),
                LocalDate.of(2020, 6, 1), d));
        long member = append(council, new MemberAppointed(council, new Member("Polisen", null), LocalDate.of(2021, 3, 1), d));
        long other = append(elsewhere, body(elsewhere, "Annat råd", Scope.municipality(), LocalDate.of(2021, 1, 1), d));
        awaitProjection(AUDIT, other);
        awaitProjection("orgchart", other);

        JsonNode timeline = getJson("/api/timeline?district=" + q(district), "reader");
        assertThat(timeline.path("revision").asLong()).isGreaterThanOrEqualTo(other);
        List<Long> order = new ArrayList<>();
        timeline.path("entries").forEach(e -> order.add(e.path("revision").asLong()));
        assertThat(order).as("by effective date, then revision; the member event matched through its body's district")
                .containsExactly(earlier, later, member);
        JsonNode first = timeline.path("entries").get(0);
        assertThat(first.path("decision").path("caseNumber").asString()).isEqualTo(d.caseNumber());
        assertThat(first.path("summary").asString()).contains("Trygghetsråd " + district);
        assertThat(first.path("affectedBodies").get(0).path("name").asString()).isEqualTo("Trygghetsråd " + district);

        List<Long> inRange = new ArrayList<>();
        getJson("/api/timeline?district=" + q(district) + "&from=2021-01-01&to=2021-12-31", "reader").path("entries")
                .forEach(e -> inRange.add(e.path("revision").asLong()));
        assertThat(inRange).containsExactly(later, member);

        List<Long> byBody = new ArrayList<>();
        getJson("/api/timeline?bodyId=" + council.value(), "reader").path("entries")
                .forEach(e -> byBody.add(e.path("revision").asLong()));
        assertThat(byBody).containsExactly(earlier, member);
    }

    @Test
    void late_corrected_and_annulled_entries_are_shown_as_such_with_their_links_in_the_trail_the_timeline_and_the_page() {
        GovernanceBodyId id = newId();
        String name = unique("Samverkansgrupp");
        DecisionReference d = decision(unique("KS 2015"));
        append(id, body(id, name, Scope.municipality(), LocalDate.of(2010, 2, 1), d));
        long amended = append(id, new GovernanceBodyAmended(id, List.of(new FieldChange("convener", "Kommundirektören", "Polisen")),
                name, List.of("Samordna"), "Polisen", "3 gånger per år", List.of(), LocalDate.of(2020, 1, 1), d));
        long late = append(id, new MemberAppointed(id, new Member("Räddningstjänsten", null), LocalDate.of(2015, 5, 5), d));
        long correction = append(id, new EntryCorrected(id.value(), eventIdAt(amended), amended, "GovernanceBodyAmended",
                false, "Protokollet anger 2019", d));
        long replaced = append("GovernanceBody", id.value(), new GovernanceBodyAmended(id,
                List.of(new FieldChange("convener", "Kommundirektören", "Polisen")), name, List.of("Samordna"), "Polisen",
                "3 gånger per år", List.of(), LocalDate.of(2019, 1, 1), d),
                MetaData.with("recordedBy", "test-registrar").and(EntryCorrected.CORRECTS, eventIdAt(amended)));
        long annulment = append(id, new EntryCorrected(id.value(), eventIdAt(late), late, "MemberAppointed", true,
                "Hörde till en annan grupp", null));
        awaitProjection(AUDIT, annulment);

        JsonNode trail = getJson("/api/audit-trail?bodyId=" + id.value() + "&size=50", "auditor");
        Map<Long, JsonNode> byRevision = new java.util.HashMap<>();
        trail.path("entries").forEach(e -> byRevision.put(e.path("revision").asLong(), e.path("clocks")));
        assertThat(byRevision.get(amended).path("correctedInRevision").asLong()).isEqualTo(correction);
        assertThat(byRevision.get(amended).path("note").asString())
                .isEqualTo("rättad i ändring nr " + correction + ": Protokollet anger 2019");
        assertThat(byRevision.get(late).path("recordedLate").asBoolean()).isTrue();
        assertThat(byRevision.get(late).path("annulled").asBoolean()).isTrue();
        assertThat(byRevision.get(late).path("note").asString()).matches("registrerad \\d{4}-\\d{2}-\\d{2}, gällande från 2015-05-05; "
                + "struken i ändring nr " + annulment + ": Hörde till en annan grupp");
        assertThat(byRevision.get(replaced).path("correctsRevision").asLong()).isEqualTo(amended);
        assertThat(byRevision.get(replaced).path("note").asString()).contains("rättelse av ändring nr " + amended);

        JsonNode timeline = getJson("/api/timeline?bodyId=" + id.value(), "reader");
        Map<Long, JsonNode> onTimeline = new java.util.HashMap<>();
        timeline.path("entries").forEach(e -> onTimeline.put(e.path("revision").asLong(), e));
        assertThat(onTimeline.get(late).path("clocks").path("recordedLate").asBoolean()).isTrue();
        assertThat(onTimeline.get(late).path("recordedAt").asString()).isNotBlank();
        assertThat(onTimeline.get(amended).path("clocks").path("note").asString()).startsWith("rättad i ändring nr");

        JsonNode page = getJson("/api/audit-trail/" + late, "auditor");
        List<String> facts = new ArrayList<>();
        page.path("document").path("facts").forEach(f -> facts.add(f.path("label").asString() + ": " + f.path("value").asString()));
        assertThat(facts).anyMatch(f -> f.startsWith("Registrering: registrerad ") && f.contains("struken i ändring nr " + annulment));

        awaitTheDiffsSources(annulment);
        JsonNode diff = getJson("/api/revisions/" + late + "/diff/" + annulment, "reader");
        List<Long> noted = new ArrayList<>();
        diff.path("lateOrCorrected").forEach(e -> noted.add(e.path("revision").asLong()));
        assertThat(noted).as("corrected in between (amended, late) and the correction's replacement").containsExactly(amended, late, replaced);
    }

    @Test
    void the_diff_between_two_revisions_lists_bodies_added_ended_changed_and_members_in_and_out() {
        GovernanceBodyId kept = newId();
        GovernanceBodyId ended = newId();
        GovernanceBodyId added = newId();
        DecisionReference d = decision(unique("KS 2020"));
        append(kept, body(kept, "Styrgrupp", Scope.municipality(), LocalDate.of(2020, 1, 20), d, new Member("Kommunpolis", null)));
        long from = append(ended, body(ended, "LOP-gruppen", Scope.municipality(), LocalDate.of(2007, 5, 29), d));
        append(kept, new GovernanceBodyAmended(kept, List.of(new FieldChange("meetingFrequency", "3 gånger per år", "Månadsvis")),
                "Styrgrupp", List.of("Samordna"), "Kommundirektören", "Månadsvis", List.of(), LocalDate.of(2021, 1, 1), d));
        append(kept, new MemberAppointed(kept, new Member("Säkerhetsenheten", "Anna Andersson"), LocalDate.of(2021, 1, 1), d));
        append(kept, new MemberRemoved(kept, new Member("Kommunpolis", null), LocalDate.of(2021, 1, 1), d));
        append(ended, new GovernanceBodyDissolved(ended, "Ersatt", LocalDate.of(2020, 1, 20), d));
        long to = append(added, body(added, "EST-gruppen", Scope.municipality(), LocalDate.of(2020, 1, 20), d));
        awaitTheDiffsSources(to);

        JsonNode diff = getJson("/api/revisions/" + from + "/diff/" + to, "reader");
        assertThat(diff.path("from").asLong()).isEqualTo(from);
        assertThat(diff.path("to").asLong()).isEqualTo(to);
        assertThat(diff.path("revision").asLong()).isGreaterThanOrEqualTo(to);
        assertThat(ids(diff.path("added"))).containsExactly(added.value());
        assertThat(ids(diff.path("ended"))).containsExactly(ended.value());
        JsonNode keptChange = find(diff.path("changed"), "bodyId", kept.value());
        assertThat(keptChange.path("name").asString()).isEqualTo("Styrgrupp");
        assertThat(keptChange.path("changes")).hasSize(1);
        assertThat(keptChange.path("changes").get(0).path("field").asString()).isEqualTo("meetingFrequency");
        assertThat(keptChange.path("changes").get(0).path("before").asString()).isEqualTo("3 gånger per år");
        assertThat(keptChange.path("changes").get(0).path("after").asString()).isEqualTo("Månadsvis");
        JsonNode endedChange = find(diff.path("changed"), "bodyId", ended.value());
        assertThat(endedChange.path("changes").get(0).path("field").asString()).isEqualTo("status");
        assertThat(endedChange.path("changes").get(0).path("after").asString()).isEqualTo("DISSOLVED");
        // the same in Swedish for people
        assertThat(endedChange.path("labelledChanges").get(0).path("label").asString()).isEqualTo("Status");
        assertThat(endedChange.path("labelledChanges").get(0).path("before").asString()).isEqualTo("aktivt");
        assertThat(endedChange.path("labelledChanges").get(0).path("after").asString()).isEqualTo("avvecklat");
        assertThat(keptChange.path("labelledChanges").get(0).path("label").asString()).isEqualTo("Mötesfrekvens");
        JsonNode in = find(diff.path("membersIn"), "bodyId", kept.value());
        assertThat(in.path("role").asString()).isEqualTo("Säkerhetsenheten");
        assertThat(in.path("holder").asString()).isEqualTo("Anna Andersson");
        assertThat(find(diff.path("membersOut"), "bodyId", kept.value()).path("role").asString()).isEqualTo("Kommunpolis");
        assertThat(diff.path("moneyMoved").isArray()).isTrue();

        JsonNode none = getJson("/api/revisions/" + to + "/diff/" + to, "reader");
        assertThat(none.path("added")).isEmpty();
        assertThat(none.path("changed")).isEmpty();
        assertThat(none.path("membersIn")).isEmpty();
    }

    static List<String> ids(JsonNode refs) {
        List<String> ids = new ArrayList<>();
        refs.forEach(r -> ids.add(r.path("id").asString()));
        return ids;
    }

    static JsonNode find(JsonNode array, String field, String value) {
        for (JsonNode n : array) {
            if (value.equals(n.path(field).asString())) return n;
        }
        throw new AssertionError("no " + field + "=" + value + " in " + array);
    }

    @org.springframework.beans.factory.annotation.Autowired
    se.styrregistret.query.revision.ProjectionRevisions projectionRevisions;

    /** A revision diff answers up to the lowest revision its sources (org chart, ledger, audit trail) have read. */
    private void awaitTheDiffsSources(long revision) {
        org.awaitility.Awaitility.await("the diff's sources at " + revision).atMost(java.time.Duration.ofSeconds(20))
                .pollInterval(java.time.Duration.ofMillis(50))
                .until(() -> java.util.List.of("orgchart", "ledger", "audit").stream()
                        .allMatch(p -> projectionRevisions.current(p) >= revision));
    }
}
