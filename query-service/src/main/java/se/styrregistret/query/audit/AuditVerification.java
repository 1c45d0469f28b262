package se.styrregistret.query.audit;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/**
 * What a verification of the audit log checked and found. {@code intact} is true only when every
 * event of the log up to its head was checked against its leaf and all matched, the stored leaves
 * give the stored tree head and the last signed checkpoint: it is never true for an unchecked tail.
 *
 * @param status        INTACT, ALTERED (something no longer matches) or INCOMPLETE (nothing found, but not all checked)
 * @param checkedUpTo   the last revision compared with its leaf
 * @param logHead       the last revision of the log
 * @param treeSize      leaves in the audit log
 * @param rootHash      its root (hex)
 * @param firstMismatch the first revision that no longer matches, if any
 * @param mismatches    every mismatch found (up to 1 000), with what kind it is
 * @param uncheckedFrom the first revision not checked (not yet in the audit log), if any
 * @param notInTheTrail revisions parked in the readable trail's dead-letter queue: in the log and
 *                      checked, but shown as gaps in the trail until retried
 * @param checkpoint    the last signed checkpoint and whether the stored leaves still give its root
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AuditVerification(String status, boolean intact, long checkedUpTo, long logHead, long treeSize, String rootHash,
                                Long firstMismatch, String detail, List<Mismatch> mismatches, Long uncheckedFrom,
                                List<Long> notInTheTrail, CheckpointCheck checkpoint) {

    /** One thing that no longer matches: {@code altered} (the event changed), {@code missing} (gone from the log),
     *  {@code unrecorded} (in the log, never in the audit log), {@code leaves-altered} (the stored leaves changed). */
    public record Mismatch(long revision, String kind, String detail) {
    }

    /** The last signed checkpoint's tree size, whether its signature holds, and whether the stored leaves give its root. */
    public record CheckpointCheck(long treeSize, String signedAt, boolean signatureValid, boolean rootMatches) {
    }
}
