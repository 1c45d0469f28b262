package se.styrregistret.command.actionplan;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import se.styrregistret.command.common.RuleViolation;
import se.styrregistret.command.governance.InMemoryBodyLookup;
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
import se.styrregistret.kernel.actionplan.PlannedAction;
import se.styrregistret.kernel.actionplan.ProgressStatus;
import se.styrregistret.kernel.actionplan.ReopenAction;
import se.styrregistret.kernel.actionplan.ReportActionProgress;
import se.styrregistret.kernel.actionplan.ReviseAction;
import se.styrregistret.kernel.actionplan.WithdrawAction;
import se.styrregistret.kernel.common.DecisionReference;
import se.styrregistret.kernel.governance.GovernanceBodyId;

import java.time.LocalDate;
import java.util.List;

import static se.styrregistret.kernel.actionplan.ProgressStatus.CANCELLED;
import static se.styrregistret.kernel.actionplan.ProgressStatus.DONE;
import static se.styrregistret.kernel.actionplan.ProgressStatus.PLANNED;
import static se.styrregistret.kernel.actionplan.ProgressStatus.STARTED;

/** The action plan's rules, as given in the issue, each accepted and rejected. */
class ActionPlanTest {

    static final ActionPlanId PLAN = ActionPlanId.of("atgardsplan-mot-segregation");
    static final LocalDate ADOPTED = LocalDate.of(2020, 12, 2);
    static final DecisionReference KD = new DecisionReference(null, null, ADOPTED, "Kommundirektören");
    static final DecisionReference STEERING = new DecisionReference(null, null, LocalDate.of(2021, 9, 1),
            "Styrgruppen mot segregation");
    static final DevelopmentArea AREA_1 = new DevelopmentArea(1, "Ökad trygghet, gemenskap och delaktighet i samhället");
    static final PlannedAction AREA_TEAMS = new PlannedAction("1.1", "Bilda områdesteam", 1,
            List.of("Social- och omsorgsnämnden"), List.of("Berga", "Ryd", "Skäggetorp"));
    static final GovernanceBodyId TEAM_BERGA = GovernanceBodyId.of("omradesteam-berga");
    static final LocalDate LATER = LocalDate.of(2021, 9, 1);

