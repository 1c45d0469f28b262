package se.styrregistret.command.common;

/**
 * A command broke a rule of the domain. {@code rule} is a stable code clients can act on;
 * {@code conflict} tells whether the register's current state is the reason (409) or the
 * command itself cannot be carried out as asked (422).
 */
public class RuleViolation extends RuntimeException {

    private final String rule;
    private final boolean conflict;

    public RuleViolation(String rule, boolean conflict, String message) {
        super(message);
        this.rule = rule;
        this.conflict = conflict;
    }

    public static RuleViolation conflict(String rule, String message) {
        return new RuleViolation(rule, true, message);
    }

    public static RuleViolation unprocessable(String rule, String message) {
        return new RuleViolation(rule, false, message);
    }

    public String rule() {
        return rule;
    }

    public boolean isConflict() {
        return conflict;
    }
}
