package se.styrregistret.query.audit;

/** One audit row, with the revision the answer reflects. */
public record AuditRecord(long revision, AuditEntry entry) {
}
