package se.styrregistret.command.governance;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import se.styrregistret.command.common.RuleViolation;
import se.styrregistret.kernel.common.DecisionReference;
import se.styrregistret.kernel.governance.AmendGovernanceBody;
import se.styrregistret.kernel.governance.AppointMember;
import se.styrregistret.kernel.governance.AreaTeamEstablished;
import se.styrregistret.kernel.governance.DissolveGovernanceBody;
import se.styrregistret.kernel.governance.EstablishAreaTeam;
import se.styrregistret.kernel.governance.EstablishGovernanceBody;
import se.styrregistret.kernel.governance.FieldChange;
import se.styrregistret.kernel.governance.GovernanceBodyAmended;
import se.styrregistret.kernel.governance.GovernanceBodyDissolved;
import se.styrregistret.kernel.governance.GovernanceBodyEstablished;
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

import static se.styrregistret.command.support.Rules.rule;
import java.util.List;

class GovernanceBodyTest {

    static final GovernanceBodyId ID = GovernanceBodyId.of("political-steering-group");
    static final LocalDate START = LocalDate.of(2020, 1, 20);
    static final DecisionReference KS_2019_1003 = new DecisionReference("KS 2019-1003", null, START, "Kommunstyrelsen");
    static final DecisionReference LATER = new DecisionReference("KS 2021-1", "§ 12", LocalDate.of(2021, 3, 1), "Kommunstyrelsen");

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

    static EstablishGovernanceBody establish(String name, DecisionReference decision) {
        return new EstablishGovernanceBody(ID, name, null, Level.POLITICAL, Scope.municipality(),
                List.of("Övergripande politisk styrning"), "KS ordförande", "3 gånger per år", List.of("KLF (Säkerhetsenheten)"),
                List.of(new Member("Kommunpolis", null)), START, decision);
    }

    static GovernanceBodyEstablished established() {
        var c = establish("Politisk styrgrupp", KS_2019_1003);
        return new GovernanceBodyEstablished(c.bodyId(), c.name(), c.shortName(), c.level(), c.scope(), c.mandate(),
                c.convener(), c.meetingFrequency(), c.supportingResources(), c.members(), c.effectiveDate(), c.decision());
    }

    @Nested
    class Establish {
        @Test
        void establishes_a_body_that_cites_its_decision() {
            fixture.givenNoPriorActivity()
                    .when(establish("Politisk styrgrupp", KS_2019_1003))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(established());
        }

        @Test
        void rejects_a_blank_name() {
            fixture.givenNoPriorActivity()
                    .when(establish("  ", KS_2019_1003))
                    .expectException(RuleViolation.class)
                    .expectExceptionMessage("Ett organ måste ha ett namn")
                    .expectNoEvents();
        }

        @Test
        void rejects_a_change_without_a_decision() {
            fixture.givenNoPriorActivity()
                    .when(establish("Politisk styrgrupp", null))
                    .expectException(RuleViolation.class)
                    .expectExceptionMessage("Varje ändring måste hänvisa till ett beslut")
                    .expectNoEvents();
        }

        @Test
        void rejects_establishing_the_same_body_twice() {
            fixture.given(established())
                    .when(establish("Politisk styrgrupp", KS_2019_1003))
                    .expectException(RuleViolation.class)
                    .expectExceptionMessage("Organet political-steering-group är redan inrättat")
                    .expectNoEvents();
        }

        @Test
        void rejects_a_name_an_active_body_already_has() {
            bodies.nameTaken("Politisk styrgrupp");
            fixture.givenNoPriorActivity()
                    .when(establish("politisk styrgrupp", KS_2019_1003))
                    .expectException(rule("name-taken", "Det finns redan ett aktivt organ som heter politisk styrgrupp"))
                    .expectNoEvents();
        }
    }

    @Nested
    class AreaTeams {
        EstablishAreaTeam berga(int leaders) {
            return new EstablishAreaTeam(ID, null, "Berga", "Leanlink", "Social- och omsorgsnämnden", leaders, 2,
                    "Ökad trygghet i Berga", LocalDate.of(2021, 3, 2), LATER);
        }

