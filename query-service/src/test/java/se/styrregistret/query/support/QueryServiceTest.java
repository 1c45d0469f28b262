package se.styrregistret.query.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.flywaydb.core.Flyway;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import static org.awaitility.Awaitility.await;

/**
 * Base for projection tests: a running query-service on a real embedded PostgreSQL whose event
 * store schema is created here (in production the command-service owns it). Tests feed events
 * straight into the event store and read the projection's tables and HTTP answers.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.config.name=query-service")
public abstract class QueryServiceTest {

    /** The development reader's credentials, for GETs over HTTP. */
    protected static final String READER = "Basic " + java.util.Base64.getEncoder()
            .encodeToString("reader:reader".getBytes(java.nio.charset.StandardCharsets.UTF_8));

    private static EmbeddedPostgres postgres;
    private static final Map<String, AtomicLong> sequences = new ConcurrentHashMap<>();

    @LocalServerPort
    protected int port;

    @Autowired
    protected JdbcTemplate jdbc;

    @Autowired
    protected EventStore eventStore;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", QueryServiceTest::jdbcUrl);
        registry.add("spring.datasource.username", () -> "postgres");
    }

    static synchronized String jdbcUrl() {
        if (postgres == null) {
            try {
                postgres = EmbeddedPostgres.builder().setServerConfig("timezone", "UTC").start();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Flyway.configure().dataSource(postgres.getPostgresDatabase())
                    .schemas("axon").table("flyway_history_eventstore")
                    .locations("classpath:db/eventstore").load().migrate();
        }
        return postgres.getJdbcUrl("postgres", "postgres");
    }

    /**
     * A database of its own on the same embedded server, with the event store's schema, for a test
     * whose processors must start from an empty log (their tokens live in the database).
     */
    public static synchronized String freshDatabase(String name) {
        jdbcUrl();
        try (var connection = postgres.getPostgresDatabase().getConnection(); var statement = connection.createStatement()) {
            statement.execute("drop database if exists " + name);
            statement.execute("create database " + name);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
        Flyway.configure().dataSource(postgres.getDatabase("postgres", name))
                .schemas("axon").table("flyway_history_eventstore")
                .locations("classpath:db/eventstore").load().migrate();
        return postgres.getJdbcUrl("postgres", name);
    }

    /** Appends an event to an aggregate's stream, as the command-service would, and returns its revision. */
    protected long append(String aggregateType, String aggregateId, Object payload) {
        return append(aggregateType, aggregateId, payload, MetaData.with("recordedBy", "test-registrar"));
    }

    protected long append(String aggregateType, String aggregateId, Object payload, MetaData metaData) {
        long seq = sequences.computeIfAbsent(aggregateId, k -> new AtomicLong()).getAndIncrement();
        eventStore.publish(new GenericDomainEventMessage<>(aggregateType, aggregateId, seq, payload, metaData));
        Long revision = jdbc.queryForObject("select max(global_index) from axon.domain_event_entry", Long.class);
        return revision == null ? 0 : revision;
    }

    /**
     * Registers the districts (issue 19: districts are data) unless the log has them, and waits until the
     * districts projection has read them.
     */
    protected void registerDistricts(String... names) {
        long last = 0;
        for (String name : names) {
            String key = se.styrregistret.kernel.district.Districts.key(name);
            Long there = jdbc.queryForObject("select count(*) from axon.domain_event_entry where aggregate_identifier = ?",
                    Long.class, key);
            if (there != null && there > 0) continue;
            java.time.LocalDate date = java.time.LocalDate.of(2020, 1, 1);
            last = append("District", key, new se.styrregistret.kernel.district.DistrictRegistered(name, "Linköping", date,
                    new se.styrregistret.kernel.common.DecisionReference(null, null, date, "Kommundirektören")));
        }
        if (last > 0) awaitProjection("districts", last);
    }

    /** The identifier of the event at {@code revision}, as a correction names it. */
    protected String eventIdAt(long revision) {
        return jdbc.queryForObject("select event_identifier from axon.domain_event_entry where global_index = ?",
                String.class, revision);
    }

    protected void awaitProjection(String projection, long revision) {
        await(projection + " at revision " + revision).atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(50))
                .until(() -> jdbc.query("select revision from projection.projection_revision where projection = ?",
                        rs -> rs.next() ? rs.getLong(1) : null, projection), reached -> reached != null && reached >= revision);
    }
}
