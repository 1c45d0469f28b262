package se.styrregistret.kernel.audit;

import java.util.List;

/**
 * @param revision the revision the answer reflects (how far the audit trail has read the log)
 * @param total    how many rows match the filter in all
 */
public record AuditTrailPage(long revision, int page, int size, long total, List<AuditEntry> entries) {
}
