package se.styrregistret.command.web;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import se.styrregistret.command.support.CommandServiceTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The same hostile inputs against every command endpoint: each answer is a 4xx problem body that
 * names the field, never a 5xx, and the log is unchanged afterwards.
 */
class EveryEndpointBadInputTest extends CommandServiceTest {

    static final String DECISION = "{\"caseNumber\":\"KS 2019-1003\",\"decisionDate\":\"2020-01-20\",\"decidedBy\":\"Kommunstyrelsen\"}";

    /** Each endpoint with a body that would be valid (the target may not exist: these bodies never get that far). */
    static final List<String[]> ENDPOINTS = List.of(
            new String[]{"/api/governance-bodies", "{\"name\":\"Råd\",\"level\":\"ADVISORY\",\"scope\":{\"kind\":\"MUNICIPALITY\"},\"effectiveDate\":\"2020-01-20\",\"decision\":" + DECISION + "}"},
            new String[]{"/api/governance-bodies/x/amendments", "{\"convener\":\"KD\",\"effectiveDate\":\"2020-01-20\",\"decision\":" + DECISION + "}"},
            new String[]{"/api/governance-bodies/x/members", "{\"role\":\"Kommunpolis\",\"effectiveDate\":\"2020-01-20\",\"decision\":" + DECISION + "}"},
            new String[]{"/api/governance-bodies/x/member-removals", "{\"role\":\"Kommunpolis\",\"effectiveDate\":\"2020-01-20\",\"decision\":" + DECISION + "}"},
            new String[]{"/api/governance-bodies/x/reporting-line", "{\"reportsTo\":\"y\",\"effectiveDate\":\"2020-01-20\",\"decision\":" + DECISION + "}"},
            new String[]{"/api/governance-bodies/x/dissolution", "{\"reason\":\"klart\",\"effectiveDate\":\"2020-01-20\",\"decision\":" + DECISION + "}"},
            new String[]{"/api/replacements", "{\"predecessors\":[\"a\"],\"successors\":[\"b\"],\"effectiveDate\":\"2020-01-20\",\"decision\":" + DECISION + "}"},
            new String[]{"/api/reorganisations", "{\"establishments\":[{\"bodyId\":\"n\",\"name\":\"Råd\",\"level\":\"ADVISORY\",\"scope\":{\"kind\":\"MUNICIPALITY\"}}],\"rescissions\":[{\"bodyId\":\"a\",\"rescindedDecision\":" + DECISION + "}],\"replacements\":[{\"predecessors\":[\"a\"],\"successors\":[\"n\"]}],\"dissolutions\":[{\"bodyId\":\"c\",\"reason\":\"klart\"}],\"effectiveDate\":\"2020-01-20\",\"decision\":" + DECISION + "}"},
            new String[]{"/api/area-teams", "{\"district\":\"Berga\",\"teamLeaders\":1,\"safetyWardens\":2,\"effectiveDate\":\"2020-01-20\",\"decision\":" + DECISION + "}"},
            new String[]{"/api/function-transfers", "{\"functionId\":\"f\",\"function\":\"F\",\"fromOrganisation\":\"A\",\"toOrganisation\":\"B\",\"effectiveDate\":\"2020-01-20\",\"decision\":" + DECISION + "}"},
            new String[]{"/api/agreements", "{\"kind\":\"CITIZEN_PROMISE\",\"title\":\"Medborgarlöfte\",\"parties\":[\"A\",\"B\"],\"effectiveDate\":\"2020-01-20\",\"decision\":" + DECISION + "}"},
            new String[]{"/api/budget/frames", "{\"committee\":\"KS\",\"fiscalYear\":2021,\"amountSek\":0,\"effectiveDate\":\"2020-01-20\",\"decision\":" + DECISION + "}"},
            new String[]{"/api/budget/grants", "{\"grantor\":\"Delmos\",\"fiscalYear\":2021,\"amountSek\":1,\"effectiveDate\":\"2020-01-20\",\"decision\":" + DECISION + "}"},
            new String[]{"/api/budget/referrals", "{\"fiscalYear\":2022,\"subject\":\"S\",\"referredTo\":\"Budgetberedningen\",\"effectiveDate\":\"2020-01-20\",\"decision\":" + DECISION + "}"},
            new String[]{"/api/action-plans", "{\"title\":\"Plan\",\"approvedBy\":\"KD\",\"developmentAreaCount\":1,\"perspectiveCount\":0,\"actionCount\":0,\"effectiveDate\":\"2020-01-20\",\"decision\":" + DECISION + "}"},
            new String[]{"/api/districts", "{\"name\":\"Lambohov\",\"municipality\":\"Linköping\",\"effectiveDate\":\"2020-01-20\",\"decision\":" + DECISION + "}"},
            new String[]{"/api/districts/x/priority-designation", "{\"effectiveDate\":\"2020-01-20\",\"decision\":" + DECISION + "}"},
            new String[]{"/api/districts/Berga/pictures", "{\"kind\":\"TARGET\",\"text\":\"Mål\",\"effectiveDate\":\"2020-01-20\",\"decision\":" + DECISION + "}"});

    record Mutation(String label, String expectedField, UnaryOperator<ObjectNode> change) {
    }

    /** Stands for a backslash-u escape in the request body: JSON writers refuse to write invalid Unicode themselves. */
    static final String RAW = "@@u";

