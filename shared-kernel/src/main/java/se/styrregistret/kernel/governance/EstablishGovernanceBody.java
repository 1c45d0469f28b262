package se.styrregistret.kernel.governance;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import se.styrregistret.kernel.common.DecisionReference;
import se.styrregistret.kernel.common.Text;

import java.time.LocalDate;
import java.util.List;

/** A decision creates a governance body. */
public record EstablishGovernanceBody(
        @TargetAggregateIdentifier GovernanceBodyId bodyId,
        String name,
        String shortName,
        Level level,
        Scope scope,
        List<String> mandate,
        String convener,
        String meetingFrequency,
        List<String> supportingResources,
        List<Member> members,
        LocalDate effectiveDate,
        DecisionReference decision) {

    public EstablishGovernanceBody {
        name = name == null ? null : name.strip();
        shortName = Text.blankToNull(shortName);
        convener = Text.blankToNull(convener);
        meetingFrequency = Text.blankToNull(meetingFrequency);
        mandate = Text.listOf(mandate);
        supportingResources = Text.listOf(supportingResources);
        members = Text.listOf(members);
    }
}
