package se.styrregistret.command.config;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jpa.JpaEventStorageEngine;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Events enter the PostgreSQL log one transaction at a time, so the order of the global index (the
 * register's revision) is the order in which events become visible. Each event draws its index from
 * a sequence when it is inserted, and commits later: without this, of two commands committing at once,
 * revision N+1 could be visible before N. The query side then read N after N+1 (Axon fills the gap) and,
 * as its tracking token stood at N+1, took N for N+1: the audit trail lost the event, the audit log
 * reported N+1 altered, a body version or ledger row carried the wrong revision, and a rebuild told
 * another story. Found by the standalone crash test ({@code CrashEndToEndTest}: projections against a
 * rebuild).
 * <p>
 * The lock is PostgreSQL's transaction-scoped advisory lock: taken before the events draw their index,
 * released as the command's transaction commits or rolls back; every command-service instance on the
 * database takes the same one. Only the append and the commit are serialised: the append is the last
 * step of the command's prepare-commit phase, after the subscribing lookups have written their rows
 * (Axon appends first and then hands the events to subscribers), so the lock is held for the insert and
 * the commit alone. It cannot deadlock: once a transaction holds it, it only inserts into the event
 * table, where no other transaction inserts without the lock. Axon Server orders its log itself: its
 * engine is not wrapped.
 */
@Configuration(proxyBeanMethods = false)
class AppendsInCommitOrder {

    /** The advisory lock's key: any fixed number, the same in every instance ("STYRLOGG" in ASCII). */
    static final long LOCK = 0x535459524C4F4747L;

    @Bean
    static BeanPostProcessor oneAppendAtATime(ObjectProvider<JdbcTemplate> jdbc) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                return bean instanceof JpaEventStorageEngine engine ? new OneAppendAtATime(engine, jdbc) : bean;
            }
        };
    }

    /** The JPA storage engine, with the lock taken before each append (in the command's transaction). */
    static final class OneAppendAtATime implements EventStorageEngine {

        private final EventStorageEngine engine;
        private final ObjectProvider<JdbcTemplate> jdbc;

        OneAppendAtATime(EventStorageEngine engine, ObjectProvider<JdbcTemplate> jdbc) {
            this.engine = engine;
            this.jdbc = jdbc;
        }

        @Override
        public void appendEvents(List<? extends EventMessage<?>> events) {
            if (events.isEmpty()) return;
            if (CurrentUnitOfWork.isStarted() && CurrentUnitOfWork.get().phase() == UnitOfWork.Phase.PREPARE_COMMIT) {
                // a handler added during the phase runs at its end: after the subscribers this append comes before
                List<? extends EventMessage<?>> staged = List.copyOf(events);
                CurrentUnitOfWork.get().onPrepareCommit(u -> appendNow(staged));
            } else {
                appendNow(events);
            }
        }

        private void appendNow(List<? extends EventMessage<?>> events) {
            jdbc.getObject().execute("select pg_advisory_xact_lock(" + LOCK + ")");
            engine.appendEvents(events);
        }

        @Override
        public void storeSnapshot(DomainEventMessage<?> snapshot) {
            engine.storeSnapshot(snapshot);
        }

        @Override
        public Stream<? extends TrackedEventMessage<?>> readEvents(TrackingToken trackingToken, boolean mayBlock) {
            return engine.readEvents(trackingToken, mayBlock);
        }

        @Override
        public DomainEventStream readEvents(String aggregateIdentifier) {
            return engine.readEvents(aggregateIdentifier);
        }

        @Override
        public DomainEventStream readEvents(String aggregateIdentifier, long firstSequenceNumber) {
            return engine.readEvents(aggregateIdentifier, firstSequenceNumber);
        }

        @Override
        public Optional<DomainEventMessage<?>> readSnapshot(String aggregateIdentifier) {
            return engine.readSnapshot(aggregateIdentifier);
        }

        @Override
        public Optional<Long> lastSequenceNumberFor(String aggregateIdentifier) {
            return engine.lastSequenceNumberFor(aggregateIdentifier);
        }

        @Override
        public TrackingToken createTailToken() {
            return engine.createTailToken();
        }

        @Override
        public TrackingToken createHeadToken() {
            return engine.createHeadToken();
        }

        @Override
        public TrackingToken createTokenAt(Instant dateTime) {
            return engine.createTokenAt(dateTime);
        }
    }
}
