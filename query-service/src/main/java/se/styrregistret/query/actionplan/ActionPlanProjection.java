package se.styrregistret.query.actionplan;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
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
import se.styrregistret.query.district.RegisteredDistricts;
import se.styrregistret.kernel.correction.EntryCorrected;
import se.styrregistret.query.revision.AggregateVersions;
import se.styrregistret.query.revision.ProjectionBatch;
import se.styrregistret.query.revision.ProjectionRevisions;
import tools.jackson.databind.json.JsonMapper;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
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

    /** The plans' aggregate type, as the log stores it. */
    static final String AGGREGATE_TYPE = "ActionPlan";

    private static final String ACTION_PLAN_EVENTS = ActionPlanApproved.class.getPackageName();

    private final JdbcClient db;
    private final JdbcTemplate jdbc;
    private final JsonMapper json;
    private final ProjectionRevisions revisions;
    private final AggregateVersions versions;
    private final EventStore log;
    private final RegisteredDistricts districts;

    ActionPlanProjection(JdbcClient db, JdbcTemplate jdbc, JsonMapper json, ProjectionRevisions revisions,
                         AggregateVersions versions, EventStore log, RegisteredDistricts districts) {
        this.districts = districts;
        this.db = db;
        this.jdbc = jdbc;
        this.json = json;
        this.revisions = revisions;
        this.versions = versions;
        this.log = log;
    }

    @EventHandler
    void on(ActionPlanApproved event, EventMessage<?> message, TrackingToken token, @Timestamp Instant recordedAt) {
        long revision = revisionOf(token);
        versions.seen(message);
        if (replaces(message)) {
            correct(message, revision);
            return;
        }
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
    void on(ActionAdded event, EventMessage<?> message, TrackingToken token, @Timestamp Instant recordedAt) {
        long revision = revisionOf(token);
        versions.seen(message);
        if (replaces(message)) {
            correct(message, revision);
            return;
        }
        ActionVersion first = ActionVersion.first(event.planId().value(), event.action(), revision, event.effectiveDate(),
                recordedAt, "ActionAdded", event.decision());
        batch(plans -> {
            if (plans.current(first.planId(), first.actionId()).isPresent()) return; // applied already
            plans.open(first);
            revisions.advance(NAME, revision);
        });
    }

    @EventHandler
    void on(ActionRevised event, EventMessage<?> message, TrackingToken token, @Timestamp Instant recordedAt) {
        changed(event, message, token, recordedAt);
    }

    @EventHandler
    void on(ActionWithdrawn event, EventMessage<?> message, TrackingToken token, @Timestamp Instant recordedAt) {
        changed(event, message, token, recordedAt);
    }

    @EventHandler
    void on(ActionProgressReported event, EventMessage<?> message, TrackingToken token, @Timestamp Instant recordedAt) {
        changed(event, message, token, recordedAt);
    }

    @EventHandler
    void on(ActionReopened event, EventMessage<?> message, TrackingToken token, @Timestamp Instant recordedAt) {
        changed(event, message, token, recordedAt);
    }

    @EventHandler
    void on(ActionLinkedToBody event, EventMessage<?> message, TrackingToken token, @Timestamp Instant recordedAt) {
        changed(event, message, token, recordedAt);
    }

    /**
     * A correction of a plan's entry: an annulment is applied here, at its own revision; a correction
     * proper when its replacement (the next event) arrives, so the corrected rows and the retraction
     * share one revision and no answer ever shows the plan without either.
     */
    @EventHandler
    void on(EntryCorrected event, EventMessage<?> message, TrackingToken token) {
        if (!(message instanceof DomainEventMessage<?> domain) || !AGGREGATE_TYPE.equals(domain.getType())) return;
        long revision = revisionOf(token);
        versions.seen(message);
        if (event.annulled()) {
            correct(message, revision);
        } else {
            batch(plans -> revisions.advance(NAME, revision));
        }
    }

    /** An action's change (not its first version): its current version closed, the next opened. */
    private void changed(Object event, EventMessage<?> message, TrackingToken token, Instant recordedAt) {
        long revision = revisionOf(token);
        versions.seen(message);
        if (replaces(message)) {
            correct(message, revision);
            return;
        }
        Change change = Change.of(event);
        change(change.planId(), change.actionId(), revision, change.effectiveDate(), recordedAt,
                event.getClass().getSimpleName(), change.decision(), change.apply(),
                progressRow(event, revision, recordedAt));
    }

    private static boolean replaces(EventMessage<?> message) {
        return message.getMetaData().get(EntryCorrected.CORRECTS) != null;
    }

    /** The progress row of a progress report or reopening; null for other events. */
    private static ActionProgress progressRow(Object event, long revision, Instant recordedAt) {
        if (event instanceof ActionProgressReported e) {
            return new ActionProgress(e.planId().value(), e.actionId(), revision, recordedAt, "REPORTED",
                    e.previousStatus(), e.status(), e.effectiveDate(), e.note(), e.decision());
        }
        if (event instanceof ActionReopened e) {
            return new ActionProgress(e.planId().value(), e.actionId(), revision, recordedAt, "REOPENED",
                    e.previousStatus(), e.status(), e.effectiveDate(), e.reason(), e.decision());
        }
        return null;
    }

    /** What a change to an existing action says: which action, when, by what decision, and what it changes. */
    private record Change(ActionPlanId planId, String actionId, LocalDate effectiveDate, DecisionReference decision,
                          Consumer<ActionVersion> apply) {

        static Change of(Object event) {
            if (event instanceof ActionRevised e) {
                return new Change(e.planId(), e.action().actionId(), e.effectiveDate(), e.decision(), v -> v.describe(e.action()));
            }
            if (event instanceof ActionWithdrawn e) {
                return new Change(e.planId(), e.actionId(), e.effectiveDate(), e.decision(), ActionVersion::withdraw);
            }
            if (event instanceof ActionProgressReported e) {
                return new Change(e.planId(), e.actionId(), e.effectiveDate(), e.decision(),
                        v -> v.progress(e.status(), e.effectiveDate(), e.note()));
            }
            if (event instanceof ActionReopened e) {
                return new Change(e.planId(), e.actionId(), e.effectiveDate(), e.decision(),
                        v -> v.progress(e.status(), e.effectiveDate(), e.reason()));
            }
            if (event instanceof ActionLinkedToBody e) {
                return new Change(e.planId(), e.actionId(), e.effectiveDate(), e.decision(), v -> v.link(e.bodyId().value()));
            }
            throw new IllegalArgumentException("not a change to an action: " + event.getClass().getName());
        }
    }

    /** The actions an entry of the plan is about. */
    private static Set<String> actionsOf(Object event) {
        if (event instanceof ActionPlanApproved e) {
            return e.actions().stream().map(a -> a.actionId()).collect(Collectors.toSet());
        }
        if (event instanceof ActionAdded e) return Set.of(e.action().actionId());
        if (event == null) return Set.of();
        return Set.of(Change.of(event).actionId());
    }

    /** One entry of a plan's log: its event id, event and when it was recorded. */
    private record Entry(String eventId, Object event, Instant recordedAt) {
    }

    /**
     * Applies a correction (an annulment, or a replacement naming the corrected entry) at {@code revision}:
     * the plan's entries are read from the log up to this event, with the corrections among them applied
     * (a replacement takes the corrected entry's place, an annulled entry leaves), and folded again. The
     * actions the corrected entry and its replacement are about get the folded versions from this revision
     * on (the header too when the approval was corrected); their earlier rows, and the corrected entry's
     * progress row, stop counting here. Rows of other actions stay as they are.
     */
    private void correct(EventMessage<?> message, long revision) {
        DomainEventMessage<?> at = (DomainEventMessage<?>) message;
        String planId = at.getAggregateIdentifier();
        List<Entry> counting = new ArrayList<>();
        Map<String, Entry> recorded = new HashMap<>();
        Map<String, Long> correctedRevisions = new HashMap<>();
        String pendingId = null;
        int pendingIndex = -1;
        List<? extends DomainEventMessage<?>> events = log.readEvents(planId, 0).asStream()
                .takeWhile(e -> e.getSequenceNumber() <= at.getSequenceNumber()).toList();
        {
            for (DomainEventMessage<?> e : events) {
                if (!AGGREGATE_TYPE.equals(e.getType())) continue;
                if (e.getPayload() instanceof EntryCorrected c) {
                    correctedRevisions.put(c.correctedEventId(), c.correctedRevision());
                    int index = indexOf(counting, c.correctedEventId());
                    if (index >= 0) counting.remove(index);
                    if (!c.annulled()) {
                        pendingId = c.correctedEventId();
                        pendingIndex = index < 0 ? counting.size() : index;
                    }
                    continue;
                }
                Entry entry = new Entry(e.getIdentifier(), e.getPayload(), e.getTimestamp());
                recorded.put(entry.eventId(), entry);
                Object corrects = e.getMetaData().get(EntryCorrected.CORRECTS);
                if (pendingId != null && corrects != null && pendingId.equals(corrects.toString())) {
                    counting.add(Math.min(pendingIndex, counting.size()), entry);
                    pendingId = null;
                } else {
                    counting.add(entry);
                }
            }
        }
        Object replacement = at.getPayload() instanceof EntryCorrected ? null : at.getPayload();
        String correctedId = at.getPayload() instanceof EntryCorrected c ? c.correctedEventId()
                : at.getMetaData().get(EntryCorrected.CORRECTS).toString();
        Entry corrected = recorded.get(correctedId);
        if (corrected == null) throw new IllegalStateException("plan " + planId + " has no entry " + correctedId);
        long correctedRevision = correctedRevisions.getOrDefault(correctedId, -1L);

        Set<String> affected = new LinkedHashSet<>(actionsOf(corrected.event()));
        affected.addAll(actionsOf(replacement));
        Map<String, List<ActionVersion>> folded = new LinkedHashMap<>();
        ActionPlanVersion header = null;
        for (Entry entry : counting) {
            Object event = entry.event();
            if (event instanceof ActionPlanApproved a) {
                header = ActionPlanVersion.approved(a, revision, entry.recordedAt());
                for (var action : a.actions()) {
                    folded.computeIfAbsent(action.actionId(), k -> new ArrayList<>()).add(ActionVersion.first(planId, action,
                            revision, a.effectiveDate(), entry.recordedAt(), "ActionPlanApproved", a.decision()));
                }
            } else if (event instanceof ActionAdded a) {
                folded.computeIfAbsent(a.action().actionId(), k -> new ArrayList<>()).add(ActionVersion.first(planId,
                        a.action(), revision, a.effectiveDate(), entry.recordedAt(), "ActionAdded", a.decision()));
            } else {
                Change change = Change.of(event);
                List<ActionVersion> history = folded.get(change.actionId());
                if (history == null || history.isEmpty()) continue; // the command side refuses this; nothing to change
                ActionVersion current = history.get(history.size() - 1);
                ActionVersion next = current.next(revision, change.effectiveDate(), entry.recordedAt(),
                        event.getClass().getSimpleName(), change.decision());
                change.apply().accept(next);
                current.close(next);
                history.add(next);
            }
        }
        List<ActionVersion> rows = affected.stream().flatMap(id -> folded.getOrDefault(id, List.of()).stream()).toList();
        ActionPlanVersion newHeader = corrected.event() instanceof ActionPlanApproved ? header : null;
        ActionProgress progress = progressRow(replacement, revision, at.getTimestamp());
        batch(plans -> {
            if (plans.replacedAt(planId, revision)) return; // applied already
            plans.replace(planId, revision, affected, rows, newHeader, correctedRevision, progress);
            revisions.advance(NAME, revision);
        });
    }

    private static int indexOf(List<Entry> entries, String eventId) {
        for (int i = 0; i < entries.size(); i++) {
            if (entries.get(i).eventId().equals(eventId)) return i;
        }
        return -1;
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
        return db.sql("""
                        select * from projection.action_plan_version
                        where plan_id = ? and revision_to is null and retracted_at is null""")
                .param(query.planId().value()).query((rs, i) -> ActionPlanVersion.read(rs, json)).optional()
                .map(plan -> view(plan, revision,
                        versions.version(AGGREGATE_TYPE, plan.planId()).stream().boxed().findFirst().orElse(null)));
    }

    private ActionPlanView view(ActionPlanVersion plan, long revision, Long version) {
        List<ActionVersion> rows = db.sql("""
                        select * from projection.action_version where plan_id = ? and revision_to is null and retracted_at is null
                        order by action_id""")
                .param(plan.planId()).query((rs, i) -> ActionVersion.read(rs, json)).list();
        Map<String, List<ActionPlanView.ProgressEntry>> history = db.sql(
                        """
                        select * from projection.action_progress where plan_id = ? and retracted_at is null
                        order by revision""")
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

        // the priority districts registered (as the districts projection has read them), then any other an action names
        Set<String> named = new LinkedHashSet<>(this.districts.asOf(Long.MAX_VALUE).stream()
                .filter(RegisteredDistricts.Entry::priority).map(RegisteredDistricts.Entry::name).toList());
        current.forEach(a -> named.addAll(a.districts()));
        List<ActionPlanView.DistrictProgress> byDistrict = named.stream().map(d -> {
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
                areas, perspectives, entries, byDistrict, revision, version);
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
     * The payload type is named on the annotation and not taken as a parameter, so such an event is never
     * deserialised (each processor reads the whole log: deserialising what it does not use was a cost of
     * every catch-up).
     */
    @EventHandler(payloadType = Object.class)
    void unused() {
        // nothing to project
    }
}
