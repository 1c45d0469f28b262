package se.styrregistret.query.actionplan;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
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
import se.styrregistret.kernel.actionplan.PlannedAction;
import se.styrregistret.kernel.common.DecisionReference;
import se.styrregistret.kernel.governance.GovernanceBodyId;
import se.styrregistret.query.support.QueryServiceTest;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static se.styrregistret.kernel.actionplan.ProgressStatus.CANCELLED;
import static se.styrregistret.kernel.actionplan.ProgressStatus.DONE;
import static se.styrregistret.kernel.actionplan.ProgressStatus.PLANNED;
import static se.styrregistret.kernel.actionplan.ProgressStatus.STARTED;

class ActionPlanProjectionTest extends QueryServiceTest {

    static final LocalDate ADOPTED = LocalDate.of(2020, 12, 2);
    static final LocalDate LATER = LocalDate.of(2021, 9, 1);
    static final DecisionReference KD = new DecisionReference(null, null, ADOPTED, "Kommundirektören");
    static final DecisionReference STEERING = new DecisionReference(null, null, LATER, "Styrgruppen mot segregation");
    static final String AREA_1_TITLE = "Ökad trygghet, gemenskap och delaktighet i samhället";
    static final PlannedAction AREA_TEAMS = new PlannedAction("1.1", "Bilda områdesteam", 1,
            List.of("Social- och omsorgsnämnden"), List.of("Berga", "Ryd", "Skäggetorp"));

    @Autowired
    ActionPlanProjection projection;

    ActionPlanId plan = ActionPlanId.of(UUID.randomUUID().toString());

    long approve() {
        return append("ActionPlan", plan.value(), new ActionPlanApproved(plan, "Åtgärdsplan mot segregation", null,
                "Kommundirektören", 5, 5, 60, List.of(new DevelopmentArea(1, AREA_1_TITLE)), List.of(),
                List.of(AREA_TEAMS), ADOPTED, KD));
    }

    @Test
    void the_plan_as_known_marks_the_rest_not_yet_recorded_and_invents_nothing() {
        long revision = approve();
        awaitProjection(ActionPlanProjection.NAME, revision);

        ActionPlanView view = projection.handle(new FindActionPlan(plan)).orElseThrow();

        assertThat(view.revision()).isGreaterThanOrEqualTo(revision);
        assertThat(view.knowledge().developmentAreas()).isEqualTo(new ActionPlanView.Count(5, 1, 4));
        assertThat(view.knowledge().perspectives()).isEqualTo(new ActionPlanView.Count(5, 0, 5));
        assertThat(view.knowledge().actions()).isEqualTo(new ActionPlanView.Count(60, 1, 59));
        assertThat(view.knowledge().summary()).contains("1 av 5 utvecklingsområden (4 ännu inte registrerade)");
        assertThat(view.developmentAreas()).hasSize(5);
        assertThat(view.developmentAreas().get(0).recorded()).isTrue();
        assertThat(view.developmentAreas().get(0).title()).isEqualTo(AREA_1_TITLE);
        assertThat(view.developmentAreas().subList(1, 5)).allSatisfy(a -> {
            assertThat(a.recorded()).isFalse();
            assertThat(a.title()).isNull();
            assertThat(a.actions()).isZero();
        });
        assertThat(view.perspectives()).hasSize(5).allSatisfy(p -> assertThat(p.title()).isNull());
        assertThat(view.actions()).singleElement().satisfies(a -> {
            assertThat(a.title()).isEqualTo("Bilda områdesteam");
            assertThat(a.status()).isEqualTo(PLANNED);
        });

        var row = jdbc.queryForMap("select * from projection.action_plan_version where plan_id = ?", plan.value());
        assertThat(row.get("revision_from")).isEqualTo(revision);
        assertThat(row.get("revision_to")).isNull();
        assertThat(row.get("development_area_count")).isEqualTo(5);
        assertThat(row.get("action_count")).isEqualTo(60);
    }

    @Test
    void each_change_closes_the_action_row_and_opens_a_new_one() {
        approve();
        long r2 = append("ActionPlan", plan.value(),
                new ActionProgressReported(plan, "1.1", PLANNED, STARTED, "Rekrytering pågår", LATER, STEERING));
        long r3 = append("ActionPlan", plan.value(),
                new ActionLinkedToBody(plan, "1.1", GovernanceBodyId.of("team-berga"), LATER, STEERING));
        awaitProjection(ActionPlanProjection.NAME, r3);

        List<Map<String, Object>> rows = jdbc.queryForList("""
                select revision_from, revision_to, status, change_type, linked_bodies::text as linked
                from projection.action_version where plan_id = ? order by revision_from""", plan.value());
        assertThat(rows).hasSize(3);
        assertThat(rows.get(0).get("revision_to")).isEqualTo(r2);
        assertThat(rows.get(1).get("status")).isEqualTo("STARTED");
        assertThat(rows.get(1).get("revision_to")).isEqualTo(r3);
        assertThat(rows.get(2).get("revision_to")).isNull();
        assertThat(rows.get(2).get("status")).isEqualTo("STARTED");
        assertThat((String) rows.get(2).get("linked")).contains("team-berga");
        assertThat(jdbc.queryForObject("select count(*) from projection.action_progress where plan_id = ?",
                Long.class, plan.value())).isEqualTo(1);
    }

