package se.styrregistret.query.orgchart;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import se.styrregistret.query.revision.ProjectionBatch;
import tools.jackson.databind.json.JsonMapper;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The org chart's changes in one processor batch: each body's newest version as the batch left it,
 * the versions it opened, and the stored versions it closed. Written as one batched UPDATE and one
 * batched INSERT when the batch commits; nobody sees a body with two open rows, since readers see
 * only committed batches.
 */
final class OrgChartBatch implements ProjectionBatch.State {

    private final JdbcClient db;
    private final JdbcTemplate jdbc;
    private final JsonMapper json;
    private final Map<String, BodyVersion> latest = new HashMap<>();
    private final Set<String> looked = new HashSet<>();
    private final List<BodyVersion> opened = new ArrayList<>();
    private final List<BodyVersion> closedStored = new ArrayList<>();

    /** {@code jdbc} for the batched writes only (JdbcClient has no batch API). */
    OrgChartBatch(JdbcClient db, JdbcTemplate jdbc, JsonMapper json, Collection<String> bodiesOfTheBatch) {
        this.db = db;
        this.jdbc = jdbc;
        this.json = json;
        try {
            load(bodiesOfTheBatch);
        } catch (RuntimeException e) {
            // one body's stored version cannot be read: read body by body instead, so only that body's
            // events fail (and are dead-lettered), not every event of the batch
            looked.clear();
            latest.clear();
        }
    }

    /** The body's open version: opened earlier in this batch, else as stored. */
    Optional<BodyVersion> current(String bodyId) {
        if (!looked.contains(bodyId)) load(List.of(bodyId));
        return Optional.ofNullable(latest.get(bodyId));
    }

    /** A body's first version. */
    void open(BodyVersion first) {
        latest.put(first.bodyId(), first);
        opened.add(first);
    }

    /** Closes {@code current} where {@code next} begins and opens {@code next}. */
    void supersede(BodyVersion current, BodyVersion next) {
        current.close(next);
        if (current.id() != null) closedStored.add(current); // one opened in this batch is inserted closed
        latest.put(next.bodyId(), next);
        opened.add(next);
    }

    @Override
    public void flush() {
        if (!closedStored.isEmpty()) {
            jdbc.batchUpdate("update projection.body_version set revision_to = ?, effective_to = ? where id = ?",
                    closedStored.stream().map(v -> new Object[]{v.revisionTo(), v.effectiveTo(), v.id()}).toList());
        }
        if (!opened.isEmpty()) {
            jdbc.batchUpdate(BodyVersion.INSERT, opened.stream().map(v -> v.insertValues(json)).toList());
        }
    }

    private void load(Collection<String> bodyIds) {
        List<String> unseen = bodyIds.stream().filter(looked::add).toList();
        if (unseen.isEmpty()) return;
        db.sql("select * from projection.body_version where body_id = any(?) and revision_to is null")
                .param(unseen.toArray(String[]::new))
                .query((RowCallbackHandler) rs -> {
                    BodyVersion v = BodyVersion.read(rs, json);
                    latest.put(v.bodyId(), v);
                });
    }
}
