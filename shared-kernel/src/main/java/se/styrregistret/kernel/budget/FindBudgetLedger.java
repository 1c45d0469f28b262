package se.styrregistret.kernel.budget;

import se.styrregistret.kernel.common.Text;

import java.time.LocalDate;

/**
 * The ledger's movements for one fiscal year (all years when empty), now or as of a revision, and in effect on
 * a date when one is given; one page of them at a time, in log order.
 * <p>
 * A district narrows the ledger to the movements that concern it: those the ledger records for the district
 * (a recipient in it), those to a governance body or area team whose scope is the district, and the
 * settlements of referred items so narrowed. The name is compared case-insensitively.
 * <p>
 * Only the entries are paged: the answer's totals row and its running balances are over every movement that
 * matches (year, date, district), not over the page.
 *
 * @param district only movements concerning this district; empty for the whole ledger
 * @param page     the page, counted from 0
 * @param size     movements per page (the web API allows 1 to {@link #MAX_PAGE_SIZE}; {@link #every} asks for
 *                 all of them in one page, for the CSV export)
 */
public record FindBudgetLedger(Integer fiscalYear, Long asOfRevision, LocalDate asOfDate, String district,
                               int page, int size) {

    /** Movements per page when the client names no size. */
    public static final int DEFAULT_PAGE_SIZE = 500;
    public static final int MAX_PAGE_SIZE = 1000;

    public FindBudgetLedger {
        district = Text.blankToNull(district);
    }

    /** The whole ledger (its first {@link #DEFAULT_PAGE_SIZE} movements). */
    public FindBudgetLedger(Integer fiscalYear, Long asOfRevision, LocalDate asOfDate) {
        this(fiscalYear, asOfRevision, asOfDate, null, 0, DEFAULT_PAGE_SIZE);
    }

    /** Without an effective date: every movement recorded up to the revision (its first page). */
    public FindBudgetLedger(Integer fiscalYear, Long asOfRevision) {
        this(fiscalYear, asOfRevision, null);
    }

    /** Every matching movement in one page (an export): the answer's size is then {@link Integer#MAX_VALUE}. */
    public static FindBudgetLedger every(Integer fiscalYear, Long asOfRevision, LocalDate asOfDate, String district) {
        return new FindBudgetLedger(fiscalYear, asOfRevision, asOfDate, district, 0, Integer.MAX_VALUE);
    }
}
