package se.styrregistret.command.governance;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import se.styrregistret.command.support.CommandServiceTest;
import tools.jackson.databind.json.JsonMapper;

import java.net.http.HttpResponse;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Decisions spanning several bodies, over HTTP against the real event store: all or nothing. */
class ReorganisationHttpTest extends CommandServiceTest {

    static final String KS_2019_1003 = """
            {"caseNumber":"KS 2019-1003","decisionDate":"2020-01-20","decidedBy":"Kommunstyrelsen"}""";

    String run;

    @BeforeEach
    void freshNames() {
        run = UUID.randomUUID().toString().substring(0, 8);
    }

    String establish(String slug, String name, String level, String effective) {
        String id = slug + "-" + run;
        var response = post("/api/governance-bodies", """
                {"id":"%s","name":"%s %s","level":"%s","scope":{"kind":"MUNICIPALITY"},"effectiveDate":"%s",
                 "decision":{"caseNumber":"KS","decisionDate":"%s","decidedBy":"Kommunstyrelsen"}}"""
                .formatted(id, name, run, level, effective, effective));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return id;
    }

    static String rule(HttpResponse<String> response) {
        return JsonMapper.shared().readTree(response.body()).path("rule").asString();
    }

    @Test
    void replacing_libra_ends_both_old_bodies_and_rescinds_the_2007_decision_in_one_go() {
        String libra = establish("libra", "LiBrå", "POLITICAL", "2007-05-29");
        String lop = establish("lop", "LOP-gruppen", "OPERATIONAL", "2007-05-29");
        String political = establish("political", "Politisk styrgrupp", "POLITICAL", "2020-01-20");
        String coordination = establish("coordination", "Lednings- och samordningsgrupp", "TACTICAL", "2020-01-20");
        long before = eventCount();

        var response = post("/api/libra-replacement", """
                {"libra":"%s","politicalSteeringGroup":"%s","lopGroup":"%s","coordinationGroup":"%s",
                 "rescindedDecision":{"paragraph":"§ 290","decisionDate":"2007-05-29","decidedBy":"Kommunstyrelsen"},
                 "note":"Ett senare stycke anger styrgruppen som LOP-gruppens efterträdare",
                 "effectiveDate":"2020-01-20","decision":%s}""".formatted(libra, political, lop, coordination, KS_2019_1003));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        // rescinded + 2 × replaced + 2 × succeeded
        assertThat(eventCount()).isEqualTo(before + 5);
        assertThat(jdbc.queryForList("""
                select payload_type from axon.domain_event_entry where aggregate_identifier = ? order by sequence_number""",
                String.class, libra)).extracting(t -> t.substring(t.lastIndexOf('.') + 1))
                .containsExactly("GovernanceBodyEstablished", "EstablishingDecisionRescinded", "GovernanceBodyReplaced");

        var again = post("/api/libra-replacement", """
                {"libra":"%s","politicalSteeringGroup":"%s","lopGroup":"%s","coordinationGroup":"%s",
                 "rescindedDecision":{"paragraph":"§ 290","decisionDate":"2007-05-29","decidedBy":"Kommunstyrelsen"},
                 "effectiveDate":"2020-01-20","decision":%s}""".formatted(libra, political, lop, coordination, KS_2019_1003));
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(eventCount()).isEqualTo(before + 5);
    }

    @Test
    void a_replacement_that_breaks_a_rule_for_one_body_changes_none() {
        String a = establish("a", "Grupp A", "TACTICAL", "2020-01-01");
        String b = establish("b", "Grupp B", "TACTICAL", "2020-01-01");
        String c = establish("c", "Grupp C", "TACTICAL", "2020-01-01");
        var dissolved = post("/api/governance-bodies/" + b + "/dissolution", """
                {"effectiveDate":"2020-06-01","decision":%s}""".formatted(KS_2019_1003));
        assertThat(dissolved.statusCode()).as(dissolved.body()).isEqualTo(200);
        long before = eventCount();

        // a is fine, b has ended: a must not be replaced either
        var response = post("/api/replacements", """
                {"predecessors":["%s","%s"],"successors":["%s"],"effectiveDate":"2020-07-01","decision":%s}"""
                .formatted(a, b, c, KS_2019_1003));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(409);
        assertThat(rule(response)).isEqualTo("body-has-ended");
        assertThat(eventCount()).isEqualTo(before);
    }

    @Test
    void a_second_active_area_team_in_a_district_is_refused() {
        String district = "Skäggetorp-" + run;
        String team = """
                {"district":"%s","hostOrganisation":"Leanlink","commissioningCommittee":"Social- och omsorgsnämnden",
                 "teamLeaders":1,"safetyWardens":2,"effectiveDate":"2021-03-02","decision":%s}""".formatted(district, KS_2019_1003);
        assertThat(post("/api/area-teams", team).statusCode()).isEqualTo(201);
        long before = eventCount();

        var second = post("/api/area-teams", team.replace("\"district\"", "\"name\":\"Ett till team\",\"district\""));

        assertThat(second.statusCode()).as(second.body()).isEqualTo(409);
        assertThat(rule(second)).isEqualTo("one-area-team-per-district");
        assertThat(eventCount()).isEqualTo(before);
    }

    @Test
    void a_reporting_line_that_would_close_a_circle_is_refused() {
        String top = establish("top", "Politisk styrgrupp", "POLITICAL", "2020-01-20");
        String middle = establish("middle", "Styrgrupp", "STRATEGIC", "2020-01-20");
        String bottom = establish("bottom", "Samordningsgrupp", "TACTICAL", "2020-01-20");
        assertThat(post("/api/governance-bodies/" + middle + "/reporting-line", """
                {"reportsTo":"%s","effectiveDate":"2020-01-20","decision":%s}""".formatted(top, KS_2019_1003)).statusCode()).isEqualTo(200);
        assertThat(post("/api/governance-bodies/" + bottom + "/reporting-line", """
                {"reportsTo":"%s","effectiveDate":"2020-01-20","decision":%s}""".formatted(middle, KS_2019_1003)).statusCode()).isEqualTo(200);
        long before = eventCount();

        var cycle = post("/api/governance-bodies/" + top + "/reporting-line", """
                {"reportsTo":"%s","effectiveDate":"2020-02-01","decision":%s}""".formatted(bottom, KS_2019_1003));

        assertThat(cycle.statusCode()).as(cycle.body()).isEqualTo(409);
        assertThat(rule(cycle)).isEqualTo("reporting-line-cycle");
        assertThat(eventCount()).isEqualTo(before);
    }

    @Test
    void a_change_to_an_unknown_body_answers_404_and_a_malformed_id_400() {
        var unknown = post("/api/governance-bodies/no-such-body-" + run + "/dissolution", """
                {"effectiveDate":"2020-02-01","decision":%s}""".formatted(KS_2019_1003));
        assertThat(unknown.statusCode()).as(unknown.body()).isEqualTo(404);

        var malformed = post("/api/governance-bodies/" + "x".repeat(70) + "/dissolution", """
                {"effectiveDate":"2020-02-01","decision":%s}""".formatted(KS_2019_1003));
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(JsonMapper.shared().readTree(malformed.body()).path("field").asString()).isEqualTo("id");
    }
}
