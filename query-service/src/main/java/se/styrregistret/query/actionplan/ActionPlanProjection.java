package se.styrregistret.query.actionplan;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;
import se.styrregistret.kernel.actionplan.ActionAdded;
import se.styrregistret.kernel.actionplan.ActionLinkedToBody;
import se.styrregistret.kernel.actionplan.ActionPlanApproved;
import se.styrregistret.kernel.actionplan.ActionPlanId;
import se.styrregistret.kernel.actionplan.ActionProgressReported;
import se.styrregistret.kernel.actionplan.ActionReopened;
import se.styrregistret.kernel.actionplan.ActionRevised;
import se.styrregistret.kernel.actionplan.ActionWithdrawn;
import se.styrregistret.kernel.actionplan.DevelopmentArea;
import se.styrregistret.kernel.actionplan.FindActionPlan;
import se.styrregistret.kernel.actionplan.Perspective;
import se.styrregistret.kernel.actionplan.ProgressStatus;
import se.styrregistret.kernel.common.DecisionReference;
import se.styrregistret.kernel.district.PriorityDistricts;
import se.styrregistret.query.revision.ProjectionBatch;
import se.styrregistret.query.revision.ProjectionRevisions;
import tools.jackson.databind.json.JsonMapper;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static se.styrregistret.query.revision.ProjectionRevisions.revisionOf;

/** Builds the versioned action plans and answers with progress per development area and district. */
@Component
@ProcessingGroup(ActionPlanProjection.NAME)
class ActionPlanProjection {

    static final String NAME = "actionplans";

    private static final String ACTION_PLAN_EVENTS = ActionPlanApproved.class.getPackageName();

    private final JdbcClient db;
    private final JdbcTemplate jdbc;
    private final JsonMapper json;
    private final ProjectionRevisions revisions;

    ActionPlanProjection(JdbcClient db, JdbcTemplate jdbc, JsonMapper json, ProjectionRevisions revisions) {
        this.db = db;
        this.jdbc = jdbc;
        this.json = json;
        this.revisions = revisions;
    }

    @EventHandler
    void on(ActionPlanApproved event, TrackingToken token, @Timestamp Instant recordedAt) {
        long revision = revisionOf(token);
        String planId = event.planId().value();
        // decided completely before the batch is touched: an event that fails here leaves nothing behind
        ActionPlanVersion plan = ActionPlanVersion.approved(event, revision, recordedAt);
        List<ActionVersion> actions = event.actions().stream().map(a -> ActionVersion.first(planId, a, revision,
                event.effectiveDate(), recordedAt, "ActionPlanApproved", event.decision())).toList();
        batch(plans -> {
            // applied already: a batch whose commit answer was lost (the database went away) comes again
            if (plans.planExists(planId)) return;
            plans.approve(plan);
            actions.forEach(plans::open);
            revisions.advance(NAME, revision);
        });
    }

    @EventHandler
    void on(ActionAdded event, TrackingToken token, @Timestamp Instant recordedAt) {
        long revision = revisionOf(token);
        ActionVersion first = ActionVersion.first(event.planId().value(), event.action(), revision, event.effectiveDate(),
                recordedAt, "ActionAdded", event.decision());
        batch(plans -> {
            if (plans.current(first.planId(), first.actionId()).isPresent()) return; // applied already
            plans.open(first);
            revisions.advance(NAME, revision);
        });
    }

    @EventHandler
    void on(ActionRevised event, TrackingToken token, @Timestamp Instant recordedAt) {
        change(event.planId(), event.action().actionId(), revisionOf(token), event.effectiveDate(), recordedAt,
                "ActionRevised", event.decision(), v -> v.describe(event.action()), null);
    }

    @EventHandler
    void on(ActionWithdrawn event, TrackingToken token, @Timestamp Instant recordedAt) {
        change(event.planId(), event.actionId(), revisionOf(token), event.effectiveDate(), recordedAt,
                "ActionWithdrawn", event.decision(), ActionVersion::withdraw, null);
    }

    @EventHandler
    void on(ActionProgressReported event, TrackingToken token, @Timestamp Instant recordedAt) {
        long revision = revisionOf(token);
        change(event.planId(), event.actionId(), revision, event.effectiveDate(), recordedAt,
                "ActionProgressReported", event.decision(),
                v -> v.progress(event.status(), event.effectiveDate(), event.note()),
                new ActionProgress(event.planId().value(), event.actionId(), revision, recordedAt, "REPORTED",
                        event.previousStatus(), event.status(), event.effectiveDate(), event.note(), event.decision()));
    }

