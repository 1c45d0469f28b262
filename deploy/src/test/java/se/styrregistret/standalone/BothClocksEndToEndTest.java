package se.styrregistret.standalone;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 18 end to end: a body's history recorded out of date order, a change to an ended body dated
 * before its end, and a corrected amount, each sent to the running command-service and read back from
 * the query-service on both clocks (asOfRevision from each command's answer, asOfDate around the
 * changes), waiting with minRevision as a client would.
 */
class BothClocksEndToEndTest {

    static final String KS_2010 = decision("2010-02-01");

    @RegisterExtension
    static final RunningRegister register = new RunningRegister();

    @Test
    void a_history_recorded_out_of_date_order_reads_the_same_on_both_clocks_as_recorded_in_order() {
        String name = "Samverkansgrupp " + UUID.randomUUID().toString().substring(0, 8);
        JsonNode established = accepted(201, command("/api/governance-bodies", """
                {"name":"%s","level":"TACTICAL","scope":{"kind":"MUNICIPALITY"},"meetingFrequency":"3 gånger per år",
                 "effectiveDate":"2010-02-01","decision":%s}""".formatted(name, KS_2010)));
        String id = established.path("id").asString();
        long r1 = established.path("revision").asLong();
        long r2 = accepted(200, command("/api/governance-bodies/" + id + "/amendments", """
                {"meetingFrequency":"Månadsvis","effectiveDate":"2020-01-01","decision":%s}"""
                .formatted(decision("2019-12-10")))).path("revision").asLong();
        // found in the archive in 2026: a member appointed in 2015
        long r3 = accepted(200, command("/api/governance-bodies/" + id + "/members", """
                {"role":"Räddningstjänsten","effectiveDate":"2015-05-05","decision":%s}"""
                .formatted(decision("2015-04-20")))).path("revision").asLong();

        assertThat(roles(id, r2, "2016-01-01")).as("at r2 the register did not know of the 2015 member").isEmpty();
        assertThat(roles(id, r3, "2016-01-01")).containsExactly("Räddningstjänsten");
        assertThat(roles(id, r3, "2015-05-04")).as("not before its own date").isEmpty();
        assertThat(roles(id, r3, "2021-01-01")).containsExactly("Räddningstjänsten");
        assertThat(body(id, r3, "2021-01-01").path("meetingFrequency").asString()).isEqualTo("Månadsvis");
        assertThat(body(id, r1, "2021-01-01").path("meetingFrequency").asString()).isEqualTo("3 gånger per år");

        // the body ends in 2021; a member who left in 2018 is learned of afterwards: allowed, dated before the end
        long r4 = accepted(200, command("/api/governance-bodies/" + id + "/dissolution", """
                {"reason":"Uppgiften övertagen","effectiveDate":"2021-06-30","decision":%s}"""
                .formatted(decision("2021-06-15")))).path("revision").asLong();
        long r5 = accepted(200, command("/api/governance-bodies/" + id + "/member-removals", """
                {"role":"Räddningstjänsten","effectiveDate":"2018-12-31","decision":%s}"""
                .formatted(decision("2018-12-01")))).path("revision").asLong();
        assertThat(roles(id, r4, "2019-06-01")).containsExactly("Räddningstjänsten");
        assertThat(roles(id, r5, "2019-06-01")).isEmpty();
        assertThat(roles(id, r5, "2017-06-01")).containsExactly("Räddningstjänsten");
        assertThat(chartIds(r5, "2021-07-01")).as("ended on 2021-06-30").doesNotContain(id);

        // refused on both clocks, naming the rule, and nothing changes
        HttpResponse<String> afterTheEnd = command("/api/governance-bodies/" + id + "/members", """
                {"role":"Polisen","effectiveDate":"2022-01-01","decision":%s}""".formatted(decision("2021-12-01")));
        assertThat(afterTheEnd.statusCode()).as(afterTheEnd.body()).isEqualTo(409);
        assertThat(HttpJson.json(afterTheEnd).path("rule").asString()).isEqualTo("body-has-ended");
        HttpResponse<String> notHeld = command("/api/governance-bodies/" + id + "/member-removals", """
                {"role":"Räddningstjänsten","effectiveDate":"2014-01-01","decision":%s}""".formatted(decision("2013-12-01")));
        assertThat(notHeld.statusCode()).as(notHeld.body()).isEqualTo(409);
        assertThat(HttpJson.json(notHeld).path("rule").asString()).isEqualTo("role-not-held");

        // the body's history says which entry came late
        JsonNode history = HttpJson.json(HttpJson.get(register.queryUrl() + "/api/governance-bodies/" + id + "?minRevision=" + r5))
                .path("history");
        List<Boolean> late = new ArrayList<>();
        history.forEach(change -> late.add(change.path("recordedLate").asBoolean()));
        assertThat(late).containsExactly(false, false, true, false, true);
    }

