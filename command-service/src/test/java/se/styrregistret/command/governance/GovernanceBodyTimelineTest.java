package se.styrregistret.command.governance;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import se.styrregistret.kernel.common.DecisionReference;
import se.styrregistret.kernel.governance.AmendGovernanceBody;
import se.styrregistret.kernel.governance.AppointMember;
import se.styrregistret.kernel.governance.DissolveGovernanceBody;
import se.styrregistret.kernel.governance.EstablishAreaTeam;
import se.styrregistret.kernel.governance.EstablishGovernanceBody;
import se.styrregistret.kernel.governance.FieldChange;
import se.styrregistret.kernel.governance.GovernanceBodyAmended;
import se.styrregistret.kernel.governance.GovernanceBodyDissolved;
import se.styrregistret.kernel.governance.GovernanceBodyId;
import se.styrregistret.kernel.governance.GovernanceBodyReplaced;
import se.styrregistret.kernel.governance.Level;
import se.styrregistret.kernel.governance.Member;
import se.styrregistret.kernel.governance.MemberAppointed;
import se.styrregistret.kernel.governance.MemberRemoved;
import se.styrregistret.kernel.governance.RemoveMember;
import se.styrregistret.kernel.governance.ReplaceGovernanceBody;
import se.styrregistret.kernel.governance.ReportingLineSet;
import se.styrregistret.kernel.governance.Scope;
import se.styrregistret.kernel.governance.SetReportingLine;

import java.time.LocalDate;
import java.util.List;

import static se.styrregistret.command.governance.GovernanceBodyTest.ID;
import static se.styrregistret.command.governance.GovernanceBodyTest.KS_2019_1003;
import static se.styrregistret.command.governance.GovernanceBodyTest.START;
import static se.styrregistret.command.governance.GovernanceBodyTest.established;
import static se.styrregistret.command.support.Rules.rule;

/**
 * Issue 18, both clocks: a change may be recorded late, for any date from the body's establishment
 * to its end; the aggregate is the body's timeline and accepts a change only if the timeline with it
 * inserted is valid at every step.
 */
class GovernanceBodyTimelineTest {

    static final LocalDate D2020_06 = LocalDate.of(2020, 6, 1);
    static final LocalDate D2020_12 = LocalDate.of(2020, 12, 1);
    static final LocalDate D2021 = LocalDate.of(2021, 3, 1);
    static final LocalDate D2022 = LocalDate.of(2022, 1, 1);
    static final DecisionReference LATE = new DecisionReference("KS 2023-7", "§ 3", LocalDate.of(2023, 2, 1), "Kommunstyrelsen");
    static final Member POLICE = new Member("Kommunpolis", null);
    static final Member SCHOOLS = new Member("Utbildningsdirektör", null);
    static final GovernanceBodyId STEERING = GovernanceBodyId.of("steering-group");
    static final GovernanceBodyId COORDINATION = GovernanceBodyId.of("coordination-group");

