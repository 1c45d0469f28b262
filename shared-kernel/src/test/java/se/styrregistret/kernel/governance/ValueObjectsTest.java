package se.styrregistret.kernel.governance;

import org.junit.jupiter.api.Test;
import se.styrregistret.kernel.budget.Recipient;
import se.styrregistret.kernel.budget.RecipientKind;
import se.styrregistret.kernel.common.EventSerialization;
import se.styrregistret.kernel.common.Text;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The value objects' own rules: what they normalise, what makes them consistent, how they are written. */
class ValueObjectsTest {

    @Test
    void a_district_scope_names_its_district_and_no_other_scope_does() {
        assertThat(Scope.district("Skäggetorp").isConsistent()).isTrue();
        assertThat(Scope.municipality().isConsistent()).isTrue();
        assertThat(new Scope(ScopeKind.DISTRICT, "  ").isConsistent()).isFalse();
        assertThat(new Scope(ScopeKind.MUNICIPALITY, "Berga").isConsistent()).isFalse();
    }

    @Test
    void a_body_or_area_team_recipient_is_named_by_id_and_a_committee_is_not() {
        GovernanceBodyId team = GovernanceBodyId.of("omradesteam-berga");

        assertThat(Recipient.committee("Social- och omsorgsnämnden").isConsistent()).isTrue();
        assertThat(new Recipient(RecipientKind.AREA_TEAM, team, "Områdesteam Berga", "Berga").isConsistent()).isTrue();
        assertThat(new Recipient(RecipientKind.AREA_TEAM, null, "Områdesteam Berga", "Berga").isConsistent()).isFalse();
        assertThat(new Recipient(RecipientKind.COMMITTEE, team, "Kommunstyrelsen", null).isConsistent()).isFalse();
        // totals add up per body, or per committee name
        assertThat(new Recipient(RecipientKind.AREA_TEAM, team, "Områdesteam Berga", "Berga").key()).isEqualTo("omradesteam-berga");
        assertThat(Recipient.committee(" Kommunstyrelsen ").key()).isEqualTo("Kommunstyrelsen");
    }

    @Test
    void a_seat_keeps_its_role_and_names_a_holder_only_when_one_is_stated() {
        Member seat = new Member("  Kommunpolis ", "   ");

        assertThat(seat.role()).isEqualTo("Kommunpolis");
        assertThat(seat.holder()).isNull();
    }

    @Test
    void lists_in_records_are_immutable_copies_whatever_the_caller_passed() {
        List<String> given = new ArrayList<>(List.of("Samordna"));
        List<String> kept = Text.listOf(given);
        given.add("later");

        assertThat(kept).containsExactly("Samordna");
        assertThat(Text.listOf(null)).isEmpty();
        assertThatThrownBy(() -> kept.add("x")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void an_id_is_written_in_the_log_as_its_plain_value() throws Exception {
        var json = EventSerialization.objectMapper();

        assertThat(json.writeValueAsString(GovernanceBodyId.of("libra"))).isEqualTo("\"libra\"");
        assertThat(json.readValue("\"libra\"", GovernanceBodyId.class)).isEqualTo(GovernanceBodyId.of("libra"));
        assertThatThrownBy(() -> new GovernanceBodyId(null)).isInstanceOf(NullPointerException.class);
    }
}
