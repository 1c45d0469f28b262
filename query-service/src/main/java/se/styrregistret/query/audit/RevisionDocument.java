package se.styrregistret.query.audit;

import se.styrregistret.kernel.common.DecisionReference;
import se.styrregistret.query.wording.EventWording;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * One change in the register as a page to read: a Swedish title and summary, what changed (labelled fields),
 * the decision behind it, who recorded it and when. The event as stored is at
 * {@code /api/audit-trail/{revision}/raw}.
 *
 * @param title      "Ändring nr 12: Organ inrättat"
 * @param decision   the decision as a person reads it ("Kommunstyrelsen 2020-01-20 (KS 2019-1003)"), null if none
 * @param recordedAt when the register recorded it; {@code recordedAtText} the same in Swedish local time
 * @param facts      the same as label–value pairs in reading order, every label in Swedish
 */
public record RevisionDocument(long revision, String title, String typeLabel, String kind, String kindLabel,
                               String summary, List<EventWording.Change> changes, String decision,
                               DecisionReference decisionReference, LocalDate effectiveDate, String recordedBy,
                               Instant recordedAt, String recordedAtText, String district, List<BodyRef> bodies,
                               List<Fact> facts) {

    /** One line of the page: a Swedish label and its value. */
    public record Fact(String label, String value) {
    }
}
