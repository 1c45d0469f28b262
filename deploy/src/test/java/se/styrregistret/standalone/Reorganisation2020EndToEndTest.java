package se.styrregistret.standalone;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The 2020 reorganisation from the sources, entered through the command API (KS 2019-1003 as one
 * general reorganisation) and read back from the query-service: new bodies, reporting lines,
 * LiBrå's lineage, the area teams.
 */
class Reorganisation2020EndToEndTest {

    static final String KS_2019_1003 = """
            {"caseNumber":"KS 2019-1003","decisionDate":"2020-01-20","decidedBy":"Kommunstyrelsen"}""";
    static final String KD_2020 = """
            {"decisionDate":"2020-01-20","decidedBy":"Kommundirektören"}""";
    static final String KS_2007 = """
            {"paragraph":"§ 290","decisionDate":"2007-05-29","decidedBy":"Kommunstyrelsen"}""";

    @RegisterExtension
    static final RunningRegister register = new RunningRegister();

    static void ok(String path, String json) {
        var response = HttpJson.post(register.commandUrl() + path, json);
        assertThat(response.statusCode()).as(path + " → " + response.body()).isBetween(200, 201);
    }

    static void body(String id, String name, String level, String convener, String frequency, String members,
                     String effective, String decision) {
        ok("/api/governance-bodies", """
                {"id":"%s","name":"%s","level":"%s","scope":{"kind":"MUNICIPALITY"},"convener":%s,"meetingFrequency":%s,
                 "members":%s,"effectiveDate":"%s","decision":%s}"""
                .formatted(id, name, level, convener == null ? "null" : "\"" + convener + "\"",
                        frequency == null ? "null" : "\"" + frequency + "\"", members, effective, decision));
    }

