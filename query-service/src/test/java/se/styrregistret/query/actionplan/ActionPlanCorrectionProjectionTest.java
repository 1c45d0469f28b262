package se.styrregistret.query.actionplan;

import org.axonframework.messaging.MetaData;
import org.axonframework.queryhandling.QueryGateway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import se.styrregistret.kernel.actionplan.ActionAdded;
import se.styrregistret.kernel.actionplan.ActionLinkedToBody;
import se.styrregistret.kernel.actionplan.ActionPlanApproved;
import se.styrregistret.kernel.actionplan.ActionPlanId;
import se.styrregistret.kernel.actionplan.ActionProgressReported;
import se.styrregistret.kernel.actionplan.DevelopmentArea;
import se.styrregistret.kernel.actionplan.FindActionPlan;
import se.styrregistret.kernel.actionplan.PlannedAction;
import se.styrregistret.kernel.actionplan.ProgressStatus;
import se.styrregistret.kernel.common.DecisionReference;
import se.styrregistret.kernel.correction.EntryCorrected;
import se.styrregistret.kernel.district.FindDistrict;
import se.styrregistret.kernel.governance.GovernanceBodyId;
import se.styrregistret.query.district.DistrictView;
import se.styrregistret.query.support.Http;
import se.styrregistret.query.support.QueryServiceTest;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static se.styrregistret.kernel.actionplan.ProgressStatus.PLANNED;
import static se.styrregistret.kernel.actionplan.ProgressStatus.STARTED;

/**
 * Corrections of an action plan's entries (issue 18): an annulment counts from its own revision, a correction
 * from its replacement's, the plan's answer shows the corrected plan, and the district view at every earlier
 * revision answers as it did.
 */
class ActionPlanCorrectionProjectionTest extends QueryServiceTest {

    static final LocalDate ADOPTED = LocalDate.of(2020, 12, 2);
    static final LocalDate LATER = LocalDate.of(2021, 9, 1);
    static final LocalDate MONTH_LATER = LATER.plusMonths(1);
    static final LocalDate TWO_MONTHS_LATER = LATER.plusMonths(2);
    static final DecisionReference KD = new DecisionReference(null, null, ADOPTED, "Kommundirektören");
    static final DecisionReference STEERING = new DecisionReference(null, null, LATER, "Styrgruppen mot segregation");
    static final PlannedAction AREA_TEAMS = new PlannedAction("1.1", "Bilda områdesteam", 1,
            List.of("Social- och omsorgsnämnden"), List.of("Berga", "Ryd", "Skäggetorp"));

    @Autowired
    ActionPlanProjection projection;
    @Autowired
    QueryGateway queries;

    final ActionPlanId plan = ActionPlanId.of(UUID.randomUUID().toString());
    final String title = "Åtgärdsplan " + plan.value();

    ActionPlanApproved approved(String planTitle) {
        return new ActionPlanApproved(plan, planTitle, null, "Kommundirektören", 5, 5, 60,
                List.of(new DevelopmentArea(1, "Trygghet")), List.of(), List.of(AREA_TEAMS), ADOPTED, KD);
    }

    ActionAdded added(String district) {
        return new ActionAdded(plan, new PlannedAction("3.1", "Läxhjälp", 1, List.of(), List.of(district)), LATER, STEERING);
    }

    ActionProgressReported started(LocalDate date) {
        return new ActionProgressReported(plan, "1.1", PLANNED, STARTED, "Rekrytering pågår", date, STEERING);
    }

    long correct(long revision, Object replacement, String reason) {
        long corrected = append("ActionPlan", plan.value(), new EntryCorrected(plan.value(), eventIdAt(revision), revision,
                replacement == null ? "?" : replacement.getClass().getSimpleName(), replacement == null, reason, null));
        if (replacement == null) return corrected;
        return append("ActionPlan", plan.value(), replacement,
                MetaData.with("recordedBy", "test-registrar").and(EntryCorrected.CORRECTS, eventIdAt(revision)));
    }

    Optional<DistrictView.ActionEntry> action(String district, long revision, LocalDate date, String actionId) {
        DistrictView view = queries.query(new FindDistrict(district, revision, date), DistrictView.class).join();
        return view.actions().stream().filter(a -> a.planId().equals(plan) && a.actionId().equals(actionId)).findFirst();
    }

