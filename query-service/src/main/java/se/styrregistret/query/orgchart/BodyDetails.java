package se.styrregistret.query.orgchart;

import se.styrregistret.kernel.common.DecisionReference;
import se.styrregistret.kernel.governance.FieldChange;
import se.styrregistret.kernel.governance.GovernanceBodyId;

import se.styrregistret.query.wording.EventLabels;
import se.styrregistret.query.wording.EventWording;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A body now (or as it ended), every change with its decision, and who came before and after.
 *
 * @param revision the revision the answer reflects
 */
public record BodyDetails(long revision, BodySummary current, List<Change> history, List<Link> predecessors,
                          List<Link> successors) {

    /**
     * One change: what kind, what changed, on which decision, when it took effect and was recorded.
     * {@code changeType} and {@code changes} are for machines (event code, field names and stored values);
     * {@code typeLabel} and {@code labelledChanges} for people: Swedish field names, statuses in Swedish
     * ("aktivt → ersatt"), bodies by name instead of id.
     */
    public record Change(long revision, String changeType, String typeLabel, List<FieldChange> changes,
                         List<EventWording.Change> labelledChanges, LocalDate effectiveDate,
                         Instant recordedAt, String recordedBy, DecisionReference decision) {

        Change worded(EventWording.Names names) {
            List<EventWording.Change> labelled = changes.stream().map(c -> new EventWording.Change(c.field(),
                    EventWording.fieldLabel(c.field()), EventWording.value(c.field(), c.before(), names),
                    EventWording.value(c.field(), c.after(), names))).toList();
            return new Change(revision, changeType, EventLabels.of(changeType).label(), changes, labelled, effectiveDate,
                    recordedAt, recordedBy, decision);
        }
    }

    /** A body in the lineage, by id and name. */
    public record Link(GovernanceBodyId id, String name) {
    }
}
