package se.styrregistret.command.governance;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import se.styrregistret.command.common.RuleViolation;
import se.styrregistret.command.governance.InMemoryRegister.Appended;
import se.styrregistret.kernel.common.DecisionReference;
import se.styrregistret.kernel.governance.EstablishingDecisionRescinded;
import se.styrregistret.kernel.governance.GovernanceBodyDissolved;
import se.styrregistret.kernel.governance.GovernanceBodyEstablished;
import se.styrregistret.kernel.governance.GovernanceBodyId;
import se.styrregistret.kernel.governance.GovernanceBodyReplaced;
import se.styrregistret.kernel.governance.GovernanceBodySucceeded;
import se.styrregistret.kernel.governance.Level;
import se.styrregistret.kernel.governance.Member;
import se.styrregistret.kernel.governance.Reorganise;
import se.styrregistret.kernel.governance.Reorganise.Dissolution;
import se.styrregistret.kernel.governance.Reorganise.Establishment;
import se.styrregistret.kernel.governance.Reorganise.Replacement;
import se.styrregistret.kernel.governance.Reorganise.Rescission;
import se.styrregistret.kernel.governance.ReplaceGovernanceBody;
import se.styrregistret.kernel.governance.ReplaceLiBra;
import se.styrregistret.kernel.governance.Scope;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static se.styrregistret.command.governance.InMemoryRegister.payloads;

/** One decision, several bodies, one unit of work: the compound decision and the named commands built on it. */
class ReorganiseTest {

    static final LocalDate DAY = LocalDate.of(2020, 1, 20);
    static final DecisionReference KS_2019_1003 = new DecisionReference("KS 2019-1003", null, DAY, "Kommunstyrelsen");
    static final DecisionReference KS_2007_290 = new DecisionReference(null, "§ 290", LocalDate.of(2007, 5, 29), "Kommunstyrelsen");
    static final String NOTE = "Beslutstexten anger samordningsgruppen; ett senare stycke anger styrgruppen";

    static final GovernanceBodyId LIBRA = GovernanceBodyId.of("libra");
    static final GovernanceBodyId LOP = GovernanceBodyId.of("lop-gruppen");
    static final GovernanceBodyId POLITICAL = GovernanceBodyId.of("politisk-styrgrupp");
    static final GovernanceBodyId COORDINATION = GovernanceBodyId.of("sms-gruppen");

    InMemoryRegister register;

    @BeforeEach
    void start() {
        register = new InMemoryRegister();
    }

    @AfterEach
    void stop() {
        register.shutdown();
    }

    static GovernanceBodyEstablished established(GovernanceBodyId id, String name, LocalDate from, DecisionReference decision) {
        return new GovernanceBodyEstablished(id, name, null, Level.TACTICAL, Scope.municipality(), List.of(), null, null,
                List.of(), List.of(), from, decision);
    }

    static GovernanceBodyEstablished in2007(GovernanceBodyId id, String name) {
        return established(id, name, KS_2007_290.decisionDate(), KS_2007_290);
    }

    static Establishment newBody(GovernanceBodyId id, String name) {
        return new Establishment(id, name, null, Level.TACTICAL, Scope.municipality(), null, null, null, null, null);
    }

    static Reorganise decision(List<Establishment> establishments, List<Rescission> rescissions,
                               List<Replacement> replacements, List<Dissolution> dissolutions) {
        return new Reorganise(establishments, rescissions, replacements, dissolutions, NOTE, DAY, KS_2019_1003);
    }

    static Replacement replacing(GovernanceBodyId predecessor, GovernanceBodyId successor) {
        return new Replacement(List.of(predecessor), List.of(successor));
    }

    @Nested
    class Accepted {

