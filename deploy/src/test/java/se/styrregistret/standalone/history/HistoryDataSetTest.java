package se.styrregistret.standalone.history;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import se.styrregistret.kernel.common.DecisionReference.DatePrecision;
import se.styrregistret.kernel.common.EventSerialization;
import se.styrregistret.kernel.provenance.Provenance;
import se.styrregistret.kernel.provenance.Provenance.Citation;
import se.styrregistret.kernel.provenance.Provenance.DecisionStatus;
import se.styrregistret.kernel.provenance.Provenance.DocumentKind;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.InputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bundled history data set read as data, without a server: every step cites its sources with a
 * provenance the command side accepts, the proposals 001–004 are never recorded as decisions of their
 * memo's day, and every one of the five sources is cited.
 */
class HistoryDataSetTest {

    static final List<String> SOURCE_IDS = List.of("000", "001", "002", "003", "004");
    static final ObjectMapper KERNEL_JSON = EventSerialization.objectMapper();

    static JsonNode dataSet;
    static List<JsonNode> steps;
    static Map<String, Provenance> provenances;

    @BeforeAll
    static void read() throws Exception {
        try (InputStream in = HistoryDataSetTest.class.getClassLoader().getResourceAsStream(HistoryLoader.BUNDLED)) {
            assertThat(in).as(HistoryLoader.BUNDLED + " on the classpath").isNotNull();
            dataSet = JsonMapper.shared().readTree(in);
        }
        steps = new ArrayList<>();
        dataSet.path("steps").forEach(steps::add);
        provenances = new LinkedHashMap<>();
        for (JsonNode step : steps) {
            JsonNode given = step.path("body").path("provenance");
            provenances.put(id(step), given.isObject()
                    ? KERNEL_JSON.readValue(JsonMapper.shared().writeValueAsString(given), Provenance.class)
                    : null);
        }
    }

    static String id(JsonNode step) {
        return step.path("id").asString();
    }

    /** The source the step's decision comes from: the first one its {@code source} names. */
    static String primarySource(JsonNode step) {
        return step.path("source").asString().split(",")[0].strip();
    }

    static JsonNode source(String sourceId) {
        return dataSet.path("sources").path(sourceId);
    }

    static LocalDate date(JsonNode node) {
        return LocalDate.parse(node.asString());
    }

    static DatePrecision precision(JsonNode decision) {
        return decision.hasNonNull("datePrecision") ? DatePrecision.valueOf(decision.path("datePrecision").asString()) : DatePrecision.DAY;
    }

    /**
     * A step records what its proposal (001–004) proposes when its decision is not known to precede the memo:
     * everything a memo reports as already decided is dated before its date.
     */
    static boolean recordsTheProposal(JsonNode step) {
        JsonNode source = source(primarySource(step));
        if (!"PROPOSAL".equals(source.path("documentKind").asString())) return false;
        JsonNode decision = step.path("body").path("decision");
        return precision(decision) != DatePrecision.BEFORE
                && !date(decision.path("decisionDate")).isBefore(date(source.path("documentDate")));
    }

    @Test
    void given_the_bundled_data_set_when_read_then_step_ids_are_unique_and_every_step_names_a_known_source() {
        Set<String> seen = new HashSet<>();
        List<String> twice = steps.stream().map(HistoryDataSetTest::id).filter(id -> !seen.add(id)).toList();

        assertThat(twice).as("step ids are Idempotency-Keys: each once").isEmpty();
        assertThat(steps).hasSizeGreaterThan(40).allSatisfy(step -> {
            assertThat(id(step)).isNotBlank();
            assertThat(step.path("source").asString().split(","))
                    .as(id(step)).allSatisfy(s -> assertThat(SOURCE_IDS).contains(s.strip()));
        });
    }

    @Test
    void given_the_bundled_data_set_when_read_then_every_step_has_a_provenance_with_at_least_one_citation() {
        assertThat(provenances).allSatisfy((id, provenance) -> {
            assertThat(provenance).as(id + ": provenance").isNotNull();
            assertThat(provenance.citations()).as(id + ": citations").isNotEmpty();
            assertThat(provenance.status()).as(id + ": status").isNotNull();
        });
    }

