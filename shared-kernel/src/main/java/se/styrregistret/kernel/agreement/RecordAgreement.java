package se.styrregistret.kernel.agreement;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import se.styrregistret.kernel.common.DecisionReference;
import se.styrregistret.kernel.common.Text;

import java.time.LocalDate;
import java.util.List;

/**
 * A decision enters the municipality into an agreement: a collaboration agreement with the
 * police, a citizen promise, a regional programme declaration. The period is in whole years
 * and may be unknown (null) where the source does not give it.
 *
 * @param signatory who is authorised to sign, when the decision says so
 */
public record RecordAgreement(
        @TargetAggregateIdentifier AgreementId agreementId,
        AgreementKind kind,
        String title,
        List<String> parties,
        Integer periodFrom,
        Integer periodTo,
        List<String> commitments,
        String signatory,
        String note,
        LocalDate effectiveDate,
        DecisionReference decision) {

    public RecordAgreement {
        parties = Text.listOf(parties);
        commitments = Text.listOf(commitments);
    }
}