    @Test
    void corrections_and_annulments_count_from_their_revision_and_earlier_answers_stay_as_they_were() {
        long approvedAt = append("ActionPlan", plan.value(), approved(title));
        long addedAt = append("ActionPlan", plan.value(), added("Ryd"));
        long startedAt = append("ActionPlan", plan.value(), started(LATER));
        long linkedAt = append("ActionPlan", plan.value(),
                new ActionLinkedToBody(plan, "1.1", GovernanceBodyId.of("team-berga"), TWO_MONTHS_LATER, STEERING));

        // the added action was for Berga, not Ryd
        long districtCorrected = correct(addedAt, added("Berga"), "Fel stadsdel");
        // the report came a month later than recorded
        long dateCorrected = correct(startedAt, started(MONTH_LATER), "Fel datum");
        // the link should never have been recorded
        long annulled = correct(linkedAt, null, "Aldrig beslutad");
        awaitProjection(ActionPlanProjection.NAME, annulled);
        awaitTheDistrictViewsSources(annulled);

        // the added action: in Ryd until the replacement's revision, in Berga from it
        assertThat(action("Ryd", districtCorrected - 1, LATER, "3.1")).as("before the replacement").isPresent();
        assertThat(action("Berga", districtCorrected - 1, LATER, "3.1")).isEmpty();
        assertThat(action("Ryd", districtCorrected, LATER, "3.1")).isEmpty();
        assertThat(action("Berga", districtCorrected, LATER, "3.1")).isPresent();
        assertThat(action("Berga", districtCorrected, LATER.minusDays(1), "3.1")).as("not before its date").isEmpty();

        // the report: started on LATER as recorded until the correction, from a month later after it
        LocalDate between = LATER.plusDays(10);
        assertThat(action("Ryd", dateCorrected - 1, between, "1.1").orElseThrow().status()).isEqualTo(STARTED);
        assertThat(action("Ryd", dateCorrected, between, "1.1").orElseThrow().status()).isEqualTo(PLANNED);
        assertThat(action("Ryd", dateCorrected, MONTH_LATER, "1.1").orElseThrow().status()).isEqualTo(STARTED);
        assertThat(action("Ryd", dateCorrected, MONTH_LATER, "1.1").orElseThrow().statusDate()).isEqualTo(MONTH_LATER);
        assertThat(action("Ryd", startedAt, LATER, "1.1").orElseThrow().status()).as("as answered then").isEqualTo(STARTED);
        assertThat(action("Ryd", approvedAt, ADOPTED, "1.1").orElseThrow().status()).isEqualTo(PLANNED);

        // the link: there from its revision until the annulment
        assertThat(action("Ryd", annulled - 1, TWO_MONTHS_LATER, "1.1").orElseThrow().linkedBodies()).containsExactly("team-berga");
        assertThat(action("Ryd", annulled - 1, MONTH_LATER, "1.1").orElseThrow().linkedBodies()).isEmpty();
        assertThat(action("Ryd", annulled, TWO_MONTHS_LATER, "1.1").orElseThrow().linkedBodies()).isEmpty();
        assertThat(action("Ryd", annulled, TWO_MONTHS_LATER, "1.1").orElseThrow().status()).isEqualTo(STARTED);

        // the plan now: the corrected plan, the corrected report alone in the history
        ActionPlanView view = projection.handle(new FindActionPlan(plan)).orElseThrow();
        ActionPlanView.ActionEntry teams = view.actions().stream().filter(a -> a.actionId().equals("1.1")).findFirst().orElseThrow();
        assertThat(teams.status()).isEqualTo(STARTED);
        assertThat(teams.statusDate()).isEqualTo(MONTH_LATER);
        assertThat(teams.linkedBodies()).isEmpty();
        assertThat(teams.history()).singleElement().satisfies(h -> {
            assertThat(h.date()).isEqualTo(MONTH_LATER);
            assertThat(h.revision()).isEqualTo(dateCorrected);
        });
        assertThat(view.actions().stream().filter(a -> a.actionId().equals("3.1")).findFirst().orElseThrow().districts())
                .containsExactly("Berga");
        assertThat(view.progressByDistrict().stream().filter(d -> d.district().equals("Berga")).findFirst().orElseThrow()
                .actions()).isEqualTo(2);
        assertThat(view.version()).as("nine events: sequence 0..8").isEqualTo(8L);
        var http = Http.get(port, "/api/action-plans/" + plan.value(), "reader");
        assertThat(http.statusCode()).isEqualTo(200);
        assertThat(http.headers().firstValue("ETag")).contains("\"8\"");
    }

    @Test
    void a_corrected_approval_retitles_the_plan_from_its_revision_and_keeps_the_actions_later_entries() {
        long approvedAt = append("ActionPlan", plan.value(), approved(title));
        long startedAt = append("ActionPlan", plan.value(), started(LATER));
        long retitled = correct(approvedAt, approved(title + " (rättad)"), "Fel titel");
        awaitProjection(ActionPlanProjection.NAME, retitled);
        awaitTheDistrictViewsSources(retitled);

        DistrictView before = queries.query(new FindDistrict("Ryd", retitled - 1, LATER), DistrictView.class).join();
        DistrictView after = queries.query(new FindDistrict("Ryd", retitled, LATER), DistrictView.class).join();
        assertThat(before.actions()).filteredOn(a -> a.planId().equals(plan)).singleElement().satisfies(a -> {
            assertThat(a.planTitle()).isEqualTo(title);
            assertThat(a.status()).isEqualTo(STARTED);
        });
        assertThat(after.actions()).filteredOn(a -> a.planId().equals(plan)).singleElement().satisfies(a -> {
            assertThat(a.planTitle()).isEqualTo(title + " (rättad)");
            assertThat(a.status()).isEqualTo(STARTED);
        });
        assertThat(action("Ryd", startedAt, ADOPTED, "1.1").orElseThrow().status()).isEqualTo(PLANNED);

        ActionPlanView view = projection.handle(new FindActionPlan(plan)).orElseThrow();
        assertThat(view.title()).isEqualTo(title + " (rättad)");
        assertThat(view.actions()).singleElement().satisfies(a -> {
            assertThat(a.status()).isEqualTo(ProgressStatus.STARTED);
            assertThat(a.history()).hasSize(1);
        });
        assertThat(jdbc.queryForObject("select count(*) from projection.action_plan_version where plan_id = ? and retracted_at = ?",
                Long.class, plan.value(), retitled)).isEqualTo(1);
    }

    @org.springframework.beans.factory.annotation.Autowired
    se.styrregistret.query.revision.ProjectionRevisions projectionRevisions;

    /**
     * The district view answers at the lowest revision its sources have read (the org chart, the plans, the
     * ledger, the districts): each must have read this far before the view is asked for it.
     */
    private void awaitTheDistrictViewsSources(long revision) {
        org.awaitility.Awaitility.await("the district view's sources at " + revision).atMost(java.time.Duration.ofSeconds(20))
                .pollInterval(java.time.Duration.ofMillis(50))
                .until(() -> java.util.List.of("orgchart", "actionplans", "ledger", "districts").stream()
                        .allMatch(s -> projectionRevisions.current(s) >= revision));
    }
}
