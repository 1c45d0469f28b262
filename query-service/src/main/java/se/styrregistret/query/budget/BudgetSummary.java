package se.styrregistret.query.budget;

import se.styrregistret.kernel.common.DecisionReference;

import java.util.List;

/**
 * The ledger's totals: money moved to recipients (allocations, distributed parts, less what was
 * passed on or reversed), per recipient, kind of recipient, district, source, kind of source and
 * year; each frame and what remains of it; the referred items still open.
 */
public record BudgetSummary(long revision, Integer fiscalYear, long totalSek, String totalTkr,
                            List<Total> byRecipient, List<Total> byRecipientKind, List<Total> byRecipientKindAndSourceKind,
                            List<Total> byDistrict, List<Total> bySource, List<Total> bySourceKind, List<Total> byYear,
                            List<Frame> frames, List<OpenReferral> openReferrals) {

    public record Total(String key, String label, long amountSek, String amountTkr) {
    }

    public record Frame(String frameId, String committee, int fiscalYear, long openedSek, long extendedSek,
                        long allocatedSek, long remainingSek, String remainingTkr) {
    }

    public record OpenReferral(String referralId, int fiscalYear, String subject, String referredTo,
                               String recipientName, Long estimatedAmountSek, DecisionReference decision, long revision) {
    }
}
