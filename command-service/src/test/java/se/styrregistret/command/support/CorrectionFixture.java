package se.styrregistret.command.support;

import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.config.Configuration;
import org.axonframework.config.Configurer;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.messaging.GenericMessage;
import org.axonframework.messaging.MetaData;
import se.styrregistret.command.common.RuleViolation;
import se.styrregistret.kernel.common.DecisionReference;
import se.styrregistret.kernel.correction.CorrectEntry;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Given/when/then for corrections: the aggregate's entries need known event ids, which Axon's
 * {@code AggregateTestFixture} does not keep, so this runs the real aggregate on Axon's in-memory
 * event store: given events (each gets an id to correct it by), when a correction, then the events it
 * appended with their metadata (or the refusal, and none).
 */
public final class CorrectionFixture {

    /** An event in the log: its id, payload and metadata. */
    public record Logged(String eventId, Object payload, MetaData metaData) {
    }

    private final String aggregateType;
    private final String aggregateId;
    private final InMemoryEventStorageEngine storage = new InMemoryEventStorageEngine();
    private final Configuration axon;
    private long sequence;

    public CorrectionFixture(Class<?> aggregate, String aggregateId, Consumer<Configurer> resources) {
        this.aggregateType = aggregate.getSimpleName();
        this.aggregateId = aggregateId;
        Configurer configurer = DefaultConfigurer.defaultConfiguration(false)
                .configureEmbeddedEventStore(c -> storage)
                .configureAggregate(aggregate);
        resources.accept(configurer);
        axon = configurer.buildConfiguration();
        axon.start();
    }

    public void shutdown() {
        axon.shutdown();
    }

    /** Appends the events to the aggregate's log; their event ids, in order. */
    public List<String> given(Object... events) {
        List<String> ids = new ArrayList<>();
        List<DomainEventMessage<?>> messages = new ArrayList<>();
        for (Object event : events) {
            String id = UUID.randomUUID().toString();
            ids.add(id);
            messages.add(new GenericDomainEventMessage<>(aggregateType, aggregateId, sequence++, event, MetaData.emptyInstance(),
                    id, Instant.now()));
        }
        storage.appendEvents(messages);
        return ids;
    }

    /** The correction command for the entry {@code eventId} (replacement null: annul). */
    public CorrectEntry correction(String eventId, Object replacement, String reason) {
        return new CorrectEntry(aggregateId, aggregateType, eventId, 42, replacement, reason,
                new DecisionReference("KS 2023-5", null, java.time.LocalDate.of(2023, 2, 1), "Kommunstyrelsen"));
    }

    /** Sends a command (a correction under its aggregate's name); the events it appended. */
    public List<Logged> when(Object command) {
        int before = log().size();
        axon.commandGateway().sendAndWait(asMessage(command));
        List<Logged> all = log();
        return all.subList(before, all.size());
    }

    /** Sends a command that must be refused; the refusal, after checking that the log is unchanged. */
    public RuleViolation refused(Object command) {
        int before = log().size();
        RuleViolation refusal = catchThrowableOfType(RuleViolation.class, () -> axon.commandGateway().sendAndWait(asMessage(command)));
        assertThat(refusal).as("refused").isNotNull();
        assertThat(log()).as("events after the refusal").hasSize(before);
        return refusal;
    }

    private Object asMessage(Object command) {
        return command instanceof CorrectEntry c
                ? new GenericCommandMessage<>(new GenericMessage<>(c), CorrectEntry.commandName(c.aggregateType()))
                : command;
    }

    public List<Logged> log() {
        return storage.readEvents(null, false)
                .map(e -> new Logged(e.getIdentifier(), e.getPayload(), e.getMetaData()))
                .toList();
    }
}
