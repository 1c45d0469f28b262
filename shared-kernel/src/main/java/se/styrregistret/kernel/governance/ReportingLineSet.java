package se.styrregistret.kernel.governance;

import org.axonframework.serialization.Revision;
import se.styrregistret.kernel.common.DecisionReference;

import java.time.LocalDate;

/** @param previous the body it reported to before, if any */
@Revision("1")
public record ReportingLineSet(GovernanceBodyId bodyId, GovernanceBodyId reportsTo, GovernanceBodyId previous,
                               LocalDate effectiveDate, DecisionReference decision) {
}
