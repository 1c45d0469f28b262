package se.styrregistret.kernel.agreement;

import org.axonframework.serialization.Revision;
import se.styrregistret.kernel.common.DecisionReference;
import se.styrregistret.kernel.common.Text;

import java.time.LocalDate;
import java.util.List;

@Revision("1")
public record AgreementRecorded(
        AgreementId agreementId,
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

    public AgreementRecorded {
        parties = Text.listOf(parties);
        commitments = Text.listOf(commitments);
    }
}
