package se.styrregistret.kernel.audit;

/** What changed in the organisation chart between revision {@code from} and revision {@code to}. */
public record FindRevisionDiff(long from, long to) {
}
