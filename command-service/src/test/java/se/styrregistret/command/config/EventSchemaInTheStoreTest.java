package se.styrregistret.command.config;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import se.styrregistret.command.support.CommandServiceTest;
import se.styrregistret.kernel.governance.GovernanceBodyDissolved;
import se.styrregistret.kernel.schema.StoredForm;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The upcaster chain is the one the real event store reads with: a row stored in an old shape (no
 * revision), appended with plain SQL as an older release left it, reads back through Axon's EventStore
 * in the current shape.
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
