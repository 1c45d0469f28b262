package se.styrregistret.standalone;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A registrar records decisions through the command API; an auditor reads who recorded what, on
 * which decision, from the audit trail, checks the hash chain and the revision diff; a reader may
 * not see the trail.
 */
class AuditTrailEndToEndTest {

    static final String DECISION = """
            {"caseNumber":"KS 2021-1087","paragraph":"§ 4","decisionDate":"2022-01-03","decidedBy":"Kommunstyrelsen"}""";

    @RegisterExtension
    static final RunningRegister register = new RunningRegister();

    static void ok(String path, String json) {
        var response = HttpJson.post(register.commandUrl() + path, json, "registrar");
        assertThat(response.statusCode()).as(path + " → " + response.body()).isBetween(200, 201);
    }

    @Test
    void what_the_registrar_records_the_auditor_reads_with_who_when_and_by_which_decision() {
        ok("/api/governance-bodies", """
                {"id":"otmb-styrgrupp","name":"Östergötland tillsammans mot brott – styrgrupp","level":"REGIONAL",
                 "scope":{"kind":"COUNTY"},"effectiveDate":"2022-02-02","decision":%s}""".formatted(DECISION));
        ok("/api/governance-bodies/otmb-styrgrupp/members", """
                {"role":"Kommunens tjänsteperson i arbetsgrupp","effectiveDate":"2022-02-02","decision":%s}""".formatted(DECISION));

        String url = register.queryUrl() + "/api/audit-trail?caseNumber=" + URLEncoder.encode("KS 2021-1087", StandardCharsets.UTF_8);
        JsonNode trail = await(url, t -> t.path("total").asLong() == 2);
        assertThat(trail.path("revision").asLong()).isGreaterThanOrEqualTo(2);
        JsonNode established = trail.path("entries").get(0);
        JsonNode appointed = trail.path("entries").get(1);
        assertThat(established.path("eventType").asString()).isEqualTo("GovernanceBodyEstablished");
        assertThat(established.path("recordedBy").asString()).isEqualTo("registrar");
        assertThat(established.path("correlationId").asString()).isNotBlank();
        assertThat(established.path("traceId").asString()).isNotBlank();
        assertThat(established.path("effectiveDate").asString()).isEqualTo("2022-02-02");
        assertThat(established.path("decision").path("paragraph").asString()).isEqualTo("§ 4");
        assertThat(established.path("decision").path("decidedBy").asString()).isEqualTo("Kommunstyrelsen");
        assertThat(established.path("summary").asString())
                .isEqualTo("Organet «Östergötland tillsammans mot brott – styrgrupp» inrättades (regional nivå, länet)");
        assertThat(appointed.path("recordedBy").asString()).isEqualTo("registrar");
        assertThat(appointed.path("summary").asString()).isEqualTo(
                "Kommunens tjänsteperson i arbetsgrupp blev ledamot i «Östergötland tillsammans mot brott – styrgrupp»");
        List<String> ids = new ArrayList<>();
        appointed.path("affectedIds").forEach(i -> ids.add(i.asString()));
        assertThat(ids).containsExactly("otmb-styrgrupp");

        long first = established.path("revision").asLong();
        long second = appointed.path("revision").asLong();
        var one = HttpJson.get(register.queryUrl() + "/api/audit-trail/" + second, "auditor");
        assertThat(one.statusCode()).isEqualTo(200);
        assertThat(HttpJson.json(one).path("entry").path("payload").path("member").path("role").asString())
                .isEqualTo("Kommunens tjänsteperson i arbetsgrupp");

        var csv = HttpJson.get(register.queryUrl() + "/api/audit-trail.csv?bodyId=otmb-styrgrupp", "auditor");
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.body().split("\r\n")).hasSize(3);
        assertThat(csv.body()).contains("Östergötland tillsammans mot brott");

        // intact only once every revision up to the log's head is in the Merkle log and checked
        JsonNode verification = HttpJson.await(register.queryUrl() + "/api/audit-trail/verification",
                v -> !"INCOMPLETE".equals(v.path("status").asString()), Duration.ofSeconds(20), "auditor");
        assertThat(verification.path("intact").asBoolean()).as(verification.toString()).isTrue();
        assertThat(verification.path("checkedUpTo").asLong()).isGreaterThanOrEqualTo(second);
        assertThat(verification.path("checkedUpTo").asLong()).isEqualTo(verification.path("logHead").asLong());

        // the diff answers as far as the lowest of its sources (org chart, ledger, audit trail) has read
        JsonNode diff = HttpJson.await(register.queryUrl() + "/api/revisions/" + first + "/diff/" + second,
                d -> d.path("revision").asLong() >= second, Duration.ofSeconds(20), "reader");
        assertThat(diff.path("membersIn").get(0).path("role").asString()).isEqualTo("Kommunens tjänsteperson i arbetsgrupp");

        assertThat(HttpJson.get(url, "reader").statusCode()).isEqualTo(403);
        assertThat(HttpJson.get(register.queryUrl() + "/api/audit-trail.csv", "reader").statusCode()).isEqualTo(403);
        assertThat(HttpJson.get(register.queryUrl() + "/api/timeline", "reader").statusCode()).isEqualTo(200);
    }

    static JsonNode await(String url, java.util.function.Predicate<JsonNode> until) {
        return HttpJson.await(url, until, java.time.Duration.ofSeconds(20), "auditor");
    }
}
