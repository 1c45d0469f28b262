package se.styrregistret.kernel.audit;

import java.time.LocalDate;

/**
 * Which audit-trail rows to return; every field is optional and they combine with AND.
 * Revision bounds and dates are inclusive; {@code bodyId} matches any affected id.
 */
public record AuditFilter(Long fromRevision, Long toRevision, LocalDate recordedFrom, LocalDate recordedTo,
                          LocalDate effectiveFrom, LocalDate effectiveTo, String bodyId, String caseNumber,
                          String eventType, String recordedBy) {
    public static AuditFilter none() {
        return new AuditFilter(null, null, null, null, null, null, null, null, null, null);
    }
}
