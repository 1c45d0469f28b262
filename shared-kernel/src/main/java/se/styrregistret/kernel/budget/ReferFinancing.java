package se.styrregistret.kernel.budget;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import se.styrregistret.kernel.common.DecisionReference;

import java.time.LocalDate;

/** A decision defers funding to a later budget process (e.g. Budgetberedningen): no money moves, an open item stays until settled. */
public record ReferFinancing(
        @TargetAggregateIdentifier ReferralId referralId,
        int fiscalYear,
        String subject,
        String referredTo,
        Recipient recipient,
        Long estimatedAmountSek,
        LocalDate effectiveDate,
        DecisionReference decision) {

    public ReferFinancing {
        subject = subject == null ? null : subject.strip();
        referredTo = referredTo == null ? null : referredTo.strip();
    }
}