        @Test
        void given_two_old_bodies_when_one_decision_establishes_rescinds_and_replaces_then_every_part_is_recorded_in_order() {
            register.given(in2007(LIBRA, "LiBrå"), in2007(LOP, "LOP-gruppen"));

            List<Appended> events = register.when(decision(
                    List.of(newBody(POLITICAL, "Politisk styrgrupp"), newBody(COORDINATION, "Samordningsgrupp")),
                    List.of(new Rescission(LIBRA, KS_2007_290)),
                    List.of(replacing(LIBRA, POLITICAL), replacing(LOP, COORDINATION)),
                    List.of()));

            assertThat(events).containsExactly(
                    new Appended("politisk-styrgrupp", 0, established(POLITICAL, "Politisk styrgrupp", DAY, KS_2019_1003)),
                    new Appended("sms-gruppen", 0, established(COORDINATION, "Samordningsgrupp", DAY, KS_2019_1003)),
                    new Appended("libra", 1, new EstablishingDecisionRescinded(LIBRA, KS_2007_290, DAY, KS_2019_1003)),
                    new Appended("libra", 2, new GovernanceBodyReplaced(LIBRA, List.of(POLITICAL), NOTE, DAY, KS_2019_1003)),
                    new Appended("politisk-styrgrupp", 1, new GovernanceBodySucceeded(POLITICAL, List.of(LIBRA), NOTE, DAY, KS_2019_1003)),
                    new Appended("lop-gruppen", 1, new GovernanceBodyReplaced(LOP, List.of(COORDINATION), NOTE, DAY, KS_2019_1003)),
                    new Appended("sms-gruppen", 1, new GovernanceBodySucceeded(COORDINATION, List.of(LOP), NOTE, DAY, KS_2019_1003)));
        }

        @Test
        void given_a_body_when_its_establishing_decision_is_rescinded_and_it_is_dissolved_then_rescission_comes_first() {
            register.given(in2007(LIBRA, "LiBrå"));

            List<Appended> events = register.when(decision(List.of(), List.of(new Rescission(LIBRA, KS_2007_290)),
                    List.of(), List.of(new Dissolution(LIBRA, "Uppdraget övergår till styrgruppen"))));

            assertThat(payloads(events)).containsExactly(
                    new EstablishingDecisionRescinded(LIBRA, KS_2007_290, DAY, KS_2019_1003),
                    new GovernanceBodyDissolved(LIBRA, "Uppdraget övergår till styrgruppen", DAY, KS_2019_1003));
        }

        @Test
        void given_two_bodies_when_each_is_replaced_by_the_same_new_body_in_its_own_part_then_the_new_body_succeeds_both() {
            register.given(in2007(LIBRA, "LiBrå"), in2007(LOP, "LOP-gruppen"));

            List<Appended> events = register.when(decision(List.of(newBody(POLITICAL, "Politisk styrgrupp")), List.of(),
                    List.of(replacing(LIBRA, POLITICAL), replacing(LOP, POLITICAL)), List.of()));

            assertThat(events).filteredOn(e -> e.bodyId().equals("politisk-styrgrupp")).extracting(Appended::payload)
                    .containsExactly(established(POLITICAL, "Politisk styrgrupp", DAY, KS_2019_1003),
                            new GovernanceBodySucceeded(POLITICAL, List.of(LIBRA), NOTE, DAY, KS_2019_1003),
                            new GovernanceBodySucceeded(POLITICAL, List.of(LOP), NOTE, DAY, KS_2019_1003));
        }

        @Test
        void given_nothing_when_a_decision_only_establishes_then_the_bodies_carry_its_members_and_decision() {
            Establishment withMembers = new Establishment(POLITICAL, " Politisk styrgrupp ", "PSG", Level.POLITICAL,
                    Scope.municipality(), List.of("Övergripande styrning"), "KS ordförande", "3 gånger per år",
                    List.of("Säkerhetsenheten"), List.of(new Member("Kommunpolis", null)));

            List<Appended> events = register.when(decision(List.of(withMembers), List.of(), List.of(), List.of()));

            assertThat(payloads(events)).containsExactly(new GovernanceBodyEstablished(POLITICAL, "Politisk styrgrupp", "PSG",
                    Level.POLITICAL, Scope.municipality(), List.of("Övergripande styrning"), "KS ordförande", "3 gånger per år",
                    List.of("Säkerhetsenheten"), List.of(new Member("Kommunpolis", null)), DAY, KS_2019_1003));
        }
    }

