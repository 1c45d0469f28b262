package se.styrregistret.command.correction;

import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;
import se.styrregistret.support.Revisions;

import java.util.Collections;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The log entry at a revision, read through Axon's {@link EventStore} (so the same under the JPA
 * storage engine and Axon Server): its id, aggregate type and id, and its payload as the current code
 * reads it (through the upcasters).
 */
@Component
class LogEntries {

    /** One entry of the log. */
    record LogEntry(long revision, String eventId, String aggregateType, String aggregateId, Object payload) {
    }

    private final EventStore log;

    LogEntries(EventStore log) {
        this.log = log;
    }

    /** The entry at {@code revision}; empty when there is none (beyond the head, a gap) or it belongs to no aggregate. */
    Optional<LogEntry> at(long revision) {
        if (revision < 1 || revision > Revisions.readUpTo(log.createHeadToken())) return Optional.empty();
        TrackingToken before = tokenBefore(revision);
        try (BlockingStream<TrackedEventMessage<?>> stream = log.openStream(before)) {
            while (stream.hasNextAvailable(5, TimeUnit.SECONDS)) {
                TrackedEventMessage<?> next = stream.nextAvailable();
                long at = Revisions.ofEvent(next.trackingToken());
                if (at < revision) continue;
                if (at > revision || !(next instanceof DomainEventMessage<?> domain)) return Optional.empty();
                return Optional.of(new LogEntry(revision, domain.getIdentifier(), domain.getType(),
                        domain.getAggregateIdentifier(), domain.getPayload()));
            }
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A token just before the revision, in the kind of token this store uses (see {@link Revisions}). */
    private TrackingToken tokenBefore(long revision) {
        TrackingToken head = WrappedToken.unwrapLowerBound(log.createHeadToken());
        if (head instanceof GapAwareTrackingToken) {
            return revision <= 1 ? null : GapAwareTrackingToken.newInstance(revision - 1, Collections.emptySet());
        }
        if (head instanceof GlobalSequenceTrackingToken) {
            return revision <= 1 ? null : new GlobalSequenceTrackingToken(revision - 2);
        }
        throw new IllegalStateException("a tracking token of an unknown kind: " + head);
    }
}
