package se.styrregistret.query.audit;

import org.axonframework.eventhandling.EventUtils;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedDomainEventData;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.axonframework.serialization.upcasting.event.NoOpEventUpcaster;
import org.junit.jupiter.api.Test;
import se.styrregistret.kernel.agreement.AgreementRecorded;
import se.styrregistret.kernel.common.EventSerialization;
import se.styrregistret.kernel.governance.GovernanceBodyDissolved;
import se.styrregistret.kernel.schema.EventSchema;
import se.styrregistret.kernel.schema.StoredForm;

import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The audit leaf commits to an event as stored: an event logged before an upcaster existed has the
 * same leaf when it is read through that upcaster later, so adding one never makes the log report
 * old events as altered.
 */
class LeafOfAnUpcastEventTest {

    static final Serializer SERIALIZER = EventSerialization.serializer();
    static final long REVISION = 17;

    /** AgreementRecorded as releases before event revisions stored it: revision null, periodFrom/periodTo. */
    static final String AGREEMENT_AS_STORED = """
            {"agreementId":"samverkansoverenskommelse-2019-2022","kind":"COLLABORATION_AGREEMENT",\
            "title":"Samverkansöverenskommelse för brottsförebyggande och trygghetsskapande arbete 2019–2022",\
            "parties":["Linköpings kommun","Polismyndigheten, lokalpolisområde Linköping"],"periodFrom":2019,"periodTo":2022,\
            "commitments":["Gemensam lägesbild två gånger per år"],"signatory":null,"note":null,"effectiveDate":"2019-05-07",\
            "decision":{"caseNumber":"KS 2019-1011","paragraph":"§ 170","decisionDate":"2019-05-07","decidedBy":"Kommunstyrelsen","datePrecision":"DAY"}}""";

    /** GovernanceBodyDissolved as stored, in the one shape it has had (revision null, then "1"). */
    static final String DISSOLVED_AS_STORED = """
            {"bodyId":"libra","reason":"Ersätts av den nya lednings- och samordningsmodellen","effectiveDate":"2020-01-20",\
            "decision":{"caseNumber":"KS 2019-1003","paragraph":null,"decisionDate":"2020-01-20","decidedBy":"Kommunstyrelsen","datePrecision":"DAY"}}""";

    static TrackedDomainEventData<byte[]> stored(String aggregateType, Class<?> payloadType, String revision, String payload) {
        return new TrackedDomainEventData<>(new GlobalSequenceTrackingToken(REVISION), new GenericDomainEventEntry<>(aggregateType,
                "aggregat-1", 0, "event-" + payloadType.getSimpleName(), "2019-05-07T10:15:00Z", payloadType.getName(), revision,
                payload.getBytes(StandardCharsets.UTF_8),
                "{\"recordedBy\":\"registrar\",\"traceId\":\"4bf92f3577b34da6\"}".getBytes(StandardCharsets.UTF_8)));
    }

    /** The event message the event store hands a processor, read with {@code upcasters}. */
    static TrackedEventMessage<?> read(TrackedDomainEventData<byte[]> entry, EventUpcaster upcasters) {
        return EventUtils.upcastAndDeserializeTrackedEvents(Stream.of(entry), SERIALIZER, upcasters).findFirst().orElseThrow();
    }

    @Test
    void given_an_agreement_logged_before_the_upcaster_existed_when_read_through_it_then_its_leaf_is_unchanged() {
        var entry = stored("Agreement", AgreementRecorded.class, null, AGREEMENT_AS_STORED);
        byte[] leafBefore = LoggedEvent.of(read(entry, NoOpEventUpcaster.INSTANCE), REVISION, SERIALIZER).leafHash();

        TrackedEventMessage<?> upcast = read(entry, EventSchema.upcasters());
        LoggedEvent logged = LoggedEvent.of(upcast, REVISION, SERIALIZER);

        assertThat(((AgreementRecorded) upcast.getPayload()).firstYear()).isEqualTo(2019);
        assertThat(upcast.getMetaData()).containsKey(StoredForm.METADATA_KEY);
        assertThat(logged.leafHash()).isEqualTo(leafBefore);
        assertThat(logged.payloadRevision()).isNull();
        assertThat(new String(logged.payload(), StandardCharsets.UTF_8)).isEqualTo(AGREEMENT_AS_STORED);
        assertThat(new String(logged.metaData(), StandardCharsets.UTF_8))
                .isEqualTo("{\"recordedBy\":\"registrar\",\"traceId\":\"4bf92f3577b34da6\"}");
    }

    @Test
    void given_any_event_logged_before_revisions_when_read_as_revision_1_then_its_leaf_is_unchanged() {
        var entry = stored("GovernanceBody", GovernanceBodyDissolved.class, null, DISSOLVED_AS_STORED);

        byte[] leafBefore = LoggedEvent.of(read(entry, NoOpEventUpcaster.INSTANCE), REVISION, SERIALIZER).leafHash();
        TrackedEventMessage<?> upcast = read(entry, EventSchema.upcasters());

        assertThat(upcast.getPayloadType()).isEqualTo(GovernanceBodyDissolved.class);
        assertThat(LoggedEvent.of(upcast, REVISION, SERIALIZER).leafHash()).isEqualTo(leafBefore);
    }

    @Test
    void given_an_event_stored_in_its_current_revision_when_read_then_its_leaf_is_the_one_of_its_stored_bytes() {
        var entry = stored("GovernanceBody", GovernanceBodyDissolved.class, "1", DISSOLVED_AS_STORED);

        LoggedEvent withoutUpcasters = LoggedEvent.of(read(entry, NoOpEventUpcaster.INSTANCE), REVISION, SERIALIZER);
        TrackedEventMessage<?> read = read(entry, EventSchema.upcasters());

        assertThat(read.getMetaData()).doesNotContainKey(StoredForm.METADATA_KEY);
        assertThat(LoggedEvent.of(read, REVISION, SERIALIZER).leafHash()).isEqualTo(withoutUpcasters.leafHash());
    }
}
