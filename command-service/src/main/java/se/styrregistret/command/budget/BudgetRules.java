package se.styrregistret.command.budget;

import se.styrregistret.command.common.RuleViolation;
import se.styrregistret.kernel.common.DecisionReference;
import se.styrregistret.kernel.common.Text;

import java.time.LocalDate;

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
}
