package se.styrregistret.query.audit;

import se.styrregistret.query.revision.AsOfResolver;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * An entry on both clocks, as the audit trail and the timeline present it: learned late (recorded after
 * an entry of the same aggregate that takes effect later), corrected or annulled by a later correction,
 * or itself the corrected version of an earlier entry.
 *
 * @param correctsRevision    this entry replaces the one at that revision
 * @param correctedInRevision the correction (EntryCorrected) that corrected or annulled this entry
 * @param note                the same in Swedish, e.g. "registrerad 2026-12-02, gällande från 2015-05-05;
 *                            rättad i ändring nr 41: …"; null when there is nothing to say
 */
public record EntryClocks(boolean recordedLate, Long correctsRevision, Long correctedInRevision, String correctionReason,
                          boolean annulled, String note) {

    static EntryClocks of(boolean late, Instant recordedAt, LocalDate effectiveDate, Long correctsRevision,
                          Long correctedInRevision, String reason, boolean annulled) {
        List<String> notes = new ArrayList<>();
        if (late && effectiveDate != null) {
            notes.add("registrerad " + recordedAt.atZone(AsOfResolver.MUNICIPAL_ZONE).toLocalDate()
                    + ", gällande från " + effectiveDate);
        }
        if (correctsRevision != null) notes.add("rättelse av ändring nr " + correctsRevision);
        if (correctedInRevision != null) {
            notes.add((annulled ? "struken" : "rättad") + " i ändring nr " + correctedInRevision
                    + (reason == null ? "" : ": " + reason));
        }
        return new EntryClocks(late, correctsRevision, correctedInRevision, reason, annulled,
                notes.isEmpty() ? null : String.join("; ", notes));
    }
}
