package se.styrregistret.query.orgchart;

import se.styrregistret.kernel.common.DecisionReference;
import se.styrregistret.kernel.governance.AreaTeamDetails;
import se.styrregistret.kernel.governance.GovernanceBodyId;
import se.styrregistret.kernel.governance.Level;
import se.styrregistret.kernel.governance.Member;
import se.styrregistret.kernel.governance.Scope;

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
