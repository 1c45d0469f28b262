package se.styrregistret.command.actionplan;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import org.axonframework.messaging.annotation.MessageIdentifier;
import se.styrregistret.command.common.Corrections;
import se.styrregistret.command.common.Entries;
import se.styrregistret.command.common.RuleViolation;
import se.styrregistret.kernel.correction.CorrectEntry;
import se.styrregistret.kernel.correction.EntryCorrected;
import se.styrregistret.command.governance.BodyLookup;
import se.styrregistret.kernel.actionplan.ActionAdded;
import se.styrregistret.kernel.actionplan.ActionLinkedToBody;
import se.styrregistret.kernel.actionplan.ActionPlanApproved;
import se.styrregistret.kernel.actionplan.ActionPlanId;
import se.styrregistret.kernel.actionplan.ActionProgressReported;
import se.styrregistret.kernel.actionplan.ActionReopened;
import se.styrregistret.kernel.actionplan.ActionRevised;
import se.styrregistret.kernel.actionplan.ActionWithdrawn;
import se.styrregistret.kernel.actionplan.AddAction;
import se.styrregistret.kernel.actionplan.ApproveActionPlan;
import se.styrregistret.kernel.actionplan.DevelopmentArea;
import se.styrregistret.kernel.actionplan.LinkActionToBody;
import se.styrregistret.kernel.actionplan.Perspective;
import se.styrregistret.kernel.actionplan.PlannedAction;
import se.styrregistret.kernel.actionplan.ProgressStatus;
import se.styrregistret.kernel.actionplan.ReopenAction;
import se.styrregistret.kernel.actionplan.ReportActionProgress;
import se.styrregistret.kernel.actionplan.ReviseAction;
import se.styrregistret.kernel.actionplan.WithdrawAction;
import se.styrregistret.kernel.common.DecisionReference;
import se.styrregistret.kernel.common.Text;
import se.styrregistret.command.district.DistrictLookup;
import se.styrregistret.kernel.governance.GovernanceBodyId;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * An action plan (åtgärdsplan): its declared shape, the actions known so far, and each action's
 * progress. Holds partial knowledge: the declared counts bound what may be recorded; nothing
 * beyond what a source states is ever filled in.
 */
@Aggregate(commandTargetResolver = "versionedTargetResolver")
public class ActionPlan {

    @AggregateIdentifier
    private ActionPlanId planId;
    private int developmentAreaCount;
    private int actionCount;
    private final Map<String, ActionState> actions = new HashMap<>();
    private final Entries entries = new Entries();
    private boolean replacementNext;

