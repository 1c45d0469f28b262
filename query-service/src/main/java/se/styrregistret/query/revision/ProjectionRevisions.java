package se.styrregistret.query.revision;

import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import se.styrregistret.kernel.common.EventSerialization;

import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Which revision each projection has reached: every read answer says the revision it reflects.
 * Advanced inside the event handler's transaction, so it moves with the rows and the token.
 */
@Component
public class ProjectionRevisions {

    private static final ObjectMapper TOKENS = EventSerialization.objectMapper();

    private final JdbcTemplate jdbc;

    ProjectionRevisions(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The global log position of the event being handled, taken from the processor's token. */
    public static long revisionOf(TrackingToken token) {
        OptionalLong position = token == null ? OptionalLong.empty() : token.position();
        if (position.isEmpty()) {
            throw new IllegalStateException("event handled without a tracking position: " + token);
        }
        return position.getAsLong();
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
     * How far into the log the projection has read: its processor's token (below the oldest gap,
     * the lowest over segments), which also counts the events it had no handler for; never less
     * than the last revision it applied.
     */
    public long current(String projection) {
        Long applied = jdbc.query("select revision from projection.projection_revision where projection = ?",
                rs -> rs.next() ? rs.getLong(1) : null, projection);
        List<String> tokens = jdbc.queryForList(
                "select convert_from(token, 'UTF8') from axon.token_entry where processor_name = ? and token is not null",
                String.class, projection);
        long read = tokens.isEmpty() ? 0 : tokens.stream().mapToLong(ProjectionRevisions::settledPosition).min().orElse(0);
        return Math.max(applied == null ? 0 : applied, read);
    }

    /** A gap-aware token's position below its oldest gap; a replay token's current part; 0 when unreadable. */
    static long settledPosition(String tokenJson) {
        try {
            JsonNode token = TOKENS.readTree(tokenJson);
            if (token.has("currentToken")) token = token.get("currentToken");
            if (token == null || !token.has("index")) return 0;
            long index = token.get("index").asLong();
            JsonNode gaps = token.get("gaps");
            if (gaps != null && gaps.isArray() && !gaps.isEmpty()) {
                long oldestGap = Long.MAX_VALUE;
                for (JsonNode gap : gaps) oldestGap = Math.min(oldestGap, gap.asLong());
                return Math.min(index, oldestGap - 1);
            }
            return index;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return 0;
        }
    }
}
