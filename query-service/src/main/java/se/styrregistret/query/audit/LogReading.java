package se.styrregistret.query.audit;

import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;

import java.util.Iterator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Reads the whole log through Axon, from its first event. Where the storage engine is a bean (the
 * PostgreSQL log) it is read directly, because the embedded event store serves recent events from
 * memory and would not show a row changed or deleted in the database; Axon Server's log is read
 * through its event store.
 */
final class LogReading {

    private static final int NEXT_EVENT_WAIT_SECONDS = 10;

    private LogReading() {
    }

    /** The log from its start, one event at a time; null at its end. */
    interface Reader extends AutoCloseable {
        TrackedEventMessage<?> next() throws InterruptedException;

        @Override
        void close();
    }

    static Reader fromTheStart(EventStore log, EventStorageEngine storage) {
        if (storage != null) {
            Stream<? extends TrackedEventMessage<?>> stream = storage.readEvents(null, false);
            Iterator<? extends TrackedEventMessage<?>> events = stream.iterator();
            return new Reader() {
                public TrackedEventMessage<?> next() {
                    return events.hasNext() ? events.next() : null;
                }

                public void close() {
                    stream.close();
                }
            };
        }
        BlockingStream<TrackedEventMessage<?>> stream = log.openStream(null);
        return new Reader() {
            public TrackedEventMessage<?> next() throws InterruptedException {
                return stream.hasNextAvailable(NEXT_EVENT_WAIT_SECONDS, TimeUnit.SECONDS) ? stream.nextAvailable() : null;
            }

            public void close() {
                stream.close();
            }
        };
    }
}
