package se.styrregistret.kernel.governance;

import org.axonframework.serialization.Revision;
import se.styrregistret.kernel.common.DecisionReference;

import java.time.LocalDate;

@Revision("1")
public record FunctionTransferred(String functionId, String function, String fromOrganisation, String toOrganisation,
                                  LocalDate effectiveDate, DecisionReference decision) {
}
