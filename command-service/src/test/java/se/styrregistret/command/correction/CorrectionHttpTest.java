package se.styrregistret.command.correction;

import org.junit.jupiter.api.Test;
import se.styrregistret.command.support.CommandServiceTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** POST /api/corrections over real HTTP and PostgreSQL: the entry at a revision corrected, annulled or refused by rule. */
class CorrectionHttpTest extends CommandServiceTest {

    static final String DECISION = """
            "decision":{"caseNumber":"KS 2020-1","decisionDate":"2020-01-20","decidedBy":"Kommunstyrelsen"}""";

    static JsonNode json(HttpResponse<String> response) {
        return JsonMapper.shared().readTree(response.body());
    }

    static long revision(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isBetween(200, 201);
        return json(response).path("revision").asLong();
    }

    String body() {
        String id = "b-" + UUID.randomUUID();
        var established = post("/api/governance-bodies", """
                {"id":"%s","name":"Organ %s","level":"STRATEGIC","scope":{"kind":"MUNICIPALITY"},
                 "effectiveDate":"2020-01-20",%s}""".formatted(id, id, DECISION));
        assertThat(established.statusCode()).as(established.body()).isEqualTo(201);
        return id;
    }

    long appoint(String body, String role, String date) {
        return revision(post("/api/governance-bodies/" + body + "/members", """
                {"role":"%s","effectiveDate":"%s",%s}""".formatted(role, date, DECISION)));
    }

    List<String> types(String aggregateId) {
        return jdbc.queryForList("select payload_type from axon.domain_event_entry where aggregate_identifier = ? "
                + "order by sequence_number", String.class, aggregateId);
    }

    @Test
    void a_corrected_entry_is_followed_by_entry_corrected_and_its_replacement_and_the_answer_carries_the_revision() {
        String body = body();
        long appointed = appoint(body, "Kommunpolis", "2020-06-01");

        var response = post("/api/corrections", """
                {"revision":%d,"changes":{"effectiveDate":"2020-07-01"},"reason":"Fel datum i protokollet",
                 "evidence":{"caseNumber":"KS 2023-5","decisionDate":"2023-02-01","decidedBy":"Kommunstyrelsen"}}""".formatted(appointed));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(json(response).path("id").asString()).isEqualTo(body);
        assertThat(json(response).path("revision").asLong()).isGreaterThan(appointed);
        assertThat(response.headers().firstValue("Styrregistret-Revision")).isPresent();
        assertThat(types(body)).containsExactly(
                "se.styrregistret.kernel.governance.GovernanceBodyEstablished",
                "se.styrregistret.kernel.governance.MemberAppointed",
                "se.styrregistret.kernel.correction.EntryCorrected",
                "se.styrregistret.kernel.governance.MemberAppointed");
        String replacement = jdbc.queryForObject("select convert_from(payload, 'UTF8') from axon.domain_event_entry "
                + "where aggregate_identifier = ? and sequence_number = 3", String.class, body);
        assertThat(replacement).contains("2020-07-01");
        String metadata = jdbc.queryForObject("select convert_from(meta_data, 'UTF8') from axon.domain_event_entry "
                + "where aggregate_identifier = ? and sequence_number = 3", String.class, body);
        String corrected = jdbc.queryForObject("select event_identifier from axon.domain_event_entry "
                + "where aggregate_identifier = ? and sequence_number = 1", String.class, body);
        assertThat(metadata).contains("styrregistret.corrects").contains(corrected);

        // the old revision is spent; a second correction of it names the replacement
        var again = post("/api/corrections", """
                {"revision":%d,"changes":{"effectiveDate":"2020-08-01"},"reason":"Igen"}""".formatted(appointed));
        assertThat(again.statusCode()).as(again.body()).isEqualTo(409);
        assertThat(json(again).path("rule").asString()).isEqualTo("entry-already-corrected");
    }

    @Test
    void an_unknown_field_answers_422_naming_the_field_and_appends_nothing() {
        String body = body();
        long appointed = appoint(body, "Kommunpolis", "2020-06-01");
        long before = eventCount();

        var response = post("/api/corrections", """
                {"revision":%d,"changes":{"colour":"röd"},"reason":"Fel"}""".formatted(appointed));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(422);
        assertThat(json(response).path("rule").asString()).isEqualTo("unknown-field");
        assertThat(json(response).path("field").asString()).isEqualTo("changes.colour");
        assertThat(eventCount()).isEqualTo(before);
    }

