package se.styrregistret.command.governance;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import se.styrregistret.command.common.RuleViolation;
import se.styrregistret.command.support.CorrectionFixture;
import se.styrregistret.kernel.correction.CorrectEntry;
import se.styrregistret.kernel.correction.EntryCorrected;
import se.styrregistret.kernel.governance.AppointMember;
import se.styrregistret.kernel.governance.AreaTeamEstablished;
import se.styrregistret.kernel.governance.GovernanceBodyDissolved;
import se.styrregistret.kernel.governance.FieldChange;
import se.styrregistret.kernel.governance.GovernanceBodyAmended;
import se.styrregistret.kernel.governance.GovernanceBodyEstablished;
import se.styrregistret.kernel.governance.Member;
import se.styrregistret.kernel.governance.MemberAppointed;
import se.styrregistret.kernel.governance.MemberRemoved;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static se.styrregistret.command.governance.GovernanceBodyTest.ID;
import static se.styrregistret.command.governance.GovernanceBodyTest.established;
import static se.styrregistret.command.governance.GovernanceBodyTimelineTest.LATE;

/** Corrections of a body's entries: the corrected timeline must be valid; EntryCorrected then the replacement. */
class GovernanceBodyCorrectionTest {

    static final Member SCHOOLS = new Member("Utbildningsdirektör", null);
    static final LocalDate JUNE = LocalDate.of(2020, 6, 1);
    static final LocalDate JULY = LocalDate.of(2020, 7, 1);

    InMemoryBodyLookup bodies = new InMemoryBodyLookup();
    CorrectionFixture fixture;

    @BeforeEach
    void setUp() {
        fixture = new CorrectionFixture(GovernanceBody.class, ID.value(),
                c -> c.registerComponent(BodyLookup.class, x -> bodies));
    }

    @AfterEach
    void tearDown() {
        fixture.shutdown();
    }

    static GovernanceBodyEstablished establishedOn(LocalDate date) {
        GovernanceBodyEstablished e = established();
        return new GovernanceBodyEstablished(e.bodyId(), e.name(), e.shortName(), e.level(), e.scope(), e.mandate(), e.convener(),
                e.meetingFrequency(), e.supportingResources(), e.members(), date, e.decision());
    }

    @Test
    void a_corrected_date_is_recorded_as_entry_corrected_then_the_replacement_naming_the_entry() {
        List<String> ids = fixture.given(established(), new MemberAppointed(ID, SCHOOLS, JUNE, LATE));
        MemberAppointed corrected = new MemberAppointed(ID, SCHOOLS, JULY, LATE);

        var appended = fixture.when(fixture.correction(ids.get(1), corrected, "Fel datum i protokollet"));

        assertThat(appended).hasSize(2);
        assertThat(appended.get(0).payload()).isEqualTo(new EntryCorrected(ID.value(), ids.get(1), 42, "MemberAppointed", false,
                "Fel datum i protokollet", fixture.correction(ids.get(1), null, "x").evidence()));
        assertThat(appended.get(1).payload()).isEqualTo(corrected);
        assertThat(appended.get(1).metaData()).containsEntry(EntryCorrected.CORRECTS, ids.get(1));
    }

    @Test
    void a_correction_dated_before_the_establishment_is_refused() {
        List<String> ids = fixture.given(established(), new MemberAppointed(ID, SCHOOLS, JUNE, LATE));

        RuleViolation refusal = fixture.refused(fixture.correction(ids.get(1),
                new MemberAppointed(ID, SCHOOLS, LocalDate.of(2019, 1, 1), LATE), "Fel datum"));

        assertThat(refusal.rule()).isEqualTo("effective-date-before-start");
    }

    @Test
    void an_establishment_corrected_to_after_a_change_is_refused() {
        List<String> ids = fixture.given(established(), new MemberAppointed(ID, SCHOOLS, JUNE, LATE));

        RuleViolation refusal = fixture.refused(fixture.correction(ids.get(0), establishedOn(JULY), "Fel datum"));

        assertThat(refusal.rule()).isEqualTo("effective-date-before-start");
    }

    @Test
    void annulling_an_appointment_whose_role_is_later_removed_is_refused() {
        List<String> ids = fixture.given(established(), new MemberAppointed(ID, SCHOOLS, JUNE, LATE),
                new MemberRemoved(ID, SCHOOLS, JULY, LATE));

        RuleViolation refusal = fixture.refused(fixture.correction(ids.get(1), null, "Aldrig beslutat"));

        assertThat(refusal.rule()).isEqualTo("role-not-held");
    }

    @Test
    void an_annulled_appointment_leaves_the_role_free() {
        List<String> ids = fixture.given(established(), new MemberAppointed(ID, SCHOOLS, JUNE, LATE));

        var appended = fixture.when(fixture.correction(ids.get(1), null, "Aldrig beslutat"));
        assertThat(appended).extracting(CorrectionFixture.Logged::payload).singleElement().isInstanceOf(EntryCorrected.class);

        assertThat(fixture.when(new AppointMember(ID, SCHOOLS, JUNE, LATE))).hasSize(1);
    }

