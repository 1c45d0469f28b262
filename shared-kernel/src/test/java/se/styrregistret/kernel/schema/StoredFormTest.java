package se.styrregistret.kernel.schema;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.LazyDeserializingObject;
import org.axonframework.serialization.SerializedMessage;
import org.axonframework.serialization.upcasting.event.InitialEventRepresentation;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.junit.jupiter.api.Test;
import se.styrregistret.kernel.governance.GovernanceBodyDissolved;
import se.styrregistret.kernel.schema.GoldenSamples.Sample;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What the upcaster chain keeps of an event as stored, for the audit log, and what it refuses to believe. */
class StoredFormTest {

    @Test
    void given_an_event_an_upcaster_changes_when_read_then_its_metadata_keeps_the_stored_form() {
        Sample stored = GoldenSamples.sample(GovernanceBodyDissolved.class, null);

        IntermediateEventRepresentation read = GoldenSamplesTest.upcast(stored);
        StoredForm form = StoredForm.of(message(read), GoldenSamples.PRODUCTION);

        assertThat(read.getType().getRevision()).isEqualTo("1");
        assertThat(form.payloadType()).isEqualTo(GovernanceBodyDissolved.class.getName());
        assertThat(form.payloadRevision()).isNull();
        assertThat(form.payload()).isEqualTo(stored.bytes());
        assertThat(form.metaData()).isEqualTo(MetaData.with("recordedBy", "registrator"));
    }

    @Test
    void given_an_event_stored_in_the_current_shape_when_read_then_its_stored_form_is_its_serialized_form() {
        Sample stored = GoldenSamples.sample(GovernanceBodyDissolved.class, "1");

        StoredForm form = StoredForm.of(message(GoldenSamplesTest.upcast(stored)), GoldenSamples.PRODUCTION);

        assertThat(form.payloadRevision()).isEqualTo("1");
        assertThat(form.payload()).isEqualTo(stored.bytes());
        assertThat(form.metaData()).isEqualTo(MetaData.with("recordedBy", "registrator"));
    }

    @Test
    void given_stored_metadata_that_claims_a_stored_form_when_read_unchanged_then_the_claim_is_dropped() {
        String forged = "{\"recordedBy\":\"registrator\",\"" + StoredForm.METADATA_KEY + "\":{\"payloadType\":\"x\",\"payload\":\""
                + Base64.getEncoder().encodeToString("{}".getBytes(StandardCharsets.UTF_8)) + "\"}}";
        Sample sample = GoldenSamples.sample(GovernanceBodyDissolved.class, "1");
        var stored = new InitialEventRepresentation(new GenericDomainEventEntry<>("GovernanceBody", "libra", 3, "e-1",
                Instant.parse("2020-01-20T09:00:00Z"), GovernanceBodyDissolved.class.getName(), "1", sample.bytes(),
                forged.getBytes(StandardCharsets.UTF_8)), GoldenSamples.PRODUCTION);

        IntermediateEventRepresentation read = EventSchema.upcasters().upcast(Stream.of(stored)).toList().get(0);

        assertThat(read.getMetaData().getObject()).containsOnlyKeys("recordedBy");
        assertThat(StoredForm.of(message(read), GoldenSamples.PRODUCTION).payload()).isEqualTo(sample.bytes());
    }

    @Test
    void given_a_payload_type_that_is_no_event_of_the_kernel_when_read_then_no_upcaster_changes_it() {
        var stored = new InitialEventRepresentation(new GenericDomainEventEntry<>("Other", "o-1", 0, "e-2",
                Instant.parse("2020-01-20T09:00:00Z"), "com.example.SomethingElse", null,
                "{\"a\":1}".getBytes(StandardCharsets.UTF_8), "{}".getBytes(StandardCharsets.UTF_8)), GoldenSamples.PRODUCTION);

        IntermediateEventRepresentation read = EventSchema.upcasters().upcast(Stream.of(stored)).toList().get(0);

        assertThat(read.getType()).isEqualTo(stored.getType());
        assertThat(read.getMetaData().getObject()).isEmpty();
    }

    @Test
    void given_a_malformed_stored_form_in_a_message_when_its_stored_form_is_asked_for_then_it_is_refused() {
        EventMessage<?> message = new GenericEventMessage<>("x", Map.of(StoredForm.METADATA_KEY, List.of(1)));

        assertThatThrownBy(() -> StoredForm.of(message, GoldenSamples.PRODUCTION)).isInstanceOf(IllegalStateException.class);
    }

    /** An event message as the event store builds it from what the upcasters give. */
    static EventMessage<?> message(IntermediateEventRepresentation read) {
        var payload = new LazyDeserializingObject<>(read::getData, read.getType(), GoldenSamples.PRODUCTION);
        return new GenericEventMessage<>(new SerializedMessage<>(read.getMessageIdentifier(), payload, read.getMetaData()),
                read::getTimestamp);
    }
}
