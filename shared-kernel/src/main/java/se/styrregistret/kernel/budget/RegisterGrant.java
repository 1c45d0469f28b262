package se.styrregistret.kernel.budget;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import se.styrregistret.kernel.common.DecisionReference;
import se.styrregistret.kernel.common.Text;

import java.time.LocalDate;

/** External money (e.g. a state grant from Delegationen mot segregation) for a year. */
public record RegisterGrant(
        @TargetAggregateIdentifier GrantId grantId,
        String grantor,
        int fiscalYear,
        long amountSek,
        String purpose,
        LocalDate effectiveDate,
        DecisionReference decision) {

    public RegisterGrant {
        grantor = grantor == null ? null : grantor.strip();
        purpose = Text.blankToNull(purpose);
    }
}
