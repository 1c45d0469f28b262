package se.styrregistret.kernel.governance;

import org.axonframework.serialization.Revision;
import se.styrregistret.kernel.common.DecisionReference;

import java.time.LocalDate;
import java.util.List;

/**
 * A body was changed by a decision. {@code changes} lists exactly what changed, field by field,
 * before and after; the other fields carry the body's values after the change.
 */
@Revision("1")
public record GovernanceBodyAmended(
        GovernanceBodyId bodyId,
        List<FieldChange> changes,
        String name,
        List<String> mandate,
        String convener,
        String meetingFrequency,
        List<String> supportingResources,
        LocalDate effectiveDate,
        DecisionReference decision) {

    public GovernanceBodyAmended {
        changes = List.copyOf(changes);
        mandate = List.copyOf(mandate);
        supportingResources = List.copyOf(supportingResources);
    }
}
