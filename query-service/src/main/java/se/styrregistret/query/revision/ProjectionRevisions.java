package se.styrregistret.query.revision;

import org.axonframework.eventhandling.TrackingToken;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.OptionalLong;

/**
 * Which revision each projection has reached: every read answer says the revision it reflects.
 * Advanced inside the event handler's transaction, so it moves with the rows and the token.
 */
@Component
public class ProjectionRevisions {

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

    /** Call from an event handler; an upsert, so concurrent segments never collide on the first row. */
    public void advance(String projection, long revision) {
        jdbc.update("""
                insert into projection.projection_revision (projection, revision) values (?, ?)
                on conflict (projection) do update set revision = greatest(projection_revision.revision, excluded.revision)""",
                projection, revision);
    }

    /** Call from a projection's reset handler: it starts again from nothing. */
    public void reset(String projection) {
        jdbc.update("delete from projection.projection_revision where projection = ?", projection);
    }

    public long current(String projection) {
        Long revision = jdbc.query("select revision from projection.projection_revision where projection = ?",
                rs -> rs.next() ? rs.getLong(1) : null, projection);
        return revision == null ? 0 : revision;
    }
}
