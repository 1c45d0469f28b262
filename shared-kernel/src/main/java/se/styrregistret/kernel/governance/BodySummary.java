package se.styrregistret.kernel.governance;

import se.styrregistret.kernel.common.DecisionReference;

import java.time.LocalDate;
import java.util.List;

/** A body as the organisation chart shows it. */
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
        LocalDate effectiveFrom,
        DecisionReference decision,
        long revision) {
}
