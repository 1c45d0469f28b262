package se.styrregistret.query.config;

import org.axonframework.eventhandling.Segment;
import org.axonframework.springboot.EventProcessorProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Creates each streaming processor's token rows before Axon starts, so that query-service
 * instances starting at the same moment on a fresh database do not race to create them: Axon's
 * own initialisation inserts them in a transaction that, when another instance wins, ends in a
 * rollback Axon does not retry, and the instance fails to start. Here the insert is idempotent
 * (nothing happens when the processor has rows already, or another instance inserted them first).
 * A row with no token means "from the start of the log", as Axon's initialisation would write.
 * A processor that has rows, but fewer than configured, is split up to the configured count.
 */
@Component
class TokenSegmentsInitializer implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(TokenSegmentsInitializer.class);

    private final JdbcTemplate jdbc;
    private final EventProcessorProperties properties;
    private final TransactionTemplate transaction;

    TokenSegmentsInitializer(JdbcTemplate jdbc, EventProcessorProperties properties, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.properties = properties;
        this.transaction = new TransactionTemplate(transactions);
    }

    @Override
    public void afterSingletonsInstantiated() {
        for (Map.Entry<String, EventProcessorProperties.ProcessorSettings> processor : properties.getProcessors().entrySet()) {
            EventProcessorProperties.ProcessorSettings settings = processor.getValue();
            if (settings.getMode() == EventProcessorProperties.Mode.SUBSCRIBING) continue;
            if (settings.getInitialSegmentCount() == null) continue; // Axon's own default applies
            int segments = settings.getInitialSegmentCount();
            // all segments in one statement, only for a processor with no rows: never re-creates a
            // segment that a later split or merge removed
            jdbc.update("""
                            insert into axon.token_entry (processor_name, segment, token, token_type, timestamp, owner)
                            select ?, s, null, null, ?, null from generate_series(0, ? - 1) s
                            where not exists (select 1 from axon.token_entry where processor_name = ?)
                            on conflict do nothing""",
                    processor.getKey(), Instant.now().toString(), segments, processor.getKey());
            transaction.executeWithoutResult(status -> grow(processor.getKey(), segments));
        }
    }

    /**
     * A processor with fewer segments than configured (the count was raised for a register that has tokens)
     * is split up to it while no instance holds any of them, as Axon splits a segment: the larger share's
     * segment gives half its aggregates to a new segment that starts at the same token, so no event is
     * applied twice or missed. Fewer segments than there are is left to Axon's merge (logged).
     */
    private void grow(String processor, int wanted) {
        // locked, so no instance claims one meanwhile; an instance splitting at the same moment waits, and
        // then, not seeing the rows added since it began, adds the same ones (a split is determined by the
        // segments there are), which the insert skips
        List<Map<String, Object>> rows = jdbc.queryForList("""
                select segment, token, token_type, owner from axon.token_entry where processor_name = ?
                order by segment for update""", processor);
        if (rows.isEmpty() || rows.size() == wanted) return;
        if (rows.size() > wanted) {
            log.warn("Processor {} has {} segments, more than the {} configured: left as they are (merge them with Axon)",
                    processor, rows.size(), wanted);
            return;
        }
        if (rows.stream().anyMatch(r -> r.get("owner") != null)) {
            log.warn("Processor {} has {} segments and {} are configured, but an instance holds one of them: it is split "
                    + "when every instance has stopped and one starts with the new count", processor, rows.size(), wanted);
            return;
        }
        Map<Integer, Map<String, Object>> byId = new TreeMap<>();
        rows.forEach(r -> byId.put(((Number) r.get("segment")).intValue(), r));
        while (byId.size() < wanted) {
            int[] ids = byId.keySet().stream().mapToInt(Integer::intValue).toArray();
            Segment largest = Arrays.stream(ids).mapToObj(id -> Segment.computeSegment(id, ids))
                    .min(Comparator.comparingInt(Segment::getMask).thenComparingInt(Segment::getSegmentId)).orElseThrow();
            int added = largest.split()[1].getSegmentId();
            Map<String, Object> from = byId.get(largest.getSegmentId());
            jdbc.update("""
                            insert into axon.token_entry (processor_name, segment, token, token_type, timestamp, owner)
                            values (?, ?, ?, ?, ?, null)
                            on conflict do nothing""",
                    processor, added, from.get("token"), from.get("token_type"), Instant.now().toString());
            byId.put(added, from);
        }
        log.info("Processor {} split from {} to {} segments", processor, rows.size(), wanted);
    }
}