        @Test
        void establishes_an_area_team_named_after_its_district() {
            fixture.givenNoPriorActivity()
                    .when(berga(1))
                    .expectEvents(new AreaTeamEstablished(ID, "Områdesteam Berga", "Berga", "Leanlink",
                            "Social- och omsorgsnämnden", 1, 2, "Ökad trygghet i Berga", LocalDate.of(2021, 3, 2), LATER));
        }

        @Test
        void names_its_district_in_the_registered_spelling() {
            fixture.givenNoPriorActivity()
                    .when(new EstablishAreaTeam(ID, null, " berga ", null, null, 1, 2, null, LocalDate.of(2021, 3, 2), LATER))
                    .expectEvents(new AreaTeamEstablished(ID, "Områdesteam Berga", "Berga", null, null, 1, 2, null,
                            LocalDate.of(2021, 3, 2), LATER));
        }

        @Test
        void rejects_a_district_that_is_not_registered() {
            fixture.givenNoPriorActivity()
                    .when(new EstablishAreaTeam(ID, null, "Atlantis", null, null, 1, 2, null, LocalDate.of(2021, 3, 2), LATER))
                    .expectException(rule("district-unknown", "Stadsdelen Atlantis är inte registrerad"))
                    .expectNoEvents();
        }

        @Test
        void rejects_a_second_active_area_team_in_a_district() {
            bodies.areaTeamIn("Berga");
            fixture.givenNoPriorActivity()
                    .when(berga(1))
                    .expectException(rule("one-area-team-per-district", "Stadsdelen Berga har redan ett aktivt områdesteam"))
                    .expectNoEvents();
        }

        @Test
        void rejects_negative_staff() {
            fixture.givenNoPriorActivity()
                    .when(berga(-1))
                    .expectException(RuleViolation.class)
                    .expectNoEvents();
        }
    }

    @Nested
    class Amend {
        @Test
        void records_exactly_what_changed() {
            fixture.given(established())
                    .when(new AmendGovernanceBody(ID, null, null, "Kommundirektören", null, null, LATER.decisionDate(), LATER))
                    .expectEvents(new GovernanceBodyAmended(ID,
                            List.of(new FieldChange("convener", "KS ordförande", "Kommundirektören")),
                            "Politisk styrgrupp", List.of("Övergripande politisk styrning"), "Kommundirektören",
                            "3 gånger per år", List.of("KLF (Säkerhetsenheten)"), LATER.decisionDate(), LATER));
        }

        @Test
        void rejects_an_amendment_that_changes_nothing() {
            fixture.given(established())
                    .when(new AmendGovernanceBody(ID, null, null, "KS ordförande", null, null, LATER.decisionDate(), LATER))
                    .expectException(RuleViolation.class)
                    .expectNoEvents();
        }

        @Test
        void rejects_an_effective_date_before_the_body_started() {
            fixture.given(established())
                    .when(new AmendGovernanceBody(ID, null, null, "Kommundirektören", null, null, LocalDate.of(2019, 1, 1), LATER))
                    .expectException(RuleViolation.class)
                    .expectExceptionMessage("Ändringen kan inte gälla före organets start 2020-01-20")
                    .expectNoEvents();
        }

        @Test
        void rejects_changes_to_a_dissolved_body() {
            fixture.given(established(), new GovernanceBodyDissolved(ID, null, LATER.decisionDate(), LATER))
                    .when(new AmendGovernanceBody(ID, null, null, "Kommundirektören", null, null, LATER.decisionDate(), LATER))
                    .expectException(rule("body-has-ended", "Organet Politisk styrgrupp upphörde 2021-03-01 (avvecklat)"))
                    .expectNoEvents();
        }
    }

    @Nested
    class Members {
        @Test
        void appoints_a_role() {
            Member member = new Member("Säkerhetsenheten", null);
            fixture.given(established())
                    .when(new AppointMember(ID, member, START, KS_2019_1003))
                    .expectEvents(new MemberAppointed(ID, member, START, KS_2019_1003));
        }

