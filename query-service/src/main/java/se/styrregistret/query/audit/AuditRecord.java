package se.styrregistret.query.audit;

/**
 * One audit row, with the revision the answer reflects, and the same event as a document to read.
 *
 * @param entry    the row as the audit trail lists it (with the payload as stored)
 * @param document what changed, by which decision, who recorded it and when, in Swedish
 */
public record AuditRecord(long revision, AuditEntry entry, RevisionDocument document) {
}
