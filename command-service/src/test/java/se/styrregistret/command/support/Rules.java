package se.styrregistret.command.support;

import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;
import se.styrregistret.command.common.RuleViolation;

/** Matchers for refusals in aggregate fixtures: a refusal is judged by the rule it names. */
public final class Rules {

    private Rules() {
    }

    /** A {@link RuleViolation} naming {@code rule}. */
    public static Matcher<Throwable> rule(String rule) {
        return rule(rule, null);
    }

    /** A {@link RuleViolation} naming {@code rule} whose text contains {@code detail} (null: any). */
    public static Matcher<Throwable> rule(String rule, String detail) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(Throwable t) {
                return t instanceof RuleViolation v && v.rule().equals(rule)
                        && (detail == null || v.getMessage().contains(detail));
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("a refusal by the rule " + rule + (detail == null ? "" : " saying '" + detail + "'"));
            }

            @Override
            protected void describeMismatchSafely(Throwable t, Description mismatch) {
                mismatch.appendText(t instanceof RuleViolation v ? "rule " + v.rule() + ": " + v.getMessage() : t.toString());
            }
        };
    }
}
