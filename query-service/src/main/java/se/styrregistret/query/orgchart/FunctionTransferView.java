package se.styrregistret.query.orgchart;

import se.styrregistret.kernel.common.DecisionReference;

import java.time.LocalDate;

public record FunctionTransferView(long revision, String functionId, String function, String fromOrganisation,
                                   String toOrganisation, LocalDate effectiveDate, DecisionReference decision) {
}