    protected ActionPlan() {
        // for Axon
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(ApproveActionPlan cmd, DistrictLookup districts) {
        if (planId != null) {
            throw RuleViolation.conflict("plan-already-approved", "Åtgärdsplanen " + cmd.planId() + " är redan fastställd");
        }
        requireDecision(cmd.decision(), cmd.effectiveDate());
        if (Text.isBlank(cmd.title())) {
            throw RuleViolation.unprocessable("title-required", "En åtgärdsplan måste ha en titel");
        }
        int areas = declared(cmd.developmentAreaCount(), "developmentAreaCount");
        int perspectives = declared(cmd.perspectiveCount(), "perspectiveCount");
        int actionTotal = declared(cmd.actionCount(), "actionCount");
        if (cmd.developmentAreas().size() > areas || cmd.perspectives().size() > perspectives
                || cmd.actions().size() > actionTotal) {
            throw RuleViolation.unprocessable("known-exceeds-declared",
                    "Fler kända utvecklingsområden, perspektiv eller åtgärder än planen anger ("
                            + areas + ", " + perspectives + ", " + actionTotal + ")");
        }
        Set<Integer> areaNumbers = new HashSet<>();
        for (DevelopmentArea area : cmd.developmentAreas()) {
            if (area == null || area.number() == null || area.number() < 1 || area.number() > areas) {
                throw RuleViolation.unprocessable("development-area-out-of-range",
                        "Utvecklingsområdena numreras 1–" + areas);
            }
            if (!areaNumbers.add(area.number())) {
                throw RuleViolation.unprocessable("development-area-duplicate",
                        "Utvecklingsområde " + area.number() + " anges två gånger");
            }
        }
        Set<Integer> perspectiveNumbers = new HashSet<>();
        for (Perspective p : cmd.perspectives()) {
            if (p == null || p.number() == null || p.number() < 1 || p.number() > perspectives
                    || !perspectiveNumbers.add(p.number())) {
                throw RuleViolation.unprocessable("perspective-out-of-range",
                        "De genomsyrande perspektiven numreras 1–" + perspectives + ", vart och ett en gång");
            }
        }
        Set<String> ids = new HashSet<>();
        for (PlannedAction action : cmd.actions()) {
            checkAction(action, areas, districts);
            if (!ids.add(action.actionId())) {
                throw RuleViolation.conflict("action-id-unique",
                        "Åtgärds-id " + action.actionId() + " finns redan i planen");
            }
        }
        apply(new ActionPlanApproved(cmd.planId(), cmd.title(), cmd.period(), cmd.approvedBy(), areas, perspectives,
                actionTotal, cmd.developmentAreas(), cmd.perspectives(),
                cmd.actions().stream().map(a -> canonical(a, districts)).toList(), cmd.effectiveDate(), cmd.decision()));
    }

    @CommandHandler
    void handle(AddAction cmd, DistrictLookup districts) {
        requireDecision(cmd.decision(), cmd.effectiveDate());
        checkAction(cmd.action(), developmentAreaCount, districts);
        if (actions.containsKey(cmd.action().actionId())) {
            throw RuleViolation.conflict("action-id-unique", "Åtgärds-id " + cmd.action().actionId() + " finns redan i planen");
        }
        long current = actions.values().stream().filter(a -> !a.withdrawn).count();
        if (current >= actionCount) {
            throw RuleViolation.conflict("known-exceeds-declared",
                    "Planen har " + actionCount + " åtgärder och alla är redan registrerade");
        }
        apply(new ActionAdded(planId, canonical(cmd.action(), districts), cmd.effectiveDate(), cmd.decision()));
    }

    @CommandHandler
    void handle(ReviseAction cmd, DistrictLookup districts) {
        requireDecision(cmd.decision(), cmd.effectiveDate());
        checkAction(cmd.action(), developmentAreaCount, districts);
        current(cmd.action().actionId(), "revideras");
        apply(new ActionRevised(planId, canonical(cmd.action(), districts), cmd.effectiveDate(), cmd.decision()));
    }

    @CommandHandler
    void handle(WithdrawAction cmd) {
        requireDecision(cmd.decision(), cmd.effectiveDate());
        current(cmd.actionId(), "utgå");
        apply(new ActionWithdrawn(planId, cmd.actionId(), Text.blankToNull(cmd.reason()), cmd.effectiveDate(),
                cmd.decision()));
    }

    @CommandHandler
    void handle(ReportActionProgress cmd) {
        requireDecision(cmd.decision(), cmd.effectiveDate());
        if (cmd.status() == null) {
            throw RuleViolation.unprocessable("status-required", "En lägesrapport måste ange status");
        }
        ActionState action = current(cmd.actionId(), "rapporteras");
        if (!action.status.mayMoveTo(cmd.status())) {
            throw RuleViolation.conflict("progress-only-forward",
                    "Åtgärd " + cmd.actionId() + " är " + action.status + "; den kan inte gå till " + cmd.status()
                            + " utan ett beslut om att återuppta den");
        }
        apply(new ActionProgressReported(planId, cmd.actionId(), action.status, cmd.status(), Text.blankToNull(cmd.note()),
                cmd.effectiveDate(), cmd.decision()));
    }

    @CommandHandler
    void handle(ReopenAction cmd) {
        requireDecision(cmd.decision(), cmd.effectiveDate());
        if (cmd.status() == null) {
            throw RuleViolation.unprocessable("status-required", "Ett återupptagande måste ange status");
        }
        ActionState action = current(cmd.actionId(), "återupptas");
        if (!action.status.mayReopenTo(cmd.status())) {
            throw RuleViolation.conflict("reopen-only-backward",
                    "Åtgärd " + cmd.actionId() + " är " + action.status + "; återupptagande går bara bakåt till PLANNED eller STARTED");
        }
        apply(new ActionReopened(planId, cmd.actionId(), action.status, cmd.status(), Text.blankToNull(cmd.reason()),
                cmd.effectiveDate(), cmd.decision()));
    }

    @CommandHandler
    void handle(LinkActionToBody cmd, BodyLookup bodies) {
        requireDecision(cmd.decision(), cmd.effectiveDate());
        ActionState action = current(cmd.actionId(), "kopplas");
        if (cmd.bodyId() == null || !bodies.exists(cmd.bodyId())) {
            throw RuleViolation.unprocessable("body-unknown", "Organet " + cmd.bodyId() + " finns inte i registret");
        }
        if (action.bodies.contains(cmd.bodyId())) {
            throw RuleViolation.conflict("action-already-linked",
                    "Åtgärd " + cmd.actionId() + " är redan kopplad till organet " + cmd.bodyId());
        }
        apply(new ActionLinkedToBody(planId, cmd.actionId(), cmd.bodyId(), cmd.effectiveDate(), cmd.decision()));
    }

    // ---- corrections

    /**
     * An entry of the plan corrected or annulled: the plan's rules are checked again on its entries
     * with the entry replaced (or left out), in the order recorded, as each command checked them. The
     * approval cannot be annulled: without it the plan's other entries belong to nothing.
     */
    @CommandHandler(commandName = "se.styrregistret.kernel.correction.CorrectEntry@ActionPlan")
    void handle(CorrectEntry cmd, BodyLookup bodies, DistrictLookup districts) {
        Corrections.requireCorrectable(cmd, entries.find(cmd.correctedEventId()), entries.corrected());
        Object original = entries.find(cmd.correctedEventId()).orElseThrow();
        if (cmd.annul() && original instanceof ActionPlanApproved) {
            throw RuleViolation.unprocessable("approval-not-annullable",
                    "Fastställandet av en åtgärdsplan kan inte strykas, bara rättas").at("revision");
        }
        if (cmd.replacement() instanceof ActionLinkedToBody link
                && (link.bodyId() == null || !bodies.exists(link.bodyId()))) {
            throw RuleViolation.unprocessable("body-unknown", "Organet " + link.bodyId() + " finns inte i registret")
                    .at("changes.bodyId");
        }
        ActionPlan check = new ActionPlan();
        for (Object event : entries.eventsWith(cmd.correctedEventId(), cmd.replacement())) {
            check.verify(event, districts);
            check.fold(event);
        }
        Corrections.append(Corrections.recorded(cmd, planId.value(), original), cmd);
    }

    /** The rules the command that recorded {@code event} checked, on the plan as folded so far. */
    private void verify(Object event, DistrictLookup districts) {
        if (event instanceof ActionPlanApproved e) {
            if (planId != null) {
                throw RuleViolation.conflict("plan-already-approved", "Åtgärdsplanen " + e.planId() + " är redan fastställd");
            }
            requireDecision(e.decision(), e.effectiveDate());
            if (Text.isBlank(e.title())) {
                throw RuleViolation.unprocessable("title-required", "En åtgärdsplan måste ha en titel").at("changes.title");
            }
            if (e.developmentAreaCount() < 0 || e.perspectiveCount() < 0 || e.actionCount() < 0) {
                throw RuleViolation.unprocessable("declared-count-required", "Antalen måste vara 0 eller fler");
            }
            if (e.developmentAreas().size() > e.developmentAreaCount() || e.perspectives().size() > e.perspectiveCount()
                    || e.actions().size() > e.actionCount()) {
                throw RuleViolation.unprocessable("known-exceeds-declared",
                        "Fler kända utvecklingsområden, perspektiv eller åtgärder än planen anger ("
                                + e.developmentAreaCount() + ", " + e.perspectiveCount() + ", " + e.actionCount() + ")");
            }
            Set<Integer> areaNumbers = new HashSet<>();
            for (DevelopmentArea area : e.developmentAreas()) {
                if (area == null || area.number() == null || area.number() < 1 || area.number() > e.developmentAreaCount()
                        || !areaNumbers.add(area.number())) {
                    throw RuleViolation.unprocessable("development-area-out-of-range",
                            "Utvecklingsområdena numreras 1–" + e.developmentAreaCount() + ", vart och ett en gång");
                }
            }
            Set<Integer> perspectiveNumbers = new HashSet<>();
            for (Perspective p : e.perspectives()) {
                if (p == null || p.number() == null || p.number() < 1 || p.number() > e.perspectiveCount()
                        || !perspectiveNumbers.add(p.number())) {
                    throw RuleViolation.unprocessable("perspective-out-of-range",
                            "De genomsyrande perspektiven numreras 1–" + e.perspectiveCount() + ", vart och ett en gång");
                }
            }
            Set<String> ids = new HashSet<>();
            for (PlannedAction action : e.actions()) {
                checkAction(action, e.developmentAreaCount(), districts);
                if (!ids.add(action.actionId())) {
                    throw RuleViolation.conflict("action-id-unique", "Åtgärds-id " + action.actionId() + " finns redan i planen");
                }
            }
        } else if (event instanceof ActionAdded e) {
            requireDecision(e.decision(), e.effectiveDate());
            checkAction(e.action(), developmentAreaCount, districts);
            if (actions.containsKey(e.action().actionId())) {
                throw RuleViolation.conflict("action-id-unique", "Åtgärds-id " + e.action().actionId() + " finns redan i planen");
            }
            if (actions.values().stream().filter(a -> !a.withdrawn).count() >= actionCount) {
                throw RuleViolation.conflict("known-exceeds-declared",
                        "Planen har " + actionCount + " åtgärder och alla är redan registrerade");
            }
        } else if (event instanceof ActionRevised e) {
            requireDecision(e.decision(), e.effectiveDate());
            checkAction(e.action(), developmentAreaCount, districts);
            current(e.action().actionId(), "revideras");
        } else if (event instanceof ActionWithdrawn e) {
            requireDecision(e.decision(), e.effectiveDate());
            current(e.actionId(), "utgå");
        } else if (event instanceof ActionProgressReported e) {
            requireDecision(e.decision(), e.effectiveDate());
            if (e.status() == null) {
                throw RuleViolation.unprocessable("status-required", "En lägesrapport måste ange status").at("changes.status");
            }
            ActionState action = current(e.actionId(), "rapporteras");
            if (!action.status.mayMoveTo(e.status())) {
                throw RuleViolation.conflict("progress-only-forward", "Åtgärd " + e.actionId() + " är " + action.status
                        + "; den kan inte gå till " + e.status() + " utan ett beslut om att återuppta den");
            }
        } else if (event instanceof ActionReopened e) {
            requireDecision(e.decision(), e.effectiveDate());
            if (e.status() == null) {
                throw RuleViolation.unprocessable("status-required", "Ett återupptagande måste ange status").at("changes.status");
            }
            ActionState action = current(e.actionId(), "återupptas");
            if (!action.status.mayReopenTo(e.status())) {
                throw RuleViolation.conflict("reopen-only-backward", "Åtgärd " + e.actionId() + " är " + action.status
                        + "; återupptagande går bara bakåt till PLANNED eller STARTED");
            }
        } else if (event instanceof ActionLinkedToBody e) {
            requireDecision(e.decision(), e.effectiveDate());
            ActionState action = current(e.actionId(), "kopplas");
            if (action.bodies.contains(e.bodyId())) {
                throw RuleViolation.conflict("action-already-linked",
                        "Åtgärd " + e.actionId() + " är redan kopplad till organet " + e.bodyId());
            }
        } else {
            throw new IllegalStateException("not an action plan's entry: " + event.getClass().getName());
        }
    }

    // ---- the plan's entries; its state is folded from them (assignment only)

    @EventSourcingHandler
    void on(EntryCorrected event) {
        entries.record(event);
        replacementNext = !event.annulled();
        refold();
    }

    @EventSourcingHandler
    void on(ActionPlanApproved event, @MessageIdentifier String eventId) {
        recorded(eventId, event);
    }

    @EventSourcingHandler
    void on(ActionAdded event, @MessageIdentifier String eventId) {
        recorded(eventId, event);
    }

    @EventSourcingHandler
    void on(ActionRevised event, @MessageIdentifier String eventId) {
        recorded(eventId, event);
    }

    @EventSourcingHandler
    void on(ActionWithdrawn event, @MessageIdentifier String eventId) {
        recorded(eventId, event);
    }

    @EventSourcingHandler
    void on(ActionProgressReported event, @MessageIdentifier String eventId) {
        recorded(eventId, event);
    }

    @EventSourcingHandler
    void on(ActionReopened event, @MessageIdentifier String eventId) {
        recorded(eventId, event);
    }

    @EventSourcingHandler
    void on(ActionLinkedToBody event, @MessageIdentifier String eventId) {
        recorded(eventId, event);
    }

    private void recorded(String eventId, Object event) {
        entries.record(eventId, event);
        // a replacement takes the corrected entry's place: fold all again; any other entry comes last
        if (replacementNext) refold();
        else fold(event);
        replacementNext = false;
    }

    /** The state from the entries that count; the identity stays (a corrected approval's replacement follows). */
    private void refold() {
        developmentAreaCount = 0;
        actionCount = 0;
        actions.clear();
        entries.events().forEach(this::fold);
    }

    private void fold(Object event) {
        if (event instanceof ActionPlanApproved e) {
            planId = e.planId();
            developmentAreaCount = e.developmentAreaCount();
            actionCount = e.actionCount();
            e.actions().forEach(a -> actions.put(a.actionId(), new ActionState()));
        } else if (event instanceof ActionAdded e) {
            actions.put(e.action().actionId(), new ActionState());
        } else if (event instanceof ActionWithdrawn e) {
            actions.get(e.actionId()).withdrawn = true;
        } else if (event instanceof ActionProgressReported e) {
            actions.get(e.actionId()).status = e.status();
        } else if (event instanceof ActionReopened e) {
            actions.get(e.actionId()).status = e.status();
        } else if (event instanceof ActionLinkedToBody e) {
            actions.get(e.actionId()).bodies.add(e.bodyId());
        }
        // a revision changes nothing the rules need
    }

    private ActionState current(String actionId, String what) {
        ActionState action = actionId == null ? null : actions.get(actionId);
        if (action == null) {
            throw RuleViolation.unprocessable("action-unknown", "Planen har ingen åtgärd " + actionId);
        }
        if (action.withdrawn) {
            throw RuleViolation.conflict("action-withdrawn",
                    "Åtgärd " + actionId + " har utgått och kan inte " + what);
        }
        return action;
    }

    private static void requireDecision(DecisionReference decision, LocalDate effectiveDate) {
        if (decision == null) {
            throw RuleViolation.unprocessable("decision-required", "Varje ändring måste hänvisa till ett beslut");
        }
        if (effectiveDate == null) {
            throw RuleViolation.unprocessable("effective-date-required", "Ett beslut måste ha ett datum då det gäller från");
        }
    }

    private static int declared(Integer count, String field) {
        if (count == null || count < 0) {
            throw RuleViolation.unprocessable("declared-count-required", field + " måste anges (0 eller fler)");
        }
        return count;
    }

    private static void checkAction(PlannedAction action, int areas, DistrictLookup districts) {
        if (action == null || Text.isBlank(action.actionId()) || Text.isBlank(action.title())) {
            throw RuleViolation.unprocessable("action-id-and-title-required", "En åtgärd måste ha id och titel");
        }
        if (action.developmentArea() == null || action.developmentArea() < 1 || action.developmentArea() > areas) {
            throw RuleViolation.unprocessable("action-in-existing-development-area",
                    "Åtgärd " + action.actionId() + " hör till utvecklingsområde " + action.developmentArea()
                            + ", men planen har utvecklingsområdena 1–" + areas);
        }
        for (String district : action.districts()) {
            if (districts.canonical(district).isEmpty()) {
                throw RuleViolation.unprocessable("district-unknown",
                        "Okänd stadsdel " + district + ": registrera den först (POST /api/districts)");
            }
        }
    }

    /** Districts in their proper spelling, each once. */
    private static PlannedAction canonical(PlannedAction action, DistrictLookup districts) {
        List<String> names = action.districts().stream()
                .map(d -> districts.canonical(d).orElseThrow()).distinct().toList();
        return new PlannedAction(action.actionId(), action.title(), action.developmentArea(), action.responsible(), names);
    }

    private static final class ActionState {
        private ProgressStatus status = ProgressStatus.PLANNED;
        private boolean withdrawn;
        private final Set<GovernanceBodyId> bodies = new HashSet<>();

        // value equality: Axon's fixture compares the state a command left with the state its events rebuild
        @Override
        public boolean equals(Object o) {
            return o instanceof ActionState other && status == other.status && withdrawn == other.withdrawn
                    && bodies.equals(other.bodies);
        }

        @Override
        public int hashCode() {
            return java.util.Objects.hash(status, withdrawn, bodies);
        }
    }
}
