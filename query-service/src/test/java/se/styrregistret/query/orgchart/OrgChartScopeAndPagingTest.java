package se.styrregistret.query.orgchart;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import se.styrregistret.kernel.common.DecisionReference;
import se.styrregistret.kernel.governance.FindOrgChart;
import se.styrregistret.kernel.governance.GovernanceBodyDissolved;
import se.styrregistret.kernel.governance.GovernanceBodyEstablished;
import se.styrregistret.kernel.governance.GovernanceBodyId;
import se.styrregistret.kernel.governance.Level;
import se.styrregistret.kernel.governance.Member;
import se.styrregistret.kernel.governance.Scope;
import se.styrregistret.kernel.governance.ScopeKind;
import se.styrregistret.query.support.Http;
import se.styrregistret.query.support.QueryServiceTest;
import tools.jackson.databind.JsonNode;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The chart narrowed to a district or a kind of scope, one page at a time: the filter, the order and the count
 * are the database's, and they hold on both clocks.
 */
class OrgChartScopeAndPagingTest extends QueryServiceTest {

    static final DecisionReference KS = new DecisionReference("KS 2019-1003", null, LocalDate.of(2020, 1, 20), "Kommunstyrelsen");
    static final LocalDate START = LocalDate.of(2020, 1, 20);

    @Autowired
    OrgChartQueries queries;

    /** Names of their own for this run's districts (the database is shared by the test classes). */
    final String tag = UUID.randomUUID().toString().substring(0, 8);
    final String tornby = "Tornby " + tag;
    final String lambohov = "Lambohov " + tag;

    long establish(GovernanceBodyId id, String name, Level level, Scope scope, LocalDate effective) {
        return append("GovernanceBody", id.value(), new GovernanceBodyEstablished(id, name, null, level, scope,
                List.of("Samordna"), "Kommundirektören", "3 gånger per år", List.of(), List.of(new Member("Kommunpolis", null)),
                effective, KS));
    }

    static GovernanceBodyId id(String prefix) {
        return GovernanceBodyId.of(prefix + "-" + UUID.randomUUID());
    }

    /** Tornby: five bodies on three levels; Lambohov: one; the municipality and the county: one each. */
    record Register(List<GovernanceBodyId> tornbyInChartOrder, GovernanceBodyId lambohovTeam, GovernanceBodyId municipal,
                    GovernanceBodyId county, long head) {
    }

    Register givenBodiesInTwoDistricts() {
        registerDistricts(tornby);
        GovernanceBodyId strategic = id("t-strat");
        GovernanceBodyId tacticalA = id("t-takt-a");
        GovernanceBodyId tacticalB = id("t-takt-b");
        GovernanceBodyId operationalA = id("t-op-a");
        GovernanceBodyId operationalB = id("t-op-b");
        GovernanceBodyId lambohovTeam = id("l-op");
        GovernanceBodyId municipal = id("k-strat");
        GovernanceBodyId county = id("lan-reg");
        // recorded out of the chart's order: the answer orders them (level, then name)
        establish(operationalB, "Trygghetsgrupp B " + tag, Level.OPERATIONAL, Scope.district(tornby), START);
        establish(tacticalB, "Samverkansgrupp B " + tag, Level.TACTICAL, Scope.district(tornby), START);
        establish(strategic, "Styrgrupp " + tag, Level.STRATEGIC, Scope.district(tornby), START);
        establish(operationalA, "Trygghetsgrupp A " + tag, Level.OPERATIONAL, Scope.district(tornby), START);
        establish(tacticalA, "Samverkansgrupp A " + tag, Level.TACTICAL, Scope.district(tornby), START);
        establish(lambohovTeam, "Områdesteam " + tag, Level.OPERATIONAL, Scope.district(lambohov), START);
        establish(municipal, "Kommunövergripande styrgrupp " + tag, Level.STRATEGIC, Scope.municipality(), START);
        long head = establish(county, "Länsgrupp " + tag, Level.REGIONAL, new Scope(ScopeKind.COUNTY, null), START);
        awaitProjection(OrgChartProjection.NAME, head);
        return new Register(List.of(strategic, tacticalA, tacticalB, operationalA, operationalB), lambohovTeam, municipal,
                county, head);
    }

