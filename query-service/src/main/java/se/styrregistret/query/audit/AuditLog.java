package se.styrregistret.query.audit;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.serialization.Serializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import se.styrregistret.query.revision.ParkUnstorableEvents;
import se.styrregistret.query.revision.ProjectionBatch;
import se.styrregistret.query.revision.ProjectionRevisions;
import se.styrregistret.support.Revisions;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The tamper-evident log: one leaf per event in a Merkle tree (RFC 9162), appended in the order the
 * log is read, with the tree head after every leaf. A leaf is written once and never again: when the
 * processor reads an event that already has its leaf (a replay, a rebuild), it compares, and records
 * a mismatch instead of writing over it. Its own processor, apart from the readable audit trail,
 * so a row the trail cannot store (parked in the trail's dead-letter queue) never leaves a hole here;
 * it has no dead-letter queue of its own, since skipping an event would break the tree.
 */
@Component
@ProcessingGroup(AuditLog.NAME)
@ParkUnstorableEvents.StoresNoText
class AuditLog {

    static final String NAME = "audit-log";

    private static final Logger log = LoggerFactory.getLogger(AuditLog.class);

    private final JdbcTemplate jdbc;
    private final ProjectionRevisions revisions;
    private final Serializer serializer;

    AuditLog(JdbcTemplate jdbc, ProjectionRevisions revisions, Serializer serializer) {
        this.jdbc = jdbc;
        this.revisions = revisions;
        this.serializer = serializer;
    }

    /** Every event, by its stored bytes: the payload is named on the annotation so it is never deserialised here. */
    @EventHandler(payloadType = Object.class)
    void on(EventMessage<?> message, TrackingToken token) {
        long revision = Revisions.ofEvent(token);
        byte[] leaf = LoggedEvent.of(message, revision, serializer).leafHash();
        ProjectionBatch.apply(Batch.class.getName(), () -> new Batch(jdbc, revisionsOfTheBatch()), batch -> batch.add(revision, leaf));
        revisions.advance(NAME, revision);
    }

    /** A replay re-reads the log to check it against the leaves: nothing is removed. */
    @ResetHandler
    void reset() {
        log.info("The audit log is read again from the start; every event is checked against its leaf");
        revisions.reset(NAME);
    }

    private static List<Long> revisionsOfTheBatch() {
        List<Long> all = new ArrayList<>();
        for (EventMessage<?> m : ProjectionBatch.messages()) {
            if (m instanceof TrackedEventMessage<?> tracked && tracked.trackingToken() != null) {
                all.add(Revisions.ofEvent(tracked.trackingToken()));
            }
        }
        return all;
    }

    /** The leaves, heads and frontier one processor batch adds, written with a few statements as it commits. */
    static final class Batch implements ProjectionBatch.State {

        private final JdbcTemplate jdbc;
        private final Map<Long, byte[]> existing;
        private final MerkleTree.Frontier frontier;
        private final List<Object[]> leaves = new ArrayList<>();
        private final List<Object[]> heads = new ArrayList<>();
        private final List<Object[]> mismatches = new ArrayList<>();
        private boolean grown;

        Batch(JdbcTemplate jdbc, List<Long> revisionsOfTheBatch) {
            this.jdbc = jdbc;
            this.existing = existingLeaves(jdbc, revisionsOfTheBatch);
            this.frontier = loadFrontier(jdbc);
        }

        void add(long revision, byte[] leaf) {
            byte[] stored = existing.get(revision);
            if (stored != null) {
                if (!Arrays.equals(stored, leaf)) {
                    log.error("Revision {} no longer matches its leaf in the audit log: the stored event was changed", revision);
                    mismatches.add(new Object[]{revision, "altered", stored, leaf});
                }
                return;
            }
            long index = frontier.size();
            frontier.append(leaf);
            existing.put(revision, leaf);
            leaves.add(new Object[]{index, revision, leaf});
            heads.add(new Object[]{index + 1, frontier.root(), revision});
            grown = true;
        }

        @Override
        public void flush() {
            if (!leaves.isEmpty()) {
                jdbc.batchUpdate("insert into projection.audit_log_leaf (leaf_index, revision, leaf_hash) values (?, ?, ?)", leaves);
                jdbc.batchUpdate("insert into projection.audit_log_head (tree_size, root_hash, last_revision) values (?, ?, ?)", heads);
            }
            if (!mismatches.isEmpty()) {
                jdbc.batchUpdate("insert into projection.audit_log_mismatch (revision, kind, stored_leaf, found_leaf) values (?, ?, ?, ?)",
                        mismatches);
            }
            if (grown) {
                jdbc.update("delete from projection.audit_log_frontier");
                List<Object[]> rows = new ArrayList<>();
                for (int i = 0; i < frontier.roots().size(); i++) {
                    rows.add(new Object[]{i, frontier.sizes().get(i), frontier.roots().get(i)});
                }
                jdbc.batchUpdate("insert into projection.audit_log_frontier (position, subtree_size, hash) values (?, ?, ?)", rows);
            }
            leaves.clear();
            heads.clear();
            mismatches.clear();
            grown = false;
        }

        private static Map<Long, byte[]> existingLeaves(JdbcTemplate jdbc, List<Long> revisions) {
            Map<Long, byte[]> found = new HashMap<>();
            if (revisions.isEmpty()) return found;
            jdbc.query(connection -> {
                PreparedStatement statement = connection.prepareStatement(
                        "select revision, leaf_hash from projection.audit_log_leaf where revision = any(?)");
                statement.setArray(1, connection.createArrayOf("bigint", revisions.toArray()));
                return statement;
            }, (ResultSet rs) -> {
                found.put(rs.getLong(1), rs.getBytes(2));
            });
            return found;
        }

        private static MerkleTree.Frontier loadFrontier(JdbcTemplate jdbc) {
            List<byte[]> roots = new ArrayList<>();
            List<Long> sizes = new ArrayList<>();
            jdbc.query("select subtree_size, hash from projection.audit_log_frontier order by position", (ResultSet rs) -> {
                sizes.add(rs.getLong(1));
                roots.add(rs.getBytes(2));
            });
            return new MerkleTree.Frontier(roots, sizes);
        }
    }
}