    @Nested
    class Refused {

        @Test
        void given_a_decision_without_parts_then_it_is_refused_and_nothing_is_recorded() {
            RuleViolation refusal = register.refused(decision(List.of(), List.of(), List.of(), List.of()));

            assertThat(refusal.rule()).isEqualTo("decision-has-no-parts");
        }

        @Test
        void given_a_decision_without_a_decision_reference_then_it_is_refused_before_any_body_changes() {
            register.given(in2007(LIBRA, "LiBrå"));

            RuleViolation refusal = register.refused(new Reorganise(null, null, null,
                    List.of(new Dissolution(LIBRA, null)), null, DAY, null));

            assertThat(refusal.rule()).isEqualTo("decision-required");
        }

        @Test
        void given_an_unknown_successor_then_the_refusal_names_it_and_the_predecessor_is_not_replaced() {
            register.given(in2007(LIBRA, "LiBrå"));

            RuleViolation refusal = register.refused(decision(List.of(), List.of(),
                    List.of(new Replacement(List.of(LIBRA), List.of(POLITICAL))), List.of()));

            assertThat(refusal.rule()).isEqualTo("body-unknown");
            assertThat(refusal.field()).isEqualTo("replacements[0].successors[0]");
            assertThat(refusal.isConflict()).isFalse();
        }

        @Test
        void given_a_body_both_replaced_and_dissolved_then_the_second_mention_is_named() {
            register.given(in2007(LIBRA, "LiBrå"), in2007(LOP, "LOP-gruppen"));

            RuleViolation refusal = register.refused(decision(List.of(), List.of(),
                    List.of(replacing(LIBRA, LOP)), List.of(new Dissolution(LIBRA, null))));

            assertThat(refusal.rule()).isEqualTo("body-named-twice");
            assertThat(refusal.field()).isEqualTo("dissolutions[0].bodyId");
            assertThat(refusal.getMessage()).isEqualTo("Organet libra kan inte både ersättas och avvecklas i samma beslut");
        }

        @Test
        void given_a_body_established_and_replaced_by_the_same_decision_then_it_is_refused() {
            register.given(in2007(LOP, "LOP-gruppen"));

            RuleViolation refusal = register.refused(decision(List.of(newBody(POLITICAL, "Politisk styrgrupp")), List.of(),
                    List.of(replacing(POLITICAL, LOP)), List.of()));

            assertThat(refusal.rule()).isEqualTo("body-named-twice");
            assertThat(refusal.field()).isEqualTo("replacements[0].predecessors[0]");
        }

        @Test
        void given_a_body_replaced_in_two_parts_then_it_is_refused() {
            register.given(in2007(LIBRA, "LiBrå"), in2007(LOP, "LOP-gruppen"));

            RuleViolation refusal = register.refused(decision(List.of(newBody(POLITICAL, "Politisk styrgrupp")), List.of(),
                    List.of(replacing(LIBRA, POLITICAL), replacing(LIBRA, LOP)), List.of()));

            assertThat(refusal.rule()).isEqualTo("body-named-twice");
            assertThat(refusal.field()).isEqualTo("replacements[1].predecessors[0]");
            assertThat(refusal.getMessage()).isEqualTo("Organet libra kan inte ersättas två gånger i samma beslut");
        }

        @Test
        void given_a_replacement_naming_a_body_on_both_sides_then_it_is_refused_as_before() {
            register.given(in2007(LIBRA, "LiBrå"));

            RuleViolation refusal = register.refused(decision(List.of(), List.of(), List.of(replacing(LIBRA, LIBRA)), List.of()));

            assertThat(refusal.rule()).isEqualTo("replacement-bodies-distinct");
            assertThat(refusal.field()).isEqualTo("replacements[0].successors[0]");
        }