        @Test
        void rejects_appointing_a_role_already_held() {
            fixture.given(established())
                    .when(new AppointMember(ID, new Member("kommunpolis", null), START, KS_2019_1003))
                    .expectException(RuleViolation.class)
                    .expectNoEvents();
        }

        @Test
        void removes_a_held_role() {
            fixture.given(established())
                    .when(new RemoveMember(ID, "Kommunpolis", LATER.decisionDate(), LATER))
                    .expectEvents(new MemberRemoved(ID, new Member("Kommunpolis", null), LATER.decisionDate(), LATER));
        }

        @Test
        void rejects_removing_a_role_not_held() {
            fixture.given(established())
                    .when(new RemoveMember(ID, "Utbildningsdirektör", LATER.decisionDate(), LATER))
                    .expectException(rule("role-not-held", "Rollen Utbildningsdirektör finns inte i organet den 2021-03-01"))
                    .expectNoEvents();
        }
    }

    @Nested
    class ReportingLines {
        static final GovernanceBodyId STEERING = GovernanceBodyId.of("steering-group");

        @Test
        void sets_a_reporting_line_to_an_active_body() {
            bodies.active(STEERING.value());
            fixture.given(established())
                    .when(new SetReportingLine(ID, STEERING, START, KS_2019_1003))
                    .expectEvents(new ReportingLineSet(ID, STEERING, null, START, KS_2019_1003));
        }

        @Test
        void rejects_a_cycle() {
            // steering-group already reports to political-steering-group; the reverse would close a circle
            bodies.reports(STEERING.value(), ID.value());
            fixture.given(established())
                    .when(new SetReportingLine(ID, STEERING, START, KS_2019_1003))
                    .expectException(rule("reporting-line-cycle", "Rapporteringsvägen skulle bli en cirkel"))
                    .expectNoEvents();
        }

        @Test
        void rejects_reporting_to_an_ended_body() {
            bodies.ended(STEERING.value());
            fixture.given(established())
                    .when(new SetReportingLine(ID, STEERING, START, KS_2019_1003))
                    .expectException(RuleViolation.class)
                    .expectNoEvents();
        }
    }

    @Nested
    class Endings {
        @Test
        void dissolves_a_body() {
            fixture.given(established())
                    .when(new DissolveGovernanceBody(ID, "Uppdraget slutfört", LATER.decisionDate(), LATER))
                    .expectEvents(new GovernanceBodyDissolved(ID, "Uppdraget slutfört", LATER.decisionDate(), LATER));
        }

        @Test
        void rejects_dissolving_twice() {
            fixture.given(established(), new GovernanceBodyDissolved(ID, null, LATER.decisionDate(), LATER))
                    .when(new DissolveGovernanceBody(ID, null, LATER.decisionDate(), LATER))
                    .expectException(RuleViolation.class)
                    .expectNoEvents();
        }

        @Test
        void a_body_is_replaced_at_most_once() {
            GovernanceBodyId successor = GovernanceBodyId.of("successor");
            fixture.given(established(), new GovernanceBodyReplaced(ID, List.of(successor), null, LATER.decisionDate(), LATER))
                    .when(new ReplaceGovernanceBody(List.of(ID), List.of(GovernanceBodyId.of("another")), null,
                            LATER.decisionDate(), LATER))
                    .expectException(RuleViolation.class)
                    .expectExceptionMessage("Organet Politisk styrgrupp är redan ersatt")
                    .expectNoEvents();
        }

        @Test
        void rejects_a_replacement_without_successors() {
            fixture.given(established())
                    .when(new ReplaceGovernanceBody(List.of(ID), List.of(), null, LATER.decisionDate(), LATER))
                    .expectException(RuleViolation.class)
                    .expectNoEvents();
        }

        @Test
        void rejects_a_body_replacing_itself() {
            fixture.given(established())
                    .when(new ReplaceGovernanceBody(List.of(ID), List.of(ID), null, LATER.decisionDate(), LATER))
                    .expectException(RuleViolation.class)
                    .expectNoEvents();
        }
    }
}
