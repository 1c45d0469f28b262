package se.styrregistret.bench;

import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;

/**
 * Phase: the bulk log, written through the command-service's own event store ({@link EventLogGenerator}).
 * Needs the database only; each call tops the log up to a given length, so the same generator
 * continues the small log into the large one.
 */
final class LogGeneration implements AutoCloseable {

    /** {@code events} appended in {@code seconds}; the log then held {@code logHolds}. */
    record Result(long events, double seconds, long logHolds) {
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
        long missing = events - Projections.eventCount(db);
        if (missing <= 0) return new Result(0, 0, Projections.eventCount(db));
        Instant start = Instant.now();
        generator.append(missing);
        double seconds = Duration.between(start, Instant.now()).toMillis() / 1000.0;
        return new Result(missing, seconds, Projections.eventCount(db));
    }

    @Override
    public void close() {
        generator.close();
    }
}
