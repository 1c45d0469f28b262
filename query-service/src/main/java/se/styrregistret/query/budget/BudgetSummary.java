package se.styrregistret.query.budget;

import se.styrregistret.kernel.common.DecisionReference;

import java.time.LocalDate;
import java.util.List;

/**
 * The ledger's totals: money moved to recipients (allocations, distributed parts, less what was
 * passed on or reversed), per recipient, kind of recipient, district, source, kind of source and
 * year; each frame and what remains of it; the referred items still open; the years side by side.
 *
 * @param asOfDate              the date asked for, or empty for everything recorded
 * @param answeredOn            the day the answer was given (municipal calendar)
 * @param district              the district asked for (its registered spelling when registered), or empty for the
 *                              whole ledger; every figure is then over the movements concerning it
 * @param totalAvailableSek     money made available: frames opened and extended, grants registered
 * @param byDistrict            money the ledger records for a district (a recipient in it)
 * @param notSplitByDistrictSek money the ledger records for no single district (the sources give no split)
 * @param years                 one column per fiscal year, in order
 */
public record BudgetSummary(long revision, Integer fiscalYear, LocalDate asOfDate, LocalDate answeredOn,
                            String district, long totalSek, String totalTkr, long totalAvailableSek, String totalAvailableTkr,
                            List<Total> byRecipient, List<Total> byRecipientKind, List<Total> byRecipientKindAndSourceKind,
                            List<Total> byDistrict, long notSplitByDistrictSek, String notSplitByDistrictTkr,
                            List<Total> bySource, List<Total> bySourceKind, List<Total> byYear,
                            List<Frame> frames, List<OpenReferral> openReferrals, List<Year> years) {

    public record Total(String key, String label, long amountSek, String amountTkr) {
    }

    public record Frame(String frameId, String committee, int fiscalYear, long openedSek, long extendedSek,
                        long allocatedSek, long remainingSek, String remainingTkr) {
    }

    /** @param estimatedAmountSek null when the decision gives no estimate: unknown, not 0 */
    public record OpenReferral(String referralId, int fiscalYear, String subject, String referredTo,
                               String recipientName, Long estimatedAmountSek, DecisionReference decision, long revision) {
    }

    /**
     * One fiscal year: what was made available (frames, grants), what moved to recipients and from which kind
     * of source, what remains of the frames, the open referred items (known estimates summed, unknown ones
     * counted), and the money per district where the ledger has it.
     *
     * @param referredEstimatedSek the open items' known estimates, null when none has one
     */
    public record Year(int fiscalYear, long framesSek, long grantsSek, long availableSek, long allocatedSek,
                       String allocatedTkr, long fromFramesSek, long fromGrantsSek, long fromResourceFundsSek,
                       long framesRemainingSek, int openReferrals, Long referredEstimatedSek,
                       int referralsWithoutEstimate, List<Total> byDistrict, long notSplitByDistrictSek) {
    }
}