        @Test
        void given_two_new_bodies_with_one_name_then_the_second_is_refused() {
            RuleViolation refusal = register.refused(decision(
                    List.of(newBody(POLITICAL, "Styrgrupp"), newBody(COORDINATION, " styrgrupp")), List.of(), List.of(), List.of()));

            assertThat(refusal.rule()).isEqualTo("name-twice-in-decision");
            assertThat(refusal.field()).isEqualTo("establishments[1].name");
        }

        @Test
        void given_an_active_body_with_the_name_then_the_establishment_is_refused_by_the_aggregates_own_rule() {
            register.lookup.nameTaken("Politisk styrgrupp");

            RuleViolation refusal = register.refused(decision(List.of(newBody(POLITICAL, "Politisk styrgrupp")), List.of(),
                    List.of(), List.of()));

            assertThat(refusal.rule()).isEqualTo("name-taken");
            assertThat(refusal.field()).isEqualTo("establishments[0]");
            assertThat(refusal.isConflict()).isTrue();
        }

        @Test
        void given_an_existing_id_then_a_second_establishment_is_refused() {
            register.given(in2007(LIBRA, "LiBrå"));

            RuleViolation refusal = register.refused(decision(List.of(newBody(LIBRA, "Nytt råd")), List.of(), List.of(), List.of()));

            assertThat(refusal.rule()).isEqualTo("body-already-established");
            assertThat(refusal.field()).isEqualTo("establishments[0]");
        }

        @Test
        void given_a_last_part_that_breaks_a_rule_then_no_part_is_recorded_not_even_the_new_bodies() {
            GovernanceBodyId ended = GovernanceBodyId.of("ended");
            register.given(in2007(LIBRA, "LiBrå"), in2007(ended, "Avvecklad grupp"),
                    new GovernanceBodyDissolved(ended, null, LocalDate.of(2015, 1, 1), KS_2007_290));

            RuleViolation refusal = register.refused(decision(List.of(newBody(POLITICAL, "Politisk styrgrupp")),
                    List.of(new Rescission(LIBRA, KS_2007_290)), List.of(replacing(LIBRA, POLITICAL)),
                    List.of(new Dissolution(ended, null))));

            assertThat(refusal.rule()).isEqualTo("body-has-ended");
            assertThat(refusal.field()).isEqualTo("dissolutions[0]");
            assertThat(register.log()).extracting(Appended::bodyId).doesNotContain("politisk-styrgrupp");
            // the refused decision left nothing behind: the same parts without the ended body go through
            assertThat(register.when(decision(List.of(newBody(POLITICAL, "Politisk styrgrupp")),
                    List.of(new Rescission(LIBRA, KS_2007_290)), List.of(replacing(LIBRA, POLITICAL)), List.of()))).hasSize(4);
        }
    }

    @Nested
    class NamedCommands {

        ReplaceLiBra replaceLiBra() {
            return new ReplaceLiBra(LIBRA, POLITICAL, LOP, COORDINATION, KS_2007_290, NOTE, DAY, KS_2019_1003);
        }

        void givenTheFourBodies() {
            register.given(in2007(LIBRA, "LiBrå"), in2007(LOP, "LOP-gruppen"),
                    established(POLITICAL, "Politisk styrgrupp", DAY, KS_2019_1003),
                    established(COORDINATION, "Samordningsgrupp", DAY, KS_2019_1003));
        }

