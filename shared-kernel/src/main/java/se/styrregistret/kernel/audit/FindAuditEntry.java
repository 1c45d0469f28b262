package se.styrregistret.kernel.audit;

/** The audit row of one revision; the answer is null when the log has no such revision (yet). */
public record FindAuditEntry(long revision) {
}
