package se.styrregistret.query.ops;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Health contributor {@code eventProcessors} (part of the readiness group): DOWN when any event
 * processor has stopped or is in error (retrying after a failure), UP otherwise. Details per
 * processor: {@code running}, or {@code error} with the failing segments' errors, plus the
 * segments this instance holds (none on an instance whose peer holds them; that is not an error),
 * and how many sequences of events it has parked in its dead-letter queue, with the first one's error.
 */
@Component("eventProcessorsHealthIndicator")
class EventProcessorsHealthIndicator implements HealthIndicator {

    private final EventProcessingConfiguration processing;

    EventProcessorsHealthIndicator(EventProcessingConfiguration processing) {
        this.processing = processing;
    }

    @Override
    public Health health() {
        boolean allUp = true;
        Map<String, Object> details = new TreeMap<>();
        for (Map.Entry<String, EventProcessor> entry : processing.eventProcessors().entrySet()) {
            EventProcessor processor = entry.getValue();
            Map<String, Object> detail = new LinkedHashMap<>();
            boolean up = processor.isRunning() && !processor.isError();
            String state = processor.isError() ? "error" : processor.isRunning() ? "running" : "stopped";
            detail.put("state", state);
            if (processor instanceof StreamingEventProcessor streaming) {
                Map<Integer, String> segments = new TreeMap<>();
                for (EventTrackerStatus status : streaming.processingStatus().values()) {
                    if (status.isErrorState()) {
                        up = false;
                        segments.put(status.getSegment().getSegmentId(), "error: " + status.getError());
                    } else {
                        segments.put(status.getSegment().getSegmentId(), status.isCaughtUp() ? "caught up" : "catching up");
                    }
                }
                detail.put("segments", segments);
            }
            // events the processor could not apply, parked so the rest of the log flows: shown, never hidden
            processing.deadLetterQueue(entry.getKey()).ifPresent(queue -> {
                long parked = queue.amountOfSequences();
                detail.put("parked", parked);
                if (parked > 0) {
                    queue.deadLetters().forEach(sequence -> sequence.forEach(letter -> letter.cause()
                            .ifPresent(cause -> detail.putIfAbsent("parkedError", cause.type() + ": " + cause.message()))));
                }
            });
            allUp &= up;
            details.put(entry.getKey(), detail);
        }
        return (allUp ? Health.up() : Health.down()).withDetails(details).build();
    }
}