    @Test
    void the_2020_reorganisation_shows_in_the_chart_with_reporting_lines_and_lineage() {
        body("libra", "LiBrå – Linköpings brottsförebyggande råd", "POLITICAL", null, null, "[]", "2007-05-29", KS_2007);
        body("lop-gruppen", "LOP-gruppen – LiBrås operativa grupp", "OPERATIONAL", null, null, "[]", "2007-05-29", KS_2007);
        body("politisk-styrgrupp", "Politisk styrgrupp för trygghetsskapande och brottsförebyggande åtgärder", "POLITICAL",
                "KS ordförande", "3 gånger per år",
                "[{\"role\":\"KS presidium\"},{\"role\":\"Kommundirektör\"},{\"role\":\"Lokalpolisområdeschef\"},{\"role\":\"Kommunpolis\"}]",
                "2020-01-20", KD_2020);
        body("styrgrupp", "Styrgrupp för arbetet med segregation samt trygghetsskapande och brottsförebyggande åtgärder",
                "STRATEGIC", "Biträdande kommundirektör", "3 gånger per år", "[{\"role\":\"Biträdande kommundirektör\"}]",
                "2020-01-20", KD_2020);
        body("sms-gruppen", "Lednings- och samordningsgrupp", "TACTICAL", "En utsedd förvaltningsdirektör",
                "Månadsvis eller kvartalsvis", "[{\"role\":\"Avdelningschefer med mandat\"}]", "2020-01-20", KD_2020);
        ok("/api/governance-bodies/styrgrupp/reporting-line", """
                {"reportsTo":"politisk-styrgrupp","effectiveDate":"2020-01-20","decision":%s}""".formatted(KD_2020));
        ok("/api/governance-bodies/sms-gruppen/reporting-line", """
                {"reportsTo":"styrgrupp","effectiveDate":"2020-01-20","decision":%s}""".formatted(KD_2020));
        ok("/api/governance-bodies/politisk-styrgrupp/members", """
                {"role":"Säkerhetsenheten","effectiveDate":"2020-01-20","decision":%s}""".formatted(KS_2019_1003));
        // KS 2019-1003 as one general reorganisation: EST-gruppen set up, § 290 rescinded, LiBrå and LOP-gruppen replaced
        var reorganised = HttpJson.post(register.commandUrl() + "/api/reorganisations", """
                {"establishments":[{"bodyId":"est-gruppen","name":"EST-gruppen – Effektiv samordning för trygghet",
                                    "level":"OPERATIONAL","scope":{"kind":"MUNICIPALITY"},"meetingFrequency":"Veckovis lägesbild"}],
                 "rescissions":[{"bodyId":"libra","rescindedDecision":%s}],
                 "replacements":[{"predecessors":["libra"],"successors":["politisk-styrgrupp"]},
                                 {"predecessors":["lop-gruppen"],"successors":["sms-gruppen"]}],
                 "note":"Beslutstexten anger samordningsgruppen; ett senare stycke i samma skrivelse anger styrgruppen",
                 "effectiveDate":"2020-01-20","decision":%s}""".formatted(KS_2007, KS_2019_1003));
        assertThat(reorganised.statusCode()).as(reorganised.body()).isEqualTo(201);
        assertThat(HttpJson.json(reorganised).path("id").asString())
                .isEqualTo("est-gruppen,libra,politisk-styrgrupp,lop-gruppen,sms-gruppen");
        assertThat(EndToEnd.eventsOf(register.system(), "libra")).extracting(e -> e.getPayloadType().getSimpleName())
                .containsExactly("GovernanceBodyEstablished", "EstablishingDecisionRescinded", "GovernanceBodyReplaced");
        for (String district : List.of("Berga", "Ryd", "Skäggetorp")) {
            // an area team belongs to a registered district (issue 19)
            ok("/api/districts", """
                    {"name":"%s","municipality":"Linköping","effectiveDate":"2020-01-01","decision":%s}""".formatted(district, KD_2020));
            ok("/api/area-teams", """
                    {"district":"%s","hostOrganisation":"Leanlink","commissioningCommittee":"Social- och omsorgsnämnden",
                     "teamLeaders":1,"safetyWardens":2,"effectiveDate":"2021-03-02",
                     "decision":{"decisionDate":"2021-03-01","decidedBy":"Kommunstyrelsen"}}""".formatted(district));
        }
        ok("/api/function-transfers", """
                {"functionId":"stadsdelssamordnare","function":"Stadsdelssamordnare",
                 "fromOrganisation":"Verksamhetsstöd och service","toOrganisation":"Leanlink","effectiveDate":"2021-03-02",
                 "decision":{"decisionDate":"2021-03-01","decidedBy":"Kommunstyrelsen"}}""");

        JsonNode now = HttpJson.await(register.queryUrl() + "/api/org-chart",
                c -> c.toString().contains("Områdesteam Skäggetorp"), Duration.ofSeconds(20));
        assertThat(names(now)).contains("Politisk styrgrupp för trygghetsskapande och brottsförebyggande åtgärder",
                        "Lednings- och samordningsgrupp", "EST-gruppen – Effektiv samordning för trygghet",
                        "Områdesteam Berga", "Områdesteam Ryd", "Områdesteam Skäggetorp")
                .doesNotContain("LiBrå – Linköpings brottsförebyggande råd", "LOP-gruppen – LiBrås operativa grupp");
        assertThat(find(now, "sms-gruppen").path("reportsTo").asString()).isEqualTo("styrgrupp");
        assertThat(find(now, "styrgrupp").path("reportsTo").asString()).isEqualTo("politisk-styrgrupp");
        assertThat(find(now, "politisk-styrgrupp").path("members").toString()).contains("Säkerhetsenheten", "Kommunpolis");
        assertThat(find(now, "sms-gruppen").path("predecessors").toString()).contains("lop-gruppen");

        JsonNode before = HttpJson.json(HttpJson.get(register.queryUrl() + "/api/org-chart?asOfDate=2019-12-31"));
        assertThat(names(before)).contains("LiBrå – Linköpings brottsförebyggande råd", "LOP-gruppen – LiBrås operativa grupp")
                .doesNotContain("Lednings- och samordningsgrupp");

        JsonNode libra = HttpJson.json(HttpJson.get(register.queryUrl() + "/api/governance-bodies/libra"));
        assertThat(libra.path("current").path("status").asString()).isEqualTo("REPLACED");
        assertThat(libra.path("current").path("rescindedDecision").path("paragraph").asString()).isEqualTo("§ 290");
        assertThat(libra.path("successors").get(0).path("name").asString())
                .isEqualTo("Politisk styrgrupp för trygghetsskapande och brottsförebyggande åtgärder");
        assertThat(libra.path("history").get(2).path("decision").path("caseNumber").asString()).isEqualTo("KS 2019-1003");

        // posted after the area teams: the chart showing them does not mean the projection has read this yet
        JsonNode transfers = HttpJson.await(register.queryUrl() + "/api/function-transfers", t -> t.size() > 0,
                Duration.ofSeconds(20));
        assertThat(transfers.get(0).path("toOrganisation").asString()).isEqualTo("Leanlink");

        assertThat(HttpJson.get(register.queryUrl() + "/api/governance-bodies/no-such-body").statusCode()).isEqualTo(404);
        assertThat(HttpJson.get(register.queryUrl() + "/api/org-chart?asOfDate=2021-02-30").statusCode()).isEqualTo(400);
        var negative = HttpJson.get(register.queryUrl() + "/api/org-chart?asOfRevision=-1");
        assertThat(negative.statusCode()).isEqualTo(400);
        assertThat(HttpJson.json(negative).path("field").asString()).isEqualTo("asOfRevision");
        assertThat(HttpJson.get(register.commandUrl() + "/v3/api-docs").body()).contains("/api/reorganisations", "/api/area-teams")
                .doesNotContain("/api/libra-replacement");
        assertThat(HttpJson.get(register.queryUrl() + "/v3/api-docs").body()).contains("/api/org-chart");
    }

    static List<String> names(JsonNode chart) {
        List<String> names = new ArrayList<>();
        chart.path("levels").forEach(l -> l.path("bodies").forEach(b -> names.add(b.path("name").asString())));
        return names;
    }

    static JsonNode find(JsonNode chart, String id) {
        for (JsonNode level : chart.path("levels")) {
            for (JsonNode b : level.path("bodies")) {
                if (b.path("id").asString().equals(id)) return b;
            }
        }
        throw new AssertionError("no body " + id + " in " + chart);
    }
}
