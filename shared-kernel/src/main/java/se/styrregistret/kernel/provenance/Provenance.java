package se.styrregistret.kernel.provenance;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import se.styrregistret.kernel.common.DecisionReference.DatePrecision;
import se.styrregistret.kernel.common.EventSerialization;
import se.styrregistret.kernel.common.Text;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Where an entry comes from and how sure the register is of it: what kind of document its decision rests
 * on and whether that decision is known to be adopted, how precisely its effective date is known, the
 * passages it cites, the certainty of each of its facts, and the discrepancies between sources it
 * concerns. A command carries it beside its fields (the request's {@code provenance}); the events the
 * command causes carry it in their metadata under {@link #METADATA_KEY}, so it is part of the logged,
 * hashed entry without changing any event's stored shape.
 *
 * @param documentKind           what the source document is
 * @param status                 whether the decision is known to be adopted
 * @param effectiveDatePrecision how precisely the entry's effective date is known (null: as the decision's date)
 * @param citations              the passages the entry rests on
 * @param facts                  the certainty of single facts (fields) of the entry; a field not listed is
 *                               as certain as the entry's citations make it
 * @param discrepancies          where the sources disagree about this entry, with both passages
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Provenance(
        DocumentKind documentKind,
        DecisionStatus status,
        DatePrecision effectiveDatePrecision,
        List<Citation> citations,
        List<Fact> facts,
        List<Discrepancy> discrepancies) {

    /** The metadata key the events of a command carry it under. */
    public static final String METADATA_KEY = "provenance";

    private static final ObjectMapper JSON = EventSerialization.objectMapper();

    public Provenance {
        citations = citations == null ? List.of() : List.copyOf(citations);
        facts = facts == null ? List.of() : List.copyOf(facts);
        discrepancies = discrepancies == null ? List.of() : List.copyOf(discrepancies);
    }

    /** What a source document is. */
    public enum DocumentKind {
        /** an adopted decision, minuted with its paragraph (e.g. KS 2007-05-29 § 290) */
        ADOPTED_DECISION("Protokollfört beslut"),
        /** a decision taken under delegation, e.g. by the kommundirektör */
        DELEGATION_DECISION("Delegationsbeslut"),
        /** a proposal to a political body: a tjänsteskrivelse, "Förslag till kommunstyrelsens beslut" */
        PROPOSAL("Förslag (tjänsteskrivelse)"),
        /** an agreement between parties */
        AGREEMENT("Överenskommelse"),
        /** an announcement or invitation, e.g. of a meeting */
        ANNOUNCEMENT("Meddelande");

        private final String label;

        DocumentKind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** Whether the decision an entry rests on is known to be adopted. */
    public enum DecisionStatus {
        ADOPTED("Beslutat"),
        /** only the proposal is in the sources: whether and when it was adopted is not */
        PROPOSED("Förslag – antagande framgår inte"),
        /** adopted, but the sources do not say when */
        ADOPTION_DATE_UNKNOWN("Beslutat, datum okänt");

        private final String label;

        DecisionStatus(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** How sure the register is of a fact. */
    public enum Certainty {
        /** the cited passage says it */
        STATED("Står i källan"),
        /** derived from what the sources say; the reasoning says how */
        INFERRED("Härlett"),
        /** not in the sources: a value the register needs and the registrar chose; the reasoning says why */
        ASSUMED("Antaget");

        private final String label;

        Certainty(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /**
     * A passage of a source document.
     *
     * @param document           the document's title
     * @param registrationNumber its registry number (Dnr), if it has one
     * @param documentDate       the document's own date (a memo's date is not a decision date)
     * @param section            section or page, e.g. "Ärende", "sid 3"
     * @param passage            the quoted words
     */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record Citation(String document, String registrationNumber, LocalDate documentDate, String section,
                           String passage) {
        public Citation {
            document = Text.blankToNull(document);
            registrationNumber = Text.blankToNull(registrationNumber);
            section = Text.blankToNull(section);
            passage = Text.blankToNull(passage);
        }
    }

    /**
     * The certainty of one fact of the entry.
     *
     * @param field     the request field it concerns, as the request names it (e.g. {@code safetyWardens},
     *                  {@code recipient}, {@code decision.caseNumber}); {@code entry} for the entry as a whole
     * @param certainty stated, inferred or assumed
     * @param reasoning how it was inferred or why it was assumed (required unless stated)
     * @param citation  the index in {@code citations} of the passage it rests on (a stated fact needs one)
     */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record Fact(String field, Certainty certainty, String reasoning, Integer citation) {
        public Fact {
            field = Text.blankToNull(field);
            reasoning = Text.blankToNull(reasoning);
        }

        public boolean stated() {
            return certainty == Certainty.STATED;
        }
    }

    /**
     * Two sources (or two passages of one) that disagree about the entry.
     *
     * @param fields     the request fields it concerns
     * @param summary    what they disagree about
     * @param passage    one passage
     * @param other      the other passage
     * @param resolution what the register records and why
     */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record Discrepancy(List<String> fields, String summary, Citation passage, Citation other, String resolution) {
        public Discrepancy {
            fields = fields == null ? List.of() : List.copyOf(fields);
            summary = Text.blankToNull(summary);
            resolution = Text.blankToNull(resolution);
        }
    }

    /** A part of a provenance that cannot be accepted: the field path (under {@code provenance}), the rule, why. */
    public record Problem(String field, String rule, String reason) {
    }

    /** The whole entry's certainty marker. */
    public static final String ENTRY = "entry";

    /**
     * What is wrong with this provenance, if anything, as field paths under {@code provenance}:
     * every citation names its document and quotes its passage; a stated fact rests on a citation that
     * exists; an inferred or assumed fact gives its reasoning; a fact is named once; a proposal is not
     * recorded as adopted; a discrepancy has a summary and both passages.
     */
    public List<Problem> problems() {
        List<Problem> problems = new ArrayList<>();
        for (int i = 0; i < citations.size(); i++) {
            Citation c = citations.get(i);
            String at = "provenance.citations[" + i + "]";
            if (c == null) {
                problems.add(new Problem(at, "citation-incomplete", "saknas"));
                continue;
            }
            citationProblems(c, at, problems);
        }
        Set<String> named = new java.util.HashSet<>();
        for (int i = 0; i < facts.size(); i++) {
            Fact f = facts.get(i);
            String at = "provenance.facts[" + i + "]";
            if (f == null || f.field() == null) {
                problems.add(new Problem(at + ".field", "fact-field-missing", "ska ange vilket fält uppgiften gäller"));
                continue;
            }
            if (!named.add(f.field())) {
                problems.add(new Problem(at + ".field", "fact-named-twice", "fältet " + f.field() + " har redan en säkerhet"));
            }
            if (f.certainty() == null) {
                problems.add(new Problem(at + ".certainty", "certainty-missing", "ska vara STATED, INFERRED eller ASSUMED"));
                continue;
            }
            if (f.stated()) {
                if (f.citation() == null || f.citation() < 0 || f.citation() >= citations.size()) {
                    problems.add(new Problem(at + ".citation", "stated-without-citation",
                            "en uppgift som står i källan ska hänvisa till ett citat i citations (index 0–"
                                    + Math.max(0, citations.size() - 1) + ")"));
                }
            } else {
                if (f.reasoning() == null) {
                    problems.add(new Problem(at + ".reasoning", "reasoning-missing",
                            "en härledd eller antagen uppgift ska ange hur den härletts eller varför den antagits"));
                }
                if (f.citation() != null && (f.citation() < 0 || f.citation() >= citations.size())) {
                    problems.add(new Problem(at + ".citation", "citation-unknown", "finns inte i citations"));
                }
            }
        }
        for (int i = 0; i < discrepancies.size(); i++) {
            Discrepancy d = discrepancies.get(i);
            String at = "provenance.discrepancies[" + i + "]";
            if (d == null || d.summary() == null) {
                problems.add(new Problem(at + ".summary", "discrepancy-incomplete", "ska säga vad källorna är oense om"));
                continue;
            }
            if (d.passage() == null) problems.add(new Problem(at + ".passage", "discrepancy-incomplete", "ska citera det ena stället"));
            else citationProblems(d.passage(), at + ".passage", problems);
            if (d.other() == null) problems.add(new Problem(at + ".other", "discrepancy-incomplete", "ska citera det andra stället"));
            else citationProblems(d.other(), at + ".other", problems);
        }
        if (documentKind == DocumentKind.PROPOSAL && status == DecisionStatus.ADOPTED) {
            problems.add(new Problem("provenance.status", "proposal-recorded-as-adopted",
                    "ett förslag visar inte att det antagits: status ska vara PROPOSED (eller ADOPTION_DATE_UNKNOWN"
                            + " om en annan källa visar att det antagits)"));
        }
        return problems;
    }

    private static void citationProblems(Citation c, String at, List<Problem> problems) {
        if (c.document() == null) {
            problems.add(new Problem(at + ".document", "citation-incomplete", "ska ange dokumentets titel"));
        }
        if (c.passage() == null) {
            problems.add(new Problem(at + ".passage", "citation-incomplete", "ska citera stället uppgiften vilar på"));
        }
    }

    /** The certainty the register gives {@code field}: its own fact's, else the entry's, else stated if cited. */
    public Certainty certaintyOf(String field) {
        for (Fact f : facts) if (field.equals(f.field())) return f.certainty();
        for (Fact f : facts) if (ENTRY.equals(f.field())) return f.certainty();
        return citations.isEmpty() ? null : Certainty.STATED;
    }

    /** The status as a reader should take it: a proposal whose status was not given is proposed. */
    public DecisionStatus statusAsKnown() {
        if (status != null) return status;
        return documentKind == DocumentKind.PROPOSAL ? DecisionStatus.PROPOSED : null;
    }

    /** As the metadata value events carry (a JSON string: the same bytes in both event stores). */
    public String toMetaDataValue() {
        try {
            return JSON.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Reads a metadata value written by {@link #toMetaDataValue()}; null for null. */
    public static Provenance fromMetaDataValue(Object value) {
        if (value == null) return null;
        try {
            return JSON.readValue(value.toString(), Provenance.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a provenance: " + value, e);
        }
    }
}
