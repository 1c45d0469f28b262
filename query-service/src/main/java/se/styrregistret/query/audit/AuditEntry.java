package se.styrregistret.query.audit;

import se.styrregistret.kernel.common.DecisionReference;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * One event in the log as the audit trail shows it: both clocks, who recorded it, on which
 * decision, what it touched, a Swedish summary and the full payload.
 *
 * @param revision    the event's global log position
 * @param affectedIds the ids of bodies, plans, allocations, functions the event names
 * @param district    the district the event itself names, if any
 */
public record AuditEntry(long revision, Instant recordedAt, String recordedBy, String correlationId, String traceId,
                         LocalDate effectiveDate, DecisionReference decision, String eventType, String aggregateType,
                         String aggregateId, List<String> affectedIds, String district, String summary,
                         Map<String, Object> payload) {
}
