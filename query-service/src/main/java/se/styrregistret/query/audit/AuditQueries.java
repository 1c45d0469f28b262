package se.styrregistret.query.audit;

import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import se.styrregistret.kernel.audit.AuditFilter;
import se.styrregistret.kernel.audit.FindAuditEntry;
import se.styrregistret.kernel.audit.FindAuditTrail;
import se.styrregistret.kernel.audit.FindTimeline;
import se.styrregistret.kernel.audit.VerifyAuditLog;
import se.styrregistret.kernel.common.DecisionReference;
import se.styrregistret.query.revision.AsOfResolver;
import se.styrregistret.query.revision.ProjectionRevisions;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Answers audit-trail, timeline and verification questions from the audit tables. */
@Component
@Transactional(readOnly = true)
class AuditQueries {

    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
    };
    private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {
    };
    static final String ROW_COLUMNS = """
            revision, recorded_at, recorded_by, correlation_id, trace_id, effective_date, decision_case,
            decision_paragraph, decision_date, decided_by, event_type, aggregate_type, aggregate_id,
            affected_ids::text as affected_ids, district, summary, payload::text as payload""";

    private final NamedParameterJdbcTemplate jdbc;
    private final JsonMapper json;
    private final RowMapper<AuditEntry> entry;
    private final ProjectionRevisions revisions;
    private final AuditLogVerifier verifier;

    AuditQueries(JdbcTemplate jdbc, JsonMapper json, ProjectionRevisions revisions, AuditLogVerifier verifier) {
        this.jdbc = new NamedParameterJdbcTemplate(jdbc);
        this.json = json;
        this.entry = (rs, row) -> entry(rs, json);
        this.revisions = revisions;
        this.verifier = verifier;
    }

    @QueryHandler
    AuditTrailPage handle(FindAuditTrail query) {
        long head = revisions.current(AuditProjection.NAME);
        MapSqlParameterSource params = new MapSqlParameterSource();
        String where = where(query.filter() == null ? AuditFilter.none() : query.filter(), params, json);
        long total = jdbc.queryForObject("select count(*) from projection.audit_event a" + where, params, Long.class);
        params.addValue("limit", query.size()).addValue("offset", (long) query.page() * query.size());
        List<AuditEntry> entries = jdbc.query("select " + ROW_COLUMNS + " from projection.audit_event a" + where
                + " order by revision limit :limit offset :offset", params, entry);
        return new AuditTrailPage(head, query.page(), query.size(), total, entries, verifier.parkedInTheTrail());
    }

    @QueryHandler
    AuditRecord handle(FindAuditEntry query) {
        List<AuditEntry> found = jdbc.query("select " + ROW_COLUMNS + " from projection.audit_event where revision = :r",
                Map.of("r", query.revision()), entry);
        return found.isEmpty() ? null : new AuditRecord(revisions.current(AuditProjection.NAME), found.get(0));
    }

    @QueryHandler
    AuditVerification handle(VerifyAuditLog query) {
        return verifier.verify();
    }

    @QueryHandler
    Timeline handle(FindTimeline query) {
        long head = revisions.current(AuditProjection.NAME);
        MapSqlParameterSource params = new MapSqlParameterSource();
        StringBuilder where = new StringBuilder(" where a.category = 'governance'");
        if (query.from() != null) {
            where.append(" and a.effective_date >= :from");
            params.addValue("from", Date.valueOf(query.from()));
        }
        if (query.to() != null) {
            where.append(" and a.effective_date <= :to");
            params.addValue("to", Date.valueOf(query.to()));
        }
        if (query.bodyId() != null) {
            where.append(" and a.affected_ids @> cast(:body as jsonb)");
            params.addValue("body", json.writeValueAsString(List.of(query.bodyId())));
        }
        if (query.district() != null) {
            // the event names the district itself (area teams), or it touches a body scoped to it
            where.append(" ").append("""
                     and (lower(a.district) = lower(:district) or exists (
                        select 1 from projection.body_version bv
                        where lower(bv.district) = lower(:district) and a.affected_ids @> jsonb_build_array(bv.body_id)))""");
            params.addValue("district", query.district());
        }
        List<AuditEntry> rows = jdbc.query("select " + ROW_COLUMNS + " from projection.audit_event a" + where
                + " order by a.effective_date nulls last, a.revision", params, entry);
        Map<String, String> names = bodyNames(rows.stream().flatMap(r -> r.affectedIds().stream()).toList());
        List<Timeline.Entry> entries = rows.stream().map(r -> new Timeline.Entry(r.revision(), r.effectiveDate(),
                r.eventType(), r.decision(), r.summary(), r.affectedIds().stream().filter(names::containsKey)
                .map(id -> new BodyRef(id, names.get(id))).toList())).toList();
        return new Timeline(head, query.from(), query.to(), query.district(), query.bodyId(), entries);
    }

    /** The latest name of each of {@code ids} that is a body in the organisation chart. */
    Map<String, String> bodyNames(Collection<String> ids) {
        Set<String> distinct = new LinkedHashSet<>(ids);
        Map<String, String> names = new HashMap<>();
        if (distinct.isEmpty()) return names;
        jdbc.query("""
                        select distinct on (body_id) body_id, name from projection.body_version
                        where body_id in (:ids) order by body_id, revision_to is null desc, effective_from desc, revision_from desc""",
                Map.of("ids", distinct), rs -> {
                    names.put(rs.getString(1), rs.getString(2));
                });
        return names;
    }

    private static String where(AuditFilter f, MapSqlParameterSource params, JsonMapper json) {
        List<String> conditions = new ArrayList<>();
        if (f.fromRevision() != null) {
            conditions.add("a.revision >= :fromRevision");
            params.addValue("fromRevision", f.fromRevision());
        }
        if (f.toRevision() != null) {
            conditions.add("a.revision <= :toRevision");
            params.addValue("toRevision", f.toRevision());
        }
        if (f.recordedFrom() != null) {
            conditions.add("a.recorded_at >= :recordedFrom");
            params.addValue("recordedFrom", startOf(f.recordedFrom()));
        }
        if (f.recordedTo() != null) {
            conditions.add("a.recorded_at < :recordedTo");
            params.addValue("recordedTo", startOf(f.recordedTo().plusDays(1)));
        }
        if (f.effectiveFrom() != null) {
            conditions.add("a.effective_date >= :effectiveFrom");
            params.addValue("effectiveFrom", Date.valueOf(f.effectiveFrom()));
        }
        if (f.effectiveTo() != null) {
            conditions.add("a.effective_date <= :effectiveTo");
            params.addValue("effectiveTo", Date.valueOf(f.effectiveTo()));
        }
        if (f.bodyId() != null) {
            conditions.add("a.affected_ids @> cast(:bodyId as jsonb)");
            params.addValue("bodyId", json.writeValueAsString(List.of(f.bodyId())));
        }
        if (f.caseNumber() != null) {
            conditions.add("a.decision_case = :caseNumber");
            params.addValue("caseNumber", f.caseNumber());
        }
        if (f.eventType() != null) {
            conditions.add("a.event_type = :eventType");
            params.addValue("eventType", f.eventType());
        }
        if (f.recordedBy() != null) {
            conditions.add("a.recorded_by = :recordedBy");
            params.addValue("recordedBy", f.recordedBy());
        }
        return conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
    }

    /** Recorded dates are days in the municipality's calendar. */
    private static Timestamp startOf(LocalDate day) {
        return Timestamp.from(day.atStartOfDay(AsOfResolver.MUNICIPAL_ZONE).toInstant());
    }

    private static AuditEntry entry(ResultSet rs, JsonMapper json) throws SQLException {
        Date decisionDate = rs.getDate("decision_date");
        String decidedBy = rs.getString("decided_by");
        DecisionReference decision = decisionDate == null && decidedBy == null ? null
                : new DecisionReference(rs.getString("decision_case"), rs.getString("decision_paragraph"),
                decisionDate == null ? null : decisionDate.toLocalDate(), decidedBy);
        Date effective = rs.getDate("effective_date");
        return new AuditEntry(rs.getLong("revision"), rs.getTimestamp("recorded_at").toInstant(),
                rs.getString("recorded_by"), rs.getString("correlation_id"), rs.getString("trace_id"),
                effective == null ? null : effective.toLocalDate(), decision, rs.getString("event_type"),
                rs.getString("aggregate_type"), rs.getString("aggregate_id"),
                json.readValue(rs.getString("affected_ids"), STRINGS), rs.getString("district"), rs.getString("summary"),
                json.readValue(rs.getString("payload"), OBJECT));
    }
}