    FixtureConfiguration<ActionPlan> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(ActionPlan.class);
        fixture.registerInjectableResource(new InMemoryBodyLookup().active(TEAM_BERGA.value()));
        fixture.registerInjectableResource(se.styrregistret.command.district.InMemoryDistrictLookup.linkoping());
    }

    static ApproveActionPlan approve(int areas, int perspectives, int actions, List<DevelopmentArea> knownAreas,
                                     List<PlannedAction> knownActions) {
        return new ApproveActionPlan(PLAN, "Åtgärdsplan mot segregation", null, "Kommundirektören", areas, perspectives,
                actions, knownAreas, List.of(), knownActions, ADOPTED, KD);
    }

    static ActionPlanApproved approved() {
        return new ActionPlanApproved(PLAN, "Åtgärdsplan mot segregation", null, "Kommundirektören", 5, 5, 60,
                List.of(AREA_1), List.of(), List.of(AREA_TEAMS), ADOPTED, KD);
    }

    static ActionProgressReported progressed(ProgressStatus from, ProgressStatus to) {
        return new ActionProgressReported(PLAN, "1.1", from, to, null, LATER, STEERING);
    }

    // --- ApproveActionPlan

    @Test
    void approves_the_plan_as_known_from_the_source() {
        fixture.givenNoPriorActivity()
                .when(approve(5, 5, 60, List.of(AREA_1), List.of(AREA_TEAMS)))
                .expectSuccessfulHandlerExecution()
                .expectEvents(approved());
    }

    @Test
    void spells_districts_properly() {
        var lowerCase = new PlannedAction("1.1", "Bilda områdesteam", 1, List.of("Social- och omsorgsnämnden"),
                List.of("berga", "RYD", "skäggetorp"));
        fixture.givenNoPriorActivity()
                .when(approve(5, 5, 60, List.of(AREA_1), List.of(lowerCase)))
                .expectEvents(approved());
    }

    @Test
    void rejects_more_known_areas_than_declared() {
        fixture.givenNoPriorActivity()
                .when(approve(1, 5, 60, List.of(AREA_1, new DevelopmentArea(2, null)), List.of()))
                .expectException(RuleViolation.class)
                .expectExceptionMessage("Fler kända utvecklingsområden, perspektiv eller åtgärder än planen anger (1, 5, 60)")
                .expectNoEvents();
    }

    @Test
    void rejects_more_known_actions_than_declared() {
        fixture.givenNoPriorActivity()
                .when(approve(5, 5, 0, List.of(AREA_1), List.of(AREA_TEAMS)))
                .expectException(RuleViolation.class)
                .expectNoEvents();
    }

    @Test
    void rejects_duplicate_action_ids_within_a_plan() {
        var other = new PlannedAction("1.1", "En annan åtgärd", 1, List.of(), List.of());
        fixture.givenNoPriorActivity()
                .when(approve(5, 5, 60, List.of(AREA_1), List.of(AREA_TEAMS, other)))
                .expectException(RuleViolation.class)
                .expectExceptionMessage("Åtgärds-id 1.1 finns redan i planen")
                .expectNoEvents();
    }

    @Test
    void rejects_an_action_in_a_development_area_the_plan_does_not_have() {
        var inAreaSix = new PlannedAction("6.1", "Åtgärd", 6, List.of(), List.of());
        fixture.givenNoPriorActivity()
                .when(approve(5, 5, 60, List.of(AREA_1), List.of(inAreaSix)))
                .expectException(RuleViolation.class)
                .expectExceptionMessage("Åtgärd 6.1 hör till utvecklingsområde 6, men planen har utvecklingsområdena 1–5")
                .expectNoEvents();
    }

    @Test
    void rejects_an_unknown_district() {
        var elsewhere = new PlannedAction("1.2", "Åtgärd", 1, List.of(), List.of("Atlantis"));
        fixture.givenNoPriorActivity()
                .when(approve(5, 5, 60, List.of(AREA_1), List.of(elsewhere)))
                .expectException(se.styrregistret.command.support.Rules.rule("district-unknown", "Atlantis"))
                .expectNoEvents();
    }

    @Test
    void accepts_any_registered_district_in_its_registered_spelling() {
        var fixture = new AggregateTestFixture<>(ActionPlan.class);
        fixture.registerInjectableResource(new InMemoryBodyLookup());
        fixture.registerInjectableResource(new se.styrregistret.command.district.InMemoryDistrictLookup().registered("Navestad"));
        var there = new PlannedAction("1.2", "Trygghetsvandring", 1, List.of(), List.of("NAVESTAD", "navestad"));
        fixture.given(approved())
                .when(new AddAction(PLAN, there, ADOPTED, KD))
                .expectEvents(new ActionAdded(PLAN, new PlannedAction("1.2", "Trygghetsvandring", 1, List.of(), List.of("Navestad")),
                        ADOPTED, KD));
        fixture.given(approved())
                .when(new AddAction(PLAN, new PlannedAction("1.3", "Åtgärd", 1, List.of(), List.of("Berga")), ADOPTED, KD))
                .expectException(se.styrregistret.command.support.Rules.rule("district-unknown", "Berga"))
                .expectNoEvents();
    }

    @Test
    void rejects_a_plan_without_a_decision() {
        fixture.givenNoPriorActivity()
                .when(new ApproveActionPlan(PLAN, "Åtgärdsplan mot segregation", null, "Kommundirektören", 5, 5, 60,
                        List.of(), List.of(), List.of(), ADOPTED, null))
                .expectException(RuleViolation.class)
                .expectExceptionMessage("Varje ändring måste hänvisa till ett beslut")
                .expectNoEvents();
    }

    @Test
    void rejects_approving_the_same_plan_twice() {
        fixture.given(approved())
                .when(approve(5, 5, 60, List.of(AREA_1), List.of(AREA_TEAMS)))
                .expectException(RuleViolation.class)
                .expectNoEvents();
    }

    // --- AddAction

    @Test
    void adds_an_action_in_an_existing_but_unnamed_development_area() {
        var action = new PlannedAction("3.1", "Åtgärd i område 3", 3, List.of(), List.of("Ryd"));
        fixture.given(approved())
                .when(new AddAction(PLAN, action, LATER, STEERING))
                .expectEvents(new ActionAdded(PLAN, action, LATER, STEERING));
    }

    @Test
    void rejects_adding_an_action_id_the_plan_already_has() {
        fixture.given(approved())
                .when(new AddAction(PLAN, new PlannedAction("1.1", "Dubblett", 1, List.of(), List.of()), LATER, STEERING))
                .expectException(RuleViolation.class)
                .expectExceptionMessage("Åtgärds-id 1.1 finns redan i planen")
                .expectNoEvents();
    }

    @Test
    void rejects_reusing_the_id_of_a_withdrawn_action() {
        fixture.given(approved(), new ActionWithdrawn(PLAN, "1.1", null, LATER, STEERING))
                .when(new AddAction(PLAN, new PlannedAction("1.1", "Ny", 1, List.of(), List.of()), LATER, STEERING))
                .expectException(RuleViolation.class)
                .expectNoEvents();
    }

    @Test
    void rejects_adding_an_action_outside_the_declared_areas() {
        fixture.given(approved())
                .when(new AddAction(PLAN, new PlannedAction("9.1", "Åtgärd", 9, List.of(), List.of()), LATER, STEERING))
                .expectException(RuleViolation.class)
                .expectNoEvents();
    }

    @Test
    void rejects_adding_more_actions_than_the_plan_declares() {
        fixture.given(new ActionPlanApproved(PLAN, "Plan", null, "Kommundirektören", 5, 5, 1, List.of(AREA_1),
                        List.of(), List.of(AREA_TEAMS), ADOPTED, KD))
                .when(new AddAction(PLAN, new PlannedAction("1.2", "Åtgärd", 1, List.of(), List.of()), LATER, STEERING))
                .expectException(RuleViolation.class)
                .expectNoEvents();
    }

    // --- ReviseAction

    @Test
    void revises_an_action() {
        var revised = new PlannedAction("1.1", "Bilda områdesteam i Berga, Ryd och Skäggetorp", 1,
                List.of("Social- och omsorgsnämnden", "Leanlink"), List.of("Berga", "Ryd", "Skäggetorp"));
        fixture.given(approved())
                .when(new ReviseAction(PLAN, revised, LATER, STEERING))
                .expectEvents(new ActionRevised(PLAN, revised, LATER, STEERING));
    }

    @Test
    void rejects_revising_an_unknown_action() {
        fixture.given(approved())
                .when(new ReviseAction(PLAN, new PlannedAction("2.7", "Okänd", 2, List.of(), List.of()), LATER, STEERING))
                .expectException(RuleViolation.class)
                .expectExceptionMessage("Planen har ingen åtgärd 2.7")
                .expectNoEvents();
    }

    @Test
    void rejects_revising_an_action_into_an_area_the_plan_does_not_have() {
        fixture.given(approved())
                .when(new ReviseAction(PLAN, new PlannedAction("1.1", "Bilda områdesteam", 7, List.of(), List.of()),
                        LATER, STEERING))
                .expectException(RuleViolation.class)
                .expectNoEvents();
    }

    // --- WithdrawAction

    @Test
    void withdraws_an_action() {
        fixture.given(approved())
                .when(new WithdrawAction(PLAN, "1.1", "Ersatt", LATER, STEERING))
                .expectEvents(new ActionWithdrawn(PLAN, "1.1", "Ersatt", LATER, STEERING));
    }

    @Test
    void rejects_withdrawing_twice() {
        fixture.given(approved(), new ActionWithdrawn(PLAN, "1.1", null, LATER, STEERING))
                .when(new WithdrawAction(PLAN, "1.1", null, LATER, STEERING))
                .expectException(RuleViolation.class)
                .expectNoEvents();
    }

    // --- ReportActionProgress

    @Test
    void reports_progress_forward() {
        fixture.given(approved())
                .when(new ReportActionProgress(PLAN, "1.1", STARTED, "Teamledare rekryterade", LATER, STEERING))
                .expectEvents(new ActionProgressReported(PLAN, "1.1", PLANNED, STARTED, "Teamledare rekryterade", LATER, STEERING));
    }

    @Test
    void accepts_a_further_report_at_the_same_status() {
        fixture.given(approved(), progressed(PLANNED, STARTED))
                .when(new ReportActionProgress(PLAN, "1.1", STARTED, "Trygghetsvärdar på plats", LATER, STEERING))
                .expectEvents(new ActionProgressReported(PLAN, "1.1", STARTED, STARTED, "Trygghetsvärdar på plats", LATER, STEERING));
    }

    @Test
    void rejects_progress_backward() {
        fixture.given(approved(), progressed(PLANNED, STARTED))
                .when(new ReportActionProgress(PLAN, "1.1", PLANNED, null, LATER, STEERING))
                .expectException(RuleViolation.class)
                .expectExceptionMessage("Åtgärd 1.1 är STARTED; den kan inte gå till PLANNED utan ett beslut om att återuppta den")
                .expectNoEvents();
    }

    @Test
    void rejects_moving_a_done_action_to_cancelled() {
        fixture.given(approved(), progressed(PLANNED, DONE))
                .when(new ReportActionProgress(PLAN, "1.1", CANCELLED, null, LATER, STEERING))
                .expectException(RuleViolation.class)
                .expectNoEvents();
    }

    @Test
    void a_withdrawn_action_takes_no_progress() {
        fixture.given(approved(), new ActionWithdrawn(PLAN, "1.1", null, LATER, STEERING))
                .when(new ReportActionProgress(PLAN, "1.1", STARTED, null, LATER, STEERING))
                .expectException(RuleViolation.class)
                .expectExceptionMessage("Åtgärd 1.1 har utgått och kan inte rapporteras")
                .expectNoEvents();
    }

    @Test
    void rejects_progress_without_a_decision() {
        fixture.given(approved())
                .when(new ReportActionProgress(PLAN, "1.1", STARTED, null, LATER, null))
                .expectException(RuleViolation.class)
                .expectNoEvents();
    }

    // --- ReopenAction

    @Test
    void a_decision_reopens_a_done_action() {
        fixture.given(approved(), progressed(PLANNED, DONE))
                .when(new ReopenAction(PLAN, "1.1", STARTED, "Teamen utökas", LATER, STEERING))
                .expectEvents(new ActionReopened(PLAN, "1.1", DONE, STARTED, "Teamen utökas", LATER, STEERING));
    }

    @Test
    void after_reopening_progress_may_go_forward_again() {
        fixture.given(approved(), progressed(PLANNED, DONE),
                        new ActionReopened(PLAN, "1.1", DONE, PLANNED, null, LATER, STEERING))
                .when(new ReportActionProgress(PLAN, "1.1", STARTED, null, LATER, STEERING))
                .expectEvents(progressed(PLANNED, STARTED));
    }

    @Test
    void rejects_reopening_forward() {
        fixture.given(approved(), progressed(PLANNED, STARTED))
                .when(new ReopenAction(PLAN, "1.1", DONE, null, LATER, STEERING))
                .expectException(RuleViolation.class)
                .expectNoEvents();
    }

    @Test
    void rejects_reopening_without_a_decision() {
        fixture.given(approved(), progressed(PLANNED, DONE))
                .when(new ReopenAction(PLAN, "1.1", STARTED, null, LATER, null))
                .expectException(RuleViolation.class)
                .expectExceptionMessage("Varje ändring måste hänvisa till ett beslut")
                .expectNoEvents();
    }

    @Test
    void rejects_reopening_a_withdrawn_action() {
        fixture.given(approved(), progressed(PLANNED, DONE), new ActionWithdrawn(PLAN, "1.1", null, LATER, STEERING))
                .when(new ReopenAction(PLAN, "1.1", STARTED, null, LATER, STEERING))
                .expectException(RuleViolation.class)
                .expectNoEvents();
    }

    // --- LinkActionToBody

    @Test
    void links_an_action_to_an_existing_body() {
        fixture.given(approved())
                .when(new LinkActionToBody(PLAN, "1.1", TEAM_BERGA, LATER, STEERING))
                .expectEvents(new ActionLinkedToBody(PLAN, "1.1", TEAM_BERGA, LATER, STEERING));
    }

    @Test
    void rejects_linking_to_a_body_that_does_not_exist() {
        fixture.given(approved())
                .when(new LinkActionToBody(PLAN, "1.1", GovernanceBodyId.of("no-such-body"), LATER, STEERING))
                .expectException(RuleViolation.class)
                .expectExceptionMessage("Organet no-such-body finns inte i registret")
                .expectNoEvents();
    }

    @Test
    void rejects_linking_the_same_body_twice() {
        fixture.given(approved(), new ActionLinkedToBody(PLAN, "1.1", TEAM_BERGA, LATER, STEERING))
                .when(new LinkActionToBody(PLAN, "1.1", TEAM_BERGA, LATER, STEERING))
                .expectException(RuleViolation.class)
                .expectNoEvents();
    }

    @Test
    void rejects_linking_an_unknown_action() {
        fixture.given(approved())
                .when(new LinkActionToBody(PLAN, "4.2", TEAM_BERGA, LATER, STEERING))
                .expectException(RuleViolation.class)
                .expectNoEvents();
    }
}
