package se.styrregistret.command.budget;

import se.styrregistret.command.common.Entries;
import se.styrregistret.command.common.RuleViolation;
import se.styrregistret.kernel.common.DecisionReference;
import se.styrregistret.kernel.common.Text;
import se.styrregistret.kernel.correction.CorrectEntry;

import java.time.LocalDate;
import java.util.function.ToLongFunction;

/** The rules every budget command shares; each names its rule. */
final class BudgetRules {

    /** No single amount above 1 000 000 000 000 kr: far beyond any municipal budget, far below overflow. */
    static final long MAX_AMOUNT_SEK = 1_000_000_000_000L;

    private BudgetRules() {
    }

    static void requireDecision(DecisionReference decision, LocalDate effectiveDate) {
        if (decision == null) {
            throw RuleViolation.unprocessable("decision-required", "Varje ändring måste hänvisa till ett beslut");
        }
        if (effectiveDate == null) {
            throw RuleViolation.unprocessable("effective-date-required", "Ett beslut måste ha ett datum då det gäller från");
        }
    }

    static void requirePositive(long amountSek) {
        if (amountSek <= 0) {
            throw RuleViolation.unprocessable("amount-positive", "Belopp måste vara positiva (hela kronor), fick " + amountSek);
        }
        requireBounded(amountSek);
    }

    static void requireBounded(long amountSek) {
        if (amountSek > MAX_AMOUNT_SEK) {
            throw RuleViolation.unprocessable("amount-too-large", "Beloppet " + amountSek + " kr är orimligt stort");
        }
    }

    static void requireFiscalYear(int fiscalYear) {
        if (fiscalYear < 2000 || fiscalYear > 2100) {
            throw RuleViolation.unprocessable("fiscal-year-plausible", "Budgetåret " + fiscalYear + " är inte rimligt");
        }
    }

    static void requireText(String value, String rule, String message) {
        if (Text.isBlank(value)) {
            throw RuleViolation.unprocessable(rule, message);
        }
    }

    static long add(long a, long b) {
        try {
            return Math.addExact(a, b);
        } catch (ArithmeticException e) {
            throw RuleViolation.unprocessable("amount-too-large", "Summan blir för stor");
        }
    }

    /**
     * A correction of a source of money (a frame, a grant): the source's entries with the replacement must add up
     * to at least what has been allocated from it ({@code exceededRule}, as an allocation beyond it would be
     * refused), with no negative amount.
     *
     * @param amountOf what one of the source's entries adds to it
     * @param what     the source in Swedish, for the refusal ("ramen", "bidraget")
     */
    static void requireCorrectedSourceCovers(CorrectEntry cmd, Entries entries, ToLongFunction<Object> amountOf,
                                             String sourceId, SourceBalances balances, String exceededRule, String what) {
        long total = 0;
        for (Object event : entries.eventsWith(cmd.correctedEventId(), cmd.replacement())) {
            total = add(total, amountOf.applyAsLong(event));
        }
        requireBounded(total);
        if (cmd.replacement() != null && amountOf.applyAsLong(cmd.replacement()) < 0) {
            throw RuleViolation.unprocessable("amount-positive", "Belopp måste vara positiva (hela kronor)");
        }
        long allocated = balances.balanceOf(sourceId).map(SourceBalances.Balance::allocatedSek).orElse(0L);
        if (total < allocated) {
            throw RuleViolation.conflict(exceededRule, "Rättelsen ger " + what + " " + total + " kr, men " + allocated
                    + " kr är redan anslaget ur den");
        }
    }
}