    static List<String> ids(OrgChart chart) {
        return chart.levels().stream().flatMap(l -> l.bodies().stream()).map(b -> b.id().value()).toList();
    }

    static List<String> values(List<GovernanceBodyId> ids) {
        return ids.stream().map(GovernanceBodyId::value).toList();
    }

    FindOrgChart chart(Long asOfRevision, LocalDate asOfDate, String district, ScopeKind kind, int page, int size) {
        return new FindOrgChart(asOfRevision, asOfDate, district, kind, page, size);
    }

    @Test
    void given_bodies_in_two_districts_when_asked_for_one_district_then_only_its_bodies_come_grouped_by_level_in_order() {
        Register given = givenBodiesInTwoDistricts();

        OrgChart chart = queries.handle(chart(null, null, tornby.toUpperCase(), null, 0, FindOrgChart.DEFAULT_PAGE_SIZE));

        assertThat(chart.district()).as("the registered spelling").isEqualTo(tornby);
        assertThat(chart.total()).isEqualTo(5);
        assertThat(chart.page()).isZero();
        assertThat(chart.size()).isEqualTo(FindOrgChart.DEFAULT_PAGE_SIZE);
        assertThat(ids(chart)).containsExactlyElementsOf(values(given.tornbyInChartOrder()));
        assertThat(chart.levels()).extracting(OrgChart.LevelGroup::level)
                .containsExactly(Level.STRATEGIC, Level.TACTICAL, Level.OPERATIONAL);
        assertThat(chart.levels().get(1).displayName()).isEqualTo("Taktisk");
        assertThat(chart.levels()).flatExtracting(OrgChart.LevelGroup::bodies)
                .allSatisfy(b -> assertThat(b.scope()).isEqualTo(Scope.district(tornby)));

        OrgChart other = queries.handle(chart(null, null, lambohov, null, 0, 10));
        assertThat(ids(other)).containsExactly(given.lambohovTeam().value());
        assertThat(other.total()).isEqualTo(1);
        assertThat(other.district()).as("not registered: as asked").isEqualTo(lambohov);
    }

    @Test
    void given_bodies_of_every_scope_when_asked_for_a_kind_of_scope_then_only_bodies_of_that_kind_come() {
        Register given = givenBodiesInTwoDistricts();

        OrgChart whole = queries.handle(chart(null, null, null, null, 0, 1));
        long at = whole.revision();
        LocalDate on = whole.asOfDate();
        OrgChart districts = queries.handle(chart(at, on, null, ScopeKind.DISTRICT, 0, FindOrgChart.MAX_PAGE_SIZE));
        OrgChart counties = queries.handle(chart(at, on, null, ScopeKind.COUNTY, 0, FindOrgChart.MAX_PAGE_SIZE));
        OrgChart municipal = queries.handle(chart(at, on, null, ScopeKind.MUNICIPALITY, 0, FindOrgChart.MAX_PAGE_SIZE));
        OrgChart tornbyDistrictKind = queries.handle(chart(at, on, tornby, ScopeKind.DISTRICT, 0, 10));
        OrgChart tornbyCountyKind = queries.handle(chart(at, on, tornby, ScopeKind.COUNTY, 0, 10));

        assertThat(ids(districts)).containsAll(values(given.tornbyInChartOrder())).contains(given.lambohovTeam().value())
                .doesNotContain(given.municipal().value(), given.county().value());
        assertThat(districts.levels()).flatExtracting(OrgChart.LevelGroup::bodies)
                .allSatisfy(b -> assertThat(b.scope().kind()).isEqualTo(ScopeKind.DISTRICT));
        assertThat(ids(counties)).contains(given.county().value()).doesNotContain(given.municipal().value());
        assertThat(counties.levels()).flatExtracting(OrgChart.LevelGroup::bodies)
                .allSatisfy(b -> assertThat(b.scope().kind()).isEqualTo(ScopeKind.COUNTY));
        assertThat(ids(municipal)).contains(given.municipal().value()).doesNotContain(given.county().value());
        assertThat(counties.scopeKind()).isEqualTo(ScopeKind.COUNTY);
        // the count is of the matching bodies: every kind's together are the whole chart
        assertThat(ids(whole)).hasSize(1);
        assertThat(districts.total() + counties.total() + municipal.total()).isEqualTo(whole.total());
        assertThat(tornbyDistrictKind.total()).isEqualTo(5);
        assertThat(tornbyCountyKind.total()).isZero();
        assertThat(tornbyCountyKind.levels()).isEmpty();
    }