    FixtureConfiguration<GovernanceBody> fixture;
    InMemoryBodyLookup bodies;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(GovernanceBody.class);
        bodies = new InMemoryBodyLookup();
        fixture.registerInjectableResource(bodies);
        fixture.registerInjectableResource(se.styrregistret.command.district.InMemoryDistrictLookup.linkoping());
        fixture.registerAnnotatedCommandHandler(new Reorganisations(fixture.getRepository()));
    }

    static GovernanceBodyAmended renamed(String name, LocalDate date) {
        return new GovernanceBodyAmended(ID, List.of(new FieldChange("name", "Politisk styrgrupp", name)), name,
                List.of("Övergripande politisk styrning"), "KS ordförande", "3 gånger per år", List.of("KLF (Säkerhetsenheten)"),
                date, LATE);
    }

    @Nested
    class LateAmendments {
        @Test
        void an_amendment_recorded_late_takes_its_values_from_its_own_date() {
            // renamed in 2021 (recorded first); the 2020 change of meeting frequency sees the old name
            fixture.given(established(), renamed("Trygghetsberedningen", D2021))
                    .when(new AmendGovernanceBody(ID, null, null, null, "Varje månad", null, D2020_06, LATE))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(new GovernanceBodyAmended(ID, List.of(new FieldChange("meetingFrequency", "3 gånger per år", "Varje månad")),
                            "Politisk styrgrupp", List.of("Övergripande politisk styrning"), "KS ordförande", "Varje månad",
                            List.of("KLF (Säkerhetsenheten)"), D2020_06, LATE));
        }

        @Test
        void an_amendment_applies_only_the_fields_it_changes_so_a_late_one_is_not_undone_by_a_later_dated_one() {
            // the 2021 rename carries the old frequency in full; only its name counts, so in 2022 the frequency is the 2020 one
            GovernanceBodyAmended frequency2020 = new GovernanceBodyAmended(ID,
                    List.of(new FieldChange("meetingFrequency", "3 gånger per år", "Varje månad")), "Politisk styrgrupp",
                    List.of("Övergripande politisk styrning"), "KS ordförande", "Varje månad", List.of("KLF (Säkerhetsenheten)"),
                    D2020_06, LATE);
            fixture.given(established(), renamed("Trygghetsberedningen", D2021), frequency2020)
                    .when(new AmendGovernanceBody(ID, null, null, "Kommundirektören", null, null, D2022, LATE))
                    .expectEvents(new GovernanceBodyAmended(ID, List.of(new FieldChange("convener", "KS ordförande", "Kommundirektören")),
                            "Trygghetsberedningen", List.of("Övergripande politisk styrning"), "Kommundirektören", "Varje månad",
                            List.of("KLF (Säkerhetsenheten)"), D2022, LATE));
        }

        @Test
        void a_change_dated_before_the_establishment_is_refused() {
            fixture.given(established())
                    .when(new AmendGovernanceBody(ID, null, null, "Kommundirektören", null, null, LocalDate.of(2019, 12, 31), LATE))
                    .expectException(rule("effective-date-before-start", "2020-01-20"))
                    .expectNoEvents();
        }

        @Test
        void a_change_on_the_establishment_date_is_accepted() {
            fixture.given(established(), renamed("Trygghetsberedningen", D2021))
                    .when(new AppointMember(ID, SCHOOLS, START, LATE))
                    .expectEvents(new MemberAppointed(ID, SCHOOLS, START, LATE));
        }
    }

    @Nested
    class Members {
        @Test
        void a_member_removed_before_they_were_appointed_is_refused() {
            fixture.given(established(), new MemberAppointed(ID, SCHOOLS, D2021, LATE))
                    .when(new RemoveMember(ID, "Utbildningsdirektör", D2020_06, LATE))
                    .expectException(rule("role-not-held", "den 2020-06-01"))
                    .expectNoEvents();
        }

        @Test
        void a_member_removed_late_between_appointment_and_a_later_change_is_accepted() {
            fixture.given(established(), new MemberAppointed(ID, SCHOOLS, D2020_06, LATE), renamed("Ny", D2022))
                    .when(new RemoveMember(ID, "Utbildningsdirektör", D2021, LATE))
                    .expectEvents(new MemberRemoved(ID, SCHOOLS, D2021, LATE));
        }

        @Test
        void a_role_appointed_on_a_date_it_is_held_is_refused() {
            fixture.given(established(), new MemberRemoved(ID, POLICE, D2022, LATE))
                    .when(new AppointMember(ID, POLICE, D2021, LATE))
                    .expectException(rule("role-already-held", "den 2021-03-01"))
                    .expectNoEvents();
        }

        @Test
        void a_role_appointed_after_it_was_removed_is_accepted_even_when_recorded_late() {
            fixture.given(established(), new MemberRemoved(ID, POLICE, D2020_06, LATE), renamed("Ny", D2022))
                    .when(new AppointMember(ID, POLICE, D2021, LATE))
                    .expectEvents(new MemberAppointed(ID, POLICE, D2021, LATE));
        }

        @Test
        void an_appointment_whose_later_existing_appointment_would_clash_is_refused() {
            // appointed in 2021 (recorded); appointing the same role in 2020 would make the 2021 appointment a second one
            fixture.given(established(), new MemberAppointed(ID, SCHOOLS, D2021, LATE))
                    .when(new AppointMember(ID, SCHOOLS, D2020_06, LATE))
                    .expectException(rule("role-already-held", "en ändring som gäller 2021-03-01"))
                    .expectNoEvents();
        }

        @Test
        void a_removal_whose_later_existing_removal_would_clash_is_refused() {
            fixture.given(established(), new MemberRemoved(ID, POLICE, D2022, LATE))
                    .when(new RemoveMember(ID, "Kommunpolis", D2021, LATE))
                    .expectException(rule("role-not-held", "en ändring som gäller 2022-01-01"))
                    .expectNoEvents();
        }
    }

    @Nested
    class EndedBodies {
        @Test
        void an_ended_body_takes_changes_dated_before_its_end() {
            fixture.given(established(), new GovernanceBodyDissolved(ID, null, D2021, LATE))
                    .when(new AppointMember(ID, SCHOOLS, D2020_06, LATE))
                    .expectEvents(new MemberAppointed(ID, SCHOOLS, D2020_06, LATE));
        }

        @Test
        void a_change_on_or_after_the_end_is_refused_naming_the_end_date() {
            fixture.given(established(), new GovernanceBodyReplaced(ID, List.of(STEERING), null, D2021, LATE))
                    .when(new AppointMember(ID, SCHOOLS, D2021, LATE))
                    .expectException(rule("body-has-ended", "upphörde 2021-03-01 (ersatt)"))
                    .expectNoEvents();
        }

        @Test
        void a_dissolution_dated_before_existing_later_changes_is_refused() {
            fixture.given(established(), new MemberAppointed(ID, SCHOOLS, D2021, LATE))
                    .when(new DissolveGovernanceBody(ID, null, D2020_06, LATE))
                    .expectException(rule("ending-before-later-changes", "2021-03-01"))
                    .expectNoEvents();
        }

        @Test
        void a_replacement_dated_before_existing_later_changes_is_refused() {
            fixture.given(established(), new MemberAppointed(ID, SCHOOLS, D2021, LATE))
                    .when(new ReplaceGovernanceBody(List.of(ID), List.of(STEERING), null, D2020_06, LATE))
                    .expectException(rule("ending-before-later-changes"))
                    .expectNoEvents();
        }

        @Test
        void a_dissolution_recorded_late_after_every_change_is_accepted() {
            fixture.given(established(), new MemberAppointed(ID, SCHOOLS, D2020_06, LATE))
                    .when(new DissolveGovernanceBody(ID, "Ersatt av nytt råd", D2020_12, LATE))
                    .expectEvents(new GovernanceBodyDissolved(ID, "Ersatt av nytt råd", D2020_12, LATE));
        }
    }

    @Nested
    class ReportingLines {
        @Test
        void a_line_that_closes_a_circle_on_a_later_date_of_its_interval_is_refused() {
            // the steering group reports to this body from 2021; a line from 2020 the other way meets it then
            bodies.active(STEERING.value()).reports(STEERING.value(), ID.value(), D2021);
            fixture.given(established())
                    .when(new SetReportingLine(ID, STEERING, D2020_06, LATE))
                    .expectException(rule("reporting-line-cycle", "den 2021-03-01"))
                    .expectNoEvents();
        }

        @Test
        void a_circle_through_a_chain_whose_link_changes_later_is_refused() {
            bodies.active(STEERING.value()).active(COORDINATION.value())
                    .reports(COORDINATION.value(), STEERING.value(), D2020_06)
                    .reports(STEERING.value(), ID.value(), D2022);
            fixture.given(established())
                    .when(new SetReportingLine(ID, COORDINATION, D2020_12, LATE))
                    .expectException(rule("reporting-line-cycle", "den 2022-01-01"))
                    .expectNoEvents();
        }

        @Test
        void a_line_that_ends_before_the_other_line_begins_is_accepted() {
            bodies.active(STEERING.value()).active(COORDINATION.value()).reports(STEERING.value(), ID.value(), D2021);
            // this body's own line changes again in 2020-12 (recorded earlier): the new line holds 2020-06 to 2020-12 only
            fixture.given(established(), new ReportingLineSet(ID, COORDINATION, null, D2020_12, LATE))
                    .when(new SetReportingLine(ID, STEERING, D2020_06, LATE))
                    .expectEvents(new ReportingLineSet(ID, STEERING, null, D2020_06, LATE));
        }

        @Test
        void a_target_not_active_on_the_date_is_refused() {
            bodies.active(STEERING.value(), D2021, null);
            fixture.given(established())
                    .when(new SetReportingLine(ID, STEERING, D2020_06, LATE))
                    .expectException(rule("reporting-target-not-active", "2020-06-01"))
                    .expectNoEvents();
        }

        @Test
        void a_target_active_on_the_date_is_accepted_even_if_it_ended_since() {
            bodies.active(STEERING.value(), START, D2021);
            fixture.given(established())
                    .when(new SetReportingLine(ID, STEERING, D2020_06, LATE))
                    .expectEvents(new ReportingLineSet(ID, STEERING, null, D2020_06, LATE));
        }

        @Test
        void the_previous_line_is_the_one_in_force_on_the_date() {
            bodies.active(STEERING.value()).active(COORDINATION.value());
            fixture.given(established(), new ReportingLineSet(ID, COORDINATION, null, D2020_06, LATE),
                            new ReportingLineSet(ID, null, COORDINATION, D2022, LATE))
                    .when(new SetReportingLine(ID, STEERING, D2021, LATE))
                    .expectEvents(new ReportingLineSet(ID, STEERING, COORDINATION, D2021, LATE));
        }
    }

    @Nested
    class AreaTeams {
        EstablishAreaTeam berga(LocalDate date) {
            return new EstablishAreaTeam(ID, null, "Berga", "Leanlink", null, 1, 2, null, date, LATE);
        }

        @Test
        void a_team_whose_interval_overlaps_an_earlier_team_in_the_district_is_refused() {
            bodies.areaTeam("old-berga", "Berga", LocalDate.of(2019, 1, 1), LocalDate.of(2021, 1, 1));
            fixture.givenNoPriorActivity()
                    .when(berga(D2020_06))
                    .expectException(rule("one-area-team-per-district", "old-berga"))
                    .expectNoEvents();
        }

        @Test
        void a_team_whose_interval_overlaps_a_later_team_in_the_district_is_refused() {
            bodies.areaTeam("new-berga", "Berga", D2022, null);
            fixture.givenNoPriorActivity()
                    .when(berga(D2021))
                    .expectException(rule("one-area-team-per-district", "new-berga"))
                    .expectNoEvents();
        }

        @Test
        void a_team_after_the_earlier_team_ended_is_accepted() {
            bodies.areaTeam("old-berga", "Berga", LocalDate.of(2019, 1, 1), LocalDate.of(2021, 1, 1));
            fixture.givenNoPriorActivity()
                    .when(berga(D2021))
                    .expectSuccessfulHandlerExecution();
        }
    }

    @Nested
    class Names {
        EstablishGovernanceBody named(String name, LocalDate date) {
            return new EstablishGovernanceBody(ID, name, null, Level.STRATEGIC, Scope.municipality(), List.of(), null, null,
                    List.of(), List.of(), date, LATE);
        }

        @Test
        void a_name_held_by_a_body_that_ended_before_is_free() {
            bodies.nameTaken("LiBrå", LocalDate.of(2007, 5, 29), START);
            fixture.givenNoPriorActivity()
                    .when(named("LiBrå", START))
                    .expectSuccessfulHandlerExecution();
        }

        @Test
        void a_name_another_body_takes_later_while_this_one_would_carry_it_is_refused() {
            bodies.nameTaken("Trygghetsrådet", D2022, null);
            fixture.given(established())
                    .when(new AmendGovernanceBody(ID, "Trygghetsrådet", null, null, null, null, D2021, LATE))
                    .expectException(rule("name-taken", "Trygghetsrådet"))
                    .expectNoEvents();
        }

        @Test
        void a_name_carried_only_until_this_body_renames_again_is_free_later() {
            bodies.nameTaken("Trygghetsrådet", D2022, null);
            fixture.given(established(), renamed("Säkerhetsrådet", LocalDate.of(2021, 6, 1)))
                    .when(new AmendGovernanceBody(ID, "Trygghetsrådet", null, null, null, null, D2021, LATE))
                    .expectSuccessfulHandlerExecution();
        }
    }

    @Test
    void a_later_change_on_the_same_date_follows_the_order_recorded() {
        fixture.given(established(), new MemberRemoved(ID, POLICE, D2021, LATE))
                .when(new AppointMember(ID, POLICE, D2021, KS_2019_1003))
                .expectEvents(new MemberAppointed(ID, POLICE, D2021, KS_2019_1003));
    }
}
