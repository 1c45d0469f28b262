package se.styrregistret.query.audit;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.serialization.Serializer;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import se.styrregistret.kernel.common.DecisionReference;
import se.styrregistret.query.wording.EventLabels;
import se.styrregistret.query.wording.EventWording;
import se.styrregistret.kernel.correction.EntryCorrected;
import se.styrregistret.kernel.provenance.Provenance;
import se.styrregistret.query.revision.ProjectionBatch;
import se.styrregistret.query.revision.ProjectionRevisions;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import static se.styrregistret.query.revision.ProjectionRevisions.revisionOf;

/**
 * The audit trail: one readable row per event of any kind, from the event as Axon hands it out (never read
 * from a store's tables, so it works the same over PostgreSQL and Axon Server). An event whose row cannot be
 * stored is parked in the trail's dead-letter queue and shown as a gap; the tamper evidence is the
 * {@link AuditLog}'s, which every event enters.
 * Rows, the projection's revision and the processor's token commit together.
 */
@Component
@ProcessingGroup(AuditProjection.NAME)
class AuditProjection {

    static final String NAME = "audit";

    private final JdbcTemplate jdbc;
    private final JsonMapper json;
    private final ProjectionRevisions revisions;
    private final Serializer serializer;

    /** {@code json} reads the stored payload for its facts and writes the trail's own columns; the leaf is {@link LoggedEvent}'s. */
    AuditProjection(JdbcTemplate jdbc, JsonMapper json, ProjectionRevisions revisions, Serializer serializer) {
        this.jdbc = jdbc;
        this.json = json;
        this.revisions = revisions;
        this.serializer = serializer;
    }

    @EventHandler
    void on(Object payload, EventMessage<?> message, TrackingToken token) {
        long revision = revisionOf(token);
        LoggedEvent logged = LoggedEvent.of(message, revision, serializer);
        ProjectionBatch.apply(AuditBatch.class.getName(),
                () -> new AuditBatch(jdbc, aggregatesOfTheBatch()),
                audit -> record(audit, payload, message, logged));
    }

    private void record(AuditBatch audit, Object payload, EventMessage<?> message, LoggedEvent logged) {
        JsonNode stored = readJson(logged);
        boolean known = payload != null && payload.getClass().isRecord();
        EventFacts facts = known || stored == null ? EventFacts.of(payload, logged.aggregateId())
                : EventFacts.ofJson(stored, logged.aggregateId(), logged.payloadType());
        String eventType = known ? payload.getClass().getSimpleName() : EventFacts.simpleName(logged.payloadType());
        DecisionReference d = facts.decision();
        // worded from the stored JSON like the answers are (they word it again with every name the trail knows).
        // Only the event's own body is named here, other bodies by their id: the trail's segments apply
        // other aggregates' events in their own time, so a name read from them would depend on which
        // segment got there first, and the row on how the log was processed, not only on the log.
        Function<String, String> ownName = id -> id != null && id.equals(logged.aggregateId()) ? audit.bodyName(id) : id;
        String summary = EventLabels.known(eventType) && stored != null
                ? EventWording.word(eventType, stored, EventWording.Names.bodiesOnly(ownName)).summary()
                : known ? AuditSummaries.summarise(payload, facts, id -> {
                    String name = ownName.apply(id);
                    return name == null ? "okänt organ" : name;
                }) : AuditSummaries.generic(eventType, facts);
        Object[] row = {logged.revision(), logged.identifier(), logged.aggregateType(), logged.aggregateId(),
                logged.sequenceNumber(), Timestamp.from(logged.timestamp()), meta(message, "recordedBy"),
                meta(message, "correlationId"), meta(message, "traceId"), facts.effectiveDate(),
                d == null ? null : d.caseNumber(), d == null ? null : d.paragraph(),
                d == null ? null : d.decisionDate(), d == null ? null : d.decidedBy(),
                eventType, facts.category(), json.writeValueAsString(facts.affectedIds()),
                facts.district(), summary,
                // the serialized JSON as it is (the database parses it into jsonb); written anew only if it is not JSON
                stored != null ? new String(logged.payload(), StandardCharsets.UTF_8) : fallbackJson(payload),
                meta(message, EntryCorrected.CORRECTS), d == null ? null : d.datePrecision().name(),
                meta(message, Provenance.METADATA_KEY)};
        audit.add(row, text(stored, "bodyId"), text(stored, "name"));
        revisions.advance(NAME, logged.revision());
    }

    /** The aggregates the batch's events belong to: a body's events are its own, so these are the names summaries ask for. */
    private static Set<String> aggregatesOfTheBatch() {
        Set<String> ids = new HashSet<>();
        for (EventMessage<?> m : ProjectionBatch.messages()) {
            if (m instanceof DomainEventMessage<?> domain) ids.add(domain.getAggregateIdentifier());
        }
        return ids;
    }

    @ResetHandler
    void reset() {
        jdbc.update("delete from projection.audit_event");
        revisions.reset(NAME);
    }

    private static String text(JsonNode json, String field) {
        JsonNode value = json == null ? null : json.get(field);
        return value == null || !value.isString() ? null : value.asString();
    }

    private static String meta(EventMessage<?> message, String key) {
        Object value = message.getMetaData().get(key);
        return value == null ? null : value.toString();
    }

    /** The payload as serialized: JSON with the project's serializer; null if it is not JSON. */
    private JsonNode readJson(LoggedEvent logged) {
        try {
            JsonNode node = json.readTree(logged.payload());
            return node == null || node.isMissingNode() ? null : node;
        } catch (JacksonException e) {
            return null;
        }
    }

    private String fallbackJson(Object payload) {
        try {
            return json.writeValueAsString(Map.of("storedPayloadNotJson", true, "deserialised", json.writeValueAsString(payload)));
        } catch (RuntimeException e) {
            return "{\"storedPayloadNotJson\":true}";
        }
    }
}
