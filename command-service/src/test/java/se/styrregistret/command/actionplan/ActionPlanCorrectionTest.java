package se.styrregistret.command.actionplan;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import se.styrregistret.command.governance.BodyLookup;
import se.styrregistret.command.governance.InMemoryBodyLookup;
import se.styrregistret.command.support.CorrectionFixture;
import se.styrregistret.kernel.actionplan.ActionAdded;
import se.styrregistret.kernel.actionplan.ActionLinkedToBody;
import se.styrregistret.kernel.actionplan.ActionPlanApproved;
import se.styrregistret.kernel.actionplan.ActionProgressReported;
import se.styrregistret.kernel.actionplan.ActionReopened;
import se.styrregistret.kernel.actionplan.ActionWithdrawn;
import se.styrregistret.kernel.actionplan.PlannedAction;
import se.styrregistret.kernel.correction.EntryCorrected;
import se.styrregistret.kernel.governance.GovernanceBodyId;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static se.styrregistret.command.actionplan.ActionPlanTest.ADOPTED;
import static se.styrregistret.command.actionplan.ActionPlanTest.AREA_1;
import static se.styrregistret.command.actionplan.ActionPlanTest.AREA_TEAMS;
import static se.styrregistret.command.actionplan.ActionPlanTest.KD;
import static se.styrregistret.command.actionplan.ActionPlanTest.LATER;
import static se.styrregistret.command.actionplan.ActionPlanTest.PLAN;
import static se.styrregistret.command.actionplan.ActionPlanTest.STEERING;
import static se.styrregistret.command.actionplan.ActionPlanTest.TEAM_BERGA;
import static se.styrregistret.command.actionplan.ActionPlanTest.approved;
import static se.styrregistret.kernel.actionplan.ProgressStatus.DONE;
import static se.styrregistret.kernel.actionplan.ProgressStatus.PLANNED;
import static se.styrregistret.kernel.actionplan.ProgressStatus.STARTED;

/** Corrections of an action plan's entries: the plan's rules hold on the corrected entries, in the order recorded. */
class ActionPlanCorrectionTest {

    CorrectionFixture fixture;

    @BeforeEach
    void setUp() {
        fixture = new CorrectionFixture(ActionPlan.class, PLAN.value(), c -> c
                .registerComponent(BodyLookup.class, x -> new InMemoryBodyLookup().active(TEAM_BERGA.value()))
                .registerComponent(se.styrregistret.command.district.DistrictLookup.class,
                        x -> se.styrregistret.command.district.InMemoryDistrictLookup.linkoping()));
    }

    @AfterEach
    void tearDown() {
        fixture.shutdown();
    }

    static ActionProgressReported reported(String actionId, Object from, Object to, java.time.LocalDate date) {
        return new ActionProgressReported(PLAN, actionId, (se.styrregistret.kernel.actionplan.ProgressStatus) from,
                (se.styrregistret.kernel.actionplan.ProgressStatus) to, null, date, STEERING);
    }

    @Test
    void a_progress_report_with_a_wrong_date_is_corrected() {
        List<String> ids = fixture.given(approved(), reported("1.1", PLANNED, STARTED, LATER));

        var appended = fixture.when(fixture.correction(ids.get(1), reported("1.1", PLANNED, STARTED, LATER.plusMonths(1)),
                "Fel datum"));

        assertThat(appended).hasSize(2);
        assertThat(appended.get(0).payload()).isInstanceOfSatisfying(EntryCorrected.class, c -> {
            assertThat(c.correctedEventId()).isEqualTo(ids.get(1));
            assertThat(c.correctedType()).isEqualTo("ActionProgressReported");
            assertThat(c.annulled()).isFalse();
        });
        assertThat(appended.get(1).payload()).isEqualTo(reported("1.1", PLANNED, STARTED, LATER.plusMonths(1)));
        assertThat(appended.get(1).metaData()).containsEntry(EntryCorrected.CORRECTS, ids.get(1));
    }

    @Test
    void a_report_corrected_to_a_status_the_later_entries_cannot_follow_is_refused() {
        // DONE is final: the later report to STARTED would need a reopening
        List<String> ids = fixture.given(approved(), reported("1.1", PLANNED, STARTED, LATER),
                reported("1.1", STARTED, STARTED, LATER.plusDays(1)));

        assertThat(fixture.refused(fixture.correction(ids.get(1), reported("1.1", PLANNED, DONE, LATER), "Fel status")).rule())
                .isEqualTo("progress-only-forward");
    }

