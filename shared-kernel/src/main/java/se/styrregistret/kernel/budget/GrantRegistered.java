package se.styrregistret.kernel.budget;

import org.axonframework.serialization.Revision;
import se.styrregistret.kernel.common.DecisionReference;

import java.time.LocalDate;

/** External money was registered. */
@Revision("1")
public record GrantRegistered(
        GrantId grantId,
        String grantor,
        int fiscalYear,
        long amountSek,
        String purpose,
        LocalDate effectiveDate,
        DecisionReference decision) {
}
