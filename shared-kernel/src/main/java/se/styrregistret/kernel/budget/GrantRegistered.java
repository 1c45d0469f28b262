package se.styrregistret.kernel.budget;

import se.styrregistret.kernel.common.DecisionReference;
import se.styrregistret.kernel.common.Text;

import java.time.LocalDate;
import java.util.List;

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
