package se.styrregistret.query.admin;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.SequencedDeadLetterProcessor;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import se.styrregistret.query.web.NotFound;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The dead letters of a projection (ADMIN): events its handlers failed on, parked in Axon's JPA
 * sequenced dead-letter queue so the rest of the log keeps flowing; later events of the same
 * aggregate wait behind them, so a body's history is never applied out of order. Retry
 * processes the oldest sequence again; evict drops one letter for good.
 */
@RestController
class DeadLetterController {

    private final EventProcessingConfiguration processing;

    DeadLetterController(EventProcessingConfiguration processing) {
        this.processing = processing;
    }

    record Letter(String eventId, String payloadType, String aggregateId, Long sequenceNumber, String cause,
                  Instant enqueuedAt, Instant lastTouched) {
    }

    record DeadLetters(String projection, long count, List<List<Letter>> sequences) {
    }

    record RetryResult(String projection, boolean processed, long remaining) {
    }

    @GetMapping("/api/admin/dead-letters/{projection}")
    DeadLetters list(@PathVariable String projection) {
        SequencedDeadLetterQueue<EventMessage<?>> queue = queue(projection);
        List<List<Letter>> sequences = new ArrayList<>();
        for (Iterable<DeadLetter<? extends EventMessage<?>>> sequence : queue.deadLetters()) {
            List<Letter> letters = new ArrayList<>();
            sequence.forEach(letter -> letters.add(letter(letter)));
            sequences.add(letters);
        }
        return new DeadLetters(projection, queue.size(), sequences);
    }

    @PostMapping("/api/admin/dead-letters/{projection}/retry")
    RetryResult retry(@PathVariable String projection) {
        SequencedDeadLetterProcessor<EventMessage<?>> processor = processing.sequencedDeadLetterProcessor(projection)
                .orElseThrow(() -> new NotFound("Projektionen " + projection + " har ingen kö för felaktiga händelser"));
        boolean processed = processor.processAny();
        return new RetryResult(projection, processed, queue(projection).size());
    }

    @PostMapping("/api/admin/dead-letters/{projection}/evict")
    DeadLetters evict(@PathVariable String projection, @RequestParam String eventId) {
        SequencedDeadLetterQueue<EventMessage<?>> queue = queue(projection);
        for (Iterable<DeadLetter<? extends EventMessage<?>>> sequence : queue.deadLetters()) {
            for (DeadLetter<? extends EventMessage<?>> letter : sequence) {
                if (letter.message().getIdentifier().equals(eventId)) {
                    queue.evict(letter);
                    return list(projection);
                }
            }
        }
        throw new NotFound("Ingen felaktig händelse " + eventId + " i " + projection);
    }

    private SequencedDeadLetterQueue<EventMessage<?>> queue(String projection) {
        return processing.deadLetterQueue(projection)
                .orElseThrow(() -> new NotFound("Projektionen " + projection + " har ingen kö för felaktiga händelser"));
    }

    private static Letter letter(DeadLetter<? extends EventMessage<?>> letter) {
        EventMessage<?> message = letter.message();
        String aggregateId = message instanceof DomainEventMessage<?> d ? d.getAggregateIdentifier() : null;
        Long sequenceNumber = message instanceof DomainEventMessage<?> d ? d.getSequenceNumber() : null;
        String cause = letter.cause().map(c -> c.type() + ": " + c.message()).orElse(null);
        return new Letter(message.getIdentifier(), message.getPayloadType().getSimpleName(), aggregateId, sequenceNumber,
                cause, letter.enqueuedAt(), letter.lastTouched());
    }
}
