package se.styrregistret.query.actionplan;

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
 * The action plans' changes in one processor batch, as {@code OrgChartBatch} keeps the org chart's:
 * the plans known, each action's newest version as the batch left it, the versions it opened and the
 * stored versions it closed, the progress rows. The batch's plans are read with two queries when it
 * starts; everything is written with one batched statement per kind as it commits.
 */
final class ActionPlanBatch implements ProjectionBatch.State {

    private final JdbcClient db;
    private final JdbcTemplate jdbc;
    private final JsonMapper json;
    private final Set<String> looked = new HashSet<>();
    private final Set<String> plans = new HashSet<>();
    private final Map<String, ActionVersion> latest = new HashMap<>();
    private final List<ActionPlanVersion> plansOpened = new ArrayList<>();
    private final List<ActionVersion> opened = new ArrayList<>();
    private final List<ActionVersion> closedStored = new ArrayList<>();
    private final List<ActionProgress> progress = new ArrayList<>();

    /** {@code jdbc} for the batched writes only (JdbcClient has no batch API). */
    ActionPlanBatch(JdbcClient db, JdbcTemplate jdbc, JsonMapper json, Collection<String> plansOfTheBatch) {
        this.db = db;
        this.jdbc = jdbc;
        this.json = json;
        try {
            load(plansOfTheBatch);
        } catch (RuntimeException e) {
            // a stored version cannot be read: read plan by plan instead, so only that plan's events fail
            looked.clear();
            plans.clear();
            latest.clear();
        }
    }

    boolean planExists(String planId) {
        load(List.of(planId));
        return plans.contains(planId);
    }

    /** The action's open version: opened earlier in this batch, else as stored. */
    Optional<ActionVersion> current(String planId, String actionId) {
        load(List.of(planId));
        return Optional.ofNullable(latest.get(key(planId, actionId)));
    }

    void approve(ActionPlanVersion plan) {
        plans.add(plan.planId());
        plansOpened.add(plan);
    }

    /** An action's first version. */
    void open(ActionVersion first) {
        latest.put(key(first.planId(), first.actionId()), first);
        opened.add(first);
    }

    /** Closes {@code current} where {@code next} begins and opens {@code next}. */
    void supersede(ActionVersion current, ActionVersion next) {
        current.close(next);
        if (current.id() != null) closedStored.add(current); // one opened in this batch is inserted closed
        latest.put(key(next.planId(), next.actionId()), next);
        opened.add(next);
    }

    void progress(ActionProgress row) {
        progress.add(row);
    }

    /**
     * A correction at {@code revision}: the rows of {@code actionIds} held so far (and the plan's header when
     * {@code header} is given) stop counting at it, the progress row of the corrected entry (at
     * {@code correctedRevision}) too; {@code versions}, the corrected history folded again, count from it.
     * Written at once, after what the batch holds so far; the batch then reads the plan again.
     */
    void replace(String planId, long revision, Collection<String> actionIds, List<ActionVersion> versions,
                 ActionPlanVersion header, long correctedRevision, ActionProgress replacementProgress) {
        flush();
        plansOpened.clear();
        opened.clear();
        closedStored.clear();
        progress.clear();
        looked.clear();
        plans.clear();
        latest.clear();
        jdbc.update("""
                        update projection.action_version set retracted_at = ?
                        where plan_id = ? and action_id = any(?) and retracted_at is null""",
                revision, planId, actionIds.toArray(String[]::new));
        if (header != null) {
            jdbc.update("update projection.action_plan_version set retracted_at = ? where plan_id = ? and retracted_at is null",
                    revision, planId);
            jdbc.update(ActionPlanVersion.INSERT, header.insertValues(json));
        }
        jdbc.update("""
                        update projection.action_progress set retracted_at = ?
                        where plan_id = ? and revision = ? and retracted_at is null""", revision, planId, correctedRevision);
        if (!versions.isEmpty()) {
            jdbc.batchUpdate(ActionVersion.INSERT, versions.stream().map(v -> v.insertValues(json)).toList());
        }
        if (replacementProgress != null) {
            jdbc.update(ActionProgress.INSERT, replacementProgress.insertValues());
        }
    }

    /** True when a correction at {@code revision} has been written already (its batch came again). */
    boolean replacedAt(String planId, long revision) {
        return Boolean.TRUE.equals(db.sql("""
                        select exists (select 1 from projection.action_version where plan_id = :plan and revision_from = :r)
                            or exists (select 1 from projection.action_plan_version where plan_id = :plan and revision_from = :r)
                            or exists (select 1 from projection.action_progress where plan_id = :plan and retracted_at = :r)""")
                .param("plan", planId).param("r", revision).query(Boolean.class).single());
    }

    @Override
    public void flush() {
        if (!closedStored.isEmpty()) {
            jdbc.batchUpdate("update projection.action_version set revision_to = ?, effective_to = ? where id = ?",
                    closedStored.stream().map(v -> new Object[]{v.revisionTo(), v.effectiveTo(), v.id()}).toList());
        }
        if (!plansOpened.isEmpty()) {
            jdbc.batchUpdate(ActionPlanVersion.INSERT, plansOpened.stream().map(p -> p.insertValues(json)).toList());
        }
        if (!opened.isEmpty()) {
            jdbc.batchUpdate(ActionVersion.INSERT, opened.stream().map(v -> v.insertValues(json)).toList());
        }
        if (!progress.isEmpty()) {
            jdbc.batchUpdate(ActionProgress.INSERT, progress.stream().map(ActionProgress::insertValues).toList());
        }
    }

    private void load(Collection<String> planIds) {
        List<String> unseen = planIds.stream().filter(looked::add).toList();
        if (unseen.isEmpty()) return;
        String[] ids = unseen.toArray(String[]::new);
        plans.addAll(db.sql("select plan_id from projection.action_plan_version where plan_id = any(?) and revision_to is null and retracted_at is null")
                .param(ids).query(String.class).list());
        db.sql("select * from projection.action_version where plan_id = any(?) and revision_to is null and retracted_at is null").param(ids)
                .query((RowCallbackHandler) rs -> {
                    ActionVersion v = ActionVersion.read(rs, json);
                    latest.put(key(v.planId(), v.actionId()), v);
                });
    }

    private static String key(String planId, String actionId) {
        return planId + "\u0000" + actionId;
    }
}
