package se.styrregistret.kernel.governance;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import se.styrregistret.kernel.common.DecisionReference;

import java.time.LocalDate;

/** The body reports to {@code reportsTo} from the effective date; null ends its reporting line. */
public record SetReportingLine(
        @TargetAggregateIdentifier GovernanceBodyId bodyId,
        GovernanceBodyId reportsTo,
        LocalDate effectiveDate,
        DecisionReference decision) {
}
