package se.styrregistret.query.audit;

import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import se.styrregistret.kernel.audit.FindRevisionDiff;
import se.styrregistret.kernel.governance.FieldChange;
import se.styrregistret.query.revision.ProjectionRevisions;
import se.styrregistret.query.wording.EventWording;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The organisation chart at one revision against another, from the versioned rows of
 * {@code projection.body_version} (the recorded clock only: the rows held at revision N are
 * those with {@code revision_from <= N and (revision_to is null or revision_to > N)}, of which
 * each body's latest by effective date).
 */
@Component
@Transactional(readOnly = true)
class RevisionDiffQueries {

    /** The org chart's processor: the diff reflects how far it has read. */
    static final String ORG_CHART = "orgchart";

    /** The fields compared, column → the name the API uses (as in the change history). */
    private static final Map<String, String> FIELDS = new LinkedHashMap<>();

    static {
        FIELDS.put("name", "name");
        FIELDS.put("short_name", "shortName");
        FIELDS.put("level", "level");
        FIELDS.put("scope_kind", "scopeKind");
        FIELDS.put("district", "district");
        FIELDS.put("status", "status");
        FIELDS.put("convener", "convener");
        FIELDS.put("meeting_frequency", "meetingFrequency");
        FIELDS.put("mandate", "mandate");
        FIELDS.put("supporting_resources", "supportingResources");
        FIELDS.put("reports_to", "reportsTo");
        FIELDS.put("predecessors", "predecessors");
        FIELDS.put("successors", "successors");
        FIELDS.put("area_team", "areaTeam");
        FIELDS.put("rescinded_decision", "rescindedDecision");
        FIELDS.put("note", "note");
    }

    private final JdbcTemplate jdbc;
    private final JsonMapper json;
    private final ProjectionRevisions revisions;
    private final AuditQueries audit;

    RevisionDiffQueries(JdbcTemplate jdbc, JsonMapper json, ProjectionRevisions revisions, AuditQueries audit) {
        this.audit = audit;
        this.jdbc = jdbc;
        this.json = json;
        this.revisions = revisions;
    }

    @QueryHandler
    RevisionDiff handle(FindRevisionDiff query) {
        // the lowest of the three read models the diff draws on: each has read the log that far
        long head = Math.min(revisions.current(ORG_CHART), Math.min(revisions.current("ledger"), revisions.current(AuditProjection.NAME)));
        Map<String, Map<String, String>> before = chartAt(query.from());
        Map<String, Map<String, String>> after = chartAt(query.to());
        List<BodyRef> added = new ArrayList<>();
        List<BodyRef> ended = new ArrayList<>();
        List<RevisionDiff.BodyChange> changed = new ArrayList<>();
        List<RevisionDiff.MemberChange> membersIn = new ArrayList<>();
        List<RevisionDiff.MemberChange> membersOut = new ArrayList<>();
        Set<String> ids = new LinkedHashSet<>(before.keySet());
        ids.addAll(after.keySet());
        for (String id : ids) {
            Map<String, String> a = before.get(id);
            Map<String, String> b = after.get(id);
            boolean activeBefore = a != null && "ACTIVE".equals(a.get("status"));
            boolean activeAfter = b != null && "ACTIVE".equals(b.get("status"));
            String name = b != null ? b.get("name") : a.get("name");
            if (a == null && activeAfter) {
                added.add(new BodyRef(id, name));
            } else if (activeBefore && !activeAfter) {
                ended.add(new BodyRef(id, name));
            }
            if (a != null && b != null) {
                List<FieldChange> changes = new ArrayList<>();
                FIELDS.forEach((column, field) -> {
                    if (!Objects.equals(a.get(column), b.get(column))) {
                        changes.add(new FieldChange(field, a.get(column), b.get(column)));
                    }
                });
                if (!changes.isEmpty()) changed.add(new RevisionDiff.BodyChange(id, name, changes, labelled(changes, before, after)));
            }
            Map<String, String[]> membersBefore = members(a);
            Map<String, String[]> membersAfter = members(b);
            membersAfter.forEach((key, m) -> {
                if (!membersBefore.containsKey(key)) membersIn.add(new RevisionDiff.MemberChange(id, name, m[0], m[1]));
            });
            membersBefore.forEach((key, m) -> {
                if (!membersAfter.containsKey(key)) membersOut.add(new RevisionDiff.MemberChange(id, name, m[0], m[1]));
            });
        }
        return new RevisionDiff(head, query.from(), query.to(), added, ended, changed, membersIn, membersOut,
                moneyMoved(Math.min(query.from(), query.to()), Math.max(query.from(), query.to())),
                audit.lateOrCorrectedBetween(Math.min(query.from(), query.to()), Math.max(query.from(), query.to())));
    }

    /** The changes in Swedish, naming bodies by their name at either revision. */
    private List<EventWording.Change> labelled(List<FieldChange> changes, Map<String, Map<String, String>> before,
                                               Map<String, Map<String, String>> after) {
        EventWording.Names names = id -> {
            Map<String, String> row = after.containsKey(id) ? after.get(id) : before.get(id);
            return row == null ? null : row.get("name");
        };
        return changes.stream().map(c -> new EventWording.Change(c.field(), EventWording.fieldLabel(c.field()),
                readable(c.field(), c.before(), names), readable(c.field(), c.after(), names))).toList();
    }

    /** A stored column as text: JSON lists joined, decisions and area-team details described, ids as names. */
    private String readable(String field, String value, EventWording.Names names) {
        if (value == null) return null;
        String v = value.strip();
        if (v.startsWith("[")) {
            List<String> items = new ArrayList<>();
            boolean ids = field.equals("predecessors") || field.equals("successors");
            for (JsonNode item : json.readTree(v)) {
                String text = item.isString() ? item.asString() : item.toString();
                items.add(ids ? EventWording.value("reportsTo", text, names) : text);
            }
            return items.isEmpty() ? null : String.join(ids ? ", " : "; ", items);
        }
        if (v.startsWith("{")) {
            JsonNode node = json.readTree(v);
            if (field.equals("rescindedDecision")) return EventWording.decisionText(node);
            if (field.equals("areaTeam")) {
                return node.path("district").asString("") + (node.path("hostOrganisation").isString()
                        ? ", värd: " + node.path("hostOrganisation").asString() : "");
            }
            return v;
        }
        return EventWording.value(field, v, names);
    }

    /**
     * The money that moved between the two revisions: rows recorded in (from, to] and still held at
     * {@code to}, and rows held at {@code from} that a correction retracted in (from, to], taken back
     * (negated, as CORRECTED at the correction's revision).
     */
    private List<RevisionDiff.MoneyMovement> moneyMoved(long from, long to) {
        return jdbc.query("""
                        select revision, entry_type, fiscal_year, amount_sek, source_name, recipient_name, district,
                               purpose, decision_case, entry_index
                        from projection.budget_ledger_entry
                        where revision > ? and revision <= ? and (retracted_at is null or retracted_at > ?)
                        union all
                        select retracted_at, 'CORRECTED', fiscal_year, -amount_sek, source_name, recipient_name, district,
                               purpose, decision_case, entry_index
                        from projection.budget_ledger_entry
                        where revision <= ? and retracted_at > ? and retracted_at <= ?
                        order by revision, entry_index""",
                (rs, i) -> new RevisionDiff.MoneyMovement(rs.getLong("revision"), rs.getString("entry_type"),
                        se.styrregistret.query.budget.BudgetLedger.label(rs.getString("entry_type")), rs.getInt("fiscal_year"), rs.getLong("amount_sek"), rs.getString("source_name"),
                        rs.getString("recipient_name"), rs.getString("district"), rs.getString("purpose"),
                        rs.getString("decision_case")),
                from, to, to, from, from, to);
    }

    /** The rows open at revision {@code n}, one per body, every compared column as text (jsonb in its canonical form). */
    private Map<String, Map<String, String>> chartAt(long n) {
        StringBuilder columns = new StringBuilder("body_id, members::text as members");
        FIELDS.keySet().forEach(c -> columns.append(", ").append(c).append("::text as ").append(c));
        Map<String, Map<String, String>> chart = new LinkedHashMap<>();
        // a body may have several versions held at N (one per effective period): its latest by date counts
        jdbc.query("select * from (select distinct on (body_id) " + columns + ", name as sort_name" + """
                         from projection.body_version
                        where revision_from <= ? and (revision_to is null or revision_to > ?)
                        order by body_id, effective_from desc) latest
                        order by sort_name, body_id""", rs -> {
            Map<String, String> row = new LinkedHashMap<>();
            for (String c : FIELDS.keySet()) row.put(c, rs.getString(c));
            row.put("members", rs.getString("members"));
            chart.put(rs.getString("body_id"), row);
        }, n, n);
        return chart;
    }

    /** Members by role and holder, in order: key → {role, holder}. */
    private Map<String, String[]> members(Map<String, String> row) {
        Map<String, String[]> members = new LinkedHashMap<>();
        if (row == null || row.get("members") == null) return members;
        for (JsonNode m : json.readTree(row.get("members"))) {
            String role = m.path("role").isNull() ? null : m.path("role").asString(null);
            String holder = m.path("holder").isNull() ? null : m.path("holder").asString(null);
            members.put(role + "\u0000" + holder, new String[]{role, holder});
        }
        return members;
    }
}
