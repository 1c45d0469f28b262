package se.styrregistret.query.engine;

import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import se.styrregistret.query.support.QueryServiceTest;

/**
 * The query side over a log that is not in PostgreSQL at all: Axon's in-memory storage engine,
 * which numbers and tracks its events as Axon Server does (global sequence tokens from 0). The
 * event store's tables exist but stay empty, so anything that read them would fail here.
 */
@Import(QuerySideOnAnotherStorageEngineTest.InMemoryLog.class)
class QuerySideOnAnotherStorageEngineTest extends QuerySideOnAnyEventStore {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        String url = QueryServiceTest.freshDatabase("engine_memory");
        registry.add("spring.datasource.url", () -> url);
        registry.add("spring.datasource.username", () -> "postgres");
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class InMemoryLog {
        @Bean
        EventStore eventStore() {
            return EmbeddedEventStore.builder().storageEngine(new InMemoryEventStorageEngine()).build();
        }
    }
}
