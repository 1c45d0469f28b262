package se.styrregistret.kernel.budget;

import com.fasterxml.jackson.annotation.JsonIgnore;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import se.styrregistret.kernel.common.Text;

/**
 * Where an allocation is financed from.
 *
 * @param kind     a frame, resource funds or an external grant
 * @param frameId  the frame drawn on, when kind is FRAME
 * @param grantId  the registered grant, when kind is GRANT
 * @param name     how the decision names the source, e.g. "KS resursfond 2021" or "Delegationen mot segregation"
 */
public record FundingSource(@NotNull SourceKind kind, BudgetFrameId frameId, GrantId grantId,
                            @NotBlank @Size(max = 300) String name) {

    public FundingSource {
        name = name == null ? null : name.strip();
    }

    public static FundingSource frame(BudgetFrameId frameId, String name) {
        return new FundingSource(SourceKind.FRAME, frameId, null, name);
    }

    public static FundingSource resourceFunds(String name) {
        return new FundingSource(SourceKind.RESOURCE_FUNDS, null, null, name);
    }

    public static FundingSource grant(GrantId grantId, String name) {
        return new FundingSource(SourceKind.GRANT, null, grantId, name);
    }

    /** A frame source names its frame, a grant source its grant, resource funds neither. */
    @JsonIgnore
    public boolean isConsistent() {
        if (kind == null || Text.isBlank(name)) return false;
        return switch (kind) {
            case FRAME -> frameId != null && grantId == null;
            case GRANT -> grantId != null && frameId == null;
            case RESOURCE_FUNDS -> frameId == null && grantId == null;
        };
    }

    /** A stable key for totals: the frame or grant id, or the fund's name. */
    @JsonIgnore
    public String key() {
        if (frameId != null) return frameId.value();
        if (grantId != null) return grantId.value();
        return name;
    }
}
