package se.styrregistret.query.orgchart;

import se.styrregistret.kernel.common.DecisionReference;
import se.styrregistret.kernel.governance.FieldChange;
import se.styrregistret.kernel.governance.GovernanceBodyId;

import se.styrregistret.query.wording.EventLabels;
import se.styrregistret.query.wording.EventWording;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A body now (or as it ended), every change with its decision, and who came before and after.
 *
 * @param revision the revision the answer reflects
 * @param version  the body's version (its aggregate's), the ETag a command's If-Match names
 */
public record BodyDetails(long revision, BodySummary current, List<Change> history, List<Link> predecessors,
                          List<Link> successors, Long version) {

    /**
     * One recorded change: what kind, what changed, on which decision, when it took effect and when it
     * was recorded, in the order recorded.
     *
     * @param recordedLate       recorded after a change of the body dated later (the register learned it late)
     * @param correctsRevision   this entry replaces the entry recorded at that revision (a correction)
     * @param correctedInRevision the revision of the correction that corrected or annulled this entry
     * @param correctionReason   why it was corrected or annulled
     * @param annulled           the entry should never have been recorded and no longer counts
     * @param changeType         the event's code, for machines; {@code typeLabel} the same in Swedish
     * @param changes            field names and stored values, for machines; {@code labelledChanges} for people:
     *                           Swedish field names, statuses in Swedish ("aktivt → ersatt"), bodies by name, not id
     */
    public record Change(long revision, String changeType, String typeLabel, List<FieldChange> changes,
                         List<EventWording.Change> labelledChanges, LocalDate effectiveDate,
                         Instant recordedAt, String recordedBy, DecisionReference decision, boolean recordedLate,
                         Long correctsRevision, Long correctedInRevision, String correctionReason, boolean annulled) {

        /** The change with its Swedish label and labelled changes, bodies named by {@code names}. */
        Change worded(EventWording.Names names) {
            List<EventWording.Change> labelled = changes.stream().map(c -> new EventWording.Change(c.field(),
                    EventWording.fieldLabel(c.field()), EventWording.value(c.field(), c.before(), names),
                    EventWording.value(c.field(), c.after(), names))).toList();
            return new Change(revision, changeType, EventLabels.of(changeType).label(), changes, labelled, effectiveDate,
                    recordedAt, recordedBy, decision, recordedLate, correctsRevision, correctedInRevision,
                    correctionReason, annulled);
        }
    }

    /** A body in the lineage, by id and name. */
    public record Link(GovernanceBodyId id, String name) {
    }

    /** The body's entries, in the order recorded, as its history shows them. */
    static List<Change> history(List<BodyTimeline.Entry> entries) {
        Map<String, Long> revisionOf = new HashMap<>();
        entries.forEach(e -> revisionOf.put(e.eventId(), e.revision()));
        return entries.stream().map(e -> {
            // late: an entry recorded before it (and still counting when it came) takes effect after it
            boolean late = entries.stream().anyMatch(earlier -> earlier.revision() < e.revision()
                    && (earlier.retractedAt() == null || earlier.retractedAt() > e.revision())
                    && earlier.effectiveDate().isAfter(e.effectiveDate()));
            String type = e.event().getClass().getSimpleName();
            return new Change(e.revision(), type, EventLabels.of(type).label(), BodyTimeline.fieldChanges(e.event()), List.of(),
                    e.effectiveDate(), e.recordedAt(), e.recordedBy(), BodyTimeline.decisionOf(e.event()), late,
                    e.corrects() == null ? null : revisionOf.get(e.corrects()), e.correctionRevision(),
                    e.correctionReason(), e.annulled());
        }).toList();
    }
}
