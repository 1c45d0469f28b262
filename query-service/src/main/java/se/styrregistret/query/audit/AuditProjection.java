package se.styrregistret.query.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
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
        EventFacts facts = EventFacts.of(payload, aggregateId);
        DecisionReference d = facts.decision();
        String summary = AuditSummaries.summarise(payload, facts, this::bodyName);
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
                message.getPayloadType().getSimpleName(), facts.category(), json(facts.affectedIds()),
                facts.district(), summary, payloadJson(stored, payload));
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
                        where affected_ids @> cast(? as jsonb) and payload ->> 'name' is not null
                          and payload ->> 'bodyId' = ?
                        order by revision desc limit 1""",
                rs -> rs.next() ? rs.getString(1) : null, json(java.util.List.of(bodyId)), bodyId);
        return name == null ? bodyId : name;
    }

    private static String meta(EventMessage<?> message, String key) {
        Object value = message.getMetaData().get(key);
        return value == null ? null : value.toString();
    }

    /** The payload exactly as stored when it is JSON (it is, with the project's serializer), else re-serialised. */
    private static String payloadJson(StoredEvent stored, Object payload) {
        try {
            return JSON.readTree(stored.payload()).toString();
        } catch (IOException e) {
            try {
                return json(Map.of("unreadable", true, "value", String.valueOf(JSON.writeValueAsString(payload))));
            } catch (JsonProcessingException inner) {
                return "{}";
            }
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
