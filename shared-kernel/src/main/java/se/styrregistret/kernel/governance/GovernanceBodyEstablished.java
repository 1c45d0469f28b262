package se.styrregistret.kernel.governance;

import org.axonframework.serialization.Revision;
import se.styrregistret.kernel.common.DecisionReference;
import se.styrregistret.kernel.common.Text;

import java.time.LocalDate;
import java.util.List;

/** A governance body came into being by a decision, with effect from {@code effectiveDate}. */
@Revision("1")
public record GovernanceBodyEstablished(
        GovernanceBodyId bodyId,
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

    public GovernanceBodyEstablished {
        mandate = Text.listOf(mandate);
        supportingResources = Text.listOf(supportingResources);
        members = Text.listOf(members);
    }
}
