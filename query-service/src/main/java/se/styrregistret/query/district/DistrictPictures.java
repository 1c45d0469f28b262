package se.styrregistret.query.district;

import org.springframework.jdbc.core.simple.JdbcClient;
import se.styrregistret.kernel.common.DecisionReference;
import se.styrregistret.kernel.district.DistrictPictureRecorded;
import se.styrregistret.kernel.district.PictureKind;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/**
 * {@code projection.district_picture}: every recorded version of a district's pictures, one row per
 * entry, never changed but for the revision from which a correction retracts it (V830).
 */
final class DistrictPictures {

    private final JdbcClient db;

    DistrictPictures(JdbcClient db) {
        this.db = db;
    }

    /** Whether the entry has a row already (its batch committed, but the commit's answer was lost). */
    boolean has(String eventId) {
        return db.sql("select count(*) from projection.district_picture where event_id = ?").param(eventId)
                .query(Long.class).single() > 0;
    }

    /** Records one version; a correction's replacement retracts the entry it corrects at its own revision. */
    void record(DistrictPictureRecorded e, String eventId, long revision, Instant recordedAt, String corrects) {
        DecisionReference d = e.decision();
        db.sql("""
                        insert into projection.district_picture (event_id, district, kind, version, text, revision_from,
                            effective_from, recorded_at, decision_case, decision_paragraph, decision_date, decided_by)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(eventId, e.district(), e.kind().name(), e.version(), e.text(), revision, e.effectiveDate(),
                        OffsetDateTime.ofInstant(recordedAt, ZoneOffset.UTC), d.caseNumber(), d.paragraph(),
                        d.decisionDate(), d.decidedBy())
                .update();
        if (corrects != null) retract(corrects, revision);
    }

    /** The entry no longer counts from {@code revision} on. */
    void retract(String eventId, long revision) {
        db.sql("update projection.district_picture set retracted_at = ? where event_id = ? and retracted_at is null")
                .params(revision, eventId).update();
    }

    /**
     * The district's pictures in force on {@code date} as known at {@code revision}, one per kind: of
     * the versions held at the revision that took effect by the date, the latest by effective date
     * (then as recorded), in whatever order they were recorded.
     */
    List<DistrictView.PictureEntry> inForce(String district, long revision, LocalDate date) {
        return db.sql("""
                        select distinct on (kind) * from projection.district_picture where district = ?
                          and revision_from <= ? and (retracted_at is null or retracted_at > ?) and effective_from <= ?
                        order by kind, effective_from desc, revision_from desc""")
                .params(district, revision, revision, date)
                .query((rs, i) -> {
                    PictureKind kind = PictureKind.valueOf(rs.getString("kind"));
                    return new DistrictView.PictureEntry(kind, kind.displayName(), rs.getInt("version"),
                            rs.getString("text"), rs.getObject("effective_from", LocalDate.class),
                            new DecisionReference(rs.getString("decision_case"), rs.getString("decision_paragraph"),
                                    rs.getObject("decision_date", LocalDate.class), rs.getString("decided_by")),
                            rs.getLong("revision_from"));
                })
                .list();
    }

    void deleteAll() {
        db.sql("delete from projection.district_picture").update();
    }
}
