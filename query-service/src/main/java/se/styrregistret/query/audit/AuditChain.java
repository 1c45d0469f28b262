package se.styrregistret.query.audit;

import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import se.styrregistret.kernel.audit.ChainVerification;
import se.styrregistret.query.revision.Revisions;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The tamper-evidence hash chain. Each event has a leaf hash ({@link LoggedEvent#leafHash()}, over
 * the event as Axon hands it out, the same in every storage mode) and each revision a link hash:
 * SHA-256 over the previous link and the leaf. The chain is extended when the audit projection reads
 * an event; {@link #verify()} reads the log again through Axon's event store and names the first
 * revision that no longer matches.
 */
@Component
class AuditChain {

    /** How long verification waits for the store to hand out the next event before calling it missing. */
    private static final long NEXT_EVENT_WAIT_SECONDS = 10;
    private static final int LINKS_PER_PAGE = 5_000;

    private final JdbcTemplate jdbc;
    private final EventStore log;
    private final EventStorageEngine storage;
    private final Serializer serializer;

    /**
     * @param storage the storage engine under the event store where there is one as a bean (PostgreSQL):
     *                read directly, since the event store serves recent events from its own memory, which a
     *                change in the database does not reach; under Axon Server every read goes to the server
     */
    AuditChain(JdbcTemplate jdbc, EventStore log, ObjectProvider<EventStorageEngine> storage, Serializer serializer) {
        this.jdbc = jdbc;
        this.log = log;
        this.storage = storage.getIfAvailable();
        this.serializer = serializer;
    }

    /** The chain's last link; empty before the first. */
    Optional<Link> head() {
        return jdbc.query("select revision, leaf_hash, hash from projection.audit_hash order by revision desc limit 1",
                rs -> rs.next() ? Optional.of(new Link(rs.getLong(1), rs.getString(2), rs.getString(3))) : Optional.empty());
    }

    /** The link after {@code head} for the next event of the log (the usual case: an event past the head). */
    static Link next(Link head, LoggedEvent event) {
        String leaf = event.leafHash();
        return new Link(event.revision(), leaf, link(head == null ? null : head.hash(), leaf));
    }

    /**
     * Adds the event's link wherever it belongs and returns the chain's head afterwards. An event read
     * below the head (a gap in the log that filled late, as concurrent appends can cause) is linked in
     * its place and the links after it redone from their leaves, so the chain always runs in revision order.
     */
    Link extend(LoggedEvent event) {
        long revision = event.revision();
        String previous = jdbc.query(
                "select hash from projection.audit_hash where revision < ? order by revision desc limit 1",
                rs -> rs.next() ? rs.getString(1) : null, revision);
        String leaf = event.leafHash();
        String hash = link(previous, leaf);
        jdbc.update("""
                insert into projection.audit_hash (revision, previous_hash, leaf_hash, hash) values (?, ?, ?, ?)
                on conflict (revision) do update
                set previous_hash = excluded.previous_hash, leaf_hash = excluded.leaf_hash, hash = excluded.hash""",
                revision, previous, leaf, hash);
        Link last = new Link(revision, leaf, hash);
        List<Link> later = jdbc.query("select revision, leaf_hash, hash from projection.audit_hash where revision > ? order by revision",
                (rs, i) -> new Link(rs.getLong(1), rs.getString(2), rs.getString(3)), revision);
        for (Link next : later) {
            String h = link(last.hash(), next.leaf());
            jdbc.update("update projection.audit_hash set previous_hash = ?, hash = ? where revision = ?", last.hash(), h, next.revision());
            last = new Link(next.revision(), next.leaf(), h);
        }
        return last;
    }

    /**
     * Writes links that follow one another past the chain's head (see {@link #next}), the first one
     * after the link whose hash is {@code previous}.
     */
    void append(String previous, List<Link> links) {
        List<Object[]> rows = new ArrayList<>(links.size());
        for (Link link : links) {
            rows.add(new Object[]{link.revision(), previous, link.leaf(), link.hash()});
            previous = link.hash();
        }
        jdbc.batchUpdate("insert into projection.audit_hash (revision, previous_hash, leaf_hash, hash) values (?, ?, ?, ?)", rows);
    }

    record Link(long revision, String leaf, String hash) {
    }

    void reset() {
        jdbc.update("delete from projection.audit_hash");
    }

    /**
     * Reads the log from its start through Axon's event store up to the chain's head and checks every
     * event against its leaf and every link against the one before it.
     */
    ChainVerification verify() {
        Long head = jdbc.queryForObject("select max(revision) from projection.audit_hash", Long.class);
        if (head == null) {
            return ChainVerification.intact(0);
        }
        Links links = new Links();
        String previous = null;
        try (LogReader events = readLog()) {
            while (true) {
                Link expected = links.peek();
                if (expected == null) return ChainVerification.intact(head);
                TrackedEventMessage<?> message = events.next();
                if (message == null) {
                    return ChainVerification.broken(expected.revision(), "händelsen saknas i loggen");
                }
                long revision = Revisions.ofEvent(message.trackingToken());
                if (revision > head) {
                    return ChainVerification.broken(expected.revision(), "händelsen saknas i loggen");
                }
                if (revision < expected.revision()) {
                    return ChainVerification.broken(revision, "händelsen finns i loggen men inte i kedjan");
                }
                if (revision > expected.revision()) {
                    return ChainVerification.broken(expected.revision(), "händelsen saknas i loggen");
                }
                links.poll();
                LoggedEvent event;
                try {
                    event = LoggedEvent.of(message, revision, serializer);
                } catch (RuntimeException unreadable) {
                    return ChainVerification.broken(revision, "den lagrade händelsen kan inte läsas");
                }
                String leaf = event.leafHash();
                if (!leaf.equals(expected.leaf()) || !link(previous, leaf).equals(expected.hash())) {
                    return ChainVerification.broken(revision, "den lagrade händelsen har ändrats");
                }
                previous = expected.hash();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("verification was interrupted", e);
        }
    }

    /** The log from its start, one event at a time; null at its end. */
    private interface LogReader extends AutoCloseable {
        TrackedEventMessage<?> next() throws InterruptedException;

        @Override
        void close();
    }

    private LogReader readLog() {
        if (storage != null) {
            Stream<? extends TrackedEventMessage<?>> stream = storage.readEvents(null, false);
            Iterator<? extends TrackedEventMessage<?>> events = stream.iterator();
            return new LogReader() {
                public TrackedEventMessage<?> next() {
                    return events.hasNext() ? events.next() : null;
                }

                public void close() {
                    stream.close();
                }
            };
        }
        BlockingStream<TrackedEventMessage<?>> stream = log.openStream(null);
        return new LogReader() {
            public TrackedEventMessage<?> next() throws InterruptedException {
                return stream.hasNextAvailable((int) NEXT_EVENT_WAIT_SECONDS, TimeUnit.SECONDS) ? stream.nextAvailable() : null;
            }

            public void close() {
                stream.close();
            }
        };
    }

    /** The stored links in revision order, read a page at a time (the chain can hold millions). */
    private final class Links {
        private final Deque<Link> page = new ArrayDeque<>();
        private long after = Long.MIN_VALUE;
        private boolean exhausted;

        Link peek() {
            if (page.isEmpty() && !exhausted) {
                page.addAll(jdbc.query("select revision, leaf_hash, hash from projection.audit_hash where revision > ? "
                                + "order by revision limit " + LINKS_PER_PAGE,
                        (rs, i) -> new Link(rs.getLong(1), rs.getString(2), rs.getString(3)), after));
                if (page.isEmpty()) exhausted = true;
                else after = page.peekLast().revision();
            }
            return page.peek();
        }

        void poll() {
            page.poll();
        }
    }

    /** A link: SHA-256 over the previous link's hash (length-prefixed, -1 for the first) and the event's leaf hash. */
    static String link(String previous, String leaf) {
        MessageDigest sha = LoggedEvent.sha256();
        LoggedEvent.field(sha, previous == null ? null : previous.getBytes(StandardCharsets.US_ASCII));
        LoggedEvent.field(sha, leaf.getBytes(StandardCharsets.US_ASCII));
        return HexFormat.of().formatHex(sha.digest());
    }
}
