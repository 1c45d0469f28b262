package se.styrregistret.kernel.budget;

import org.axonframework.serialization.Revision;
import se.styrregistret.kernel.common.DecisionReference;

import java.time.LocalDate;

/** Funding was referred to a later budget process; no money moved. */
@Revision("1")
public record FinancingReferred(
        ReferralId referralId,
        int fiscalYear,
        String subject,
        String referredTo,
        Recipient recipient,
        Long estimatedAmountSek,
        LocalDate effectiveDate,
        DecisionReference decision) {
}
