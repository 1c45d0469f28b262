package se.styrregistret.kernel.audit;

/** Read the whole log again and check every event against its leaf in the audit log, the tree heads and the last checkpoint. */
public record VerifyAuditLog() {
}
