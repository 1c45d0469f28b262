package se.styrregistret.query.ops;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericTrackedDomainEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.DefaultInterceptorChain;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static se.styrregistret.query.ops.ProjectionLogContext.CORRELATION_ID;
import static se.styrregistret.query.ops.ProjectionLogContext.PROCESSOR;
import static se.styrregistret.query.ops.ProjectionLogContext.RECORDED_BY;
import static se.styrregistret.query.ops.ProjectionLogContext.REVISION;
import static se.styrregistret.query.ops.ProjectionLogContext.TRACE_ID;

/**
 * The interceptor in a batch, as a pooled processor runs it: Axon's own batching unit of work,
 * on this thread. Each event gets its own keys, none of the previous event's linger, and the
 * thread has its own MDC back once the batch is done.
 */
class ProjectionLogContextBatchTest {

    @AfterEach
    void clear() {
        MDC.clear();
    }

    @Test
    void each_event_of_a_batch_has_its_own_keys_and_the_thread_gets_its_mdc_back() throws Exception {
        // given a thread that is logging for something else, and a batch: an event read from PostgreSQL,
        // and one read from Axon Server during a replay, without a trace id
        MDC.put(CORRELATION_ID, "outer-work");
        EventMessage<?> first = event(GapAwareTrackingToken.newInstance(41, List.of(39L)),
                MetaData.with(CORRELATION_ID, "command-1").and(TRACE_ID, "request-1").and(RECORDED_BY, "registrar"));
        EventMessage<?> second = event(new ReplayToken(new GlobalSequenceTrackingToken(100), new GlobalSequenceTrackingToken(42)),
                MetaData.with(CORRELATION_ID, "command-2"));
        BatchingUnitOfWork<EventMessage<?>> batch = new BatchingUnitOfWork<>(List.of(first, second));
        List<Map<String, String>> seen = new ArrayList<>();

        // when
        batch.executeWithResult(() -> new DefaultInterceptorChain<>(batch,
                List.of(new ProjectionLogContext.IdsInLogs("orgchart")),
                event -> seen.add(new HashMap<>(MDC.getCopyOfContextMap()))).proceed());

        // then
        assertThat(seen).containsExactly(
                Map.of(CORRELATION_ID, "command-1", TRACE_ID, "request-1", RECORDED_BY, "registrar",
                        PROCESSOR, "orgchart", REVISION, "41"),
                // Axon Server's global index 42 is revision 43, as every answer and the audit trail number it
                Map.of(CORRELATION_ID, "command-2", PROCESSOR, "orgchart", REVISION, "43"));
        assertThat(MDC.getCopyOfContextMap()).isEqualTo(Map.of(CORRELATION_ID, "outer-work"));
    }

    @Test
    void an_event_read_without_a_global_position_has_no_revision() throws Exception {
        EventMessage<?> untracked = new GenericDomainEventMessage<>("GovernanceBody", "b-1", 0, "payload",
                MetaData.with(CORRELATION_ID, "command-1"));
        BatchingUnitOfWork<EventMessage<?>> batch = new BatchingUnitOfWork<>(List.of(untracked));
        List<Map<String, String>> seen = new ArrayList<>();

        batch.executeWithResult(() -> new DefaultInterceptorChain<>(batch,
                List.of(new ProjectionLogContext.IdsInLogs("audit")),
                event -> seen.add(new HashMap<>(MDC.getCopyOfContextMap()))).proceed());

        assertThat(seen).containsExactly(Map.of(CORRELATION_ID, "command-1", PROCESSOR, "audit"));
        assertThat(MDC.getCopyOfContextMap()).isNullOrEmpty();
    }

    static EventMessage<?> event(TrackingToken token, MetaData metaData) {
        return new GenericTrackedDomainEventMessage<>(token,
                new GenericDomainEventMessage<>("GovernanceBody", "b-1", 0, "payload", metaData));
    }
}