    @Test
    void given_five_bodies_in_a_district_when_paged_by_two_then_the_pages_are_disjoint_in_order_and_count_them_all() {
        Register given = givenBodiesInTwoDistricts();

        OrgChart first = queries.handle(chart(null, null, tornby, null, 0, 2));
        OrgChart second = queries.handle(chart(null, null, tornby, null, 1, 2));
        OrgChart third = queries.handle(chart(null, null, tornby, null, 2, 2));
        OrgChart beyond = queries.handle(chart(null, null, tornby, null, 3, 2));

        assertThat(List.of(first, second, third, beyond)).allSatisfy(page -> {
            assertThat(page.total()).isEqualTo(5);
            assertThat(page.size()).isEqualTo(2);
        });
        assertThat(second.page()).isEqualTo(1);
        assertThat(ids(first)).hasSize(2);
        assertThat(ids(second)).hasSize(2).doesNotContainAnyElementsOf(ids(first));
        assertThat(ids(third)).hasSize(1);
        assertThat(beyond.levels()).isEmpty();
        List<String> paged = new ArrayList<>(ids(first));
        paged.addAll(ids(second));
        paged.addAll(ids(third));
        assertThat(paged).containsExactlyElementsOf(values(given.tornbyInChartOrder()));
        // a page's bodies are still grouped by level: the second page ends the tactical level and starts the operational
        assertThat(second.levels()).extracting(OrgChart.LevelGroup::level).containsExactly(Level.TACTICAL, Level.OPERATIONAL);
    }

    @Test
    void given_a_district_that_changed_when_asked_as_of_an_earlier_revision_or_date_then_the_filter_and_count_hold_then() {
        Register given = givenBodiesInTwoDistricts();
        GovernanceBodyId later = id("t-later");
        long established = establish(later, "Arbetsgrupp " + tag, Level.OPERATIONAL, Scope.district(tornby),
                LocalDate.of(2022, 1, 1));
        GovernanceBodyId dissolvedBody = given.tornbyInChartOrder().get(4);
        long dissolved = append("GovernanceBody", dissolvedBody.value(),
                new GovernanceBodyDissolved(dissolvedBody, null, LocalDate.of(2021, 6, 30), KS));
        awaitProjection(OrgChartProjection.NAME, dissolved);

        OrgChart now = queries.handle(chart(null, LocalDate.of(2022, 6, 1), tornby, null, 0, 10));
        OrgChart atHead = queries.handle(chart(given.head(), null, tornby, null, 0, 10));
        OrgChart beforeDissolution = queries.handle(chart(established, LocalDate.of(2022, 6, 1), tornby, null, 0, 10));
        OrgChart in2021 = queries.handle(chart(null, LocalDate.of(2021, 1, 1), tornby, null, 0, 10));
        OrgChart secondPageThen = queries.handle(chart(given.head(), null, tornby, null, 1, 3));

        assertThat(now.total()).isEqualTo(5);
        assertThat(ids(now)).contains(later.value()).doesNotContain(dissolvedBody.value());
        assertThat(atHead.revision()).isEqualTo(given.head());
        assertThat(atHead.total()).isEqualTo(5);
        assertThat(ids(atHead)).containsExactlyElementsOf(values(given.tornbyInChartOrder()));
        assertThat(beforeDissolution.total()).isEqualTo(6);
        assertThat(ids(beforeDissolution)).contains(later.value(), dissolvedBody.value());
        assertThat(in2021.total()).as("the later body is not in force yet, the dissolved one still is").isEqualTo(5);
        assertThat(ids(in2021)).doesNotContain(later.value()).contains(dissolvedBody.value());
        assertThat(secondPageThen.total()).isEqualTo(5);
        assertThat(ids(secondPageThen)).containsExactlyElementsOf(values(given.tornbyInChartOrder().subList(3, 5)));
    }

