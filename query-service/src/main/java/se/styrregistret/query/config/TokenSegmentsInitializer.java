package se.styrregistret.query.config;

import org.axonframework.springboot.EventProcessorProperties;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.Map;

/**
 * Creates each streaming processor's token rows before Axon starts, so that query-service
 * instances starting at the same moment on a fresh database do not race to create them: Axon's
 * own initialisation inserts them in a transaction that, when another instance wins, ends in a
 * rollback Axon does not retry, and the instance fails to start. Here the insert is idempotent
 * (nothing happens when the processor has rows already, or another instance inserted them first).
 * A row with no token means "from the start of the log", as Axon's initialisation would write.
 */
@Component
class TokenSegmentsInitializer implements SmartInitializingSingleton {

    private final JdbcTemplate jdbc;
    private final EventProcessorProperties properties;

    TokenSegmentsInitializer(JdbcTemplate jdbc, EventProcessorProperties properties) {
        this.jdbc = jdbc;
        this.properties = properties;
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
        }
    }
}
