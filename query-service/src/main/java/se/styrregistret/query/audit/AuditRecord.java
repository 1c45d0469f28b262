package se.styrregistret.kernel.audit;

/** One audit row, with the revision the answer reflects. */
public record AuditRecord(long revision, AuditEntry entry) {
}
