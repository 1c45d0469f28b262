package se.styrregistret.command.governance;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import se.styrregistret.command.support.CommandServiceTest;
import se.styrregistret.kernel.common.DecisionReference;
import se.styrregistret.kernel.correction.EntryCorrected;
import se.styrregistret.kernel.governance.AreaTeamEstablished;
import se.styrregistret.kernel.governance.FieldChange;
import se.styrregistret.kernel.governance.GovernanceBodyAmended;
import se.styrregistret.kernel.governance.GovernanceBodyDissolved;
import se.styrregistret.kernel.governance.GovernanceBodyEstablished;
import se.styrregistret.kernel.governance.GovernanceBodyId;
import se.styrregistret.kernel.governance.Level;
import se.styrregistret.kernel.governance.ReportingLineSet;
import se.styrregistret.kernel.governance.Scope;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The body registry against the real PostgreSQL: events whose effective dates arrive out of order
 * leave it right on every date (dated rows, read in date order; never last write wins), and a
 * correction takes the corrected entry's rows out.
 */
class BodyRegistryDatesTest extends CommandServiceTest {

    static final DecisionReference DECISION = new DecisionReference("KS 2023-1", null, LocalDate.of(2023, 1, 1), "Kommunstyrelsen");
    static final LocalDate D2020 = LocalDate.of(2020, 1, 20);
    static final LocalDate D2021 = LocalDate.of(2021, 1, 1);
    static final LocalDate D2022 = LocalDate.of(2022, 1, 1);

    @Autowired
    BodyRegistry registry;

    static String id() {
        return "b-" + UUID.randomUUID();
    }

    static String event() {
        return UUID.randomUUID().toString();
    }

    GovernanceBodyEstablished established(String id, String name) {
        return new GovernanceBodyEstablished(GovernanceBodyId.of(id), name, null, Level.STRATEGIC, Scope.municipality(),
                List.of(), null, null, List.of(), List.of(), D2020, DECISION);
    }

    static GovernanceBodyAmended renamed(String id, String name, LocalDate date) {
        return new GovernanceBodyAmended(GovernanceBodyId.of(id), List.of(new FieldChange("name", "?", name)), name,
                List.of(), null, null, List.of(), date, DECISION);
    }

    @Test
    void names_recorded_out_of_date_order_each_hold_from_their_own_date() {
        String body = id();
        String n2021 = "Namn 2021 " + body;
        String n2022 = "Namn 2022 " + body;
        registry.apply(established(body, "Namn 2020 " + body), event());
        registry.apply(renamed(body, n2022, D2022), event());   // recorded first
        registry.apply(renamed(body, n2021, D2021), event());   // recorded later, dated earlier

        assertThat(registry.nameHolderDuring(n2021, LocalDate.of(2021, 6, 1), LocalDate.of(2021, 7, 1), null)).isPresent();
        assertThat(registry.nameHolderDuring(n2021, LocalDate.of(2022, 6, 1), null, null)).isEmpty();
        assertThat(registry.nameHolderDuring(n2022, LocalDate.of(2021, 6, 1), LocalDate.of(2021, 7, 1), null)).isEmpty();
        assertThat(registry.nameHolderDuring(n2022, LocalDate.of(2022, 6, 1), null, null)).contains(GovernanceBodyId.of(body));
        assertThat(registry.nameHolderDuring(n2022, LocalDate.of(2022, 6, 1), null, GovernanceBodyId.of(body))).isEmpty();
    }

    @Test
    void reporting_lines_recorded_out_of_date_order_each_hold_from_their_own_date() {
        String body = id();
        String a = id();
        String b = id();
        registry.apply(established(body, "Organ " + body), event());
        registry.apply(new ReportingLineSet(GovernanceBodyId.of(body), GovernanceBodyId.of(a), null, D2022, DECISION), event());
        registry.apply(new ReportingLineSet(GovernanceBodyId.of(body), GovernanceBodyId.of(b), null, D2021, DECISION), event());

        assertThat(registry.reportsToOn(GovernanceBodyId.of(body), LocalDate.of(2020, 6, 1))).isEmpty();
        assertThat(registry.reportsToOn(GovernanceBodyId.of(body), LocalDate.of(2021, 6, 1))).contains(GovernanceBodyId.of(b));
        assertThat(registry.reportsToOn(GovernanceBodyId.of(body), LocalDate.of(2022, 6, 1))).contains(GovernanceBodyId.of(a));
        assertThat(registry.reportingChangesOf(GovernanceBodyId.of(body))).containsExactly(D2021, D2022);
    }

