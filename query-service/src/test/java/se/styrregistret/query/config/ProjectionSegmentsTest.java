package se.styrregistret.query.config;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Test;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import se.styrregistret.kernel.common.DecisionReference;
import se.styrregistret.kernel.governance.GovernanceBodyEstablished;
import se.styrregistret.kernel.governance.GovernanceBodyId;
import se.styrregistret.kernel.governance.Level;
import se.styrregistret.kernel.governance.Scope;
import se.styrregistret.query.QueryServiceApplication;
import se.styrregistret.query.revision.ProjectionRevisions;
import se.styrregistret.query.support.Http;
import se.styrregistret.query.support.QueryServiceTest;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Several segments give the same projections as one. The same log, made up with cross-aggregate events of
 * every kind ({@link MixedHistory}), is read by one query-service with one segment per processor and by two
 * instances sharing four segments per processor (two each); every projection table must come out the same,
 * row for row, and so must the as-of answers. Also: the revision an answer reflects is the lowest over the
 * segments, and it reaches a new event soon enough for read-your-writes.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ProjectionSegmentsTest {

    static final List<String> PROJECTIONS = List.of("orgchart", "actionplans", "districts", "ledger", "agreements", "audit");
    static final List<String> PROCESSORS = List.of("orgchart", "actionplans", "districts", "ledger", "agreements", "audit",
            "audit-log");
    /** Rows that depend on when, not on what: the signing times of checkpoints, the findings of a re-read. */
    static final List<String> NOT_COMPARED = List.of("audit_checkpoint", "audit_log_mismatch");
    static final int SEGMENTS = 4;
    static final long SEED = Long.getLong("segments.seed", 20240917L);
    static final int STEPS = Integer.getInteger("segments.steps", 1500);

    static String oneUrl;
    static String sharedUrl;
    static ConfigurableApplicationContext one;
    static ConfigurableApplicationContext first;
    static ConfigurableApplicationContext second;

    @BeforeAll
    static void start() {
        oneUrl = QueryServiceTest.freshDatabase("segments_one");
        sharedUrl = QueryServiceTest.freshDatabase("segments_shared");
        first = start(sharedUrl, "a", SEGMENTS);
        second = start(sharedUrl, "b", SEGMENTS);
        one = start(oneUrl, "one", 1);
    }

    @AfterAll
    static void stop() {
        for (ConfigurableApplicationContext c : new ConfigurableApplicationContext[]{one, second, first}) {
            if (c != null && c.isActive()) c.close();
        }
    }

    static ConfigurableApplicationContext start(String url, String name, int segments) {
        return QueryServiceApplication.builder().registerShutdownHook(false).run(
                "--server.port=0", "--spring.datasource.url=" + url, "--spring.datasource.username=postgres",
                "--spring.datasource.hikari.pool-name=query-pool-" + name, "--spring.application.name=query-service-" + name,
                "--styrregistret.projections.segments=" + segments);
    }

    @Test
    @Order(1)
    void two_instances_with_four_segments_build_every_projection_as_one_segment_does() {
        // the two instances share each processor's segments: two each, the audit log's one on either
        await("each instance holds its share of every processor").atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(200)).until(() -> PROJECTIONS.stream()
                        .allMatch(p -> held(first, p) == SEGMENTS / 2 && held(second, p) == SEGMENTS / 2));
        assertThat(held(first, "audit-log") + held(second, "audit-log")).isEqualTo(1);
        assertThat(first.getBean(QueryInstances.class).instances()).isEqualTo(2);

        // the reference: one segment each, applied as the events are appended
        JdbcTemplate oneDb = jdbc(oneUrl);
        JdbcTemplate sharedDb = jdbc(sharedUrl);
        MixedHistory history = new MixedHistory(one.getBean(EventStore.class), oneDb, SEED);
        long head = history.write(STEPS);
        assertThat(history.crossAggregate).as("events naming another aggregate").isGreaterThan(STEPS / 10);
        assertThat(history.corrections).as("corrections and annulments").isGreaterThan(STEPS / 40);
        awaitEveryProcessor(one, head);

        // the same log, all at once, to the shared instances: their segments catch up side by side
        copyLog(oneDb, sharedDb);
        awaitEveryProcessor(first, head);
        awaitEveryProcessor(second, head);
        assertThat(sharedDb.queryForObject("select count(*) from axon.dead_letter_entry", Long.class)).as("parked").isZero();
        assertThat(oneDb.queryForObject("select count(*) from axon.dead_letter_entry", Long.class)).as("parked").isZero();

        Map<String, List<String>> expected = tables(oneDb);
        Map<String, List<String>> actual = tables(sharedDb);
        assertThat(actual.keySet()).isEqualTo(expected.keySet());
        List<String> differences = new ArrayList<>();
        expected.forEach((table, rows) -> differences.addAll(difference(table, rows, actual.get(table))));
        assertThat(differences).as("rows of %d tables, built with 1 and with %d segments from %d events (seed %d)",
                expected.size(), SEGMENTS, head, SEED).isEmpty();
        assertThat(expected.get("audit_event")).hasSize((int) head);

        // and the answers: the same at the head and as of earlier revisions, whichever instance answers
        for (long revision : List.of(head / 4, head / 2, head)) {
            for (String path : List.of("/api/org-chart?asOfDate=2021-06-01&asOfRevision=" + revision,
                    "/api/budget/summary?asOfRevision=" + revision, "/api/budget/ledger?asOfRevision=" + revision,
                    "/api/districts/Berga?asOfDate=2021-06-01&asOfRevision=" + revision,
                    "/api/audit-trail?size=200&page=1&toRevision=" + revision)) {
                assertThat(answer(second, path)).as(path).isEqualTo(answer(one, path));
            }
        }

        aNewEventIsReflectedByEveryProjectionWithinTheReadYourWritesWait();
    }

    /** The segments that have none of a new event store how far they read at least every 0.5 s, not every 5 s. */
    void aNewEventIsReflectedByEveryProjectionWithinTheReadYourWritesWait() {
        DecisionReference decision = new DecisionReference("KS 2024-1", null, LocalDate.of(2024, 1, 1), "Kommunstyrelsen");
        GovernanceBodyId id = GovernanceBodyId.of("segments-latency");
        long started = System.nanoTime();
        first.getBean(EventStore.class).publish(new GenericDomainEventMessage<>("GovernanceBody", id.value(), 0,
                new GovernanceBodyEstablished(id, "Nytt organ", null, Level.TACTICAL, Scope.municipality(), List.of(), null, null,
                        List.of(), List.of(), decision.decisionDate(), decision), MetaData.with("recordedBy", "test-registrar")));
        long revision = logHead();
        ProjectionRevisions revisions = second.getBean(ProjectionRevisions.class);
        await("every projection at " + revision).atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(25))
                .until(() -> PROJECTIONS.stream().allMatch(p -> revisions.current(p) >= revision));
        System.out.printf("every projection reflected revision %d after %d ms%n", revision,
                (System.nanoTime() - started) / 1_000_000);
    }

    @Test
    @Order(2)
    void the_revision_answers_reflect_is_the_lowest_over_the_segments() {
        ProjectionRevisions revisions = one.getBean(ProjectionRevisions.class);
        Serializer serializer = one.getBean(Serializer.class);
        JdbcTemplate db = jdbc(oneUrl);
        db.update("insert into projection.projection_revision (projection, revision) values ('segments-test', 120)");
        token(db, serializer, "segments-test", 0, 120);
        token(db, serializer, "segments-test", 1, 95);
        // the fastest segment applied 120; the other has read only to 95, and may hold events below 120
        assertThat(revisions.current("segments-test")).isEqualTo(95);
        db.update("insert into axon.token_entry (processor_name, segment, timestamp) values ('segments-test', 2, 'now')");
        assertThat(revisions.current("segments-test")).as("a segment that has read nothing yet").isZero();

        // one segment: the last revision applied counts, as before (a replay's token is behind its rows)
        db.update("insert into projection.projection_revision (projection, revision) values ('segment-test', 120)");
        token(db, serializer, "segment-test", 0, 95);
        assertThat(revisions.current("segment-test")).isEqualTo(120);
        db.update("delete from axon.token_entry where processor_name in ('segments-test', 'segment-test')");
        db.update("delete from projection.projection_revision where projection in ('segments-test', 'segment-test')");
    }

    // --- helpers

    static long logHead() {
        return jdbc(sharedUrl).queryForObject("select coalesce(max(global_index), 0) from axon.domain_event_entry", Long.class);
    }

    static int held(ConfigurableApplicationContext instance, String processor) {
        return instance.getBean(EventProcessingConfiguration.class).eventProcessor(processor, StreamingEventProcessor.class)
                .map(p -> p.processingStatus().size()).orElse(0);
    }

    static void awaitEveryProcessor(ConfigurableApplicationContext instance, long revision) {
        ProjectionRevisions revisions = instance.getBean(ProjectionRevisions.class);
        await("every processor at revision " + revision).atMost(Duration.ofSeconds(240)).pollInterval(Duration.ofMillis(100))
                .until(() -> PROCESSORS.stream().allMatch(p -> revisions.current(p) >= revision));
    }

    static JdbcTemplate jdbc(String url) {
        return new JdbcTemplate(new DriverManagerDataSource(url, "postgres", ""));
    }

    static void token(JdbcTemplate db, Serializer serializer, String processor, int segment, long index) {
        SerializedObject<byte[]> token = serializer.serialize(GapAwareTrackingToken.newInstance(index, List.of()), byte[].class);
        db.update("insert into axon.token_entry (processor_name, segment, token, token_type, timestamp) values (?, ?, ?, ?, 'now')",
                processor, segment, token.getData(), token.getType().getName());
    }

    /** The log, as stored, into the shared database in one transaction: it becomes visible all at once. */
    static void copyLog(JdbcTemplate from, JdbcTemplate to) {
        List<Object[]> rows = from.query("""
                        select global_index, sequence_number, meta_data, payload, aggregate_identifier, event_identifier,
                               payload_revision, payload_type, time_stamp, type
                        from axon.domain_event_entry order by global_index""",
                (rs, i) -> new Object[]{rs.getLong(1), rs.getLong(2), rs.getBytes(3), rs.getBytes(4), rs.getString(5),
                        rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10)});
        String values = "(" + String.join(", ", java.util.Collections.nCopies(10, "?")) + ")";
        try (var connection = to.getDataSource().getConnection()) {
            connection.setAutoCommit(false);
            try (var insert = connection.prepareStatement("""
                    insert into axon.domain_event_entry (global_index, sequence_number, meta_data, payload, aggregate_identifier,
                        event_identifier, payload_revision, payload_type, time_stamp, type) values """ + values)) {
                for (Object[] row : rows) {
                    for (int i = 0; i < row.length; i++) insert.setObject(i + 1, row[i]);
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            try (var sequence = connection.prepareStatement(
                    "select setval('axon.domain_event_entry_global_index_seq', (select max(global_index) from axon.domain_event_entry))")) {
                sequence.execute();
            }
            connection.commit();
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every projection table's rows as JSON, surrogate ids left out (a rebuild numbers rows anew), sorted. */
    static Map<String, List<String>> tables(JdbcTemplate db) {
        Map<String, List<String>> tables = new TreeMap<>();
        for (String table : db.queryForList("""
                select table_name from information_schema.tables
                where table_schema = 'projection' and table_type = 'BASE TABLE' and table_name not like 'flyway%'""", String.class)) {
            if (NOT_COMPARED.contains(table)) continue;
            tables.put(table, db.queryForList("select (to_jsonb(t) - 'id')::text r from projection.\"" + table + "\" t order by r",
                    String.class));
        }
        return tables;
    }

    /** What one build has that the other has not, a few rows of each side. */
    static List<String> difference(String table, List<String> expected, List<String> actual) {
        Map<String, Long> counts = new HashMap<>();
        expected.forEach(r -> counts.merge(r, 1L, Long::sum));
        actual.forEach(r -> counts.merge(r, -1L, Long::sum));
        List<String> onlyOne = counts.entrySet().stream().filter(e -> e.getValue() > 0).map(Map.Entry::getKey).sorted().toList();
        List<String> onlyShared = counts.entrySet().stream().filter(e -> e.getValue() < 0).map(Map.Entry::getKey).sorted().toList();
        if (onlyOne.isEmpty() && onlyShared.isEmpty()) return List.of();
        return List.of(table + ": " + onlyOne.size() + " rows only with one segment, e.g. "
                + onlyOne.stream().limit(3).collect(Collectors.joining("\n  ", "\n  ", "")) + "\n" + onlyShared.size()
                + " rows only with " + SEGMENTS + " segments, e.g. "
                + onlyShared.stream().limit(3).collect(Collectors.joining("\n  ", "\n  ", "")));
    }

    static String answer(ConfigurableApplicationContext instance, String path) {
        int port = ((WebServerApplicationContext) instance).getWebServer().getPort();
        var response = Http.get(port, path, "admin");
        assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
        return response.body();
    }
}
