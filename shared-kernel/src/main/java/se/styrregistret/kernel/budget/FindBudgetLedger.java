package se.styrregistret.kernel.budget;

/** The ledger's movements for one fiscal year (all years when empty), now or as of a revision. */
public record FindBudgetLedger(Integer fiscalYear, Long asOfRevision, java.time.LocalDate asOfDate) {

    /** Without an effective date: every movement recorded up to the revision. */
    public FindBudgetLedger(Integer fiscalYear, Long asOfRevision) {
        this(fiscalYear, asOfRevision, null);
    }

}
