package se.styrregistret.command.config;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import se.styrregistret.command.support.CommandServiceTest;
import se.styrregistret.kernel.agreement.AgreementRecorded;
import se.styrregistret.kernel.governance.GovernanceBodyDissolved;
import se.styrregistret.kernel.schema.StoredForm;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The upcaster chain is the one the real event store reads with: a row stored in an old shape (no
 * revision, AgreementRecorded with periodFrom/periodTo), appended with plain SQL as an older release
 * left it, reads back through Axon's EventStore in the current shape, and the aggregate is sourced from it.
 */
class EventSchemaInTheStoreTest extends CommandServiceTest {

    @Autowired
    EventStore eventStore;

    /** An event row exactly as releases before event revisions wrote it: payload_revision null. */
    void storeUnrevisioned(String aggregateType, String aggregateId, Class<?> payloadType, String payload) {
        jdbc.update("""
                insert into axon.domain_event_entry (global_index, sequence_number, meta_data, payload, aggregate_identifier,
                    event_identifier, payload_revision, payload_type, time_stamp, type)
                values (nextval('axon.domain_event_entry_global_index_seq'), 0, ?, ?, ?, ?, null, ?, ?, ?)""",
                "{\"recordedBy\":\"registrar\"}".getBytes(StandardCharsets.UTF_8), payload.getBytes(StandardCharsets.UTF_8),
                aggregateId, UUID.randomUUID().toString(), payloadType.getName(), "2019-05-07T10:15:00Z", aggregateType);
    }

    @Test
    void given_an_agreement_stored_before_revisions_when_read_through_the_event_store_then_it_is_the_current_shape() {
        String id = "samverkan-" + UUID.randomUUID();
        String stored = """
                {"agreementId":"%s","kind":"COLLABORATION_AGREEMENT",\
                "title":"Samverkansöverenskommelse för brottsförebyggande och trygghetsskapande arbete 2019–2022",\
                "parties":["Linköpings kommun","Polismyndigheten, lokalpolisområde Linköping"],"periodFrom":2019,"periodTo":2022,\
                "commitments":[],"signatory":null,"note":null,"effectiveDate":"2019-05-07",\
                "decision":{"caseNumber":"KS 2019-1011","paragraph":"§ 170","decisionDate":"2019-05-07","decidedBy":"Kommunstyrelsen","datePrecision":"DAY"}}"""
                .formatted(id);
        storeUnrevisioned("Agreement", id, AgreementRecorded.class, stored);

        List<? extends DomainEventMessage<?>> events = eventStore.readEvents(id).asStream().toList();

        assertThat(events).hasSize(1);
        AgreementRecorded agreement = (AgreementRecorded) events.get(0).getPayload();
        assertThat(agreement.firstYear()).isEqualTo(2019);
        assertThat(agreement.lastYear()).isEqualTo(2022);
        assertThat(agreement.decision().caseNumber()).isEqualTo("KS 2019-1011");
        assertThat(events.get(0).getMetaData()).containsEntry("recordedBy", "registrar");
        @SuppressWarnings("unchecked")
        Map<String, String> storedAs = (Map<String, String>) events.get(0).getMetaData().get(StoredForm.METADATA_KEY);
        assertThat(storedAs).containsEntry("payloadType", AgreementRecorded.class.getName()).doesNotContainKey("payloadRevision");
    }

