package se.styrregistret.kernel.governance;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import se.styrregistret.kernel.common.DecisionReference;

import java.time.LocalDate;

/**
 * An area team (områdesteam) for one district: hosted by an organisation (Leanlink),
 * commissioned by a committee (Social- och omsorgsnämnden), with team leaders and safety
 * wardens (trygghetsvärdar).
 */
public record EstablishAreaTeam(
        @TargetAggregateIdentifier GovernanceBodyId bodyId,
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