    @Test
    void progress_shows_per_development_area_and_per_district() {
        approve();
        append("ActionPlan", plan.value(), new ActionAdded(plan,
                new PlannedAction("3.1", "Åtgärd i område 3", 3, List.of(), List.of("Ryd")), LATER, STEERING));
        append("ActionPlan", plan.value(), new ActionAdded(plan,
                new PlannedAction("3.2", "En annan åtgärd i område 3", 3, List.of(), List.of("Berga")), LATER, STEERING));
        append("ActionPlan", plan.value(), new ActionProgressReported(plan, "1.1", PLANNED, DONE, null, LATER, STEERING));
        append("ActionPlan", plan.value(), new ActionReopened(plan, "1.1", DONE, STARTED, "Utökas", LATER, STEERING));
        append("ActionPlan", plan.value(), new ActionProgressReported(plan, "3.1", PLANNED, CANCELLED, null, LATER, STEERING));
        append("ActionPlan", plan.value(), new ActionRevised(plan,
                new PlannedAction("3.2", "En annan åtgärd i område 3", 3, List.of(), List.of("Skäggetorp")), LATER, STEERING));
        long last = append("ActionPlan", plan.value(), new ActionWithdrawn(plan, "3.1", "Ersatt", LATER, STEERING));
        awaitProjection(ActionPlanProjection.NAME, last);

        ActionPlanView view = projection.handle(new FindActionPlan(plan)).orElseThrow();

        var area1 = view.developmentAreas().get(0);
        assertThat(area1.actions()).isEqualTo(1);
        assertThat(area1.byStatus()).containsEntry(STARTED, 1).containsEntry(DONE, 0);
        var area3 = view.developmentAreas().get(2);
        assertThat(area3.recorded()).isFalse();
        assertThat(area3.title()).isNull();
        assertThat(area3.actions()).isEqualTo(1);
        assertThat(area3.withdrawn()).isEqualTo(1);
        assertThat(area3.byStatus()).containsEntry(PLANNED, 1).containsEntry(CANCELLED, 0);

        Map<String, ActionPlanView.DistrictProgress> byDistrict = view.progressByDistrict().stream()
                .collect(java.util.stream.Collectors.toMap(ActionPlanView.DistrictProgress::district, d -> d));
        assertThat(byDistrict.get("Berga").actions()).isEqualTo(1);
        assertThat(byDistrict.get("Ryd").actions()).isEqualTo(1);
        assertThat(byDistrict.get("Skäggetorp").actions()).isEqualTo(2);
        assertThat(byDistrict.get("Skäggetorp").byStatus()).containsEntry(STARTED, 1).containsEntry(PLANNED, 1);

        assertThat(view.knowledge().actions()).isEqualTo(new ActionPlanView.Count(60, 2, 58));
        var teams = view.actions().stream().filter(a -> a.actionId().equals("1.1")).findFirst().orElseThrow();
        assertThat(teams.history()).extracting(ActionPlanView.ProgressEntry::status).containsExactly(DONE, STARTED);
        assertThat(teams.history().get(1).change()).isEqualTo("REOPENED");
    }

    @Test
    void an_unknown_plan_has_no_answer() {
        assertThat(projection.handle(new FindActionPlan(ActionPlanId.of("no-such-plan")))).isEmpty();
    }

    @Test
    void answers_over_http_with_the_revision_and_404_for_an_unknown_plan() throws Exception {
        long revision = approve();
        awaitProjection(ActionPlanProjection.NAME, revision);

        var found = get("/api/action-plans/" + plan.value());
        assertThat(found.statusCode()).as(found.body()).isEqualTo(200);
        var json = tools.jackson.databind.json.JsonMapper.shared().readTree(found.body());
        assertThat(json.path("revision").asLong()).isGreaterThanOrEqualTo(revision);
        assertThat(json.path("developmentAreas").get(0).path("title").asString()).isEqualTo(AREA_1_TITLE);
        assertThat(json.path("developmentAreas").get(1).path("title").isNull()).isTrue();

        var missing = get("/api/action-plans/no-such-plan");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    }

    java.net.http.HttpResponse<String> get(String path) throws Exception {
        return java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create("http://localhost:" + port + path)).header("Authorization", READER).GET().build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
    }
}
