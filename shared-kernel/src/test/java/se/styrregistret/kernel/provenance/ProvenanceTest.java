package se.styrregistret.kernel.provenance;

import org.junit.jupiter.api.Test;
import se.styrregistret.kernel.common.DecisionReference.DatePrecision;
import se.styrregistret.kernel.provenance.Provenance.Certainty;
import se.styrregistret.kernel.provenance.Provenance.Citation;
import se.styrregistret.kernel.provenance.Provenance.DecisionStatus;
import se.styrregistret.kernel.provenance.Provenance.Discrepancy;
import se.styrregistret.kernel.provenance.Provenance.DocumentKind;
import se.styrregistret.kernel.provenance.Provenance.Fact;
import se.styrregistret.kernel.provenance.Provenance.Problem;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** What a provenance must hold before the register accepts it, and how it travels in metadata. */
class ProvenanceTest {

    private static final Citation MEMO = new Citation("Områdesteam, övergripande inriktning och uppdrag", null,
            LocalDate.of(2021, 3, 1), "Ärende", "resurstillskott avseende tre teamledare och sex \"trygghetsvärdar\"");

    @Test
    void given_a_proposal_with_a_stated_and_an_inferred_fact_then_nothing_is_wrong_and_it_survives_metadata() {
        Provenance p = new Provenance(DocumentKind.PROPOSAL, DecisionStatus.PROPOSED, DatePrecision.AFTER, List.of(MEMO),
                List.of(new Fact("teamLeaders", Certainty.INFERRED, "Källan ger bara summan: tre teamledare för tre team.", 0),
                        new Fact("hostOrganisation", Certainty.STATED, null, 0)),
                List.of());

        assertThat(p.problems()).isEmpty();
        Provenance read = Provenance.fromMetaDataValue(p.toMetaDataValue());
        assertThat(read).isEqualTo(p);
        assertThat(read.certaintyOf("teamLeaders")).isEqualTo(Certainty.INFERRED);
        assertThat(read.certaintyOf("district")).isEqualTo(Certainty.STATED);
        assertThat(p.toMetaDataValue()).doesNotContain("discrepancies").contains("\"documentDate\":\"2021-03-01\"");
    }

    @Test
    void given_facts_without_their_grounds_then_each_problem_names_its_field_and_rule() {
        Provenance p = new Provenance(DocumentKind.PROPOSAL, DecisionStatus.ADOPTED, null,
                List.of(new Citation("  ", null, null, null, null)),
                List.of(new Fact("amountSek", Certainty.STATED, null, 3),
                        new Fact("recipient", Certainty.INFERRED, " ", null),
                        new Fact("recipient", Certainty.ASSUMED, "x", null),
                        new Fact("purpose", null, null, null)),
                List.of(new Discrepancy(List.of("name"), "two names", MEMO, null, null)));

        assertThat(p.problems()).extracting(Problem::field, Problem::rule).containsExactly(
                org.assertj.core.groups.Tuple.tuple("provenance.citations[0].document", "citation-incomplete"),
                org.assertj.core.groups.Tuple.tuple("provenance.citations[0].passage", "citation-incomplete"),
                org.assertj.core.groups.Tuple.tuple("provenance.facts[0].citation", "stated-without-citation"),
                org.assertj.core.groups.Tuple.tuple("provenance.facts[1].reasoning", "reasoning-missing"),
                org.assertj.core.groups.Tuple.tuple("provenance.facts[2].field", "fact-named-twice"),
                org.assertj.core.groups.Tuple.tuple("provenance.facts[3].certainty", "certainty-missing"),
                org.assertj.core.groups.Tuple.tuple("provenance.discrepancies[0].other", "discrepancy-incomplete"),
                org.assertj.core.groups.Tuple.tuple("provenance.status", "proposal-recorded-as-adopted"));
    }

    @Test
    void given_a_proposal_without_status_then_it_reads_as_proposed_and_an_entry_wide_inference_covers_every_field() {
        Provenance p = new Provenance(DocumentKind.PROPOSAL, null, null, List.of(MEMO),
                List.of(new Fact(Provenance.ENTRY, Certainty.INFERRED, "Ingen källa anger rapporteringsvägen.", null)), null);

        assertThat(p.statusAsKnown()).isEqualTo(DecisionStatus.PROPOSED);
        assertThat(p.certaintyOf("reportsTo")).isEqualTo(Certainty.INFERRED);
        assertThat(p.discrepancies()).isEmpty();
    }

    @Test
    void dates_are_shown_as_precisely_as_known_in_edtf_and_in_swedish() {
        LocalDate d = LocalDate.of(2021, 3, 2);
        assertThat(DatePrecision.AFTER.format(d)).isEqualTo("2021-03-02/..");
        assertThat(DatePrecision.BEFORE.format(d)).isEqualTo("../2021-03-02");
        assertThat(DatePrecision.AFTER.inSwedish(d)).isEqualTo("okänt, efter 2021-03-02");
        assertThat(DatePrecision.MONTH.inSwedish(LocalDate.of(2020, 1, 1))).isEqualTo("januari 2020");
        assertThat(DatePrecision.orDay(null)).isEqualTo(DatePrecision.DAY);
    }
}
