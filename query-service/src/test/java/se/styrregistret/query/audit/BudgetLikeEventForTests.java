package se.styrregistret.query.audit;

import se.styrregistret.kernel.common.DecisionReference;
import se.styrregistret.kernel.governance.GovernanceBodyId;

import java.time.LocalDate;
import java.util.List;

/**
 * Stands in for the budget and action-plan events other branches add: the audit trail must find
 * its effective date, decision and ids by their component names alone.
 */
public record BudgetLikeEventForTests(String allocationId, GovernanceBodyId bodyId, List<String> planIds, long amountSek,
                               String purpose, LocalDate effectiveDate, DecisionReference decision) {
}