    @Test
    void the_aggregates_own_id_cannot_be_corrected() {
        String body = body();
        long appointed = appoint(body, "Kommunpolis", "2020-06-01");

        var response = post("/api/corrections", """
                {"revision":%d,"changes":{"bodyId":"another"},"reason":"Fel"}""".formatted(appointed));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(422);
        assertThat(json(response).path("field").asString()).isEqualTo("changes.bodyId");
    }

    @Test
    void an_unknown_revision_empty_changes_and_a_missing_reason_answer_422() {
        var unknown = post("/api/corrections", """
                {"revision":999999999,"changes":{"effectiveDate":"2020-07-01"},"reason":"Fel"}""");
        assertThat(unknown.statusCode()).as(unknown.body()).isEqualTo(422);
        assertThat(json(unknown).path("rule").asString()).isEqualTo("revision-unknown");

        var empty = post("/api/corrections", """
                {"revision":1,"changes":{},"reason":"Fel"}""");
        assertThat(empty.statusCode()).as(empty.body()).isEqualTo(422);
        assertThat(json(empty).path("rule").asString()).isEqualTo("changes-required");

        var noReason = post("/api/corrections", """
                {"revision":1,"annul":true}""");
        assertThat(noReason.statusCode()).as(noReason.body()).isEqualTo(422);
        assertThat(json(noReason).path("rule").asString()).isEqualTo("reason-required");
    }

    @Test
    void a_correction_that_breaks_the_timeline_is_refused_by_its_rule() {
        String body = body();
        appoint(body, "Kommunpolis", "2020-06-01");
        long established = jdbc.queryForObject("select global_index from axon.domain_event_entry "
                + "where aggregate_identifier = ? and sequence_number = 0", Long.class, body);

        var response = post("/api/corrections", """
                {"revision":%d,"changes":{"effectiveDate":"2020-09-01"},"reason":"Fel datum"}""".formatted(established));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(422);
        assertThat(json(response).path("rule").asString()).isEqualTo("effective-date-before-start");
    }

    @Test
    void an_annulment_records_entry_corrected_only() {
        String body = body();
        long appointed = appoint(body, "Kommunpolis", "2020-06-01");

        var response = post("/api/corrections", """
                {"revision":%d,"annul":true,"reason":"Aldrig beslutat"}""".formatted(appointed));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(types(body)).last().isEqualTo("se.styrregistret.kernel.correction.EntryCorrected");
        // the role is no longer held: it can be appointed again on the same date
        appoint(body, "Kommunpolis", "2020-06-01");
    }

    @Test
    void a_correction_that_would_overdraw_a_frame_answers_409_like_an_allocation_would() {
        var frame = post("/api/budget/frames", """
                {"committee":"Kommunstyrelsen","fiscalYear":2021,"amountSek":1000,"effectiveDate":"2021-03-01",%s}""".formatted(DECISION));
        assertThat(frame.statusCode()).as(frame.body()).isEqualTo(201);
        String frameId = json(frame).path("id").asString();
        String allocation = """
                {"fiscalYear":2021,"amountSek":%d,"source":{"kind":"FRAME","frameId":"%s","name":"KS ram"},
                 "recipient":{"kind":"COMMITTEE","name":"Social- och omsorgsnämnden"},"effectiveDate":"2021-03-01",%s}""";
        long first = revision(post("/api/budget/allocations", allocation.formatted(600, frameId, DECISION)));
        revision(post("/api/budget/allocations", allocation.formatted(300, frameId, DECISION)));

        var overdraw = post("/api/corrections", """
                {"revision":%d,"changes":{"amountSek":800},"reason":"Fel belopp"}""".formatted(first));
        assertThat(overdraw.statusCode()).as(overdraw.body()).isEqualTo(409);
        assertThat(json(overdraw).path("rule").asString()).isEqualTo("frame-exceeded");

        var fits = post("/api/corrections", """
                {"revision":%d,"changes":{"amountSek":700},"reason":"Fel belopp"}""".formatted(first));
        assertThat(fits.statusCode()).as(fits.body()).isEqualTo(200);
        Long allocated = jdbc.queryForObject("select allocated_sek from registry.budget_source_balance where source_id = ?",
                Long.class, frameId);
        assertThat(allocated).isEqualTo(1000);
    }

