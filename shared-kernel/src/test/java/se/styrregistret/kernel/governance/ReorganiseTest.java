package se.styrregistret.kernel.governance;

import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.junit.jupiter.api.Test;
import se.styrregistret.kernel.common.DecisionReference;
import se.styrregistret.kernel.common.EventSerialization;
import se.styrregistret.kernel.governance.Reorganise.Dissolution;
import se.styrregistret.kernel.governance.Reorganise.Establishment;
import se.styrregistret.kernel.governance.Reorganise.Replacement;
import se.styrregistret.kernel.governance.Reorganise.Rescission;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The compound decision as a message: what it normalises and how it travels between nodes. */
class ReorganiseTest {

    static final DecisionReference KS_2019_1003 = new DecisionReference("KS 2019-1003", null, LocalDate.of(2020, 1, 20), "Kommunstyrelsen");

    static Reorganise ks2019_1003() {
        return new Reorganise(
                List.of(new Establishment(GovernanceBodyId.of("est-gruppen"), "EST-gruppen", "EST", Level.OPERATIONAL,
                        Scope.municipality(), List.of("Veckovis lägesbild"), null, null, null, List.of(new Member("Kommunpolis", null)))),
                List.of(new Rescission(GovernanceBodyId.of("libra"), new DecisionReference(null, "§ 290", LocalDate.of(2007, 5, 29), "Kommunstyrelsen"))),
                List.of(new Replacement(List.of(GovernanceBodyId.of("libra")), List.of(GovernanceBodyId.of("politisk-styrgrupp")))),
                List.of(new Dissolution(GovernanceBodyId.of("lop-gruppen"), "  ")),
                "Beslutstexten gäller", LocalDate.of(2020, 1, 20), KS_2019_1003);
    }

    @Test
    void given_a_decision_sent_to_another_node_on_the_command_bus_then_it_arrives_unchanged() {
        Serializer serializer = EventSerialization.serializer();
        Reorganise sent = ks2019_1003();

        SerializedObject<byte[]> wire = serializer.serialize(sent, byte[].class);
        Reorganise received = serializer.deserialize(wire);

        assertThat(received).isEqualTo(sent);
        assertThat(new String(wire.getData())).doesNotContain("noParts", "empty");
    }

    @Test
    void given_missing_lists_then_they_are_empty_and_the_decision_has_no_parts() {
        Reorganise nothing = new Reorganise(null, null, null, null, null, LocalDate.of(2020, 1, 20), KS_2019_1003);

        assertThat(nothing.establishments()).isEmpty();
        assertThat(nothing.hasNoParts()).isTrue();
        assertThat(ks2019_1003().hasNoParts()).isFalse();
    }

    @Test
    void given_lists_with_gaps_then_the_gaps_are_kept_for_validation_to_name_and_the_copies_are_immutable() {
        List<GovernanceBodyId> successors = new ArrayList<>(Arrays.asList(GovernanceBodyId.of("a"), null));
        Replacement replacement = new Replacement(List.of(GovernanceBodyId.of("b")), successors);
        successors.add(GovernanceBodyId.of("later"));

        assertThat(replacement.successors()).containsExactly(GovernanceBodyId.of("a"), null);
        assertThatThrownBy(() -> replacement.successors().add(GovernanceBodyId.of("x"))).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void given_an_establishment_then_it_is_the_single_body_command_under_the_whole_decision() {
        Establishment part = ks2019_1003().establishments().get(0);

        EstablishGovernanceBody command = part.under(LocalDate.of(2020, 1, 20), KS_2019_1003);

        assertThat(command).isEqualTo(new EstablishGovernanceBody(GovernanceBodyId.of("est-gruppen"), "EST-gruppen", "EST",
                Level.OPERATIONAL, Scope.municipality(), List.of("Veckovis lägesbild"), null, null, List.of(),
                List.of(new Member("Kommunpolis", null)), LocalDate.of(2020, 1, 20), KS_2019_1003));
        assertThat(part.withBodyId(GovernanceBodyId.of("other")).under(null, null).bodyId()).isEqualTo(GovernanceBodyId.of("other"));
        assertThat(ks2019_1003().dissolutions().get(0).reason()).isNull();
    }
}
