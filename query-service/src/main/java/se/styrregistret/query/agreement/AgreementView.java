package se.styrregistret.query.agreement;

import se.styrregistret.kernel.agreement.AgreementId;
import se.styrregistret.kernel.agreement.AgreementKind;
import se.styrregistret.kernel.common.DecisionReference;

import java.time.LocalDate;
import java.util.List;

public record AgreementView(AgreementId id, AgreementKind kind, String kindName, String title, List<String> parties,
                            Integer periodFrom, Integer periodTo, List<String> commitments, String signatory,
                            String note, LocalDate effectiveDate, DecisionReference decision, long revision) {
}
