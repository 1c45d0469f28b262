package se.styrregistret.query.config;

import org.axonframework.common.IdentifierFactory;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Identifiers of the messages the query-service makes (a handler's result for every event a projection
 * handles, queries, units of work): random version-4 UUIDs from the thread's own generator instead of
 * {@link UUID#randomUUID()}, whose secure generator was the largest single cost of a catch-up after
 * the reading itself (a profile of a cold catch-up: 8 % of the service's CPU in SHA-1, one UUID per event
 * and projection). Registered through META-INF/services, as Axon looks it up: for the whole JVM, so where
 * both services share one (the standalone launcher) it also names the events the command side records.
 * Unique all the same (each thread's generator walks a 2^64 cycle from its own random offset: two threads
 * meet with odds far below one in a million over a billion identifiers), and an event's identifier is no
 * secret (the audit trail shows it; what a user may do is decided by roles, never by knowing an id).
 */
public final class TransientMessageIdentifiers extends IdentifierFactory {

    @Override
    public String generateIdentifier() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long high = (random.nextLong() & ~0xF000L) | 0x4000L; // version 4
        long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L; // IETF variant
        return new UUID(high, low).toString();
    }
}
