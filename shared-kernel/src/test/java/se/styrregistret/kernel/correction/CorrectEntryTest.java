package se.styrregistret.kernel.correction;

import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.Test;
import se.styrregistret.kernel.common.DecisionReference;
import se.styrregistret.kernel.common.EventSerialization;
import se.styrregistret.kernel.governance.GovernanceBodyId;
import se.styrregistret.kernel.governance.Member;
import se.styrregistret.kernel.governance.MemberAppointed;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/** CorrectEntry travels between nodes (Axon Server) with its replacement's type. */
class CorrectEntryTest {

    static final DecisionReference DECISION = new DecisionReference("KS 2020-1", null, LocalDate.of(2020, 1, 20), "Kommunstyrelsen");

    @Test
    void a_correction_travels_with_its_replacement_of_the_entrys_type() {
        JacksonSerializer serializer = EventSerialization.serializer();
        CorrectEntry command = new CorrectEntry("body", "GovernanceBody", "event-1", 41,
                new MemberAppointed(GovernanceBodyId.of("body"), new Member("Kommunpolis", null), LocalDate.of(2020, 7, 1), DECISION),
                "Fel datum", DECISION);

        SerializedObject<byte[]> bytes = serializer.serialize(command, byte[].class);
        CorrectEntry read = serializer.deserialize(bytes);

        assertThat(read).isEqualTo(command);
        assertThat(read.replacement()).isInstanceOf(MemberAppointed.class);
    }

    @Test
    void an_annulment_travels_without_a_replacement() {
        JacksonSerializer serializer = EventSerialization.serializer();
        CorrectEntry command = new CorrectEntry("body", "GovernanceBody", "event-1", 41, null, "Aldrig beslutat", null);

        CorrectEntry read = serializer.deserialize(serializer.serialize(command, byte[].class));

        assertThat(read).isEqualTo(command);
        assertThat(read.annul()).isTrue();
        assertThat(CorrectEntry.commandName("GovernanceBody")).isEqualTo("se.styrregistret.kernel.correction.CorrectEntry@GovernanceBody");
    }
}