    @Test
    void annulling_the_action_a_later_report_is_about_is_refused_and_annulling_the_report_first_is_accepted() {
        ActionAdded added = new ActionAdded(PLAN, new PlannedAction("3.1", "Läxhjälp", 1, List.of(), List.of("Ryd")), LATER, STEERING);
        List<String> ids = fixture.given(approved(), added, reported("3.1", PLANNED, STARTED, LATER));

        assertThat(fixture.refused(fixture.correction(ids.get(1), null, "Aldrig beslutad")).rule()).isEqualTo("action-unknown");
        assertThat(fixture.when(fixture.correction(ids.get(2), null, "Aldrig rapporterad"))).hasSize(1);
        assertThat(fixture.when(fixture.correction(ids.get(1), null, "Aldrig beslutad"))).singleElement()
                .satisfies(e -> assertThat(((EntryCorrected) e.payload()).annulled()).isTrue());
    }

    @Test
    void an_approval_corrected_to_fewer_actions_than_recorded_is_refused() {
        ActionAdded added = new ActionAdded(PLAN, new PlannedAction("3.1", "Läxhjälp", 1, List.of(), List.of("Ryd")), LATER, STEERING);
        List<String> ids = fixture.given(approved(), added);
        ActionPlanApproved oneAction = new ActionPlanApproved(PLAN, "Åtgärdsplan mot segregation", null, "Kommundirektören",
                5, 5, 1, List.of(AREA_1), List.of(), List.of(AREA_TEAMS), ADOPTED, KD);

        assertThat(fixture.refused(fixture.correction(ids.get(0), oneAction, "Fel antal")).rule())
                .isEqualTo("known-exceeds-declared");
    }

    @Test
    void an_approval_corrected_title_is_accepted_but_the_approval_is_not_annullable() {
        List<String> ids = fixture.given(approved());
        ActionPlanApproved retitled = new ActionPlanApproved(PLAN, "Åtgärdsplan mot segregation 2021–2024", null,
                "Kommundirektören", 5, 5, 60, List.of(AREA_1), List.of(), List.of(AREA_TEAMS), ADOPTED, KD);

        assertThat(fixture.refused(fixture.correction(ids.get(0), null, "Aldrig")).rule()).isEqualTo("approval-not-annullable");
        assertThat(fixture.when(fixture.correction(ids.get(0), retitled, "Fel titel"))).hasSize(2);
    }

    @Test
    void a_link_corrected_to_an_unknown_body_or_to_one_linked_already_is_refused() {
        GovernanceBodyId other = GovernanceBodyId.of("okant-organ");
        List<String> ids = fixture.given(approved(), new ActionLinkedToBody(PLAN, "1.1", TEAM_BERGA, LATER, STEERING));

        assertThat(fixture.refused(fixture.correction(ids.get(1), new ActionLinkedToBody(PLAN, "1.1", other, LATER, STEERING),
                "Fel organ")).rule()).isEqualTo("body-unknown");
    }

    @Test
    void a_reopening_or_withdrawal_is_checked_on_the_corrected_history() {
        List<String> ids = fixture.given(approved(), reported("1.1", PLANNED, DONE, LATER),
                new ActionReopened(PLAN, "1.1", DONE, STARTED, "Utökas", LATER, STEERING),
                new ActionWithdrawn(PLAN, "1.1", "Ersatt", LATER, STEERING));

        // with the report corrected to STARTED, a reopening back to STARTED is no reopening
        assertThat(fixture.refused(fixture.correction(ids.get(1), reported("1.1", PLANNED, STARTED, LATER), "Fel status")).rule())
                .isEqualTo("reopen-only-backward");
        // the withdrawal annulled: the action stays
        assertThat(fixture.when(fixture.correction(ids.get(3), null, "Utgick aldrig"))).hasSize(1);
        // the corrected entry cannot be corrected again
        assertThat(fixture.refused(fixture.correction(ids.get(3), null, "Igen")).rule()).isEqualTo("entry-already-corrected");
    }
}
