package se.styrregistret.query.audit;

import org.springframework.jdbc.core.JdbcTemplate;
import se.styrregistret.query.revision.ProjectionBatch;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The audit trail's work in one processor batch: its audit rows and chain links written with one batched insert each as the batch commits, and the
 * names its own events gave bodies (so a summary names a body established earlier in the batch).
 */
final class AuditBatch implements ProjectionBatch.State {

    static final String INSERT = """
            insert into projection.audit_event (revision, event_identifier, aggregate_type, aggregate_id,
                sequence_number, recorded_at, recorded_by, correlation_id, trace_id, effective_date,
                decision_case, decision_paragraph, decision_date, decided_by, event_type, category,
                affected_ids, district, summary, payload, corrects, decision_date_precision, provenance)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, cast(? as jsonb), ?, ?, cast(? as jsonb), ?, ?,
                cast(? as jsonb))
            on conflict (revision) do nothing""";

    private final JdbcTemplate jdbc;
    private final Map<String, String> names = new HashMap<>();
    private final Set<String> looked = new HashSet<>();
    private final List<Object[]> rows = new ArrayList<>();

    AuditBatch(JdbcTemplate jdbc, Collection<String> aggregatesOfTheBatch) {
        this.jdbc = jdbc;
        loadNames(aggregatesOfTheBatch);
    }

    /** The last names seen for these bodies (a body's events are its aggregate's): one query for the batch. */
    private void loadNames(Collection<String> bodyIds) {
        List<String> unseen = bodyIds.stream().filter(id -> id != null && looked.add(id)).toList();
        if (unseen.isEmpty()) return;
        jdbc.query(connection -> {
            PreparedStatement statement = connection.prepareStatement("""
                    select distinct on (payload ->> 'bodyId') payload ->> 'bodyId', payload ->> 'name'
                    from projection.audit_event
                    where payload ->> 'bodyId' = any(?) and payload ->> 'name' is not null
                    order by payload ->> 'bodyId', revision desc""");
            statement.setArray(1, connection.createArrayOf("varchar", unseen.toArray()));
            return statement;
        }, (ResultSet rs) -> {
            names.putIfAbsent(rs.getString(1), rs.getString(2));
        });
    }

    /** The name the audit trail last saw for a body (from its establishing or amending events); null if none. */
    String bodyName(String bodyId) {
        if (bodyId == null) return null;
        loadNames(List.of(bodyId));
        return names.get(bodyId);
    }

    /** The event's audit row (values of {@link #INSERT}). */
    void add(Object[] row, String bodyId, String bodyName) {
        rows.add(row);
        if (bodyId != null && bodyName != null) {
            names.put(bodyId, bodyName);
            looked.add(bodyId);
        }
    }

    @Override
    public void flush() {
        if (!rows.isEmpty()) jdbc.batchUpdate(INSERT, rows);
        rows.clear();
    }
}
