package se.styrregistret.query.config;

import org.axonframework.springboot.EventProcessorProperties;
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

    @Autowired
    org.springframework.transaction.PlatformTransactionManager transactions;

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

    @Test
    void a_processor_with_fewer_segments_than_configured_is_split_at_its_token_while_no_instance_holds_it() {
        byte[] token = "{\"index\":42,\"gaps\":[]}".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        jdbc.update("insert into axon.token_entry (processor_name, segment, token, token_type, timestamp) values "
                + "('grow-test', 0, ?, 'org.axonframework.eventhandling.GapAwareTrackingToken', 'now'), "
                + "('held-test', 0, ?, 'org.axonframework.eventhandling.GapAwareTrackingToken', 'now')", token, token);
        jdbc.update("update axon.token_entry set owner = 'another-instance' where processor_name = 'held-test'");
        EventProcessorProperties properties = new EventProcessorProperties();
        for (String name : List.of("grow-test", "held-test")) {
            EventProcessorProperties.ProcessorSettings settings = new EventProcessorProperties.ProcessorSettings();
            settings.setMode(EventProcessorProperties.Mode.POOLED);
            settings.setInitialSegmentCount(4);
            properties.getProcessors().put(name, settings);
        }
        TokenSegmentsInitializer raised = new TokenSegmentsInitializer(jdbc, properties, transactions);

        CompletableFuture.allOf(CompletableFuture.runAsync(raised::afterSingletonsInstantiated),
                CompletableFuture.runAsync(raised::afterSingletonsInstantiated)).join();

        // as Axon splits: 0 into 0 and 1, then each of those in two; every new segment starts where 0 was
        assertThat(jdbc.queryForList("select segment from axon.token_entry where processor_name = 'grow-test' order by segment",
                Integer.class)).containsExactly(0, 1, 2, 3);
        assertThat(jdbc.queryForList("select distinct convert_from(token, 'UTF8') from axon.token_entry "
                + "where processor_name = 'grow-test'", String.class)).containsExactly(new String(token, java.nio.charset.StandardCharsets.UTF_8));
        assertThat(jdbc.queryForObject("select count(*) from axon.token_entry where processor_name = 'held-test'", Long.class))
                .as("held by an instance: left for when every instance has stopped").isEqualTo(1);
        jdbc.update("delete from axon.token_entry where processor_name in ('grow-test', 'held-test')");
    }

    private Map<String, Integer> segmentsPerProcessor() {
        Map<String, Integer> segments = new TreeMap<>();
        List<Map<String, Object>> rows = jdbc.queryForList(
                "select processor_name, count(*) as n from axon.token_entry group by processor_name");
        rows.forEach(r -> segments.put((String) r.get("processor_name"), ((Number) r.get("n")).intValue()));
        return segments;
    }
}
