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
import java.util.Optional;

/**
 * {@code projection.district_picture}: every version of a district's pictures; the open row
 * (revision_to null) of a district and kind is the latest.
 */
final class DistrictPictures {

    private final JdbcClient db;

    DistrictPictures(JdbcClient db) {
        this.db = db;
    }

    /** The revision that recorded the latest version of the district's picture of this kind, if any. */
    Optional<Long> latest(String district, PictureKind kind) {
        return db.sql("""
                        select revision_from from projection.district_picture
                        where district = ? and kind = ? and revision_to is null""")
                .params(district, kind.name()).query(Long.class).optional();
    }

    /** Closes the latest version (if any) where the recorded one begins, and opens the recorded one. */
    void record(DistrictPictureRecorded e, long revision, Instant recordedAt) {
        db.sql("""
                        update projection.district_picture set revision_to = ?, effective_to = ?
                        where district = ? and kind = ? and revision_to is null""")
                .params(revision, e.effectiveDate(), e.district(), e.kind().name()).update();
        DecisionReference d = e.decision();
        db.sql("""
                        insert into projection.district_picture (district, kind, version, text, revision_from,
                            effective_from, recorded_at, decision_case, decision_paragraph, decision_date, decided_by)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(e.district(), e.kind().name(), e.version(), e.text(), revision, e.effectiveDate(),
                        OffsetDateTime.ofInstant(recordedAt, ZoneOffset.UTC), d.caseNumber(), d.paragraph(),
                        d.decisionDate(), d.decidedBy())
                .update();
    }

    /** The district's pictures in force on {@code date} as known at {@code revision}, one per kind. */
    List<DistrictView.PictureEntry> inForce(String district, long revision, LocalDate date) {
        return db.sql("""
                        select * from projection.district_picture where district = ?
                          and revision_from <= ? and effective_from <= ?
                          and (revision_to is null or revision_to > ? or effective_to > ?)
                        order by kind""")
                .params(district, revision, date, revision, date)
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
