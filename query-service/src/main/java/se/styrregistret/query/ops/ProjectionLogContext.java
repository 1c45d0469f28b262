package se.styrregistret.query.ops;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import se.styrregistret.support.Revisions;
import se.styrregistret.support.logging.LogContext;

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
 *   <li>{@value #REVISION}: the event's revision (its position in the log, as the audit trail numbers it), when
 *       the processor read it from the log (not, e.g., for a dead letter stored without a token).</li>
 * </ul>
 * A processor handles events in batches within one unit of work: the keys follow the event being
 * handled and the thread's previous values come back when the batch's unit of work is cleaned up
 * (after commit or rollback, so lines logged while rolling back still name the failing event).
 */
@Configuration(proxyBeanMethods = false)
class ProjectionLogContext {

    static final String CORRELATION_ID = LogContext.CORRELATION_ID;
    static final String TRACE_ID = LogContext.TRACE_ID;
    static final String RECORDED_BY = LogContext.RECORDED_BY;
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
                Map<String, String> previous = LogContext.put(values);
                unitOfWork.onCleanup(u -> LogContext.restore(previous));
                return previous;
            });
            LogContext.put(values);
            return chain.proceed();
        }

        private Map<String, String> values(EventMessage<?> event) {
            MetaData metaData = event.getMetaData();
            Map<String, String> values = new LinkedHashMap<>();
            values.put(CORRELATION_ID, LogContext.text(metaData.get(CORRELATION_ID)));
            values.put(TRACE_ID, LogContext.text(metaData.get(TRACE_ID)));
            values.put(RECORDED_BY, LogContext.text(metaData.get(RECORDED_BY)));
            values.put(PROCESSOR, processor);
            values.put(REVISION, event instanceof TrackedEventMessage<?> tracked && tracked.trackingToken() != null
                    ? Long.toString(Revisions.ofEvent(tracked.trackingToken())) : null);
            return values;
        }
    }
}
