package se.styrregistret.bench;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The command path's shape: a municipality's number of bodies per client, and no command at a body that may have ended. */
class CommandMixTest {

    @Test
    void a_client_keeps_at_most_its_share_of_active_bodies_dissolving_the_oldest_first() {
        CommandMix mix = new CommandMix("t", 1, 42);
        int dissolutions = 0;
        for (int i = 0; i < 2_000; i++) {
            CommandMix.Command command = mix.next();
            if (command.kind().equals("DissolveGovernanceBody")) {
                assertThat(command.expectedId()).isEqualTo(mix.bodies().get(0));
                dissolutions++;
            }
            mix.accepted(command);
            assertThat(mix.bodies()).hasSizeLessThanOrEqualTo(CommandMix.ACTIVE_PER_CLIENT);
        }
        assertThat(dissolutions).isGreaterThan(10);
    }

    @Test
    void a_body_whose_dissolution_was_not_accepted_is_never_touched_again() {
        CommandMix mix = new CommandMix("t", 2, 7);
        Set<String> leftAlone = new HashSet<>();
        for (int i = 0; i < 2_000; i++) {
            CommandMix.Command command = mix.next();
            if (command.expectedId() != null && !command.kind().equals("EstablishGovernanceBody")) {
                assertThat(leftAlone).doesNotContain(command.expectedId());
            }
            for (String body : leftAlone) {
                assertThat(command.path()).doesNotContain("/" + body + "/");
                assertThat(command.json()).doesNotContain("\"" + body + "\"");
            }
            if (command.kind().equals("DissolveGovernanceBody") && leftAlone.size() < 3) {
                mix.notAccepted(command); // the answer was lost
                leftAlone.add(command.expectedId());
            } else {
                mix.accepted(command);
            }
        }
        assertThat(leftAlone).hasSize(3);
        assertThat(mix.bodies()).doesNotContainAnyElementsOf(leftAlone);
    }
}
