package se.styrregistret.query.config;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import se.styrregistret.query.support.QueryServiceTest;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

class TokenSegmentsInitializerTest extends QueryServiceTest {

    @Autowired
    TokenSegmentsInitializer initializer;

    @Test
    void each_projection_has_its_one_segment_and_instances_initialising_at_once_add_nothing() {
        // given a running service: its processors started on the rows the initializer made
        Map<String, Integer> before = segmentsPerProcessor();
        assertThat(before).containsOnlyKeys("orgchart", "actionplans", "districts", "ledger", "agreements", "audit", "audit-log")
                .allSatisfy((name, segments) -> assertThat(segments).isEqualTo(1));

        // when two more instances initialise at the same moment
        CompletableFuture.allOf(CompletableFuture.runAsync(initializer::afterSingletonsInstantiated),
                CompletableFuture.runAsync(initializer::afterSingletonsInstantiated)).join();

        // then nothing was added, nothing failed, and every token is where it was
        assertThat(segmentsPerProcessor()).isEqualTo(before);
    }

    private Map<String, Integer> segmentsPerProcessor() {
        Map<String, Integer> segments = new TreeMap<>();
        List<Map<String, Object>> rows = jdbc.queryForList(
                "select processor_name, count(*) as n from axon.token_entry group by processor_name");
        rows.forEach(r -> segments.put((String) r.get("processor_name"), ((Number) r.get("n")).intValue()));
        return segments;
    }
}