    @Test
    void an_entry_already_corrected_is_refused_by_its_old_revision_and_its_replacement_can_be_corrected() {
        List<String> ids = fixture.given(established(), new MemberAppointed(ID, SCHOOLS, JUNE, LATE));
        var first = fixture.when(fixture.correction(ids.get(1), new MemberAppointed(ID, SCHOOLS, JULY, LATE), "Fel datum"));
        String replacement = first.get(1).eventId();

        RuleViolation again = fixture.refused(fixture.correction(ids.get(1), new MemberAppointed(ID, SCHOOLS, JUNE, LATE), "Igen"));
        assertThat(again.rule()).isEqualTo("entry-already-corrected");
        assertThat(again.getMessage()).contains(replacement);

        assertThat(fixture.when(fixture.correction(replacement, new MemberAppointed(ID, SCHOOLS, JUNE, LATE), "Rätt till sist")))
                .hasSize(2);
    }

    @Test
    void a_correction_needs_a_reason_and_a_replacement_of_the_entrys_type() {
        List<String> ids = fixture.given(established(), new MemberAppointed(ID, SCHOOLS, JUNE, LATE));

        assertThat(fixture.refused(fixture.correction(ids.get(1), new MemberAppointed(ID, SCHOOLS, JULY, LATE), " ")).rule())
                .isEqualTo("reason-required");
        assertThat(fixture.refused(fixture.correction(ids.get(1), new MemberRemoved(ID, SCHOOLS, JULY, LATE), "Fel")).rule())
                .isEqualTo("replacement-type-differs");
        assertThat(fixture.refused(fixture.correction("no-such-entry", null, "Fel")).rule()).isEqualTo("entry-unknown");
    }

    @Test
    void a_renaming_corrected_to_a_name_another_body_carries_then_is_refused() {
        bodies.nameTaken("Trygghetsrådet", JUNE, null);
        GovernanceBodyAmended renamed = new GovernanceBodyAmended(ID, List.of(new FieldChange("name", "Politisk styrgrupp", "Säkerhetsrådet")),
                "Säkerhetsrådet", List.of("Övergripande politisk styrning"), "KS ordförande", "3 gånger per år",
                List.of("KLF (Säkerhetsenheten)"), JULY, LATE);
        List<String> ids = fixture.given(established(), renamed);
        GovernanceBodyAmended wrong = new GovernanceBodyAmended(ID, List.of(new FieldChange("name", "Politisk styrgrupp", "Trygghetsrådet")),
                "Trygghetsrådet", renamed.mandate(), renamed.convener(), renamed.meetingFrequency(), renamed.supportingResources(),
                JULY, LATE);

        assertThat(fixture.refused(fixture.correction(ids.get(1), wrong, "Fel namn")).rule()).isEqualTo("name-taken");
    }

    @Test
    void the_establishment_cannot_be_annulled() {
        List<String> ids = fixture.given(established());

        CorrectEntry annul = fixture.correction(ids.get(0), null, "Aldrig inrättat");
        assertThat(fixture.refused(annul).rule()).isEqualTo("establishment-not-annullable");
    }

    @Test
    void an_area_teams_end_corrected_into_the_next_teams_time_is_refused() {
        bodies.areaTeam("next-berga", "Berga", LocalDate.of(2022, 1, 1), null);
        List<String> ids = fixture.given(
                new AreaTeamEstablished(ID, "Områdesteam Berga", "Berga", "Leanlink", null, 1, 2, null, LocalDate.of(2021, 3, 2), LATE),
                new GovernanceBodyDissolved(ID, null, LocalDate.of(2021, 12, 31), LATE));

        RuleViolation refusal = fixture.refused(fixture.correction(ids.get(1),
                new GovernanceBodyDissolved(ID, null, LocalDate.of(2022, 6, 30), LATE), "Fel slutdatum"));

        assertThat(refusal.rule()).isEqualTo("one-area-team-per-district");
        assertThat(fixture.when(fixture.correction(ids.get(1),
                new GovernanceBodyDissolved(ID, null, LocalDate.of(2021, 12, 1), LATE), "Fel slutdatum"))).hasSize(2);
    }

    @Test
    void an_establishment_corrected_to_a_name_another_body_carries_is_refused() {
        bodies.nameTaken("Trygghetsrådet", JUNE, null);
        List<String> ids = fixture.given(established());
        GovernanceBodyEstablished e = established();
        GovernanceBodyEstablished wrong = new GovernanceBodyEstablished(e.bodyId(), "Trygghetsrådet", e.shortName(), e.level(),
                e.scope(), e.mandate(), e.convener(), e.meetingFrequency(), e.supportingResources(), e.members(),
                e.effectiveDate(), e.decision());

        assertThat(fixture.refused(fixture.correction(ids.get(0), wrong, "Fel namn")).rule()).isEqualTo("name-taken");
    }
}
