package se.styrregistret.kernel.governance;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import se.styrregistret.kernel.common.DecisionReference;

import java.time.LocalDate;

/**
 * A function (e.g. the district coordinators, stadsdelssamordnare) moves from one organisation
 * to another. {@code functionId} is a stable key such as "stadsdelssamordnare".
 */
public record TransferFunction(
        @TargetAggregateIdentifier String functionId,
        String function,
        String fromOrganisation,
        String toOrganisation,
        LocalDate effectiveDate,
        DecisionReference decision) {
}
