package se.styrregistret.kernel.governance;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import se.styrregistret.kernel.common.DecisionReference;
import se.styrregistret.kernel.common.Text;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One decision that reshapes the organisation: bodies established, establishing decisions
 * rescinded, bodies replaced and bodies dissolved, all under the same {@code decision} and
 * {@code effectiveDate}, all or nothing. The parts are carried out in this order: establishments,
 * rescissions, replacements, dissolutions, each list in its own order; so a replacement may name a
 * body the same decision establishes, and a body's establishing decision is rescinded before the
 * body is replaced or dissolved. Each part produces the events its single-body command would.
 *
 * @param note on every replacement (e.g. a source's own discrepancy about a successor)
 */
public record Reorganise(
        List<Establishment> establishments,
        List<Rescission> rescissions,
        List<Replacement> replacements,
        List<Dissolution> dissolutions,
        String note,
        LocalDate effectiveDate,
        DecisionReference decision) {

    public Reorganise {
        establishments = copyOf(establishments);
        rescissions = copyOf(rescissions);
        replacements = copyOf(replacements);
        dissolutions = copyOf(dissolutions);
    }

    /** True when the decision has no part at all (which is refused). */
    public boolean hasNoParts() {
        return establishments.isEmpty() && rescissions.isEmpty() && replacements.isEmpty() && dissolutions.isEmpty();
    }

    /**
     * A body the decision establishes: {@link EstablishGovernanceBody} without a decision and date
     * of its own.
     *
     * @param bodyId required on the command bus; the HTTP API chooses one when the client gives none
     */
    public record Establishment(
            GovernanceBodyId bodyId,
            @NotBlank @Size(max = 300) String name,
            @Size(max = 60) String shortName,
            @NotNull Level level,
            @NotNull @Valid Scope scope,
            @Size(max = 100) List<@NotBlank @Size(max = 1000) String> mandate,
            @Size(max = 300) String convener,
            @Size(max = 200) String meetingFrequency,
            @Size(max = 50) List<@NotBlank @Size(max = 300) String> supportingResources,
            @Size(max = 100) List<@NotNull @Valid Member> members) {

        public Establishment {
            mandate = copyOf(mandate);
            supportingResources = copyOf(supportingResources);
            members = copyOf(members);
        }

        public Establishment withBodyId(GovernanceBodyId id) {
            return new Establishment(id, name, shortName, level, scope, mandate, convener, meetingFrequency,
                    supportingResources, members);
        }

        /** The single-body command this part is, under the whole decision's date and decision. */
        public EstablishGovernanceBody under(LocalDate effectiveDate, DecisionReference decision) {
            return new EstablishGovernanceBody(bodyId, name, shortName, level, scope, mandate, convener, meetingFrequency,
                    supportingResources, members, effectiveDate, decision);
        }
    }

    /** The decision that set up {@code bodyId} is rescinded (upphävs). */
    public record Rescission(@NotNull GovernanceBodyId bodyId, @NotNull @Valid DecisionReference rescindedDecision) {
    }

    /** The predecessors end and the successors carry on their work; lineage is kept both ways. */
    public record Replacement(
            @NotEmpty @Size(max = 20) List<@NotNull GovernanceBodyId> predecessors,
            @NotEmpty @Size(max = 20) List<@NotNull GovernanceBodyId> successors) {

        public Replacement {
            predecessors = copyOf(predecessors);
            successors = copyOf(successors);
        }
    }

    /** The body ends without a successor. */
    public record Dissolution(@NotNull GovernanceBodyId bodyId, @Size(max = 1000) String reason) {

        public Dissolution {
            reason = Text.blankToNull(reason);
        }
    }

    // an immutable copy that keeps null elements (List.copyOf would throw), so validation can name them
    private static <T> List<T> copyOf(List<T> items) {
        return items == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(items));
    }
}