    @Test
    void a_corrected_amount_changes_the_ledger_and_the_frame_from_the_correction_on_and_an_overdraw_is_refused() {
        int year = 2035;
        String frame = accepted(201, command("/api/budget/frames", """
                {"committee":"Kommunstyrelsen","fiscalYear":%d,"amountSek":1000000,%s}"""
                .formatted(year, effective("2035-01-10")))).path("id").asString();
        JsonNode allocated = accepted(201, command("/api/budget/allocations", """
                {"fiscalYear":%d,"amountSek":800000,"source":{"kind":"FRAME","frameId":"%s","name":"Kommunstyrelsens ram %d"},
                 "recipient":{"kind":"COMMITTEE","name":"Kultur- och fritidsnämnden"},"purpose":"Fritid",%s}"""
                .formatted(year, frame, year, effective("2035-02-01"))));
        long allocatedAt = allocated.path("revision").asLong();
        assertThat(remaining(year, allocatedAt)).isEqualTo(200_000);

        HttpResponse<String> overdraw = command("/api/corrections", """
                {"revision":%d,"changes":{"amountSek":1200000},"reason":"Fel belopp"}""".formatted(allocatedAt));
        assertThat(overdraw.statusCode()).as(overdraw.body()).isEqualTo(409);
        HttpResponse<String> unknownField = command("/api/corrections", """
                {"revision":%d,"changes":{"belopp":600000},"reason":"Fel belopp"}""".formatted(allocatedAt));
        assertThat(unknownField.statusCode()).as(unknownField.body()).isEqualTo(422);
        assertThat(unknownField.body()).contains("changes.belopp");

        JsonNode corrected = accepted(200, command("/api/corrections", """
                {"revision":%d,"changes":{"amountSek":600000},"reason":"Beslutet anger 600 000 kr",
                 "evidence":{"caseNumber":"KS 2035-0042","decisionDate":"2035-01-31","decidedBy":"Kommunstyrelsen"}}"""
                .formatted(allocatedAt)));
        long correctedAt = corrected.path("revision").asLong();
        assertThat(correctedAt).isGreaterThan(allocatedAt);
        assertThat(remaining(year, correctedAt)).isEqualTo(400_000);
        assertThat(remaining(year, allocatedAt)).as("what the register held before the correction").isEqualTo(200_000);
        JsonNode ledger = HttpJson.json(HttpJson.get(register.queryUrl() + "/api/budget/ledger?fiscalYear=" + year
                + "&minRevision=" + correctedAt));
        List<Long> amounts = new ArrayList<>();
        ledger.path("entries").forEach(e -> {
            if (e.path("entryType").asString().equals("ALLOCATION")) amounts.add(e.path("amountSek").asLong());
        });
        assertThat(amounts).containsExactly(600_000L);

        HttpResponse<String> again = command("/api/corrections", """
                {"revision":%d,"changes":{"amountSek":500000},"reason":"Igen"}""".formatted(allocatedAt));
        assertThat(again.statusCode()).as(again.body()).isEqualTo(409);
        assertThat(HttpJson.json(again).path("rule").asString()).isEqualTo("entry-already-corrected");
        assertThat(remaining(year, null)).isEqualTo(400_000);
    }

    private long remaining(int year, Long asOfRevision) {
        String url = register.queryUrl() + "/api/budget/summary?fiscalYear=" + year
                + (asOfRevision == null ? "" : "&minRevision=" + asOfRevision + "&asOfRevision=" + asOfRevision);
        JsonNode summary = HttpJson.json(HttpJson.get(url));
        for (JsonNode f : summary.path("frames")) {
            return f.path("remainingSek").asLong();
        }
        throw new AssertionError("no frame in " + summary);
    }

    private static List<String> roles(String id, long revision, String date) {
        List<String> roles = new ArrayList<>();
        body(id, revision, date).path("members").forEach(m -> roles.add(m.path("role").asString()));
        return roles;
    }

    private static JsonNode body(String id, long revision, String date) {
        for (JsonNode level : chart(revision, date).path("levels")) {
            for (JsonNode b : level.path("bodies")) {
                if (b.path("id").asString().equals(id)) return b;
            }
        }
        throw new AssertionError("body " + id + " not on the chart at revision " + revision + " on " + date);
    }

    private static List<String> chartIds(long revision, String date) {
        List<String> ids = new ArrayList<>();
        chart(revision, date).path("levels").forEach(l -> l.path("bodies").forEach(b -> ids.add(b.path("id").asString())));
        return ids;
    }

    private static JsonNode chart(long revision, String date) {
        HttpResponse<String> response = HttpJson.get(register.queryUrl() + "/api/org-chart?minRevision=" + revision
                + "&asOfRevision=" + revision + "&asOfDate=" + date);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode chart = HttpJson.json(response);
        assertThat(chart.path("revision").asLong()).isEqualTo(revision);
        return chart;
    }

    private static JsonNode accepted(int status, HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        JsonNode answer = HttpJson.json(response);
        assertThat(answer.path("revision").asLong()).isPositive();
        return answer;
    }

    private static HttpResponse<String> command(String path, String json) {
        return HttpJson.post(register.commandUrl() + path, json);
    }

    private static String decision(String date) {
        return """
                {"decisionDate":"%s","decidedBy":"Kommunstyrelsen"}""".formatted(date);
    }

    private static String effective(String date) {
        return "\"effectiveDate\":\"%s\",\"decision\":%s".formatted(date, decision(date));
    }
}