    @Test
    void given_every_steps_provenance_when_checked_as_the_command_side_checks_it_then_it_has_no_problems() {
        Map<String, List<Provenance.Problem>> problems = new LinkedHashMap<>();
        provenances.forEach((id, provenance) -> {
            if (!provenance.problems().isEmpty()) problems.put(id, provenance.problems());
        });

        assertThat(problems).isEmpty();
    }

    @Test
    void given_every_stated_fact_when_its_citation_is_looked_up_then_it_exists_and_every_other_fact_gives_its_reasoning() {
        provenances.forEach((id, provenance) -> provenance.facts().forEach(fact -> {
            String what = id + " " + fact.field();
            if (fact.stated()) {
                assertThat(fact.citation()).as(what + ": a stated fact cites a passage").isNotNull()
                        .isBetween(0, provenance.citations().size() - 1);
            } else {
                assertThat(fact.reasoning()).as(what + ": " + fact.certainty() + " needs its reasoning").isNotBlank();
            }
        }));
    }

    @Test
    void given_a_step_recording_what_001_to_004_propose_when_read_then_it_is_a_proposal_held_only_after_its_memo() {
        List<JsonNode> proposed = steps.stream().filter(HistoryDataSetTest::recordsTheProposal).toList();

        assertThat(proposed).hasSizeGreaterThan(20).allSatisfy(step -> {
            String id = id(step);
            Provenance provenance = provenances.get(id);
            JsonNode body = step.path("body");
            JsonNode source = source(primarySource(step));
            assertThat(provenance.documentKind()).as(id).isEqualTo(DocumentKind.PROPOSAL);
            assertThat(provenance.status()).as(id).isEqualTo(DecisionStatus.PROPOSED);
            assertThat(precision(body.path("decision"))).as(id + ": decision precision").isEqualTo(DatePrecision.AFTER);
            assertThat(provenance.effectiveDatePrecision()).as(id + ": effective-date precision").isEqualTo(DatePrecision.AFTER);
            LocalDate bound = date(source.path("proposedDecisionAfter"));
            assertThat(date(body.path("decision").path("decisionDate"))).as(id + ": decision held at the bound").isEqualTo(bound);
            assertThat(date(body.path("effectiveDate"))).as(id + ": effective date held at the bound").isEqualTo(bound);
            assertThat(body.path("decision").path("decidedBy").asString()).as(id).isEqualTo("Kommunstyrelsen");
        });
    }

    @Test
    void given_a_step_from_001_to_004_that_is_not_their_proposal_when_read_then_its_decision_is_known_to_precede_the_memo() {
        // what a memo states as already decided (KS 2007 § 290, KS 2019 § 170, the action plan of 2020-12-02, the forums, …)
        List<JsonNode> statedElsewhere = steps.stream()
                .filter(step -> "PROPOSAL".equals(source(primarySource(step)).path("documentKind").asString()))
                .filter(step -> !recordsTheProposal(step)).toList();

        assertThat(statedElsewhere).isNotEmpty().allSatisfy(step -> {
            Provenance provenance = provenances.get(id(step));
            assertThat(provenance.documentKind()).as(id(step)).isNotEqualTo(DocumentKind.PROPOSAL);
            JsonNode decision = step.path("body").path("decision");
            LocalDate memo = date(source(primarySource(step)).path("documentDate"));
            LocalDate decided = date(decision.path("decisionDate"));
            assertThat(decided.isBefore(memo) || (precision(decision) == DatePrecision.BEFORE && !decided.isAfter(memo)))
                    .as(id(step) + ": decided " + decided + " before the memo of " + memo).isTrue();
        });
    }

    @Test
    void given_a_step_whose_adoption_date_is_unknown_when_read_then_neither_date_claims_a_day() {
        steps.forEach(step -> {
            Provenance provenance = provenances.get(id(step));
            if (provenance.status() == DecisionStatus.ADOPTED) return;
            assertThat(precision(step.path("body").path("decision"))).as(id(step)).isNotEqualTo(DatePrecision.DAY);
            assertThat(provenance.effectiveDatePrecision()).as(id(step)).isNotNull().isNotEqualTo(DatePrecision.DAY);
        });
    }

