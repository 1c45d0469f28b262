package se.styrregistret.bench;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;

/**
 * Phase: the bulk log, written through the command-service's own event store ({@link EventLogGenerator}).
 * Needs the database only; each call tops the log up to a given length, so the same generator
 * continues the small log into the large one.
 */
final class LogGeneration implements AutoCloseable {

    /**
     * {@code events} appended in {@code seconds}; the log then held {@code logHolds}. {@code queryServiceStopped}: no
     * query-service ran meanwhile (a cold catch-up follows).
     */
    record Result(long events, double seconds, long logHolds,
                  @JsonInclude(JsonInclude.Include.NON_DEFAULT) boolean queryServiceStopped) {
        double perSecond() {
            return events / seconds;
        }
    }

    private final BenchDatabase db;
    private final EventLogGenerator generator;

    LogGeneration(BenchDatabase db, long seed, EventLogGenerator.Shape shape) {
        this.db = db;
        this.generator = new EventLogGenerator(db, seed, shape);
    }

    /** Appends what the log lacks of {@code events}: none when it holds as many already (the runs before added them). */
    Result appendUpTo(long events) throws SQLException {
        return appendUpTo(events, false);
    }

    /** The same, saying whether the query-service was stopped while the log was written. */
    Result appendUpTo(long events, boolean queryServiceStopped) throws SQLException {
        long missing = events - Projections.eventCount(db);
        if (missing <= 0) return new Result(0, 0, Projections.eventCount(db), queryServiceStopped);
        Instant start = Instant.now();
        generator.append(missing);
        double seconds = Duration.between(start, Instant.now()).toMillis() / 1000.0;
        return new Result(missing, seconds, Projections.eventCount(db), queryServiceStopped);
    }

    @Override
    public void close() {
        generator.close();
    }
}
