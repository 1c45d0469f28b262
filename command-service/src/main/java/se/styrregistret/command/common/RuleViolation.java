package se.styrregistret.command.common;

/**
 * A command broke a rule of the domain. {@code rule} is a stable code clients can act on;
 * {@code conflict} tells whether the register's current state is the reason (409) or the
 * command itself cannot be carried out as asked (422); {@code field}, when set, names the part of
 * the command the rule concerns (e.g. {@code replacements[1].successors[0]} of a compound decision).
 */
public class RuleViolation extends RuntimeException {

    private final String rule;
    private final boolean conflict;
    private final String field;

    public RuleViolation(String rule, boolean conflict, String message) {
        this(rule, conflict, message, null);
    }

    private RuleViolation(String rule, boolean conflict, String message, String field) {
        super(message);
        this.rule = rule;
        this.conflict = conflict;
        this.field = field;
    }

    public static RuleViolation conflict(String rule, String message) {
        return new RuleViolation(rule, true, message);
    }

    public static RuleViolation unprocessable(String rule, String message) {
        return new RuleViolation(rule, false, message);
    }

    /** The same refusal, naming the field it concerns (null: none). */
    public RuleViolation at(String field) {
        return new RuleViolation(rule, conflict, getMessage(), field);
    }

    public String rule() {
        return rule;
    }

    public boolean isConflict() {
        return conflict;
    }

    public String field() {
        return field;
    }
}
