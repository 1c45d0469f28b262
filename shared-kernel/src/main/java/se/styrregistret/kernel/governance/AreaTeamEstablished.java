package se.styrregistret.kernel.governance;

import org.axonframework.serialization.Revision;
import se.styrregistret.kernel.common.DecisionReference;

import java.time.LocalDate;

@Revision("1")
public record AreaTeamEstablished(
        GovernanceBodyId bodyId,
        String name,
        String district,
        String hostOrganisation,
        String commissioningCommittee,
        int teamLeaders,
        int safetyWardens,
        String purpose,
        LocalDate effectiveDate,
        DecisionReference decision) {
}
