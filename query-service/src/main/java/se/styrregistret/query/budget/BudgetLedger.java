package se.styrregistret.query.budget;

import se.styrregistret.kernel.budget.RecipientKind;
import se.styrregistret.kernel.budget.SourceKind;
import se.styrregistret.kernel.common.DecisionReference;

import java.time.LocalDate;
import java.util.List;

/**
 * One page of the ledger: one entry per movement, in log order (revision, then the movement's place in its event).
 * <p>
 * Only {@code entries} is paged. {@code total}, the {@code totals} row and each entry's running columns
 * ({@code allocatedToDateSek}, {@code runningBalanceSek}) are over every movement that matches the question
 * (fiscal year, date, district), not over the page: a page shows the figures the whole ledger shows.
 *
 * @param revision   the revision the answer reflects
 * @param fiscalYear the year asked for, or empty for all years
 * @param asOfDate   the date asked for (entries in effect on it), or empty for every entry recorded
 * @param answeredOn the day the answer was given (municipal calendar), for "per" lines when no date was asked
 * @param district   the district asked for (its registered spelling when registered), or empty for the whole ledger
 * @param page       this page, counted from 0
 * @param size       entries per page
 * @param total      how many movements match the question, on every page together
 * @param entries    this page's movements
 * @param totals     the sums of the matching entries' columns (the totals row), over every page
 */
public record BudgetLedger(long revision, Integer fiscalYear, LocalDate asOfDate, LocalDate answeredOn,
                           String district, int page, int size, long total,
                           List<Entry> entries, Totals totals) {

    /**
     * One movement. {@code entryType} is FRAME_OPENED, FRAME_EXTENDED, GRANT_REGISTERED, ALLOCATION,
     * DISTRIBUTED_ON (the whole leaves the distributing recipient, negative), DISTRIBUTION (a part),
     * REVERSAL (negative), REFERRAL (no money, open item) or REFERRAL_SETTLED; {@code entryTypeLabel} says it in Swedish.
     * The amount columns each mean one thing and are null where they do not apply (never 0 for "unknown"):
     * {@code availableSek} money made available (frames opened or extended, grants registered);
     * {@code movedSek} money moved to a recipient (allocations, distributed parts, less what was passed on or
     * reversed); {@code estimatedSek} a referred item's estimate (null when the decision gives none);
     * {@code allocatedToDateSek} the money moved to recipients in the entry's fiscal year up to and including
     * this entry (on money rows only), among the entries that match the question. {@code amountSek} is the entry's own amount, null for referrals.
     * {@code sourceName} is where the money comes from; for a referral it is empty and {@code referredTo} says
     * where the item was referred. {@code runningBalanceSek} is kept for older clients: the same as
     * {@code allocatedToDateSek} but over every year that matches.
     */
    public record Entry(long revision, LocalDate effectiveDate, int fiscalYear, String entryType, String entryTypeLabel,
                        String itemId, SourceKind sourceKind, String sourceId, String sourceName, String referredTo,
                        RecipientKind recipientKind, String recipientId, String recipientName, String district,
                        Long amountSek, String amountTkr, Long availableSek, Long movedSek, Long estimatedSek,
                        Long allocatedToDateSek, long runningBalanceSek, String runningBalanceTkr,
                        String purpose, DecisionReference decision) {
    }

    /**
     * The totals row: money made available, money moved to recipients, referred items' known estimates and how
     * many referred items have no estimate (their sum is unknown, not 0).
     */
    public record Totals(long availableSek, String availableTkr, long movedSek, String movedTkr,
                         Long estimatedSek, int referralsWithoutEstimate, int openReferrals) {
    }

    /** The Swedish name of an entry type. */
    public static String label(String entryType) {
        if (entryType == null) return null;
        return switch (entryType) {
            case LedgerRow.FRAME_OPENED -> "Budgetram öppnad";
            case LedgerRow.FRAME_EXTENDED -> "Budgetram utökad";
            case LedgerRow.GRANT_REGISTERED -> "Bidrag registrerat";
            case LedgerRow.ALLOCATION -> "Fördelning";
            case LedgerRow.DISTRIBUTED_ON -> "Vidarefördelat (avgår)";
            case LedgerRow.DISTRIBUTION -> "Vidarefördelning";
            case LedgerRow.REVERSAL -> "Återföring";
            case LedgerRow.REFERRAL -> "Hänvisad post";
            case LedgerRow.REFERRAL_SETTLED -> "Hänvisning avgjord";
            default -> "Övrig post";
        };
    }
}
