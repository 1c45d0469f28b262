package se.styrregistret.query.audit;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import se.styrregistret.support.Revisions;

import java.sql.ResultSet;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Checks the log against the audit log. Reads every event again through Axon (the storage engine
 * directly where there is one, since the event store serves recent events from its own memory) and
 * compares it with its leaf; recomputes the tree from the stored leaves and compares it with the
 * stored head and the last signed checkpoint. Says what it could not check.
 */
@Component
class AuditLogVerifier {

    private static final int MAX_LISTED = 1_000;
    private static final HexFormat HEX = HexFormat.of();

    private final JdbcTemplate jdbc;
    private final EventStore log;
    private final EventStorageEngine storage;
    private final Serializer serializer;
    private final AuditCheckpoints checkpoints;
    private final EventProcessingConfiguration processing;

    AuditLogVerifier(JdbcTemplate jdbc, EventStore log, ObjectProvider<EventStorageEngine> storage, Serializer serializer,
                     AuditCheckpoints checkpoints, EventProcessingConfiguration processing) {
        this.jdbc = jdbc;
        this.log = log;
        this.storage = storage.getIfAvailable();
        this.serializer = serializer;
        this.checkpoints = checkpoints;
        this.processing = processing;
    }

    /** What one position of the log looks like to the verifier: the stored leaf and the event as it is now. */
    record Position(long revision, Long leafIndex, byte[] storedLeaf, LoggedEvent event) {
    }

    interface Visitor {
        void visit(Position position);
    }

    AuditVerification verify() {
        long logHead = logHead();
        long lastLeafRevision = jdbc.queryForObject("select coalesce(max(revision), 0) from projection.audit_log_leaf", Long.class);
        List<AuditVerification.Mismatch> mismatches = new ArrayList<>();
        TreeSet<Long> mismatched = new TreeSet<>();
        long[] checkedUpTo = {0};
        walk(Long.MAX_VALUE, position -> {
            String kind = kindOf(position, lastLeafRevision);
            if (kind == null) {
                if (position.leafIndex() != null) checkedUpTo[0] = Math.max(checkedUpTo[0], position.revision());
                return;
            }
            if (kind.equals("not-yet-read")) return;
            mismatched.add(position.revision());
            if (mismatches.size() < MAX_LISTED) mismatches.add(new AuditVerification.Mismatch(position.revision(), kind, detail(kind)));
            checkedUpTo[0] = Math.max(checkedUpTo[0], position.revision());
        });
        // what a re-read recorded earlier (a replay or rebuild met an event that no longer matched)
        for (long revision : jdbc.queryForList("select distinct revision from projection.audit_log_mismatch order by revision", Long.class)) {
            if (mismatched.add(revision) && mismatches.size() < MAX_LISTED) {
                mismatches.add(new AuditVerification.Mismatch(revision, "altered", detail("altered") + " (upptäckt när loggen lästes om)"));
            }
        }
        List<byte[]> leaves = leavesInTreeOrder(Long.MAX_VALUE);
        byte[] root = MerkleTree.root(leaves);
        Optional<byte[]> storedHead = jdbc.query("select root_hash from projection.audit_log_head where tree_size = ?",
                (rs, i) -> rs.getBytes(1), (long) leaves.size()).stream().findFirst();
        if (!leaves.isEmpty() && (storedHead.isEmpty() || !Arrays.equals(storedHead.get(), root))) {
            long at = jdbc.queryForObject("select coalesce(max(revision), 0) from projection.audit_log_leaf", Long.class);
            mismatched.add(at);
            mismatches.add(new AuditVerification.Mismatch(at, "leaves-altered", detail("leaves-altered")));
        }
        AuditVerification.CheckpointCheck checkpoint = checkpoints.latest().map(c -> new AuditVerification.CheckpointCheck(
                c.treeSize(), c.signedAt().toString(), checkpoints.signatureHolds(c),
                c.treeSize() <= leaves.size() && Arrays.equals(MerkleTree.root(leaves.subList(0, (int) c.treeSize())), c.rootHash())))
                .orElse(null);
        if (checkpoint != null && !checkpoint.rootMatches()) {
            mismatches.add(new AuditVerification.Mismatch(0, "leaves-altered",
                    "de lagrade bladen ger inte roten i den senast signerade kontrollpunkten (storlek " + checkpoint.treeSize() + ")"));
        }
        List<Long> parked = parkedInTheTrail();
        Long uncheckedFrom = lastLeafRevision < logHead ? lastLeafRevision + 1 : null;
        boolean altered = !mismatches.isEmpty() || (checkpoint != null && !checkpoint.signatureValid());
        String status = altered ? "ALTERED" : uncheckedFrom != null ? "INCOMPLETE" : "INTACT";
        String detail = altered ? "Loggen stämmer inte längre med revisionsloggens blad från revision " + (mismatched.isEmpty() ? "?" : mismatched.first())
                : uncheckedFrom != null ? "Revision " + uncheckedFrom + "–" + logHead + " är ännu inte inlästa i revisionsloggen och har inte kontrollerats"
                : "Varje händelse till och med revision " + logHead + " stämmer med sitt blad";
        return new AuditVerification(status, status.equals("INTACT"), checkedUpTo[0], logHead, leaves.size(), HEX.formatHex(root),
                mismatched.isEmpty() ? null : mismatched.first(), detail, mismatches, uncheckedFrom,
                parked.isEmpty() ? null : parked, checkpoint);
    }

