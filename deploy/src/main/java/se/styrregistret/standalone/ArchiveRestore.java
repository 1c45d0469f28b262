package se.styrregistret.standalone;

import jakarta.persistence.EntityManager;
import org.axonframework.common.jpa.EntityManagerProvider;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.SerializedMessage;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import se.styrregistret.query.audit.Archive;

import javax.sql.DataSource;
import java.nio.file.Path;
import java.util.List;

/**
 * Loads an archive into an empty register through the event store's storage engine: every event
 * goes back as it was stored (identifier, aggregate and sequence, timestamp, schema revision, payload
 * and metadata bytes) at the revision it had, so the audit log built from the restored log has the
 * archive's leaves and root. Nothing goes through the command handlers: nothing is decided again.
 * One transaction: a restore that fails half-way leaves the register empty.
 */
final class ArchiveRestore {

    /** Events written before the persistence context is flushed and cleared, so memory stays flat. */
    private static final int BATCH = 500;

    private ArchiveRestore() {
    }

    record Result(long events, double seconds) {
    }

    /** The archive must have passed {@link Archive#verify(Path)}; checked again while it is read, line by line. */
    static Result restore(ConfigurableApplicationContext command, Path archive) {
        if (Boolean.TRUE.equals(command.getEnvironment().getProperty("axon.axonserver.enabled", Boolean.class))) {
            // Axon Server numbers its log itself, from 0 without gaps: an archive's revisions (with the
            // gaps PostgreSQL's sequence leaves) cannot be kept there, and the audit leaves commit to them
            throw new IllegalStateException("a restore writes into the PostgreSQL event log; this register's log is in"
                    + " Axon Server (restore into the default mode, then migrate the log)");
        }
        // the storage engine (wrapped so appends enter the log in commit order) and the serializer it writes with
        EventStorageEngine engine = command.getBean(EventStorageEngine.class);
        Serializer serializer = command.getBean("eventSerializer", Serializer.class);
        EntityManager entityManager = command.getBean(EntityManagerProvider.class).getEntityManager();
        JdbcTemplate jdbc = new JdbcTemplate(command.getBean(DataSource.class));
        long started = System.nanoTime();
        Long count = new TransactionTemplate(command.getBean(PlatformTransactionManager.class)).execute(status -> {
            // commands arriving meanwhile wait for the restore, then append after it (or are refused)
            jdbc.execute("lock table axon.domain_event_entry in exclusive mode");
            long existing = jdbc.queryForObject("select count(*) from axon.domain_event_entry", Long.class);
            if (existing > 0) {
                throw new IllegalStateException("a restore needs an empty register; this one holds " + existing
                        + " events (start with a new --data-dir)");
            }
            long[] written = {0};
            long[] next = {-1}; // the revision the sequence hands out next, when known
            Archive.forEachEvent(archive, event -> {
                if (event.revision() != next[0]) {
                    // the revision is the global index: the sequence must hand out exactly the archived one
                    jdbc.queryForObject("select setval('axon.domain_event_entry_global_index_seq', ?, false)", Long.class, event.revision());
                }
                engine.appendEvents(List.of(message(event, serializer)));
                next[0] = event.revision() + 1;
                if (++written[0] % BATCH == 0) {
                    entityManager.flush();
                    entityManager.clear();
                }
            });
            entityManager.flush();
            entityManager.clear();
            return written[0];
        });
        return new Result(count == null ? 0 : count, (System.nanoTime() - started) / 1e9);
    }

    /**
     * A message whose payload and metadata are the archived bytes, with the storage engine's own
     * serializer, so the engine stores those bytes as they are instead of serializing again.
     */
    private static GenericDomainEventMessage<?> message(Archive.Event event, Serializer serializer) {
        SerializedMessage<?> serialized = new SerializedMessage<>(event.identifier(),
                new SimpleSerializedObject<>(event.payload(), byte[].class, event.payloadType(), event.payloadRevision()),
                new SimpleSerializedObject<>(event.metaData(), byte[].class, MetaData.class.getName(), null),
                serializer);
        return new GenericDomainEventMessage<>(event.aggregateType(),
                event.aggregateId() == null ? event.identifier() : event.aggregateId(),
                event.sequenceNumber() == null ? 0 : event.sequenceNumber(), serialized, event::timestamp);
    }
}
