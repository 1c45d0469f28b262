package se.styrregistret.command.governance;

import org.axonframework.config.Configuration;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import se.styrregistret.command.common.RuleViolation;
import se.styrregistret.kernel.governance.GovernanceBodyId;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * A fixture for decisions that change several bodies in one unit of work. Axon's
 * {@code AggregateTestFixture} holds the events of one aggregate only, so this one runs the real
 * {@link GovernanceBody} aggregate and {@link Reorganisations} on Axon's in-memory event store: given
 * some bodies' events, when a command, then the events it appended (or the refusal, and none).
 */
final class InMemoryRegister {

    /** An appended event: which body, at which sequence number, what. */
    record Appended(String bodyId, long sequence, Object payload) {
    }

    final InMemoryBodyLookup lookup = new InMemoryBodyLookup();
    private final InMemoryEventStorageEngine storage = new InMemoryEventStorageEngine();
    private final Map<String, Long> sequences = new HashMap<>();
    private final Configuration axon;

    InMemoryRegister() {
        axon = DefaultConfigurer.defaultConfiguration(false)
                .configureEmbeddedEventStore(c -> storage)
                .configureAggregate(GovernanceBody.class)
                .registerComponent(BodyLookup.class, c -> lookup)
                .registerCommandHandler(c -> new Reorganisations(c.repository(GovernanceBody.class)))
                .buildConfiguration();
        axon.start();
    }

    void shutdown() {
        axon.shutdown();
    }

    /** Events already in the log; each names its body by {@code bodyId()}, as every governance event does. */
    InMemoryRegister given(Object... events) {
        List<DomainEventMessage<?>> messages = new ArrayList<>();
        for (Object event : events) {
            String id = bodyIdOf(event);
            long sequence = sequences.merge(id, 0L, (previous, zero) -> previous + 1);
            messages.add(new GenericDomainEventMessage<>("GovernanceBody", id, sequence, event));
        }
        storage.appendEvents(messages);
        return this;
    }

    /** Sends the command; the events it appended, in log order. */
    List<Appended> when(Object command) {
        int before = log().size();
        axon.commandGateway().sendAndWait(command);
        List<Appended> all = log();
        return all.subList(before, all.size());
    }

    /** Sends a command that must be refused; the refusal, after checking that the log is unchanged. */
    RuleViolation refused(Object command) {
        int before = log().size();
        RuleViolation refusal = catchThrowableOfType(RuleViolation.class, () -> axon.commandGateway().sendAndWait(command));
        assertThat(refusal).as("refused").isNotNull();
        assertThat(log()).as("events after the refusal").hasSize(before);
        return refusal;
    }

    /** The payloads of {@link #when}'s events, for comparing with expected events. */
    static List<Object> payloads(List<Appended> events) {
        return events.stream().map(Appended::payload).toList();
    }

    List<Appended> log() {
        return storage.readEvents(null, false)
                .map(e -> (DomainEventMessage<?>) e)
                .map(e -> new Appended(e.getAggregateIdentifier(), e.getSequenceNumber(), e.getPayload()))
                .toList();
    }

    private static String bodyIdOf(Object event) {
        try {
            return ((GovernanceBodyId) event.getClass().getMethod("bodyId").invoke(event)).value();
        } catch (ReflectiveOperationException e) {
            throw new IllegalArgumentException("not a governance body's event: " + event, e);
        }
    }
}
