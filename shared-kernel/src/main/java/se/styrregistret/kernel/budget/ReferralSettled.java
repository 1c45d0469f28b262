package se.styrregistret.kernel.budget;

import org.axonframework.serialization.Revision;
import se.styrregistret.kernel.common.DecisionReference;

import java.time.LocalDate;

/** A referred item was decided. */
@Revision("1")
public record ReferralSettled(
        ReferralId referralId,
        int fiscalYear,
        String outcome,
        AllocationId allocationId,
        LocalDate effectiveDate,
        DecisionReference decision) {
}
