package se.styrregistret.query.budget;

import se.styrregistret.kernel.budget.RecipientKind;
import se.styrregistret.kernel.budget.SourceKind;
import se.styrregistret.kernel.common.DecisionReference;

import java.time.LocalDate;
import java.util.List;

/**
 * The ledger: one entry per movement, in log order, with a running balance.
 *
 * @param revision   the revision the answer reflects
 * @param fiscalYear the year asked for, or empty for all years
 */
public record BudgetLedger(long revision, Integer fiscalYear, List<Entry> entries) {

    /**
     * One movement. {@code entryType} is FRAME_OPENED, FRAME_EXTENDED, GRANT_REGISTERED, ALLOCATION,
     * DISTRIBUTED_ON (the whole leaves the distributing recipient, negative), DISTRIBUTION (a part),
     * REVERSAL (negative), REFERRAL (no money, open item) or REFERRAL_SETTLED.
     * {@code runningBalanceSek} is the sum of the money movements (allocations, distributions,
     * reversals) up to and including this entry.
     */
    public record Entry(long revision, LocalDate effectiveDate, int fiscalYear, String entryType, String itemId,
                        SourceKind sourceKind, String sourceId, String sourceName,
                        RecipientKind recipientKind, String recipientId, String recipientName, String district,
                        long amountSek, String amountTkr, long runningBalanceSek, String runningBalanceTkr,
                        String purpose, DecisionReference decision) {
    }
}