    @Test
    void an_actions_progress_report_with_a_wrong_date_is_corrected_and_the_plans_approval_cannot_be_annulled() {
        var created = post("/api/action-plans", """
                {"title":"Åtgärdsplan mot segregation","approvedBy":"Kommundirektören",
                 "developmentAreaCount":5,"perspectiveCount":5,"actionCount":60,
                 "actions":[{"actionId":"1.1","title":"Bilda områdesteam","developmentArea":1,"districts":["Berga"]}],
                 "effectiveDate":"2020-12-02","decision":{"decisionDate":"2020-12-02","decidedBy":"Kommundirektören"}}""");
        long approved = revision(created);
        String plan = json(created).path("id").asString();
        long reported = revision(post("/api/action-plans/" + plan + "/actions/1.1/progress", """
                {"status":"STARTED","date":"2021-09-01","decision":{"decisionDate":"2021-09-01","decidedBy":"Styrgruppen"}}"""));

        var response = post("/api/corrections", """
                {"revision":%d,"changes":{"effectiveDate":"2021-10-01"},"reason":"Rapporten gällde från oktober"}"""
                .formatted(reported));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(json(response).path("id").asString()).isEqualTo(plan);
        assertThat(types(plan)).containsExactly(
                "se.styrregistret.kernel.actionplan.ActionPlanApproved",
                "se.styrregistret.kernel.actionplan.ActionProgressReported",
                "se.styrregistret.kernel.correction.EntryCorrected",
                "se.styrregistret.kernel.actionplan.ActionProgressReported");
        assertThat(jdbc.queryForObject("select convert_from(payload, 'UTF8') from axon.domain_event_entry "
                + "where aggregate_identifier = ? and sequence_number = 3", String.class, plan)).contains("2021-10-01");

        var annul = post("/api/corrections", """
                {"revision":%d,"annul":true,"reason":"Aldrig fastställd"}""".formatted(approved));
        assertThat(annul.statusCode()).as(annul.body()).isEqualTo(422);
        assertThat(json(annul).path("rule").asString()).isEqualTo("approval-not-annullable");
    }

    @Test
    void a_function_transfer_is_corrected_and_annulled() {
        String function = "f-" + UUID.randomUUID();
        long moved = revision(post("/api/function-transfers", """
                {"functionId":"%s","function":"Stadsdelssamordnare","fromOrganisation":"Verksamhetsstöd och service",
                 "toOrganisation":"Leanlink","effectiveDate":"2021-03-02",%s}""".formatted(function, DECISION)));

        var corrected = post("/api/corrections", """
                {"revision":%d,"changes":{"effectiveDate":"2021-04-01"},"reason":"Fel datum"}""".formatted(moved));
        assertThat(corrected.statusCode()).as(corrected.body()).isEqualTo(200);
        assertThat(types(function)).containsExactly("se.styrregistret.kernel.governance.FunctionTransferred",
                "se.styrregistret.kernel.correction.EntryCorrected", "se.styrregistret.kernel.governance.FunctionTransferred");

        var same = post("/api/corrections", """
                {"revision":%d,"changes":{"toOrganisation":"verksamhetsstöd och service"},"reason":"Fel"}"""
                .formatted(json(corrected).path("revision").asLong()));
        assertThat(same.statusCode()).as(same.body()).isEqualTo(422);
        assertThat(json(same).path("rule").asString()).isEqualTo("transfer-to-same-organisation");

        var annulled = post("/api/corrections", """
                {"revision":%d,"annul":true,"reason":"Aldrig beslutad"}""".formatted(json(corrected).path("revision").asLong()));
        assertThat(annulled.statusCode()).as(annulled.body()).isEqualTo(200);
        assertThat(types(function)).hasSize(4).endsWith("se.styrregistret.kernel.correction.EntryCorrected");
    }

    @Test
    void a_districts_registration_is_corrected_in_its_municipality_but_not_in_its_name() {
        String name = "Distrikt " + UUID.randomUUID().toString().substring(0, 8);
        long registered = revision(post("/api/districts", """
                {"name":"%s","municipality":"Norrköping","effectiveDate":"2020-01-01",%s}""".formatted(name, DECISION)));

        var renamed = post("/api/corrections", """
                {"revision":%d,"changes":{"name":"Annat namn"},"reason":"Stavning"}""".formatted(registered));
        assertThat(renamed.statusCode()).as(renamed.body()).isEqualTo(422);
        assertThat(json(renamed).path("rule").asString()).isEqualTo("district-name-not-correctable");
        assertThat(json(renamed).path("field").asString()).isEqualTo("changes.name");

        var corrected = post("/api/corrections", """
                {"revision":%d,"changes":{"municipality":"Linköping"},"reason":"Fel kommun"}""".formatted(registered));
        assertThat(corrected.statusCode()).as(corrected.body()).isEqualTo(200);
        assertThat(types(se.styrregistret.kernel.district.Districts.key(name))).containsExactly(
                "se.styrregistret.kernel.district.DistrictRegistered",
                "se.styrregistret.kernel.correction.EntryCorrected",
                "se.styrregistret.kernel.district.DistrictRegistered");
    }
}
