package se.styrregistret.kernel.budget;

import com.fasterxml.jackson.annotation.JsonIgnore;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import se.styrregistret.kernel.common.Text;
import se.styrregistret.kernel.governance.GovernanceBodyId;

/**
 * Who receives money.
 *
 * @param kind     committee, governance body or area team
 * @param bodyId   the governance body; required for GOVERNANCE_BODY and AREA_TEAM, empty for a committee
 * @param name     the recipient's name as the decision gives it, e.g. "Social- och omsorgsnämnden"
 * @param district the district (stadsdel) when the money goes to one, e.g. "Skäggetorp"
 */
public record Recipient(@NotNull RecipientKind kind, GovernanceBodyId bodyId,
                        @NotBlank @Size(max = 300) String name, @Size(max = 100) String district) {

    public Recipient {
        name = name == null ? null : name.strip();
        district = Text.blankToNull(district);
    }

    public static Recipient committee(String name) {
        return new Recipient(RecipientKind.COMMITTEE, null, name, null);
    }

    /** A body must be named by id when the recipient is a body or an area team; a committee has none. */
    @JsonIgnore
    public boolean isConsistent() {
        if (kind == null || Text.isBlank(name)) return false;
        return kind == RecipientKind.COMMITTEE ? bodyId == null : bodyId != null;
    }

    /** A stable key for totals: the body id, or the committee's name. */
    @JsonIgnore
    public String key() {
        return bodyId != null ? bodyId.value() : name;
    }
}