    static final List<Mutation> MUTATIONS = List.of(
            new Mutation("impossible date", "effectiveDate", b -> b.put("effectiveDate", "2021-02-30")),
            new Mutation("date of wrong type", "effectiveDate", b -> b.put("effectiveDate", 20200120)),
            new Mutation("missing decision", "decision", b -> {
                b.remove("decision");
                return b;
            }),
            new Mutation("null decision", "decision", b -> b.putNull("decision")),
            new Mutation("decision of wrong type", "decision", b -> b.put("decision", "KS")),
            new Mutation("over-long decided by", "decision.decidedBy", b -> {
                ((ObjectNode) b.get("decision")).put("decidedBy", "K".repeat(10_000));
                return b;
            }),
            new Mutation("control character", "decision.decidedBy", b -> {
                ((ObjectNode) b.get("decision")).put("decidedBy", "Kommun\u0000styrelsen");
                return b;
            }),
            // invalid Unicode, written as JSON escapes (see RAW): text that cannot be stored and read back faithfully
            new Mutation("lone high surrogate", "decision.decidedBy", b -> {
                ((ObjectNode) b.get("decision")).put("decidedBy", "Test" + RAW + "d800organ");
                return b;
            }),
            new Mutation("lone low surrogate", "decision.decidedBy", b -> {
                ((ObjectNode) b.get("decision")).put("decidedBy", RAW + "dc00Kommunstyrelsen");
                return b;
            }),
            new Mutation("noncharacter", "decision.decidedBy", b -> {
                ((ObjectNode) b.get("decision")).put("decidedBy", "Kommun" + RAW + "ffffstyrelsen");
                return b;
            }),
            new Mutation("number as text", "decision.decidedBy", b -> {
                ((ObjectNode) b.get("decision")).put("decidedBy", 42);
                return b;
            }),
            new Mutation("yes/no as text", "decision.decidedBy", b -> {
                ((ObjectNode) b.get("decision")).put("decidedBy", true);
                return b;
            }),
            new Mutation("empty text", "decision.decidedBy", b -> {
                ((ObjectNode) b.get("decision")).put("decidedBy", "");
                return b;
            }),
            new Mutation("date of a decision missing", "decision.decisionDate", b -> {
                ((ObjectNode) b.get("decision")).remove("decisionDate");
                return b;
            }),
            new Mutation("date and time where a date belongs", "effectiveDate", b -> b.put("effectiveDate", "2020-01-20T10:00:00")),
            new Mutation("unknown field", "recordedBy", b -> b.put("recordedBy", "mallory")));


    static Stream<Arguments> cases() {
        List<Arguments> all = new ArrayList<>();
        for (String[] endpoint : ENDPOINTS) {
            for (Mutation m : MUTATIONS) {
                all.add(Arguments.of(endpoint[0], m.label(), endpoint[1], m));
            }
            all.add(Arguments.of(endpoint[0], "malformed JSON", endpoint[1], null));
        }
        return all.stream();
    }

    @Test
    void the_suite_holds_at_least_200_distinct_bad_inputs() {
        long cases = cases().count();
        System.out.println("Hostile-input cases across every command endpoint: " + cases);
        assertThat(cases).isGreaterThanOrEqualTo(200);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("cases")
    void hostile_input_answers_4xx_naming_the_field_and_appends_nothing(String path, String label, String valid,
                                                                        Mutation mutation) {
        String body = mutation == null ? valid.substring(0, valid.length() / 2)
                : JsonMapper.shared().writeValueAsString(mutation.change().apply((ObjectNode) JsonMapper.shared().readTree(valid)))
                        .replace(RAW, "\\u");
        long before = eventCount();

        var response = post(path, body);

        assertThat(response.statusCode()).as(label + " → " + response.body()).isBetween(400, 499);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                t -> assertThat(t).startsWith("application/problem+json"));
        JsonNode problem = JsonMapper.shared().readTree(response.body());
        assertThat(problem.path("field").asString()).as(response.body())
                .isEqualTo(mutation == null ? "$" : mutation.expectedField());
        assertThat(response.body()).doesNotContain("Exception", "at se.", "SQL", "must ", "should ", "Failed to");
        assertThat(eventCount()).isEqualTo(before);
    }

    @ParameterizedTest(name = "{0}: markup and SQL-like text is stored as text")
    @MethodSource("markupTargets")
    void markup_and_sql_like_text_is_accepted_as_plain_text(String name) {
        var created = post("/api/governance-bodies", """
                {"name":%s,"level":"ADVISORY","scope":{"kind":"MUNICIPALITY"},"effectiveDate":"2020-01-20","decision":%s}"""
                .formatted(JsonMapper.shared().writeValueAsString(name + " " + java.util.UUID.randomUUID()), DECISION));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String id = JsonMapper.shared().readTree(created.body()).path("id").asString();
        String stored = jdbc.queryForObject(
                "select convert_from(payload, 'UTF8')::jsonb ->> 'name' from axon.domain_event_entry where aggregate_identifier = ?",
                String.class, id);
        assertThat(stored).startsWith(name);
    }

    static Stream<String> markupTargets() {
        return Stream.of("<script>alert('x')</script>", "Robert'); DROP TABLE axon.domain_event_entry;--", "Råd & \"Nämnd\" <b>");
    }
}
