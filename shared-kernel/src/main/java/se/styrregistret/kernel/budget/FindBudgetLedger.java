package se.styrregistret.kernel.budget;

/** The ledger's movements for one fiscal year (all years when empty), now or as of a revision. */
public record FindBudgetLedger(Integer fiscalYear, Long asOfRevision) {
}
