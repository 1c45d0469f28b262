package se.styrregistret.kernel.governance;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import se.styrregistret.kernel.common.DecisionReference;

import java.time.LocalDate;
import java.util.List;

/**
 * A decision changes a body's mandate, convener, meeting frequency, supporting resources or
 * name. A field left null stays as it is; an empty list clears a list.
 */
public record AmendGovernanceBody(
        @TargetAggregateIdentifier GovernanceBodyId bodyId,
        String name,
        List<String> mandate,
        String convener,
        String meetingFrequency,
        List<String> supportingResources,
        LocalDate effectiveDate,
        DecisionReference decision) {

    public AmendGovernanceBody {
        mandate = mandate == null ? null : List.copyOf(mandate);
        supportingResources = supportingResources == null ? null : List.copyOf(supportingResources);
    }
}
