package se.styrregistret.kernel.governance;

import se.styrregistret.kernel.common.DecisionReference;

import java.time.LocalDate;
import java.util.List;

/**
 * A body as the organisation chart shows it at one point on both clocks.
 *
 * @param status          ACTIVE, DISSOLVED or REPLACED
 * @param effectiveFrom   the date this version took effect
 * @param decision        the decision behind this version
 * @param establishedBy   the decision that set the body up
 * @param revision        the revision that produced this version
 */
public record BodySummary(
        GovernanceBodyId id,
        String name,
        String shortName,
        Level level,
        Scope scope,
        String status,
        List<String> mandate,
        String convener,
        String meetingFrequency,
        List<String> supportingResources,
        List<Member> members,
        GovernanceBodyId reportsTo,
        List<GovernanceBodyId> predecessors,
        List<GovernanceBodyId> successors,
        AreaTeamDetails areaTeam,
        DecisionReference rescindedDecision,
        String note,
        LocalDate effectiveFrom,
        DecisionReference decision,
        DecisionReference establishedBy,
        long revision) {
}
