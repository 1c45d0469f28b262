package se.styrregistret.query.ops;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.slf4j.MDC;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * While a projection handles an event, the SLF4J MDC says which event it is and which command
 * caused it, so a projection's errors (Axon's error logging, the dead-letter queue's) can be traced
 * back to the request. Keys, on every event processor:
 * <ul>
 *   <li>{@value #CORRELATION_ID}, {@value #TRACE_ID}, {@value #RECORDED_BY}: the event's metadata, as
 *       the command-service stamped it (correlationId is the id of the command that caused it);</li>
 *   <li>{@value #PROCESSOR}: the event processor's name ({@code orgchart}, {@code audit}, ...);</li>
 *   <li>{@value #REVISION}: the event's global index in the log (the audit trail's revision), when
 *       the processor read it from the log (not, e.g., for a dead letter stored without a token).</li>
 * </ul>
 * A processor handles events in batches within one unit of work: the keys follow the event being
 * handled and the thread's previous values come back when the batch's unit of work is cleaned up
 * (after commit or rollback, so lines logged while rolling back still name the failing event).
 */
@Configuration(proxyBeanMethods = false)
class ProjectionLogContext {

    static final String CORRELATION_ID = "correlationId";
    static final String TRACE_ID = "traceId";
    static final String RECORDED_BY = "recordedBy";
    static final String PROCESSOR = "eventProcessor";
    static final String REVISION = "revision";

    @Bean
    ConfigurerModule eventIdsInLogs() {
        return configurer -> configurer.eventProcessing(processing -> processing.registerDefaultHandlerInterceptor(
                (configuration, processorName) -> new IdsInLogs(processorName)));
    }

    static final class IdsInLogs implements MessageHandlerInterceptor<EventMessage<?>> {

        private static final String PREVIOUS = IdsInLogs.class.getName() + ".previous";

        private final String processor;

        IdsInLogs(String processor) {
            this.processor = processor;
        }

        @Override
        public Object handle(UnitOfWork<? extends EventMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
            Map<String, String> values = values(unitOfWork.getMessage());
            // once per unit of work (a batch of events): what the thread had before it
            unitOfWork.getOrComputeResource(PREVIOUS, key -> {
                Map<String, String> previous = new HashMap<>();
                values.keySet().forEach(k -> previous.put(k, MDC.get(k)));
                unitOfWork.onCleanup(u -> previous.forEach(IdsInLogs::set));
                return previous;
            });
            values.forEach(IdsInLogs::set);
            return chain.proceed();
        }

        private Map<String, String> values(EventMessage<?> event) {
            MetaData metaData = event.getMetaData();
            Map<String, String> values = new LinkedHashMap<>();
            values.put(CORRELATION_ID, text(metaData.get(CORRELATION_ID)));
            values.put(TRACE_ID, text(metaData.get(TRACE_ID)));
            values.put(RECORDED_BY, text(metaData.get(RECORDED_BY)));
            values.put(PROCESSOR, processor);
            values.put(REVISION, event instanceof TrackedEventMessage<?> tracked ? revision(tracked.trackingToken()) : null);
            return values;
        }

        /**
         * The global index from the tokens that carry it: PostgreSQL's event store reads with gap-aware
         * tokens, Axon Server with global sequence tokens; a replay wraps either.
         */
        static String revision(TrackingToken token) {
            if (token == null) return null;
            return WrappedToken.unwrap(token, GapAwareTrackingToken.class).map(GapAwareTrackingToken::getIndex)
                    .or(() -> WrappedToken.unwrap(token, GlobalSequenceTrackingToken.class)
                            .map(GlobalSequenceTrackingToken::getGlobalIndex))
                    .map(String::valueOf)
                    .orElse(null);
        }

        private static String text(Object value) {
            return value == null ? null : value.toString();
        }

        private static void set(String key, String value) {
            if (value == null) {
                MDC.remove(key);
            } else {
                MDC.put(key, value);
            }
        }
    }
}
