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
import se.styrregistret.query.district.RegisteredDistricts;
import se.styrregistret.query.revision.AsOfResolver;
import se.styrregistret.query.revision.ProjectionRevisions;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.time.format.DateTimeFormatter;
import se.styrregistret.query.wording.EventLabels;
import se.styrregistret.query.wording.EventWording;
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
            decision_paragraph, decision_date, decided_by, decision_date_precision, event_type, aggregate_type, aggregate_id,
            affected_ids::text as affected_ids, district, summary, payload::text as payload,
            (select c.revision from projection.audit_event c where c.event_identifier = a.corrects) as corrects_revision,
            (select k.revision from projection.audit_event k where k.event_type = 'EntryCorrected'
               and k.payload ->> 'correctedEventId' = a.event_identifier order by k.revision limit 1) as corrected_in,
            (select k.payload ->> 'reason' from projection.audit_event k where k.event_type = 'EntryCorrected'
               and k.payload ->> 'correctedEventId' = a.event_identifier order by k.revision limit 1) as correction_reason,
            (select k.payload ->> 'annulled' from projection.audit_event k where k.event_type = 'EntryCorrected'
               and k.payload ->> 'correctedEventId' = a.event_identifier order by k.revision limit 1) as annulled,
            exists (select 1 from projection.audit_event o where o.aggregate_id = a.aggregate_id
               and o.revision < a.revision and o.effective_date > a.effective_date) as recorded_late""";

    private final NamedParameterJdbcTemplate jdbc;
    private final JsonMapper json;
    private final RowMapper<AuditEntry> entry;
    private final ProjectionRevisions revisions;
    private final AuditLogVerifier verifier;

    private final RegisteredDistricts districts;
    private final Provenances provenances;

    AuditQueries(JdbcTemplate jdbc, JsonMapper json, ProjectionRevisions revisions, AuditLogVerifier verifier,
                 RegisteredDistricts districts, Provenances provenances) {
        this.districts = districts;
        this.provenances = provenances;
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
        String where = where(query.filter() == null ? AuditFilter.none() : query.filter(), params);
        // up to the revision the page names: rows past it are those of a segment ahead of another (see
        // ProjectionRevisions.current), with events below them a lagging segment has still to add
        where = (where.isEmpty() ? " where " : where + " and ") + "a.revision <= :head";
        params.addValue("head", head);
        long total = jdbc.queryForObject("select count(*) from projection.audit_event a" + where, params, Long.class);
        params.addValue("limit", query.size()).addValue("offset", (long) query.page() * query.size());
        List<AuditEntry> entries = jdbc.query("select " + ROW_COLUMNS + " from projection.audit_event a" + where
                + " order by revision limit :limit offset :offset", params, entry);
        return new AuditTrailPage(head, query.page(), query.size(), total, worded(entries), verifier.parkedInTheTrail());
    }

    @QueryHandler
    AuditRecord handle(FindAuditEntry query) {
        List<AuditEntry> found = jdbc.query("select " + ROW_COLUMNS + " from projection.audit_event a where a.revision = :r",
                Map.of("r", query.revision()), entry);
        if (found.isEmpty()) return null;
        AuditEntry e = worded(found).get(0);
        Map<String, String> names = bodyNames(e.affectedIds());
        List<BodyRef> bodies = e.affectedIds().stream().filter(names::containsKey).map(id -> new BodyRef(id, names.get(id))).toList();
        return new AuditRecord(revisions.current(AuditProjection.NAME), e, document(e, bodies));
    }

    /** The entry as a page: title, summary, changes, decision and its sources, who and when, every label in Swedish. */
    private RevisionDocument document(AuditEntry e, List<BodyRef> bodies) {
        Provenances.Known known = provenances.of(List.of(e.revision())).get(e.revision());
        EventLabels.EventType type = EventLabels.of(e.eventType());
        String decision = decisionText(e.decision());
        String recordedAt = e.recordedAt() == null ? null
                : RECORDED_AT.format(e.recordedAt().atZone(AsOfResolver.MUNICIPAL_ZONE));
        List<RevisionDocument.Fact> facts = new ArrayList<>();
        facts.add(new RevisionDocument.Fact("Ändring nr", Long.toString(e.revision())));
        facts.add(new RevisionDocument.Fact("Typ av ändring", type.label()));
        facts.add(new RevisionDocument.Fact("Gäller från", e.effectiveDate() == null ? "okänt"
                : Provenances.effectiveDate(e.effectiveDate(), e.decision(), known)));
        if (e.clocks() != null && e.clocks().note() != null) {
            facts.add(new RevisionDocument.Fact("Registrering", e.clocks().note()));
        }
        facts.add(new RevisionDocument.Fact("Beslut", decision == null ? "inget beslut angivet" : decision));
        if (e.decision() != null && e.decision().caseNumber() != null) {
            facts.add(new RevisionDocument.Fact("Diarienummer", e.decision().caseNumber()));
        }
        List<String> sources = Provenances.csvCells(known);
        String[] labels = {"Beslutsstatus", "Källdokument", "Citat ur källan", "Härlett eller antaget"};
        for (int i = 0; i < labels.length; i++) {
            if (sources.get(i) != null) facts.add(new RevisionDocument.Fact(labels[i], sources.get(i)));
        }
        if (known != null && known.provenance() != null) {
            for (var d : known.provenance().discrepancies()) {
                facts.add(new RevisionDocument.Fact("Motstridiga uppgifter i källorna", d.summary()
                        + (d.resolution() == null ? "" : " – " + d.resolution())));
            }
        }
        if (e.district() != null) facts.add(new RevisionDocument.Fact("Stadsdel", e.district()));
        if (!bodies.isEmpty()) {
            facts.add(new RevisionDocument.Fact("Berörda organ", String.join(", ", bodies.stream().map(BodyRef::name).toList())));
        }
        facts.add(new RevisionDocument.Fact("Registrerad av", e.recordedBy() == null ? "okänd" : e.recordedBy()));
        facts.add(new RevisionDocument.Fact("Registrerad", recordedAt));
        return new RevisionDocument(e.revision(), "Ändring nr " + e.revision() + ": " + type.label(), type.label(),
                type.kind(), type.kindLabel(), e.summary(), e.changes(), decision, e.decision(), e.effectiveDate(),
                e.recordedBy(), e.recordedAt(), recordedAt, e.district(), bodies, facts);
    }

    private static final DateTimeFormatter RECORDED_AT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    /** A decision as a person reads it: "Kommunstyrelsen 2019-05-07 § 170 (KS 2019-1011)". */
    static String decisionText(DecisionReference d) {
        if (d == null) return null;
        StringBuilder sb = new StringBuilder();
        if (d.decidedBy() != null) sb.append(d.decidedBy());
        if (d.decisionDate() != null) sb.append(sb.isEmpty() ? "" : " ").append(d.dateAsKnown());
        if (d.paragraph() != null) sb.append(' ').append(d.paragraph());
        if (d.caseNumber() != null) sb.append(" (").append(d.caseNumber()).append(')');
        return sb.toString().strip();
    }

    /** Entries with their Swedish summary and changes, naming what they refer to by the names the trail knows. */
    List<AuditEntry> worded(List<AuditEntry> entries) {
        if (entries.isEmpty()) return entries;
        AuditNames names = AuditNames.load(jdbc)
                .withBodies(bodyNames(entries.stream().flatMap(e -> e.affectedIds().stream()).toList()));
        List<AuditEntry> out = new ArrayList<>(entries.size());
        for (AuditEntry e : entries) {
            if (!EventLabels.known(e.eventType())) {
                out.add(e);
                continue;
            }
            JsonNode payload = json.valueToTree(e.payload());
            EventWording.Worded w = EventWording.word(e.eventType(), payload, names);
            String corrected = payload.path("correctedType").isString() ? payload.path("correctedType").asString() : null;
            out.add(e.worded(EventLabels.kindOf(e.eventType(), corrected), w.summary(), w.changes()));
        }
        return out;
    }

    @QueryHandler
    AuditVerification handle(VerifyAuditLog query) {
        return verifier.verify();
    }

    @QueryHandler
    Timeline handle(FindTimeline query) {
        long head = revisions.current(AuditProjection.NAME);
        MapSqlParameterSource params = new MapSqlParameterSource();
        List<String> conditions = new ArrayList<>();
        if (query.kind() != null) {
            Set<String> codes = EventLabels.ofKind(query.kind());
            // a correction belongs to the kind of the entry it corrects
            conditions.add(codes.isEmpty() ? "false" : "(a.event_type in (:kindTypes) and a.event_type <> 'EntryCorrected' "
                    + "or a.event_type = 'EntryCorrected' and a.payload ->> 'correctedType' in (:kindTypes))");
            params.addValue("kindTypes", codes);
        }
        if (query.from() != null) {
            conditions.add("a.effective_date >= :from");
            params.addValue("from", Date.valueOf(query.from()));
        }
        if (query.to() != null) {
            conditions.add("a.effective_date <= :to");
            params.addValue("to", Date.valueOf(query.to()));
        }
        if (query.bodyId() != null) {
            conditions.add(bodyCondition(query.bodyId(), params));
        }
        if (query.district() != null) {
            // the event names the district itself (area teams, money to a recipient in it), touches a body scoped
            // to it, or is an action (or a plan's action) for it
            conditions.add("""
                    (lower(a.district) = lower(:district) or exists (
                        select 1 from projection.body_version bv
                        where lower(bv.district) = lower(:district) and a.affected_ids @> jsonb_build_array(bv.body_id))
                     or jsonb_exists(coalesce(a.payload -> 'action' -> 'districts', '[]'::jsonb), :district)
                     or exists (select 1 from jsonb_array_elements(case when jsonb_typeof(a.payload -> 'actions') = 'array'
                                then a.payload -> 'actions' else '[]'::jsonb end) x
                                where jsonb_exists(coalesce(x -> 'districts', '[]'::jsonb), :district)))""");
            params.addValue("district", districts.canonical(query.district()).orElse(query.district()));
        }
        // up to the revision the timeline names, as the audit trail's pages
        conditions.add("a.revision <= :head");
        params.addValue("head", head);
        String where = " where " + String.join(" and ", conditions);
        List<AuditEntry> rows = worded(jdbc.query("select " + ROW_COLUMNS + " from projection.audit_event a" + where
                + " order by a.effective_date nulls last, a.revision", params, entry));
        Map<String, String> names = bodyNames(rows.stream().flatMap(r -> r.affectedIds().stream()).toList());
        List<Timeline.Entry> entries = rows.stream().map(r -> new Timeline.Entry(r.revision(), r.effectiveDate(),
                r.eventType(), r.typeLabel(), r.kind(), r.decision(), decisionText(r.decision()), r.summary(), r.district(),
                r.affectedIds().stream().filter(names::containsKey).map(id -> new BodyRef(id, names.get(id))).toList(),
                r.recordedAt(), r.clocks())).toList();
        return new Timeline(head, query.from(), query.to(), query.district(), query.bodyId(), query.kind(), entries);
    }

    /**
     * For a revision diff: the entries recorded in (from, to] that came late or correct another, and the
     * entries recorded before that a correction in (from, to] corrected or annulled, in log order.
     */
    List<Timeline.Entry> lateOrCorrectedBetween(long from, long to) {
        List<AuditEntry> rows = worded(jdbc.query("select * from (select " + ROW_COLUMNS + """
                         from projection.audit_event a where a.revision > :from and a.revision <= :to
                           or a.event_identifier in (select k.payload ->> 'correctedEventId' from projection.audit_event k
                             where k.event_type = 'EntryCorrected' and k.revision > :from and k.revision <= :to)) e
                        where e.recorded_late or e.corrects_revision is not null
                           or (e.corrected_in > :from and e.corrected_in <= :to)
                        order by e.revision""", Map.of("from", from, "to", to), entry));
        Map<String, String> names = bodyNames(rows.stream().flatMap(r -> r.affectedIds().stream()).toList());
        return rows.stream().map(r -> new Timeline.Entry(r.revision(), r.effectiveDate(), r.eventType(), r.typeLabel(),
                r.kind(), r.decision(), decisionText(r.decision()), r.summary(), r.district(),
                r.affectedIds().stream().filter(names::containsKey).map(id -> new BodyRef(id, names.get(id))).toList(),
                r.recordedAt(), r.clocks())).toList();
    }

    /** A body given as an id or as (part of) its name or short name: the events that name any such body. */
    private static String bodyCondition(String body, MapSqlParameterSource params) {
        params.addValue("body", body);
        params.addValue("bodyLike", "%" + likeEscape(body) + "%");
        return """
                jsonb_exists_any(a.affected_ids, array(
                    select distinct bv.body_id from projection.body_version bv
                    where bv.body_id = :body or bv.name ilike :bodyLike or bv.short_name ilike :bodyLike
                    union select cast(:body as varchar)))""";
    }

    private static String likeEscape(String text) {
        return text.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
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

    private static String where(AuditFilter f, MapSqlParameterSource params) {
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
            conditions.add(bodyCondition(f.bodyId(), params));
        }
        if (f.caseNumber() != null) {
            conditions.add("a.decision_case = :caseNumber");
            params.addValue("caseNumber", f.caseNumber());
        }
        if (f.eventType() != null) {
            // a code or a Swedish label, whole or in part; a type no one knows still matches its exact code
            Set<String> codes = new LinkedHashSet<>(EventLabels.matching(f.eventType()));
            codes.add(f.eventType().strip());
            conditions.add("a.event_type in (:eventTypes)");
            params.addValue("eventTypes", codes);
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

    static DecisionReference.DatePrecision precision(String stored) {
        return stored == null ? null : DecisionReference.DatePrecision.valueOf(stored);
    }

    private static AuditEntry entry(ResultSet rs, JsonMapper json) throws SQLException {
        Date decisionDate = rs.getDate("decision_date");
        String decidedBy = rs.getString("decided_by");
        DecisionReference decision = decisionDate == null && decidedBy == null ? null
                : new DecisionReference(rs.getString("decision_case"), rs.getString("decision_paragraph"),
                decisionDate == null ? null : decisionDate.toLocalDate(), decidedBy, precision(rs.getString("decision_date_precision")));
        Date effective = rs.getDate("effective_date");
        return new AuditEntry(rs.getLong("revision"), rs.getTimestamp("recorded_at").toInstant(),
                rs.getString("recorded_by"), rs.getString("correlation_id"), rs.getString("trace_id"),
                effective == null ? null : effective.toLocalDate(), decision, rs.getString("event_type"),
                EventLabels.of(rs.getString("event_type")).label(), EventLabels.of(rs.getString("event_type")).kind(),
                rs.getString("aggregate_type"), rs.getString("aggregate_id"),
                json.readValue(rs.getString("affected_ids"), STRINGS), rs.getString("district"), rs.getString("summary"),
                List.of(), json.readValue(rs.getString("payload"), OBJECT), clocks(rs, effective));
    }

    private static EntryClocks clocks(ResultSet rs, Date effective) throws SQLException {
        long corrects = rs.getLong("corrects_revision");
        Long correctsRevision = rs.wasNull() ? null : corrects;
        long correctedIn = rs.getLong("corrected_in");
        Long correctedInRevision = rs.wasNull() ? null : correctedIn;
        return EntryClocks.of(rs.getBoolean("recorded_late"), rs.getTimestamp("recorded_at").toInstant(),
                effective == null ? null : effective.toLocalDate(), correctsRevision, correctedInRevision,
                rs.getString("correction_reason"), "true".equals(rs.getString("annulled")));
    }
}