    @Test
    void given_the_chart_over_http_then_it_names_its_page_and_bad_paging_or_scope_kinds_are_refused_naming_the_field() {
        Register given = givenBodiesInTwoDistricts();
        String district = URLEncoder.encode(tornby, StandardCharsets.UTF_8);

        var page = Http.get(port, "/api/org-chart?district=" + district + "&scopeKind=district&page=1&size=2&asOfRevision="
                + given.head(), "reader");
        assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
        JsonNode answer = Http.json(page);
        assertThat(answer.path("page").asInt()).isEqualTo(1);
        assertThat(answer.path("size").asInt()).isEqualTo(2);
        assertThat(answer.path("total").asLong()).isEqualTo(5);
        assertThat(answer.path("district").asString()).isEqualTo(tornby);
        assertThat(answer.path("scopeKind").asString()).isEqualTo("DISTRICT");
        List<String> ids = new ArrayList<>();
        answer.path("levels").forEach(l -> l.path("bodies").forEach(b -> {
            ids.add(b.path("id").asString());
            // the provenance advice still reads every box
            assertThat(b.path("decision").path("dateText").asString()).isEqualTo("2020-01-20");
        }));
        assertThat(ids).containsExactlyElementsOf(values(given.tornbyInChartOrder().subList(2, 4)));

        var defaults = Http.get(port, "/api/org-chart", "reader");
        assertThat(defaults.statusCode()).isEqualTo(200);
        JsonNode whole = Http.json(defaults);
        assertThat(whole.path("page").asInt()).isZero();
        assertThat(whole.path("size").asInt()).isEqualTo(500);
        assertThat(whole.path("total").asLong()).isPositive();

        var nobody = Http.get(port, "/api/org-chart?district=" + URLEncoder.encode("Ingenstans " + tag, StandardCharsets.UTF_8),
                "reader");
        assertThat(nobody.statusCode()).as("a district without bodies is an empty chart, not 404").isEqualTo(200);
        assertThat(Http.json(nobody).path("total").asLong()).isZero();
        assertThat(Http.json(nobody).path("levels")).isEmpty();

        for (String[] bad : List.of(new String[]{"page=-1", "page"}, new String[]{"size=0", "size"},
                new String[]{"size=1001", "size"}, new String[]{"scopeKind=PLANET", "scopeKind"},
                new String[]{"page=en", "page"})) {
            var refused = Http.get(port, "/api/org-chart?" + bad[0], "reader");
            assertThat(refused.statusCode()).as(bad[0] + ": " + refused.body()).isEqualTo(400);
            assertThat(refused.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
            assertThat(Http.json(refused).path("field").asString()).as(bad[0]).isEqualTo(bad[1]);
        }
        var unknownKind = Http.json(Http.get(port, "/api/org-chart?scopeKind=PLANET", "reader"));
        assertThat(unknownKind.path("detail").asString()).contains("MUNICIPALITY, DISTRICT, COUNTY");
    }
}
