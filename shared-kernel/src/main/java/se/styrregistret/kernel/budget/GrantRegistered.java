package se.styrregistret.kernel.budget;

import se.styrregistret.kernel.common.DecisionReference;

import java.time.LocalDate;

/** External money was registered. */
public record GrantRegistered(
        GrantId grantId,
        String grantor,
        int fiscalYear,
        long amountSek,
        String purpose,
        LocalDate effectiveDate,
        DecisionReference decision) {
}
