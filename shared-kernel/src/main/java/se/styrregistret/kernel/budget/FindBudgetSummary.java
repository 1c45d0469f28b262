package se.styrregistret.kernel.budget;

import se.styrregistret.kernel.common.Text;

/**
 * The ledger's totals for one fiscal year (all years when empty), now or as of a revision; for one district
 * when one is given (the movements {@link FindBudgetLedger} narrows to it, compared case-insensitively).
 */
public record FindBudgetSummary(Integer fiscalYear, Long asOfRevision, java.time.LocalDate asOfDate, String district) {

    public FindBudgetSummary {
        district = Text.blankToNull(district);
    }

    /** The whole ledger's totals. */
    public FindBudgetSummary(Integer fiscalYear, Long asOfRevision, java.time.LocalDate asOfDate) {
        this(fiscalYear, asOfRevision, asOfDate, null);
    }

    /** Without an effective date: every movement recorded up to the revision. */
    public FindBudgetSummary(Integer fiscalYear, Long asOfRevision) {
        this(fiscalYear, asOfRevision, null);
    }

}
