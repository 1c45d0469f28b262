package se.styrregistret.command.governance;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import se.styrregistret.command.support.CommandServiceTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Decisions spanning several bodies, over HTTP against the real event store: all or nothing, refusals naming rule and part. */
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

    static String reorganisation(String libra, String political, String lop, String coordination) {
        return """
                {"rescissions":[{"bodyId":"%s","rescindedDecision":{"paragraph":"§ 290","decisionDate":"2007-05-29","decidedBy":"Kommunstyrelsen"}}],
                 "replacements":[{"predecessors":["%s"],"successors":["%s"]},{"predecessors":["%s"],"successors":["%s"]}],
                 "note":"Ett senare stycke anger styrgruppen som LOP-gruppens efterträdare",
                 "effectiveDate":"2020-01-20","decision":%s}""".formatted(libra, libra, political, lop, coordination, KS_2019_1003);
    }

    HttpResponse<String> postWithKey(String path, String key, String json) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                    .header("Authorization", basic("registrar", "registrar"))
                    .header("Content-Type", "application/json")
                    .header("Idempotency-Key", key)
                    .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static JsonNode json(HttpResponse<String> response) {
        return JsonMapper.shared().readTree(response.body());
    }

    @Test
    void the_2020_decision_as_a_reorganisation_ends_both_old_bodies_and_rescinds_the_2007_decision_in_one_go() {
        String libra = establish("libra", "LiBrå", "POLITICAL", "2007-05-29");
        String lop = establish("lop", "LOP-gruppen", "OPERATIONAL", "2007-05-29");
        String political = establish("political", "Politisk styrgrupp", "POLITICAL", "2020-01-20");
        String coordination = establish("coordination", "Lednings- och samordningsgrupp", "TACTICAL", "2020-01-20");
        long before = eventCount();

        var response = post("/api/reorganisations", reorganisation(libra, political, lop, coordination));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(json(response).path("id").asString()).isEqualTo(String.join(",", libra, political, lop, coordination));
        assertThat(json(response).path("revision").asLong()).isPositive();
        // rescinded + 2 × replaced + 2 × succeeded
        assertThat(eventCount()).isEqualTo(before + 5);
        assertThat(jdbc.queryForList("""
                select payload_type from axon.domain_event_entry where aggregate_identifier = ? order by sequence_number""",
                String.class, libra)).extracting(t -> t.substring(t.lastIndexOf('.') + 1))
                .containsExactly("GovernanceBodyEstablished", "EstablishingDecisionRescinded", "GovernanceBodyReplaced");

        var again = post("/api/reorganisations", reorganisation(libra, political, lop, coordination));
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(rule(again)).isEqualTo("decision-already-rescinded");
        assertThat(json(again).path("field").asString()).isEqualTo("rescissions[0]");
        assertThat(eventCount()).isEqualTo(before + 5);
    }

    @Test
    void a_reorganisation_that_establishes_its_successor_answers_201_and_a_retry_with_its_key_appends_nothing() {
        String old = establish("old", "Gammal grupp", "TACTICAL", "2019-01-01");
        String successor = "new-" + run;
        String body = """
                {"establishments":[{"bodyId":"%s","name":"Ny grupp %s","level":"TACTICAL","scope":{"kind":"MUNICIPALITY"},
                                    "members":[{"role":"Kommunpolis"}]}],
                 "replacements":[{"predecessors":["%s"],"successors":["%s"]}],
                 "effectiveDate":"2020-01-20","decision":%s}""".formatted(successor, run, old, successor, KS_2019_1003);
        String key = "reorganisation-" + run;
        long before = eventCount();

        var created = postWithKey("/api/reorganisations", key, body);
        var retry = postWithKey("/api/reorganisations", key, body);

        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(created.headers().firstValue("Location")).hasValue("/api/governance-bodies/" + successor);
        assertThat(json(created).path("id").asString()).isEqualTo(successor + "," + old);
        assertThat(created.headers().firstValue("Styrregistret-Revision")).hasValue(json(created).path("revision").asString());
        assertThat(retry.statusCode()).isEqualTo(201);
        assertThat(retry.body()).isEqualTo(created.body());
        assertThat(retry.headers().firstValue("Idempotency-Replayed")).hasValue("true");
        // established + replaced + succeeded, once
        assertThat(eventCount()).isEqualTo(before + 3);
    }

    @Test
    void a_reorganisation_whose_new_body_gets_no_id_has_one_chosen_and_named_in_the_answer() {
        var created = post("/api/reorganisations", """
                {"establishments":[{"name":"Trygghetsråd %s","level":"ADVISORY","scope":{"kind":"MUNICIPALITY"}}],
                 "effectiveDate":"2020-01-20","decision":%s}""".formatted(run, KS_2019_1003));

        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String id = json(created).path("id").asString();
        assertThat(created.headers().firstValue("Location")).hasValue("/api/governance-bodies/" + id);
        assertThat(created.headers().firstValue("ETag")).hasValue("\"0\"");
    }

    @Test
    void a_reorganisation_naming_an_unknown_body_is_refused_naming_the_part_and_changes_nothing() {
        String old = establish("old", "Gammal grupp", "TACTICAL", "2019-01-01");
        long before = eventCount();

        var response = post("/api/reorganisations", """
                {"replacements":[{"predecessors":["%s"],"successors":["no-such-body-%s"]}],
                 "effectiveDate":"2020-01-20","decision":%s}""".formatted(old, run, KS_2019_1003));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(422);
        assertThat(rule(response)).isEqualTo("body-unknown");
        assertThat(json(response).path("field").asString()).isEqualTo("replacements[0].successors[0]");
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(eventCount()).isEqualTo(before);
    }

    @Test
    void a_reorganisation_with_a_body_in_conflicting_roles_or_without_parts_is_refused_by_rule() {
        String a = establish("a", "Grupp A", "TACTICAL", "2019-01-01");
        String b = establish("b", "Grupp B", "TACTICAL", "2019-01-01");
        long before = eventCount();

        var twice = post("/api/reorganisations", """
                {"replacements":[{"predecessors":["%s"],"successors":["%s"]}],"dissolutions":[{"bodyId":"%s"}],
                 "effectiveDate":"2020-01-20","decision":%s}""".formatted(a, b, a, KS_2019_1003));
        var empty = post("/api/reorganisations", """
                {"replacements":[],"effectiveDate":"2020-01-20","decision":%s}""".formatted(KS_2019_1003));

        assertThat(twice.statusCode()).as(twice.body()).isEqualTo(422);
        assertThat(rule(twice)).isEqualTo("body-named-twice");
        assertThat(json(twice).path("field").asString()).isEqualTo("dissolutions[0].bodyId");
        assertThat(empty.statusCode()).as(empty.body()).isEqualTo(422);
        assertThat(rule(empty)).isEqualTo("decision-has-no-parts");
        assertThat(eventCount()).isEqualTo(before);
    }

    @Test
    void bad_input_deep_in_a_reorganisation_answers_400_with_the_field_path() {
        var malformedId = post("/api/reorganisations", """
                {"replacements":[{"predecessors":["a"],"successors":["b"]},{"predecessors":["c"],"successors":["d", "x y"]}],
                 "effectiveDate":"2020-01-20","decision":%s}""".formatted(KS_2019_1003));
        var missingId = post("/api/reorganisations", """
                {"replacements":[{"predecessors":["a"],"successors":[null]}],"effectiveDate":"2020-01-20","decision":%s}"""
                .formatted(KS_2019_1003));
        var noLevel = post("/api/reorganisations", """
                {"establishments":[{"name":"Råd","scope":{"kind":"MUNICIPALITY"}}],"effectiveDate":"2020-01-20","decision":%s}"""
                .formatted(KS_2019_1003));
        var noPredecessors = post("/api/reorganisations", """
                {"replacements":[{"predecessors":[],"successors":["b"]}],"effectiveDate":"2020-01-20","decision":%s}"""
                .formatted(KS_2019_1003));

        assertThat(malformedId.statusCode()).isEqualTo(400);
        assertThat(json(malformedId).path("field").asString()).isEqualTo("replacements[1].successors[1]");
        assertThat(missingId.statusCode()).isEqualTo(400);
        assertThat(json(missingId).path("field").asString()).isEqualTo("replacements[0].successors[0]");
        assertThat(noLevel.statusCode()).isEqualTo(400);
        assertThat(json(noLevel).path("field").asString()).isEqualTo("establishments[0].level");
        assertThat(noPredecessors.statusCode()).isEqualTo(400);
        assertThat(json(noPredecessors).path("field").asString()).isEqualTo("replacements[0].predecessors");
    }

    @Test
    void the_linkoping_specific_endpoint_is_gone() {
        var response = post("/api/libra-replacement", reorganisation("a", "b", "c", "d"));

        assertThat(response.statusCode()).isEqualTo(404);
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
        registerDistricts(district);
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
