package se.styrregistret.query.orgchart;

import se.styrregistret.kernel.common.DecisionReference;
import se.styrregistret.kernel.governance.FieldChange;
import se.styrregistret.kernel.governance.GovernanceBodyId;

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

    /** One change: what kind, what changed, on which decision, when it took effect and was recorded. */
    public record Change(long revision, String changeType, List<FieldChange> changes, LocalDate effectiveDate,
                         Instant recordedAt, String recordedBy, DecisionReference decision) {
    }

    /** A body in the lineage, by id and name. */
    public record Link(GovernanceBodyId id, String name) {
    }
}
