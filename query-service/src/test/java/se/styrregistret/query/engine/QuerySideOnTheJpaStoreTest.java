package se.styrregistret.query.engine;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import se.styrregistret.query.support.QueryServiceTest;

/** The query side over Axon's JPA storage engine in PostgreSQL (gap-aware tokens, global index from 1). */
class QuerySideOnTheJpaStoreTest extends QuerySideOnAnyEventStore {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        String url = QueryServiceTest.freshDatabase("engine_jpa");
        registry.add("spring.datasource.url", () -> url);
        registry.add("spring.datasource.username", () -> "postgres");
    }
}