    @Test
    void given_all_citations_when_matched_to_the_five_sources_then_each_source_is_cited_and_nothing_else_is() {
        Map<String, String> sourceByTitle = new HashMap<>();
        SOURCE_IDS.forEach(s -> sourceByTitle.put(source(s).path("title").asString(), s));
        Set<String> cited = new HashSet<>();

        provenances.forEach((id, provenance) -> allCitations(provenance).forEach(citation -> {
            String sourceId = sourceByTitle.get(citation.document());
            assertThat(sourceId).as(id + ": cites " + citation.document()).isNotNull();
            cited.add(sourceId);
            JsonNode source = source(sourceId);
            // a memo's own date goes with every passage of it: it is the document's date, not a decision date
            if (source.hasNonNull("documentDate")) {
                assertThat(citation.documentDate()).as(id + " " + sourceId).isEqualTo(date(source.path("documentDate")));
            }
            if (source.hasNonNull("registrationNumber")) {
                assertThat(citation.registrationNumber()).as(id + " " + sourceId).isEqualTo(source.path("registrationNumber").asString());
            }
        }));

        assertThat(cited).containsExactlyInAnyOrderElementsOf(SOURCE_IDS);
    }

    static Stream<Citation> allCitations(Provenance provenance) {
        return Stream.concat(provenance.citations().stream(),
                provenance.discrepancies().stream().flatMap(d -> Stream.of(d.passage(), d.other())));
    }

    @Test
    void given_the_steps_when_read_in_order_then_their_effective_dates_never_go_back() {
        LocalDate previous = LocalDate.MIN;
        for (JsonNode step : steps) {
            LocalDate effective = date(step.path("body").path("effectiveDate"));
            assertThat(effective).as(id(step)).isAfterOrEqualTo(previous);
            previous = effective;
        }
    }

    @Test
    void given_the_auditors_findings_when_the_data_set_is_read_then_each_is_fixed() {
        JsonNode promise = step("2019-medborgarlofte").path("body");
        assertThat(promise.path("decision").has("caseNumber")).as("KS 2019-1011 belongs to the agreement only").isFalse();
        assertThat(promise.path("decision").path("datePrecision").asString()).isEqualTo("BEFORE");
        assertThat(promise.path("decision").path("decisionDate").asString()).isEqualTo("2020-01-20");

        assertThat(step("2022-otmb").path("body").path("signatory").asString())
                .doesNotContain("2022-02-02").contains("första kvartalet 2022");

        assertThat(provenances.get("2021-08-ks-ram").certaintyOf("amountSek")).isEqualTo(Provenance.Certainty.ASSUMED);
        assertThat(provenances.get("2020-01-styrgrupp-reports").certaintyOf("reportsTo")).isEqualTo(Provenance.Certainty.INFERRED);
        assertThat(provenances.get("2007-lop-gruppen").certaintyOf("decision")).isEqualTo(Provenance.Certainty.INFERRED);
        assertThat(provenances.get("2020-01-politisk-styrgrupp").certaintyOf("name")).isEqualTo(Provenance.Certainty.INFERRED);
        for (String team : List.of("berga", "ryd", "skaggetorp")) {
            Provenance p = provenances.get("2021-03-omradesteam-" + team);
            assertThat(p.certaintyOf("teamLeaders")).isEqualTo(Provenance.Certainty.INFERRED);
            assertThat(p.certaintyOf("safetyWardens")).isEqualTo(Provenance.Certainty.INFERRED);
        }
        for (String allocation : List.of("2021-03-medel-stadsdelssamordnare", "2021-03-medel-trygghetsskapande")) {
            assertThat(provenances.get(allocation).certaintyOf("recipient")).isEqualTo(Provenance.Certainty.INFERRED);
            assertThat(provenances.get(allocation).certaintyOf("source")).isEqualTo(Provenance.Certainty.INFERRED);
        }
        assertThat(provenances.get("2020-ks-2019-1003-libra").discrepancies()).anySatisfy(d ->
                assertThat(d.fields()).contains("successors"));
        assertThat(provenances.get("2019-samverkansoverenskommelse").discrepancies()).anySatisfy(d ->
                assertThat(d.fields()).contains("decision.caseNumber"));
    }

    static JsonNode step(String id) {
        return steps.stream().filter(s -> id(s).equals(id)).findFirst().orElseThrow(() -> new AssertionError("no step " + id));
    }
}
