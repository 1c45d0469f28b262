package se.styrregistret.kernel.agreement;

import org.axonframework.serialization.Revision;
import se.styrregistret.kernel.common.DecisionReference;
import se.styrregistret.kernel.common.Text;

import java.time.LocalDate;
import java.util.List;

/**
 * A decision entered the municipality into an agreement.
 *
 * @param firstYear the period's first year, null where the source does not give it (revision 1: {@code periodFrom})
 * @param lastYear  the period's last year, likewise (revision 1: {@code periodTo})
 */
@Revision("2")
public record AgreementRecorded(
        AgreementId agreementId,
        AgreementKind kind,
        String title,
        List<String> parties,
        Integer firstYear,
        Integer lastYear,
        List<String> commitments,
        String signatory,
        String note,
        LocalDate effectiveDate,
        DecisionReference decision) {

    public AgreementRecorded {
        parties = Text.listOf(parties);
        commitments = Text.listOf(commitments);
    }
}
