package se.styrregistret.query.audit;

import java.util.List;

/**
 * @param revision the revision the answer reflects (how far the audit trail has read the log)
 * @param total    how many rows match the filter in all
 * @param gaps     revisions the trail could not show (parked in its dead-letter queue until retried):
 *                 they are in the log, and in the tamper-evident audit log, but have no row here
 */
public record AuditTrailPage(long revision, int page, int size, long total, List<AuditEntry> entries, List<Long> gaps) {
}
