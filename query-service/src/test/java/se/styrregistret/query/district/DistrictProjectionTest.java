package se.styrregistret.query.district;

import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import se.styrregistret.kernel.actionplan.ActionPlanApproved;
import se.styrregistret.kernel.actionplan.ActionPlanId;
import se.styrregistret.kernel.actionplan.ActionWithdrawn;
import se.styrregistret.kernel.actionplan.DevelopmentArea;
import se.styrregistret.kernel.actionplan.PlannedAction;
import se.styrregistret.kernel.common.DecisionReference;
import se.styrregistret.kernel.correction.EntryCorrected;
import se.styrregistret.kernel.district.DistrictPictureRecorded;
import se.styrregistret.kernel.district.FindDistrict;
import se.styrregistret.kernel.district.PictureKind;
import se.styrregistret.kernel.governance.AreaTeamEstablished;
import se.styrregistret.kernel.governance.GovernanceBodyEstablished;
import se.styrregistret.kernel.governance.GovernanceBodyId;
import se.styrregistret.kernel.governance.Level;
import se.styrregistret.kernel.governance.Scope;
import se.styrregistret.query.support.QueryServiceTest;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class DistrictProjectionTest extends QueryServiceTest {

    static final LocalDate DATE = LocalDate.of(2021, 3, 1);
    static final DecisionReference KS = new DecisionReference(null, null, DATE, "Kommunstyrelsen");

    @Autowired
    DistrictProjection projection;

    @Test
    void keeps_every_version_and_shows_the_latest() {
        append("DistrictPictures", "Ryd", new DistrictPictureRecorded("Ryd", PictureKind.CURRENT_STATE, 1, "Nuläge 1", DATE, KS));
        long r2 = append("DistrictPictures", "Ryd", new DistrictPictureRecorded("Ryd", PictureKind.CURRENT_STATE, 2, "Nuläge 2", DATE, KS));
        awaitSources(r2);

        assertThat(jdbc.queryForList("select version from projection.district_picture where district = 'Ryd' order by version",
                Integer.class)).containsExactly(1, 2);

        DistrictView view = projection.handle(new FindDistrict("Ryd"));
        assertThat(view.pictures()).singleElement().satisfies(p -> {
            assertThat(p.version()).isEqualTo(2);
            assertThat(p.text()).isEqualTo("Nuläge 2");
        });
        assertThat(view.picturesNotYetRecorded()).containsExactly(PictureKind.TARGET, PictureKind.ACTION_PLAN);

        // the pictures' aggregate version as the ETag a picture command's If-Match names
        long version = jdbc.queryForObject("select max(sequence_number) from axon.domain_event_entry "
                + "where type = 'DistrictPictures' and aggregate_identifier = 'Ryd'", Long.class);
        assertThat(view.version()).isEqualTo(version);
        registerDistricts("Ryd");
        var http = se.styrregistret.query.support.Http.get(port, "/api/districts/Ryd", "reader");
        assertThat(http.statusCode()).isEqualTo(200);
        assertThat(http.headers().firstValue("ETag")).contains("\"" + version + "\"");
    }

    @Test
    void a_picture_recorded_late_takes_its_place_by_date_and_a_corrected_one_counts_from_its_correction() {
        String district = "Lambohov-" + java.util.UUID.randomUUID();
        long r1 = append("DistrictPictures", district, new DistrictPictureRecorded(district, PictureKind.TARGET, 2, "Mål 2022",
                LocalDate.of(2022, 1, 1), KS));
        // learned later: an older picture, in force before the one already recorded
        long r2 = append("DistrictPictures", district, new DistrictPictureRecorded(district, PictureKind.TARGET, 1, "Mål 2020",
                LocalDate.of(2020, 1, 1), KS));
        awaitSources(r2);
        assertThat(text(district, r2, LocalDate.of(2023, 1, 1))).as("the later-dated picture still counts now").isEqualTo("Mål 2022");
        assertThat(text(district, r2, LocalDate.of(2021, 1, 1))).isEqualTo("Mål 2020");
        assertThat(text(district, r1, LocalDate.of(2021, 1, 1))).as("unknown at r1").isNull();

        long corrected = append("DistrictPictures", district, new EntryCorrected(district, eventIdAt(r1), r1,
                "DistrictPictureRecorded", false, "Fel text", null));
        long replaced = append("DistrictPictures", district, new DistrictPictureRecorded(district, PictureKind.TARGET, 2,
                "Mål 2022 (rättat)", LocalDate.of(2022, 1, 1), KS), MetaData.with("recordedBy", "test-registrar")
                .and(EntryCorrected.CORRECTS, eventIdAt(r1)));
        long annulled = append("DistrictPictures", district, new EntryCorrected(district, eventIdAt(r2), r2,
                "DistrictPictureRecorded", true, "Hörde inte till stadsdelen", null));
        awaitSources(annulled);
        assertThat(text(district, corrected, LocalDate.of(2023, 1, 1))).isEqualTo("Mål 2022");
        assertThat(text(district, replaced, LocalDate.of(2023, 1, 1))).isEqualTo("Mål 2022 (rättat)");
        assertThat(text(district, replaced, LocalDate.of(2021, 1, 1))).isEqualTo("Mål 2020");
        assertThat(text(district, annulled, LocalDate.of(2021, 1, 1))).as("annulled from its annulment").isNull();
    }

    private String text(String district, long revision, LocalDate date) {
        return projection.handle(new FindDistrict(district, revision, date)).pictures().stream()
                .filter(p -> p.kind() == PictureKind.TARGET).map(DistrictView.PictureEntry::text).findFirst().orElse(null);
    }

    @Test
    void shows_the_districts_active_bodies_area_team_and_current_actions() {
        GovernanceBodyId team = GovernanceBodyId.of(UUID.randomUUID().toString());
        GovernanceBodyId elsewhere = GovernanceBodyId.of(UUID.randomUUID().toString());
        append("GovernanceBody", team.value(), new AreaTeamEstablished(team, "Områdesteam Skäggetorp " + team, "Skäggetorp",
                "Leanlink", "Social- och omsorgsnämnden", 1, 2, null, DATE, KS));
        long rb = append("GovernanceBody", elsewhere.value(), body(elsewhere, "Områdesteam Berga " + elsewhere, Scope.district("Berga")));
        ActionPlanId plan = ActionPlanId.of(UUID.randomUUID().toString());
        append("ActionPlan", plan.value(), new ActionPlanApproved(plan, "Åtgärdsplan mot segregation", null, "Kommundirektören",
                5, 5, 60, List.of(new DevelopmentArea(1, null)), List.of(),
                List.of(new PlannedAction("1.1", "Bilda områdesteam", 1, List.of(), List.of("Berga", "Ryd", "Skäggetorp")),
                        new PlannedAction("1.2", "Utgår", 1, List.of(), List.of("Skäggetorp"))), DATE, KS));
        long ra = append("ActionPlan", plan.value(), new ActionWithdrawn(plan, "1.2", null, DATE, KS));
        awaitProjection("orgchart", rb);
        awaitProjection("actionplans", ra);
        awaitSources(ra);

        DistrictView view = projection.handle(new FindDistrict("Skäggetorp"));

        assertThat(view.bodies()).extracting(DistrictView.BodyEntry::id).contains(team).doesNotContain(elsewhere);
        assertThat(view.areaTeam()).isNotNull();
        assertThat(view.areaTeam().id()).isEqualTo(team);
        assertThat(view.actions()).filteredOn(a -> a.planId().equals(plan))
                .singleElement().satisfies(a -> assertThat(a.title()).isEqualTo("Bilda områdesteam"));
        assertThat(view.revision()).isGreaterThanOrEqualTo(ra);
        assertThat(view.revisions()).containsKeys("orgchart", "actionplans", "districts");
    }

    @Test
    void an_unknown_district_is_a_404_problem() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/districts/Atlantis")).header("Authorization", READER).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(response.body()).contains("Atlantis");
    }

    @Test
    void any_registered_district_has_a_view_and_the_list_names_its_priority_designation_and_decision() {
        String name = "Navestad-" + UUID.randomUUID().toString().substring(0, 6);
        String key = se.styrregistret.kernel.district.Districts.key(name);
        DecisionReference norrkoping = new DecisionReference("KS 2022/0123", null, DATE, "Kommunstyrelsen i Norrköping");
        append("District", key, new se.styrregistret.kernel.district.DistrictRegistered(name, "Norrköping", DATE, norrkoping));
        long before = append("DistrictPictures", name, new DistrictPictureRecorded(name, PictureKind.TARGET, 1, "Målbild", DATE, KS));
        long designated = append("District", key, new se.styrregistret.kernel.district.PriorityDistrictDesignated(name, DATE, norrkoping));
        awaitSources(designated);

        var http = se.styrregistret.query.support.Http.get(port, "/api/districts/" + name.toUpperCase(java.util.Locale.ROOT), "reader");
        assertThat(http.statusCode()).as(http.body()).isEqualTo(200);
        assertThat(se.styrregistret.query.support.Http.json(http).path("district").asString()).isEqualTo(name);
        assertThat(se.styrregistret.query.support.Http.json(http).path("pictures").size()).isEqualTo(1);

        DistrictList now = projection.handle(new se.styrregistret.kernel.district.FindDistricts(null));
        assertThat(now.districts()).filteredOn(d -> d.name().equals(name)).singleElement().satisfies(d -> {
            assertThat(d.municipality()).isEqualTo("Norrköping");
            assertThat(d.priority()).isTrue();
            assertThat(d.designatedBy()).isEqualTo(norrkoping);
            assertThat(d.registeredBy()).isEqualTo(norrkoping);
        });
        DistrictList earlier = projection.handle(new se.styrregistret.kernel.district.FindDistricts(before));
        assertThat(earlier.districts()).filteredOn(d -> d.name().equals(name)).singleElement()
                .satisfies(d -> assertThat(d.priority()).isFalse());

        var list = se.styrregistret.query.support.Http.get(port, "/api/districts", "reader");
        assertThat(list.statusCode()).as(list.body()).isEqualTo(200);
        assertThat(list.body()).contains(name, "Kommunstyrelsen i Norrköping");
    }

    @Test
    void a_corrected_registration_and_an_annulled_designation_count_from_their_correction_never_before() {
        String name = "Hageby-" + UUID.randomUUID().toString().substring(0, 6);
        String key = se.styrregistret.kernel.district.Districts.key(name);
        DecisionReference ks = new DecisionReference("KS 2022/1", null, DATE, "Kommunstyrelsen");
        long registered = append("District", key, new se.styrregistret.kernel.district.DistrictRegistered(name, "Linköping", DATE, ks));
        String registrationId = eventIdAt(registered);
        long designated = append("District", key, new se.styrregistret.kernel.district.PriorityDistrictDesignated(name, DATE, ks));
        String designationId = eventIdAt(designated);
        // the municipality was recorded wrongly: corrected; then the designation annulled
        long correction = append("District", key, new se.styrregistret.kernel.correction.EntryCorrected(key, registrationId, registered,
                "DistrictRegistered", false, "Fel kommun", null));
        long replacement = append("District", key, new se.styrregistret.kernel.district.DistrictRegistered(name, "Norrköping", DATE, ks),
                org.axonframework.messaging.MetaData.with(se.styrregistret.kernel.correction.EntryCorrected.CORRECTS, registrationId));
        long annulled = append("District", key, new se.styrregistret.kernel.correction.EntryCorrected(key, designationId, designated,
                "PriorityDistrictDesignated", true, "Ingen sådan prioritering", null));
        awaitSources(annulled);

        java.util.function.LongFunction<se.styrregistret.query.district.RegisteredDistricts.Entry> at = revision ->
                projection.handle(new se.styrregistret.kernel.district.FindDistricts(revision)).districts().stream()
                        .filter(d -> d.name().equals(name)).findFirst().orElse(null);
        assertThat(at.apply(registered).municipality()).isEqualTo("Linköping");
        assertThat(at.apply(registered).priority()).isFalse();
        assertThat(at.apply(designated).priority()).isTrue();
        assertThat(at.apply(correction).municipality()).isEqualTo("Linköping");
        assertThat(at.apply(replacement).municipality()).isEqualTo("Norrköping");
        assertThat(at.apply(replacement).priority()).isTrue();
        assertThat(at.apply(annulled).priority()).isFalse();
        assertThat(at.apply(annulled).municipality()).isEqualTo("Norrköping");
        assertThat(jdbc.queryForObject("select count(*) from projection.district_version where name_key = ? and revision_to is null",
                Integer.class, se.styrregistret.kernel.district.Districts.normalised(name))).isEqualTo(1);
    }

    static GovernanceBodyEstablished body(GovernanceBodyId id, String name, Scope scope) {
        return new GovernanceBodyEstablished(id, name, null, Level.OPERATIONAL, scope, List.of(), null, null,
                List.of(), List.of(), DATE, KS);
    }

    @org.springframework.beans.factory.annotation.Autowired
    se.styrregistret.query.revision.ProjectionRevisions revisions;

    /** The view answers at the lowest revision its sources have read: every source, not only the districts, must be there. */
    void awaitSources(long revision) {
        org.awaitility.Awaitility.await("the district view's sources at " + revision).atMost(java.time.Duration.ofSeconds(20))
                .pollInterval(java.time.Duration.ofMillis(50))
                .until(() -> DistrictProjection.SOURCES.stream().allMatch(s -> revisions.current(s) >= revision));
    }
}
