package se.styrregistret.query.ops;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.Map;
import java.util.OptionalLong;

/**
 * Gauge {@value #GAUGE} per streaming processor (Prometheus: {@code styrregistret_processor_lag_events{processor=...}}):
 * how many events the processor is behind, as the head of the log minus the lowest position of
 * the segments this instance processes. The head is the event store's head token: in the default
 * mode that is {@code max(global_index)} of {@code axon.domain_event_entry}, under the
 * {@code axonserver} profile Axon Server's last token, so the gauge works in both modes.
 * An instance that holds none of the processor's segments (its peer does) reports NaN: take the
 * minimum over instances, or the series without NaN.
 */
@Component
class ProcessorLagMetrics {

    static final String GAUGE = "styrregistret.processor.lag";

    private final EventProcessingConfiguration processing;
    private final EventStore eventStore;
    private final MeterRegistry registry;
    private final Clock clock = Clock.systemUTC();
    private volatile long headReadAt = Long.MIN_VALUE;
    private volatile long head;

    ProcessorLagMetrics(EventProcessingConfiguration processing, EventStore eventStore, MeterRegistry registry) {
        this.processing = processing;
        this.eventStore = eventStore;
        this.registry = registry;
    }

    /** After start-up: Axon creates its processors while the context starts. */
    @EventListener(ApplicationStartedEvent.class)
    void registerGauges() {
        for (Map.Entry<String, ?> entry : processing.eventProcessors().entrySet()) {
            if (entry.getValue() instanceof StreamingEventProcessor) {
                String name = entry.getKey();
                Gauge.builder(GAUGE, () -> lag(name))
                        .description("Events between the head of the log and the processor's token")
                        .baseUnit("events")
                        .tag("processor", name)
                        .register(registry);
            }
        }
    }

    double lag(String name) {
        StreamingEventProcessor processor = processing.eventProcessor(name, StreamingEventProcessor.class).orElse(null);
        if (processor == null) return Double.NaN;
        Map<Integer, EventTrackerStatus> status = processor.processingStatus();
        if (status.isEmpty()) return Double.NaN;
        long position = Long.MAX_VALUE;
        for (EventTrackerStatus segment : status.values()) {
            OptionalLong current = segment.getCurrentPosition();
            // a segment that has not read anything yet stands before the first event (global index 1)
            position = Math.min(position, current.isPresent() ? current.getAsLong() : 0);
        }
        return Math.max(0, head() - position);
    }

    /** One read of the head per scrape, not one per processor. */
    private long head() {
        long now = clock.millis();
        if (now - headReadAt > 500) {
            TrackingToken token = eventStore.createHeadToken();
            head = token == null ? 0 : token.position().orElse(0);
            headReadAt = now;
        }
        return head;
    }
}