    private static String kindOf(Position p, long lastLeafRevision) {
        if (p.leafIndex() == null) return p.revision() < lastLeafRevision ? "unrecorded" : "not-yet-read";
        if (p.event() == null) return "missing";
        return Arrays.equals(p.storedLeaf(), p.event().leafHash()) ? null : "altered";
    }

    private static String detail(String kind) {
        return switch (kind) {
            case "altered" -> "händelsen i loggen har ändrats sedan den lästes in";
            case "missing" -> "händelsen finns inte längre i loggen";
            case "unrecorded" -> "händelsen finns i loggen men lästes aldrig in i revisionsloggen";
            case "leaves-altered" -> "de lagrade bladen ger inte längre det lagrade trädhuvudet";
            default -> kind;
        };
    }

    /**
     * Walks the log and the stored leaves side by side in revision order, up to the given revision
     * of the leaves: every stored leaf with the event now at its revision (null if gone), and every
     * event of the log without a leaf (a leaf index of null).
     */
    void walk(long upToLeafRevision, Visitor visitor) {
        Leaves leaves = new Leaves(upToLeafRevision);
        long head = logHead(); // not waiting for events past the head that was there when the walk began
        try (LogReading.Reader events = LogReading.fromTheStart(log, storage)) {
            TrackedEventMessage<?> message = head == 0 ? null : events.next();
            while (true) {
                Object[] leaf = leaves.peek();
                long leafRevision = leaf == null ? Long.MAX_VALUE : (Long) leaf[0];
                long eventRevision = message == null ? Long.MAX_VALUE : Revisions.ofEvent(message.trackingToken());
                if (leaf == null && (message == null || eventRevision > upToLeafRevision)) return;
                if (eventRevision < leafRevision) {
                    visitor.visit(new Position(eventRevision, null, null, logged(message, eventRevision)));
                    message = eventRevision >= head ? null : events.next();
                } else if (eventRevision > leafRevision) {
                    leaves.poll();
                    visitor.visit(new Position(leafRevision, (Long) leaf[1], (byte[]) leaf[2], null));
                } else {
                    leaves.poll();
                    visitor.visit(new Position(leafRevision, (Long) leaf[1], (byte[]) leaf[2], logged(message, eventRevision)));
                    message = eventRevision >= head ? null : events.next();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("verification was interrupted", e);
        }
    }

    private LoggedEvent logged(EventMessage<?> message, long revision) {
        return LoggedEvent.of(message, revision, serializer);
    }

    /** The stored leaf hashes in tree order, the first {@code size} of them. */
    List<byte[]> leavesInTreeOrder(long size) {
        List<byte[]> leaves = new ArrayList<>();
        jdbc.query("select leaf_hash from projection.audit_log_leaf where leaf_index < ? order by leaf_index",
                (ResultSet rs) -> {
                    leaves.add(rs.getBytes(1));
                }, size);
        return leaves;
    }

    long logHead() {
        return Revisions.readUpTo(log.createHeadToken());
    }

    /** Revisions parked in the readable trail's dead-letter queue (gaps in the trail). */
    List<Long> parkedInTheTrail() {
        List<Long> parked = new ArrayList<>();
        Optional<SequencedDeadLetterQueue<EventMessage<?>>> queue = processing.deadLetterQueue(AuditProjection.NAME);
        // every audit-trail page asks: a count first, and the letters themselves only when there are any
        queue.filter(q -> q.amountOfSequences() > 0).ifPresent(q -> q.deadLetters().forEach(sequence -> sequence.forEach(letter -> {
            if (letter.message() instanceof TrackedEventMessage<?> tracked && tracked.trackingToken() != null) {
                parked.add(Revisions.ofEvent(tracked.trackingToken()));
            }
        })));
        parked.sort(Long::compare);
        return parked;
    }

    /** The stored leaves in revision order (revision, leaf index, hash), read a page at a time. */
    private final class Leaves {
        private final Deque<Object[]> page = new ArrayDeque<>();
        private final long upTo;
        private long after = Long.MIN_VALUE;
        private boolean exhausted;

        Leaves(long upTo) {
            this.upTo = upTo;
        }

        Object[] peek() {
            if (page.isEmpty() && !exhausted) {
                page.addAll(jdbc.query("select revision, leaf_index, leaf_hash from projection.audit_log_leaf "
                                + "where revision > ? and revision <= ? order by revision limit 5000",
                        (rs, i) -> new Object[]{rs.getLong(1), rs.getLong(2), rs.getBytes(3)}, after, upTo));
                if (page.isEmpty()) exhausted = true;
                else after = (Long) page.peekLast()[0];
            }
            return page.peek();
        }

        void poll() {
            page.poll();
        }
    }
}
