package se.styrregistret.query.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.TrackingToken;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import se.styrregistret.kernel.common.DecisionReference;
import se.styrregistret.kernel.common.EventSerialization;
import se.styrregistret.query.revision.ProjectionRevisions;

import java.io.IOException;
import java.sql.Timestamp;
import java.util.Map;

import static se.styrregistret.query.revision.ProjectionRevisions.revisionOf;

/**
 * The audit trail: one row per event of any kind, and the hash chain over the stored events.
 * Rows, chain links, the projection's revision and the processor's token commit together.
 */
@Component
@ProcessingGroup(AuditProjection.NAME)
class AuditProjection {

    static final String NAME = "audit";

    private static final ObjectMapper JSON = EventSerialization.objectMapper();

    private final JdbcTemplate jdbc;
    private final AuditChain chain;
    private final ProjectionRevisions revisions;

    AuditProjection(JdbcTemplate jdbc, AuditChain chain, ProjectionRevisions revisions) {
        this.jdbc = jdbc;
        this.chain = chain;
        this.revisions = revisions;
    }

    @EventHandler
    void on(Object payload, EventMessage<?> message, TrackingToken token) {
        long revision = revisionOf(token);
        StoredEvent stored = chain.stored(revision).orElseThrow(() -> new IllegalStateException(
                "revision " + revision + " is not in axon.domain_event_entry"));
        String aggregateType = null;
        String aggregateId = null;
        Long sequenceNumber = null;
        if (message instanceof DomainEventMessage<?> domain) {
            aggregateType = domain.getType();
            aggregateId = domain.getAggregateIdentifier();
            sequenceNumber = domain.getSequenceNumber();
        }
        JsonNode json = readJson(stored);
        boolean known = payload != null && payload.getClass().isRecord();
        EventFacts facts = known || json == null ? EventFacts.of(payload, aggregateId)
                : EventFacts.ofJson(json, aggregateId, stored.payloadType());
        String eventType = known ? payload.getClass().getSimpleName() : EventFacts.simpleName(stored.payloadType());
        DecisionReference d = facts.decision();
        String summary = known ? AuditSummaries.summarise(payload, facts, this::bodyName)
                : AuditSummaries.generic(eventType, facts);
        jdbc.update("""
                        insert into projection.audit_event (revision, event_identifier, aggregate_type, aggregate_id,
                            sequence_number, recorded_at, recorded_by, correlation_id, trace_id, effective_date,
                            decision_case, decision_paragraph, decision_date, decided_by, event_type, category,
                            affected_ids, district, summary, payload)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, cast(? as jsonb), ?, ?, cast(? as jsonb))
                        on conflict (revision) do nothing""",
                revision, message.getIdentifier(), aggregateType, aggregateId, sequenceNumber,
                Timestamp.from(message.getTimestamp()), meta(message, "recordedBy"), meta(message, "correlationId"),
                meta(message, "traceId"), facts.effectiveDate(),
                d == null ? null : d.caseNumber(), d == null ? null : d.paragraph(),
                d == null ? null : d.decisionDate(), d == null ? null : d.decidedBy(),
                eventType, facts.category(), json(facts.affectedIds()),
                facts.district(), summary, json != null ? json.toString() : fallbackJson(payload));
        chain.extend(stored);
        revisions.advance(NAME, revision);
    }

    @ResetHandler
    void reset() {
        jdbc.update("delete from projection.audit_event");
        chain.reset();
        revisions.reset(NAME);
    }

    /** The name the audit trail last saw for a body (from its establishing or amending events). */
    String bodyName(String bodyId) {
        if (bodyId == null) return "okänt organ";
        String name = jdbc.query("""
                        select payload ->> 'name' from projection.audit_event
                        where payload ->> 'bodyId' = ? and payload ->> 'name' is not null
                        order by revision desc limit 1""",
                rs -> rs.next() ? rs.getString(1) : null, bodyId);
        return name == null ? bodyId : name;
    }

    private static String meta(EventMessage<?> message, String key) {
        Object value = message.getMetaData().get(key);
        return value == null ? null : value.toString();
    }

    /** The payload as stored: JSON with the project's serializer; null if it is not JSON. */
    private static JsonNode readJson(StoredEvent stored) {
        try {
            JsonNode node = JSON.readTree(stored.payload());
            return node == null || node.isMissingNode() ? null : node;
        } catch (IOException e) {
            return null;
        }
    }

    private static String fallbackJson(Object payload) {
        try {
            return json(Map.of("storedPayloadNotJson", true, "deserialised", JSON.writeValueAsString(payload)));
        } catch (JsonProcessingException | RuntimeException e) {
            return "{\"storedPayloadNotJson\":true}";
        }
    }

    static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
