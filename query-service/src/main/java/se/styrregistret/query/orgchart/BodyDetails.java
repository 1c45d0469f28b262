package se.styrregistret.query.orgchart;

import se.styrregistret.kernel.common.DecisionReference;
import se.styrregistret.kernel.governance.FieldChange;
import se.styrregistret.kernel.governance.GovernanceBodyId;

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
     */
    public record Change(long revision, String changeType, List<FieldChange> changes, LocalDate effectiveDate,
                         Instant recordedAt, String recordedBy, DecisionReference decision, boolean recordedLate,
                         Long correctsRevision, Long correctedInRevision, String correctionReason, boolean annulled) {
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
            return new Change(e.revision(), e.event().getClass().getSimpleName(), BodyTimeline.fieldChanges(e.event()),
                    e.effectiveDate(), e.recordedAt(), e.recordedBy(), BodyTimeline.decisionOf(e.event()), late,
                    e.corrects() == null ? null : revisionOf.get(e.corrects()), e.correctionRevision(),
                    e.correctionReason(), e.annulled());
        }).toList();
    }
}
