package se.styrregistret.command.web;

import org.junit.jupiter.api.Test;
import se.styrregistret.command.support.CommandServiceTest;
import se.styrregistret.kernel.provenance.Provenance;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A request's {@code provenance} over real HTTP and PostgreSQL: carried into the metadata of every event the
 * command causes (so it is logged and hashed with the entry), or refused with each field, rule and reason,
 * and then nothing is recorded.
 */
class ProvenanceHttpTest extends CommandServiceTest {

    static final String PROPOSAL = """
            "decision":{"decisionDate":"2021-03-02","datePrecision":"AFTER","decidedBy":"Kommunstyrelsen"}""";

    static final String CITATION = """
            {"document":"Områdesteam, övergripande inriktning och uppdrag","documentDate":"2021-03-01",
             "section":"Ärende","passage":"resurstillskott avseende tre teamledare och sex trygghetsvärdar"}""";

    String establish(String id, String decision, String provenance) {
        var response = post("/api/governance-bodies", """
                {"id":"%s","name":"Organ %s","level":"OPERATIONAL","scope":{"kind":"MUNICIPALITY"},
                 "effectiveDate":"2021-03-02",%s%s}""".formatted(id, id, decision,
                provenance == null ? "" : ",\"provenance\":" + provenance));
        lastStatus = response.statusCode();
        lastBody = response.body();
        return response.body();
    }

    int lastStatus;
    String lastBody;

    List<String> metadataOf(String aggregateId) {
        return jdbc.queryForList("select convert_from(meta_data, 'UTF8') from axon.domain_event_entry "
                + "where aggregate_identifier = ? order by sequence_number", String.class, aggregateId);
    }

    @Test
    void given_a_proposal_with_citations_when_established_then_the_event_carries_the_provenance_in_its_metadata() {
        String id = "p-" + UUID.randomUUID();

        establish(id, PROPOSAL, """
                {"documentKind":"PROPOSAL","status":"PROPOSED","effectiveDatePrecision":"AFTER","citations":[%s],
                 "facts":[{"field":"level","certainty":"INFERRED","reasoning":"Källan anger ingen nivå; teamen arbetar i stadsdelen.","citation":0}]}"""
                .formatted(CITATION));

        assertThat(lastStatus).as(lastBody).isEqualTo(201);
        List<String> metadata = metadataOf(id);
        assertThat(metadata).hasSize(1);
        JsonNode stored = JsonMapper.shared().readTree(metadata.get(0));
        Provenance provenance = Provenance.fromMetaDataValue(stored.path(Provenance.METADATA_KEY).asString());
        assertThat(provenance.documentKind()).isEqualTo(Provenance.DocumentKind.PROPOSAL);
        assertThat(provenance.status()).isEqualTo(Provenance.DecisionStatus.PROPOSED);
        assertThat(provenance.citations()).singleElement().satisfies(c -> assertThat(c.passage()).contains("sex trygghetsvärdar"));
        assertThat(provenance.certaintyOf("level")).isEqualTo(Provenance.Certainty.INFERRED);
        // the payload keeps its shape: provenance is not a field of the event
        String payload = jdbc.queryForObject("select convert_from(payload, 'UTF8') from axon.domain_event_entry "
                + "where aggregate_identifier = ?", String.class, id);
        assertThat(payload).doesNotContain("provenance").doesNotContain("citations");
    }

    @Test
    void given_no_provenance_when_established_then_the_events_carry_none() {
        String id = "n-" + UUID.randomUUID();

        establish(id, """
                "decision":{"decisionDate":"2021-03-02","decidedBy":"Kommunstyrelsen"}""", null);

        assertThat(lastStatus).as(lastBody).isEqualTo(201);
        assertThat(metadataOf(id)).singleElement().satisfies(m -> assertThat(m).doesNotContain("\"provenance\""));
    }

    @Test
    void given_a_stated_fact_without_citation_and_an_inference_without_reasoning_then_400_names_each_and_nothing_is_recorded() {
        String id = "s-" + UUID.randomUUID();

        establish(id, PROPOSAL, """
                {"documentKind":"PROPOSAL","citations":[%s],
                 "facts":[{"field":"name","certainty":"STATED"},{"field":"level","certainty":"INFERRED"}]}""".formatted(CITATION));

        assertThat(lastStatus).as(lastBody).isEqualTo(400);
        JsonNode problem = JsonMapper.shared().readTree(lastBody);
        assertThat(problem.path("errors").findValuesAsString("rule"))
                .containsExactly("stated-without-citation", "reasoning-missing");
        assertThat(problem.path("errors").findValuesAsString("field"))
                .containsExactly("provenance.facts[0].citation", "provenance.facts[1].reasoning");
        assertThat(metadataOf(id)).isEmpty();
    }

    @Test
    void given_a_proposal_dated_to_the_day_or_recorded_as_adopted_then_it_is_refused() {
        String id = "d-" + UUID.randomUUID();

        establish(id, """
                "decision":{"decisionDate":"2021-03-01","decidedBy":"Kommunstyrelsen"}""",
                "{\"documentKind\":\"PROPOSAL\",\"citations\":[" + CITATION + "]}");
        assertThat(lastStatus).as(lastBody).isEqualTo(400);
        assertThat(JsonMapper.shared().readTree(lastBody).path("errors").findValuesAsString("rule"))
                .containsExactly("adoption-date-not-in-source");
        assertThat(JsonMapper.shared().readTree(lastBody).path("field").asString()).isEqualTo("decision.datePrecision");

        establish(id, PROPOSAL, "{\"documentKind\":\"PROPOSAL\",\"status\":\"ADOPTED\",\"citations\":[" + CITATION + "]}");
        assertThat(lastStatus).as(lastBody).isEqualTo(400);
        assertThat(JsonMapper.shared().readTree(lastBody).path("errors").findValuesAsString("rule"))
                .containsExactly("proposal-recorded-as-adopted");
        assertThat(metadataOf(id)).isEmpty();
    }

    @Test
    void given_an_unknown_field_or_a_wrong_type_inside_provenance_then_400_names_its_path() {
        String id = "u-" + UUID.randomUUID();

        establish(id, PROPOSAL, "{\"documentKind\":\"PROPOSAL\",\"citations\":[" + CITATION + "],\"confidence\":\"high\"}");
        assertThat(lastStatus).as(lastBody).isEqualTo(400);
        assertThat(JsonMapper.shared().readTree(lastBody).path("field").asString()).isEqualTo("provenance.confidence");

        establish(id, PROPOSAL, "{\"documentKind\":\"MEMO\"}");
        assertThat(lastStatus).as(lastBody).isEqualTo(400);
        assertThat(JsonMapper.shared().readTree(lastBody).path("field").asString()).isEqualTo("provenance.documentKind");
        assertThat(metadataOf(id)).isEmpty();
    }
}