    @EventHandler
    void on(ActionReopened event, TrackingToken token, @Timestamp Instant recordedAt) {
        long revision = revisionOf(token);
        change(event.planId(), event.actionId(), revision, event.effectiveDate(), recordedAt,
                "ActionReopened", event.decision(),
                v -> v.progress(event.status(), event.effectiveDate(), event.reason()),
                new ActionProgress(event.planId().value(), event.actionId(), revision, recordedAt, "REOPENED",
                        event.previousStatus(), event.status(), event.effectiveDate(), event.reason(), event.decision()));
    }

    @EventHandler
    void on(ActionLinkedToBody event, TrackingToken token, @Timestamp Instant recordedAt) {
        change(event.planId(), event.actionId(), revisionOf(token), event.effectiveDate(), recordedAt,
                "ActionLinkedToBody", event.decision(), v -> v.link(event.bodyId().value()), null);
    }

    /**
     * Closes the action's current version and opens the next, changed by {@code change}; a progress
     * report or reopening also adds its {@code progress} row. Skipped when applied already: an
     * action's events come in order, and its version and progress row commit together.
     */
    private void change(ActionPlanId planId, String actionId, long revision, LocalDate effectiveDate, Instant recordedAt,
                        String changeType, DecisionReference decision, Consumer<ActionVersion> change,
                        ActionProgress progress) {
        batch(plans -> {
            ActionVersion current = plans.current(planId.value(), actionId).orElseThrow(() ->
                    new IllegalStateException("no current version of action " + actionId + " in plan " + planId));
            if (current.revisionFrom() >= revision) return;
            ActionVersion next = current.next(revision, effectiveDate, recordedAt, changeType, decision);
            change.accept(next);
            plans.supersede(current, next);
            if (progress != null) plans.progress(progress);
            revisions.advance(NAME, revision);
        });
    }

    /** The plans' changes are written per processor batch (see {@link ActionPlanBatch}). */
    private void batch(Consumer<ActionPlanBatch> action) {
        ProjectionBatch.apply(ActionPlanBatch.class.getName(),
                () -> new ActionPlanBatch(db, jdbc, json, plansOfTheBatch()), action);
    }

    /** The plans the batch's events are about (a plan's events are its own aggregate's): read with one query. */
    private static Set<String> plansOfTheBatch() {
        Set<String> ids = new HashSet<>();
        for (EventMessage<?> m : ProjectionBatch.messages()) {
            if (m instanceof DomainEventMessage<?> domain
                    && ACTION_PLAN_EVENTS.equals(m.getPayloadType().getPackageName())) {
                ids.add(domain.getAggregateIdentifier());
            }
        }
        return ids;
    }

    @ResetHandler
    void reset() {
        db.sql("delete from projection.action_progress").update();
        db.sql("delete from projection.action_version").update();
        db.sql("delete from projection.action_plan_version").update();
    }

    /**
     * One snapshot for the revision and the rows: read one after the other without it, a batch committed
     * in between gave the rows of revision N under the revision read before it (seen as revision 0).
     */
    @QueryHandler
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    Optional<ActionPlanView> handle(FindActionPlan query) {
        long revision = revisions.current(NAME);
        return db.sql("select * from projection.action_plan_version where plan_id = ? and revision_to is null")
                .param(query.planId().value()).query((rs, i) -> ActionPlanVersion.read(rs, json)).optional()
                .map(plan -> view(plan, revision));
    }

