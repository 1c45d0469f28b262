package se.styrregistret.kernel.budget;

import se.styrregistret.kernel.common.DecisionReference;

import java.time.LocalDate;

/** A referred item was decided. */
public record ReferralSettled(
        ReferralId referralId,
        int fiscalYear,
        String outcome,
        AllocationId allocationId,
        LocalDate effectiveDate,
        DecisionReference decision) {
}