        @Test
        void given_the_four_bodies_when_libra_is_replaced_then_the_events_are_exactly_those_of_the_2020_decision() {
            givenTheFourBodies();

            List<Appended> events = register.when(replaceLiBra());

            // the sequence ReplaceLiBra has always recorded: rescission, then each replacement's two sides
            assertThat(events).containsExactly(
                    new Appended("libra", 1, new EstablishingDecisionRescinded(LIBRA, KS_2007_290, DAY, KS_2019_1003)),
                    new Appended("libra", 2, new GovernanceBodyReplaced(LIBRA, List.of(POLITICAL), NOTE, DAY, KS_2019_1003)),
                    new Appended("politisk-styrgrupp", 1, new GovernanceBodySucceeded(POLITICAL, List.of(LIBRA), NOTE, DAY, KS_2019_1003)),
                    new Appended("lop-gruppen", 1, new GovernanceBodyReplaced(LOP, List.of(COORDINATION), NOTE, DAY, KS_2019_1003)),
                    new Appended("sms-gruppen", 1, new GovernanceBodySucceeded(COORDINATION, List.of(LOP), NOTE, DAY, KS_2019_1003)));
        }

        @Test
        void given_the_four_bodies_the_named_command_and_its_general_form_record_the_same_events() {
            givenTheFourBodies();
            List<Appended> named = register.when(replaceLiBra());

            InMemoryRegister other = new InMemoryRegister();
            try {
                other.given(in2007(LIBRA, "LiBrå"), in2007(LOP, "LOP-gruppen"),
                        established(POLITICAL, "Politisk styrgrupp", DAY, KS_2019_1003),
                        established(COORDINATION, "Samordningsgrupp", DAY, KS_2019_1003));
                List<Appended> general = other.when(decision(List.of(), List.of(new Rescission(LIBRA, KS_2007_290)),
                        List.of(replacing(LIBRA, POLITICAL), replacing(LOP, COORDINATION)), List.of()));

                assertThat(general).isEqualTo(named);
            } finally {
                other.shutdown();
            }
        }

        @Test
        void given_libra_already_replaced_then_replacing_it_again_is_refused_and_records_nothing() {
            givenTheFourBodies();
            register.when(replaceLiBra());

            RuleViolation refusal = register.refused(replaceLiBra());

            assertThat(refusal.rule()).isEqualTo("decision-already-rescinded");
            assertThat(refusal.field()).isEqualTo("libra");
            assertThat(refusal.isConflict()).isTrue();
        }

        @Test
        void given_the_same_body_twice_then_the_named_command_is_refused_by_its_own_rule() {
            givenTheFourBodies();

            RuleViolation refusal = register.refused(new ReplaceLiBra(LIBRA, POLITICAL, LOP, POLITICAL, KS_2007_290, NOTE,
                    DAY, KS_2019_1003));

            assertThat(refusal.rule()).isEqualTo("bodies-distinct");
        }

        @Test
        void given_an_unknown_lop_group_then_the_refusal_names_the_named_commands_field() {
            register.given(in2007(LIBRA, "LiBrå"), established(POLITICAL, "Politisk styrgrupp", DAY, KS_2019_1003),
                    established(COORDINATION, "Samordningsgrupp", DAY, KS_2019_1003));

            RuleViolation refusal = register.refused(replaceLiBra());

            assertThat(refusal.rule()).isEqualTo("body-unknown");
            assertThat(refusal.field()).isEqualTo("lopGroup");
        }

        @Test
        void given_an_ended_predecessor_then_the_simple_replacement_names_its_own_field_and_changes_no_body() {
            register.given(in2007(LIBRA, "LiBrå"), in2007(LOP, "LOP-gruppen"),
                    new GovernanceBodyDissolved(LOP, null, LocalDate.of(2015, 1, 1), KS_2007_290),
                    established(POLITICAL, "Politisk styrgrupp", DAY, KS_2019_1003));

            RuleViolation refusal = register.refused(new ReplaceGovernanceBody(List.of(LIBRA, LOP), List.of(POLITICAL),
                    null, DAY, KS_2019_1003));

            assertThat(refusal.rule()).isEqualTo("body-has-ended");
            assertThat(refusal.field()).isEqualTo("predecessors[1]");
        }
    }
}
