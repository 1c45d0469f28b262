package se.styrregistret.query.revision;

import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import se.styrregistret.support.Revisions;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Which revision each projection has reached: every read answer says the revision it reflects.
 * Advanced inside the event handler's transaction, so it moves with the rows and the token.
 */
@Component
public class ProjectionRevisions {

    private final JdbcTemplate jdbc;
    private final Serializer serializer;

    ProjectionRevisions(JdbcTemplate jdbc, Serializer serializer) {
        this.jdbc = jdbc;
        this.serializer = serializer;
    }

    /** The revision of the event being handled, from the processor's token (see {@link Revisions}). */
    public static long revisionOf(TrackingToken token) {
        return Revisions.ofEvent(token);
    }

    /**
     * Call from an event handler. Inside a processor's batch the highest revision is written once, as
     * the batch commits (one statement per batch, not per event); an upsert, so concurrent segments
     * never collide on the first row.
     */
    public void advance(String projection, long revision) {
        if (!CurrentUnitOfWork.isStarted()) {
            upsert(projection, revision);
            return;
        }
        UnitOfWork<?> batch = CurrentUnitOfWork.get();
        AtomicLong highest = batch.getOrComputeResource(ProjectionRevisions.class.getName() + "." + projection, key -> {
            AtomicLong h = new AtomicLong(revision);
            batch.onPrepareCommit(u -> upsert(projection, h.get()));
            return h;
        });
        highest.accumulateAndGet(revision, Math::max);
    }

    private void upsert(String projection, long revision) {
        jdbc.update("""
                insert into projection.projection_revision (projection, revision) values (?, ?)
                on conflict (projection) do update set revision = greatest(projection_revision.revision, excluded.revision)""",
                projection, revision);
    }

    /** Call from a projection's reset handler: it starts again from nothing. */
    public void reset(String projection) {
        jdbc.update("delete from projection.projection_revision where projection = ?", projection);
    }

    /**
     * How far into the log the projection has read: the lowest position over its processor's segments
     * (see {@link Revisions#readUpTo}), which also counts the events it had no handler for. A token that
     * cannot be read is an error, never taken for 0. Tokens are read with Axon's serializer and mapped to
     * the revision by {@link Revisions}, whichever store the log is in.
     * <p>
     * With one segment, never less than the last revision it applied: the token and the rows commit
     * together, so they agree (but for a replay, whose token reports how far the replay is). With several,
     * the last revision applied is the fastest segment's: a lagging segment may not yet have applied an
     * event below it (each segment takes its own aggregates' events, in their order but not in the
     * log's), so only the segments' tokens count, and a segment with no token yet holds it at 0. Every
     * answer that names this revision reads its rows up to it, so rows a segment ahead has written
     * past it are left out and the answer is the state at exactly that revision.
     */
    public long current(String projection) {
        List<TrackingToken> tokens = jdbc.query(
                "select token, token_type from axon.token_entry where processor_name = ?",
                (rs, i) -> token(rs.getBytes(1), rs.getString(2)), projection);
        long read = tokens.isEmpty() ? 0 : tokens.stream().mapToLong(Revisions::readUpTo).min().orElse(0);
        if (tokens.size() > 1) return read;
        Long applied = jdbc.query("select revision from projection.projection_revision where projection = ?",
                rs -> rs.next() ? rs.getLong(1) : null, projection);
        return Math.max(applied == null ? 0 : applied, read);
    }

    private TrackingToken token(byte[] bytes, String type) {
        if (bytes == null || type == null) return null;
        return serializer.deserialize(new SimpleSerializedObject<>(bytes, byte[].class, type, null));
    }
}