    private ActionPlanView view(ActionPlanVersion plan, long revision) {
        List<ActionVersion> rows = db.sql("""
                        select * from projection.action_version where plan_id = ? and revision_to is null
                        order by action_id""")
                .param(plan.planId()).query((rs, i) -> ActionVersion.read(rs, json)).list();
        Map<String, List<ActionPlanView.ProgressEntry>> history = db.sql(
                        "select * from projection.action_progress where plan_id = ? order by revision")
                .param(plan.planId()).query(ActionProgress::read).list().stream()
                .collect(Collectors.groupingBy(ActionProgress::actionId, LinkedHashMap::new,
                        Collectors.mapping(ActionProgress::toEntry, Collectors.toList())));
        List<ActionVersion> current = rows.stream().filter(a -> !a.withdrawn()).toList();

        Map<Integer, String> areaTitles = plan.developmentAreas().stream()
                .collect(Collectors.toMap(DevelopmentArea::number, a -> a.title() == null ? "" : a.title()));
        List<ActionPlanView.AreaProgress> areas = IntStream.rangeClosed(1, plan.developmentAreaCount())
                .mapToObj(n -> {
                    List<ActionVersion> inArea = current.stream().filter(a -> a.developmentArea() == n).toList();
                    int withdrawn = (int) rows.stream().filter(a -> a.withdrawn() && a.developmentArea() == n).count();
                    String title = areaTitles.get(n);
                    return new ActionPlanView.AreaProgress(n, areaTitles.containsKey(n),
                            title == null || title.isEmpty() ? null : title, inArea.size(), withdrawn, byStatus(inArea));
                }).toList();

        Map<Integer, String> perspectiveTitles = plan.perspectives().stream()
                .collect(Collectors.toMap(Perspective::number, p -> p.title() == null ? "" : p.title()));
        List<ActionPlanView.PerspectiveEntry> perspectives = IntStream.rangeClosed(1, plan.perspectiveCount())
                .mapToObj(n -> {
                    String title = perspectiveTitles.get(n);
                    return new ActionPlanView.PerspectiveEntry(n, perspectiveTitles.containsKey(n),
                            title == null || title.isEmpty() ? null : title);
                }).toList();

        Set<String> districts = new LinkedHashSet<>(PriorityDistricts.ALL);
        current.forEach(a -> districts.addAll(a.districts()));
        List<ActionPlanView.DistrictProgress> byDistrict = districts.stream().map(d -> {
            List<ActionVersion> touching = current.stream().filter(a -> a.districts().contains(d)).toList();
            return new ActionPlanView.DistrictProgress(d, touching.size(), byStatus(touching));
        }).toList();

        List<ActionPlanView.ActionEntry> entries = rows.stream().map(a -> new ActionPlanView.ActionEntry(
                a.actionId(), a.title(), a.developmentArea(), a.responsible(), a.districts(), a.status(), a.statusDate(),
                a.lastNote(), a.withdrawn(), a.linkedBodies(), a.decision(),
                history.getOrDefault(a.actionId(), List.of()))).toList();

        ActionPlanView.Count areaCount = count(plan.developmentAreaCount(), plan.developmentAreas().size());
        ActionPlanView.Count perspectiveCount = count(plan.perspectiveCount(), plan.perspectives().size());
        ActionPlanView.Count actionCount = count(plan.actionCount(), current.size());
        String summary = String.format(
                "Kända: %d av %d utvecklingsområden (%d ännu inte registrerade); %d av %d genomsyrande perspektiv "
                        + "(%d ännu inte registrerade); %d av %d åtgärder (%d ännu inte registrerade)",
                areaCount.known(), areaCount.declared(), areaCount.notYetRecorded(),
                perspectiveCount.known(), perspectiveCount.declared(), perspectiveCount.notYetRecorded(),
                actionCount.known(), actionCount.declared(), actionCount.notYetRecorded());

        return new ActionPlanView(ActionPlanId.of(plan.planId()), plan.title(), plan.period(), plan.approvedBy(),
                plan.effectiveFrom(), plan.decision(),
                new ActionPlanView.Knowledge(areaCount, perspectiveCount, actionCount, summary),
                areas, perspectives, entries, byDistrict, revision);
    }

    private static ActionPlanView.Count count(int declared, int known) {
        return new ActionPlanView.Count(declared, known, Math.max(0, declared - known));
    }

    /** Every status, in order, with its count (zero included, so a client sees the whole scale). */
    private static Map<ProgressStatus, Integer> byStatus(List<ActionVersion> actions) {
        Map<ProgressStatus, Integer> counts = new LinkedHashMap<>();
        for (ProgressStatus s : ProgressStatus.values()) counts.put(s, 0);
        actions.forEach(a -> counts.merge(a.status(), 1, Integer::sum));
        return counts;
    }

    /**
     * Events this projection does not use still move its token, so its answers report how far it has
     * read the log (see ProjectionRevisions). Without a handler for them, Axon Server would not send
     * them at all and the token would stop at the last event the projection uses.
     */
    @EventHandler
    void unused(Object event) {
        // nothing to project
    }
}
