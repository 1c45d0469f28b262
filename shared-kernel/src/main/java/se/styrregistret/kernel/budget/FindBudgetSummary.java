package se.styrregistret.kernel.budget;

/** The ledger's totals for one fiscal year (all years when empty), now or as of a revision. */
public record FindBudgetSummary(Integer fiscalYear, Long asOfRevision, java.time.LocalDate asOfDate) {

    /** Without an effective date: every movement recorded up to the revision. */
    public FindBudgetSummary(Integer fiscalYear, Long asOfRevision) {
        this(fiscalYear, asOfRevision, null);
    }

}
