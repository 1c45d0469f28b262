package se.styrregistret.query.audit;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import se.styrregistret.kernel.audit.ChainVerification;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The tamper-evidence hash chain. Each revision's hash is SHA-256 over the previous revision's
 * hash and the stored event row (identifier, aggregate id, sequence number, payload type,
 * timestamp, raw payload bytes, raw metadata bytes), every field length-prefixed so no two
 * different rows hash alike. The chain is extended when the audit projection reads an event;
 * {@link #verify()} recomputes it from the event table and names the first revision that no
 * longer matches.
 */
@Component
class AuditChain {

    private final JdbcTemplate jdbc;

    AuditChain(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    Optional<StoredEvent> stored(long revision) {
        return jdbc.query("select " + StoredEvent.COLUMNS + " from axon.domain_event_entry where global_index = ?",
                rs -> rs.next() ? Optional.of(StoredEvent.read(rs)) : Optional.empty(), revision);
    }

    /** The stored rows of these revisions, with one query (a processor batch's events). */
    Map<Long, StoredEvent> stored(Collection<Long> revisions) {
        Map<Long, StoredEvent> found = new HashMap<>();
        if (revisions.isEmpty()) return found;
        jdbc.query(connection -> {
            PreparedStatement statement = connection.prepareStatement(
                    "select " + StoredEvent.COLUMNS + " from axon.domain_event_entry where global_index = any(?)");
            statement.setArray(1, connection.createArrayOf("bigint", revisions.toArray()));
            return statement;
        }, (ResultSet rs) -> {
            StoredEvent event = StoredEvent.read(rs);
            found.put(event.globalIndex(), event);
        });
        return found;
    }

    /** The chain's last link; empty before the first. */
    Optional<Link> head() {
        return jdbc.query("select revision, hash from projection.audit_hash order by revision desc limit 1",
                rs -> rs.next() ? Optional.of(new Link(rs.getLong(1), rs.getString(2))) : Optional.empty());
    }

    /** The link after {@code head} for the next event of the log (the usual case: an event past the head). */
    static Link next(Link head, StoredEvent event) {
        return new Link(event.globalIndex(), hash(head == null ? null : head.hash(), event));
    }

    /**
     * Adds the event's link wherever it belongs and returns the chain's head afterwards. An event read
     * below the head (a gap in the log that filled late, as concurrent appends can cause) is linked in
     * its place and the links after it redone, so the chain always runs in revision order.
     */
    Link extend(StoredEvent event) {
        long revision = event.globalIndex();
        String previous = jdbc.query(
                "select hash from projection.audit_hash where revision < ? order by revision desc limit 1",
                rs -> rs.next() ? rs.getString(1) : null, revision);
        String hash = hash(previous, event);
        jdbc.update("""
                insert into projection.audit_hash (revision, previous_hash, hash) values (?, ?, ?)
                on conflict (revision) do update set previous_hash = excluded.previous_hash, hash = excluded.hash""",
                revision, previous, hash);
        long last = revision;
        List<Long> later = jdbc.queryForList(
                "select revision from projection.audit_hash where revision > ? order by revision", Long.class, revision);
        for (long r : later) {
            StoredEvent next = stored(r).orElseThrow(() -> new IllegalStateException("revision " + r + " vanished"));
            String h = hash(hash, next);
            jdbc.update("update projection.audit_hash set previous_hash = ?, hash = ? where revision = ?", hash, h, r);
            hash = h;
            last = r;
        }
        return new Link(last, hash);
    }

    /**
     * Writes links that follow one another past the chain's head (see {@link #next}), the first one
     * after the link whose hash is {@code previous}.
     */
    void append(String previous, List<Link> links) {
        List<Object[]> rows = new ArrayList<>(links.size());
        for (Link link : links) {
            rows.add(new Object[]{link.revision(), previous, link.hash()});
            previous = link.hash();
        }
        jdbc.batchUpdate("insert into projection.audit_hash (revision, previous_hash, hash) values (?, ?, ?)", rows);
    }

    record Link(long revision, String hash) {
    }

    void reset() {
        jdbc.update("delete from projection.audit_hash");
    }

    /** Recomputes every link up to the chain's head from the stored events. */
    ChainVerification verify() {
        Long head = jdbc.queryForObject("select max(revision) from projection.audit_hash", Long.class);
        if (head == null) {
            return ChainVerification.intact(0);
        }
        List<Link> links = jdbc.query("select revision, hash from projection.audit_hash order by revision",
                (rs, i) -> new Link(rs.getLong(1), rs.getString(2)));
        Iterator<Link> expected = links.iterator();
        ChainVerification[] result = {null};
        String[] previous = {null};
        // streamed with a cursor (the caller's read-only transaction), not loaded whole
        jdbc.query(connection -> {
                    PreparedStatement statement = connection.prepareStatement("select " + StoredEvent.COLUMNS
                            + " from axon.domain_event_entry where global_index <= ? order by global_index");
                    statement.setFetchSize(500);
                    statement.setLong(1, head);
                    return statement;
                },
                (ResultSet rs) -> {
                    if (result[0] != null) return;
                    StoredEvent event = StoredEvent.read(rs);
                    if (!expected.hasNext()) {
                        result[0] = ChainVerification.broken(event.globalIndex(), "händelsen finns i loggen men inte i kedjan");
                        return;
                    }
                    Link link = expected.next();
                    if (link.revision() < event.globalIndex()) {
                        result[0] = ChainVerification.broken(link.revision(), "händelsen saknas i loggen");
                    } else if (link.revision() > event.globalIndex()) {
                        result[0] = ChainVerification.broken(event.globalIndex(), "händelsen finns i loggen men inte i kedjan");
                    } else {
                        String hash = hash(previous[0], event);
                        if (!hash.equals(link.hash())) {
                            result[0] = ChainVerification.broken(event.globalIndex(), "den lagrade händelsen har ändrats");
                        }
                        previous[0] = hash;
                    }
                });
        if (result[0] != null) {
            return result[0];
        }
        if (expected.hasNext()) {
            return ChainVerification.broken(expected.next().revision(), "händelsen saknas i loggen");
        }
        return ChainVerification.intact(head);
    }

    static String hash(String previous, StoredEvent e) {
        MessageDigest sha = sha256();
        field(sha, previous == null ? null : previous.getBytes(StandardCharsets.US_ASCII));
        field(sha, utf8(e.eventIdentifier()));
        field(sha, utf8(e.aggregateIdentifier()));
        sha.update(ByteBuffer.allocate(Long.BYTES).putLong(e.sequenceNumber()).array());
        field(sha, utf8(e.payloadType()));
        field(sha, utf8(e.timeStamp()));
        field(sha, e.payload());
        field(sha, e.metaData());
        return HexFormat.of().formatHex(sha.digest());
    }

    private static byte[] utf8(String s) {
        return s == null ? null : s.getBytes(StandardCharsets.UTF_8);
    }

    /** Length-prefixed (-1 for null), so field boundaries are part of what is hashed. */
    private static void field(MessageDigest sha, byte[] bytes) {
        sha.update(ByteBuffer.allocate(Integer.BYTES).putInt(bytes == null ? -1 : bytes.length).array());
        if (bytes != null) sha.update(bytes);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
