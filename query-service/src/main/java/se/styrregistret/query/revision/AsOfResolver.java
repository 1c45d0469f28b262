package se.styrregistret.query.revision;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * Turns a request's optional revision and date into a point on both clocks:
 * "now" is (head, today); "as of revision N" is (N, the day N was recorded), what the register
 * showed right then; "as of date D" is (head, D); both given are taken as they are.
 */
@Component
public class AsOfResolver {

    /** The municipality's own calendar decides what "today" is. */
    public static final ZoneId MUNICIPAL_ZONE = ZoneId.of("Europe/Stockholm");

    private final JdbcTemplate jdbc;
    private final Clock clock;

    AsOfResolver(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.clock = Clock.system(MUNICIPAL_ZONE);
    }

    public AsOf resolve(Long asOfRevision, LocalDate asOfDate, long head) {
        long revision = asOfRevision == null ? head : Math.min(Math.max(asOfRevision, 0), head);
        LocalDate date = asOfDate != null ? asOfDate
                : asOfRevision == null ? LocalDate.now(clock) : recordedOn(revision);
        return new AsOf(revision, date);
    }

    private LocalDate recordedOn(long revision) {
        // kept by the audit projection, which records every event's timestamp in its own table: the
        // query side never reads the event store's tables, so this works over Axon Server too
        Timestamp stamp = jdbc.query("""
                        select recorded_at from projection.audit_event
                        where revision <= ? order by revision desc limit 1""",
                rs -> rs.next() ? rs.getTimestamp(1) : null, revision);
        return stamp == null ? LocalDate.now(clock) : stamp.toInstant().atZone(MUNICIPAL_ZONE).toLocalDate();
    }
}
