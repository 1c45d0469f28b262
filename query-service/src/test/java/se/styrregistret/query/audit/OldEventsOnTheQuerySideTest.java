package se.styrregistret.query.audit;

import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.eventhandling.TrackedDomainEventData;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.EventUtils;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.upcasting.event.NoOpEventUpcaster;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import se.styrregistret.kernel.agreement.AgreementRecorded;
import se.styrregistret.kernel.schema.StoredForm;
import se.styrregistret.query.support.Http;
import se.styrregistret.query.support.QueryServiceTest;
import tools.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An event stored by a release before event revisions (AgreementRecorded with periodFrom/periodTo, no
 * revision) reaches the query side through the upcasters: the agreements projection reads its years, the
 * audit log's leaf is the one of the stored row, and the audit trail shows the payload as stored and
 * nothing of the reserved metadata key.
 */
class OldEventsOnTheQuerySideTest extends QueryServiceTest {

    @Autowired
    Serializer serializer;

    @Test
    void given_an_agreement_stored_before_revisions_when_the_query_side_reads_it_then_views_leaf_and_trail_agree_with_the_store() {
        String id = "samverkan-" + UUID.randomUUID();
        String payload = LeafOfAnUpcastEventTest.AGREEMENT_AS_STORED.replace("samverkansoverenskommelse-2019-2022", id);
        byte[] metaData = "{\"recordedBy\":\"registrar\"}".getBytes(StandardCharsets.UTF_8);
        String eventId = UUID.randomUUID().toString();
        long revision = jdbc.queryForObject("""
                insert into axon.domain_event_entry (global_index, sequence_number, meta_data, payload, aggregate_identifier,
                    event_identifier, payload_revision, payload_type, time_stamp, type)
                values (nextval('axon.domain_event_entry_global_index_seq'), 0, ?, ?, ?, ?, null, ?, ?, 'Agreement')
                returning global_index""", Long.class,
                metaData, payload.getBytes(StandardCharsets.UTF_8), id, eventId, AgreementRecorded.class.getName(),
                "2019-05-07T10:15:00Z");
        awaitProjection("agreements", revision);
        awaitProjection("audit", revision);
        awaitProjection(AuditLog.NAME, revision);

        JsonNode agreement = null;
        for (JsonNode a : Http.json(Http.get(port, "/api/agreements", "reader")).path("agreements")) {
            if (a.path("id").asString().equals(id)) agreement = a;
        }
        assertThat(agreement).as("the agreement in the view").isNotNull();
        assertThat(agreement.path("periodFrom").asInt()).isEqualTo(2019);
        assertThat(agreement.path("periodTo").asInt()).isEqualTo(2022);

        // the leaf the audit log wrote is the leaf of the row as stored, read with no upcaster at all
        var row = new TrackedDomainEventData<>(new GlobalSequenceTrackingToken(revision), new GenericDomainEventEntry<>("Agreement",
                id, 0, eventId, "2019-05-07T10:15:00Z", AgreementRecorded.class.getName(), null,
                payload.getBytes(StandardCharsets.UTF_8), metaData));
        byte[] leafOfTheStoredRow = LoggedEvent.of(EventUtils.upcastAndDeserializeTrackedEvents(Stream.of(row), serializer,
                NoOpEventUpcaster.INSTANCE).findFirst().orElseThrow(), revision, serializer).leafHash();
        Map<String, Object> leaf = jdbc.queryForMap("select leaf_hash from projection.audit_log_leaf where revision = ?", revision);
        assertThat((byte[]) leaf.get("leaf_hash")).isEqualTo(leafOfTheStoredRow);

        var trail = Http.get(port, "/api/audit-trail/" + revision, "auditor");
        assertThat(trail.statusCode()).as(trail.body()).isEqualTo(200);
        assertThat(trail.body()).doesNotContain(StoredForm.METADATA_KEY);
        JsonNode entry = Http.json(trail).path("entry");
        assertThat(entry.path("recordedBy").asString()).isEqualTo("registrar");
        assertThat(entry.path("payload").path("periodFrom").asInt()).as("the payload as stored").isEqualTo(2019);
        assertThat(entry.path("decision").path("caseNumber").asString()).isEqualTo("KS 2019-1011");
    }
}
