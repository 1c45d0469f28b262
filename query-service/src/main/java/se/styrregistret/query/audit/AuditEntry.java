package se.styrregistret.query.audit;

import se.styrregistret.kernel.common.DecisionReference;
import se.styrregistret.query.wording.EventWording;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * One event in the log as the audit trail shows it: both clocks, who recorded it, on which
 * decision, what it touched, a Swedish summary and the full payload.
 *
 * @param revision    the event's global log position
 * @param eventType   the event's code (its type's simple name), for machines
 * @param typeLabel   the event type in Swedish ("Organ inrättat", "Budget fördelad")
 * @param kind        bodies, members, agreements, plans, actions or money
 * @param affectedIds the ids of bodies, plans, allocations, functions the event names
 * @param district    the district the event itself names, if any
 * @param summary     one Swedish line naming bodies, plans and items by name
 * @param changes     what the event changed, as Swedish-labelled fields with readable values
 * @param payload     the event as stored (for auditors; also at {@code /api/audit-trail/{revision}/raw})
 */
public record AuditEntry(long revision, Instant recordedAt, String recordedBy, String correlationId, String traceId,
                         LocalDate effectiveDate, DecisionReference decision, String eventType, String typeLabel,
                         String kind, String aggregateType, String aggregateId, List<String> affectedIds,
                         String district, String summary, List<EventWording.Change> changes,
                         Map<String, Object> payload, EntryClocks clocks) {

    AuditEntry worded(String kind, String summary, List<EventWording.Change> changes) {
        return new AuditEntry(revision, recordedAt, recordedBy, correlationId, traceId, effectiveDate, decision,
                eventType, typeLabel, kind, aggregateType, aggregateId, affectedIds, district, summary, changes, payload,
                clocks);
    }
}
