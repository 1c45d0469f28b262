package se.styrregistret.command.governance;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import se.styrregistret.command.common.Ids;
import se.styrregistret.kernel.common.DecisionReference;
import se.styrregistret.kernel.governance.EstablishGovernanceBody;
import se.styrregistret.kernel.governance.GovernanceBodyId;
import se.styrregistret.kernel.governance.Level;
import se.styrregistret.kernel.governance.Member;
import se.styrregistret.kernel.governance.Scope;

import java.time.LocalDate;
import java.util.List;

/**
 * The HTTP body of {@code POST /api/governance-bodies}. The id is the server's to choose unless
 * the client gives a stable one (e.g. "libra" in the history data set).
 */
record EstablishGovernanceBodyRequest(
        @Pattern(regexp = Ids.PATTERN) String id,
        @NotBlank @Size(max = 300) String name,
        @Size(max = 60) String shortName,
        @NotNull Level level,
        @NotNull @Valid Scope scope,
        @Size(max = 100) List<@NotBlank @Size(max = 1000) String> mandate,
        @Size(max = 300) String convener,
        @Size(max = 200) String meetingFrequency,
        @Size(max = 50) List<@NotBlank @Size(max = 300) String> supportingResources,
        @Size(max = 100) List<@NotNull @Valid Member> members,
        @NotNull LocalDate effectiveDate,
        @NotNull @Valid DecisionReference decision) {

    EstablishGovernanceBody toCommand(GovernanceBodyId id) {
        return new EstablishGovernanceBody(id, name, shortName, level, scope, mandate, convener, meetingFrequency,
                supportingResources, members, effectiveDate, decision);
    }
}