    @Test
    void given_an_agreement_stored_before_revisions_when_it_is_recorded_again_then_the_aggregate_sourced_from_it_refuses() {
        String id = "medborgarlofte-" + UUID.randomUUID();
        storeUnrevisioned("Agreement", id, AgreementRecorded.class, """
                {"agreementId":"%s","kind":"CITIZEN_PROMISE","title":"Medborgarlöfte",\
                "parties":["Linköpings kommun","Polismyndigheten, lokalpolisområde Linköping"],"periodFrom":null,"periodTo":null,\
                "commitments":[],"signatory":null,"note":null,"effectiveDate":"2019-05-07",\
                "decision":{"caseNumber":"KS 2019-1011","paragraph":"§ 170","decisionDate":"2019-05-07","decidedBy":"Kommunstyrelsen"}}"""
                .formatted(id));

        var response = post("/api/agreements", """
                {"id":"%s","kind":"CITIZEN_PROMISE","title":"Medborgarlöfte",
                 "parties":["Linköpings kommun","Polismyndigheten, lokalpolisområde Linköping"],"effectiveDate":"2019-05-07",
                 "decision":{"caseNumber":"KS 2019-1011","decisionDate":"2019-05-07","decidedBy":"Kommunstyrelsen"}}"""
                .formatted(id));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(409);
        assertThat(response.body()).contains("agreement-already-recorded");
    }

    @Test
    void given_a_body_event_stored_before_revisions_when_read_then_it_is_revision_1_with_its_stored_form_kept() {
        String id = "libra-" + UUID.randomUUID();
        String stored = """
                {"bodyId":"%s","reason":"Ersätts av den nya lednings- och samordningsmodellen","effectiveDate":"2020-01-20",\
                "decision":{"caseNumber":"KS 2019-1003","paragraph":null,"decisionDate":"2020-01-20","decidedBy":"Kommunstyrelsen","datePrecision":"DAY"}}"""
                .formatted(id);
        storeUnrevisioned("GovernanceBody", id, GovernanceBodyDissolved.class, stored);

        DomainEventMessage<?> event = eventStore.readEvents(id).asStream().findFirst().orElseThrow();

        assertThat(((GovernanceBodyDissolved) event.getPayload()).reason()).startsWith("Ersätts");
        assertThat(event.getMetaData()).containsKey(StoredForm.METADATA_KEY);
    }

    @Test
    void given_a_new_agreement_when_recorded_then_the_log_stores_revision_2_with_firstYear_and_lastYear() {
        String id = "programforklaring-" + UUID.randomUUID();
        var response = post("/api/agreements", """
                {"id":"%s","kind":"PROGRAMME_DECLARATION","title":"Östergötland tillsammans mot brott",
                 "parties":["Linköpings kommun","Region Östergötland"],"periodFrom":2022,"periodTo":2027,"effectiveDate":"2022-01-03",
                 "decision":{"caseNumber":"KS 2021-1087","decisionDate":"2022-01-03","decidedBy":"Kommunstyrelsen"}}"""
                .formatted(id));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);

        Map<String, Object> row = jdbc.queryForMap("""
                select payload_revision, convert_from(payload, 'UTF8') as payload from axon.domain_event_entry
                where aggregate_identifier = ?""", id);

        assertThat(row.get("payload_revision")).isEqualTo("2");
        assertThat((String) row.get("payload")).contains("\"firstYear\":2022", "\"lastYear\":2027").doesNotContain("periodFrom");
        DomainEventMessage<?> event = eventStore.readEvents(id).asStream().findFirst().orElseThrow();
        assertThat(event.getMetaData()).doesNotContainKey(StoredForm.METADATA_KEY);
    }

    @Test
    void given_a_new_body_when_established_then_the_log_stores_revision_1_and_reads_it_untouched() {
        var response = post("/api/governance-bodies", """
                {"name":"Trygghetsrådet %s","level":"ADVISORY","scope":{"kind":"MUNICIPALITY"},"effectiveDate":"2020-01-20",
                 "decision":{"caseNumber":"KS 2019-1003","decisionDate":"2020-01-20","decidedBy":"Kommunstyrelsen"}}"""
                .formatted(UUID.randomUUID()));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);

        String id = response.body().replaceAll(".*\"id\":\"([^\"]+)\".*", "$1");

        assertThat(jdbc.queryForObject("select payload_revision from axon.domain_event_entry where aggregate_identifier = ?",
                String.class, id)).isEqualTo("1");
        DomainEventMessage<?> event = eventStore.readEvents(id).asStream().findFirst().orElseThrow();
        assertThat(event.getMetaData()).doesNotContainKey(StoredForm.METADATA_KEY);
    }
}