    @Test
    void a_body_is_active_from_its_start_until_its_end_whatever_the_order_recorded() {
        String body = id();
        registry.apply(established(body, "Organ " + body), event());
        registry.apply(new GovernanceBodyDissolved(GovernanceBodyId.of(body), null, D2022, DECISION), event());

        assertThat(registry.isActiveOn(GovernanceBodyId.of(body), D2020.minusDays(1))).isFalse();
        assertThat(registry.isActiveOn(GovernanceBodyId.of(body), D2021)).isTrue();
        assertThat(registry.isActiveOn(GovernanceBodyId.of(body), D2022)).isFalse();
    }

    @Test
    void area_teams_are_known_by_district_and_interval() {
        String district = "Distrikt " + UUID.randomUUID();
        String old = id();
        registry.apply(new AreaTeamEstablished(GovernanceBodyId.of(old), "Team " + old, district, null, null, 1, 1, null,
                D2020, DECISION), event());
        registry.apply(new GovernanceBodyDissolved(GovernanceBodyId.of(old), null, D2022, DECISION), event());

        assertThat(registry.areaTeamDuring(district, D2021, null, null)).contains(GovernanceBodyId.of(old));
        assertThat(registry.areaTeamDuring(district, D2022, null, null)).isEmpty();
        assertThat(registry.areaTeamDuring(district, LocalDate.of(2019, 1, 1), D2020, null)).isEmpty();
    }

    @Test
    void a_correction_takes_the_corrected_entrys_rows_out_and_its_replacement_adds_its_own() {
        String body = id();
        String dissolution = event();
        registry.apply(established(body, "Organ " + body), event());
        registry.apply(new GovernanceBodyDissolved(GovernanceBodyId.of(body), null, D2021, DECISION), dissolution);
        assertThat(registry.isActiveOn(GovernanceBodyId.of(body), LocalDate.of(2021, 6, 1))).isFalse();

        registry.apply(new EntryCorrected(body, dissolution, 7, "GovernanceBodyDissolved", false, "Fel datum", null), event());
        registry.apply(new GovernanceBodyDissolved(GovernanceBodyId.of(body), null, D2022, DECISION), event(), dissolution);

        assertThat(registry.isActiveOn(GovernanceBodyId.of(body), LocalDate.of(2021, 6, 1))).isTrue();
        assertThat(registry.isActiveOn(GovernanceBodyId.of(body), D2022)).isFalse();
    }

    @Test
    void concurrent_area_teams_in_one_district_are_one_accepted_the_others_refused_by_the_rule() throws Exception {
        String district = "Stadsdel " + UUID.randomUUID().toString().substring(0, 8);
        registerDistricts(district);
        var pool = java.util.concurrent.Executors.newFixedThreadPool(6);
        try {
            var start = new java.util.concurrent.CountDownLatch(1);
            List<java.util.concurrent.Future<java.net.http.HttpResponse<String>>> answers = new java.util.ArrayList<>();
            for (int i = 0; i < 6; i++) {
                String body = """
                        {"district":"%s","name":"Team %s %d","teamLeaders":1,"safetyWardens":1,"effectiveDate":"2021-03-02",
                         "decision":{"decisionDate":"2021-03-01","decidedBy":"Kommunstyrelsen"}}""".formatted(district, district, i);
                answers.add(pool.submit(() -> {
                    start.await();
                    return post("/api/area-teams", body);
                }));
            }
            start.countDown();
            int accepted = 0;
            for (var answer : answers) {
                var response = answer.get();
                if (response.statusCode() == 201) {
                    accepted++;
                } else {
                    assertThat(response.statusCode()).as(response.body()).isEqualTo(409);
                    assertThat(response.body()).contains("one-area-team-per-district");
                }
            }
            assertThat(accepted).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }
}
