package se.styrregistret.kernel.governance;

import com.fasterxml.jackson.annotation.JsonIgnore;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import se.styrregistret.kernel.common.Text;

/**
 * @param kind     municipality, district or county
 * @param district the district's name when kind is DISTRICT (e.g. "Skäggetorp"), else empty
 */
public record Scope(@NotNull ScopeKind kind, @Size(max = 100) String district) {

    public Scope {
        district = Text.blankToNull(district);
    }

    public static Scope municipality() {
        return new Scope(ScopeKind.MUNICIPALITY, null);
    }

    public static Scope district(String name) {
        return new Scope(ScopeKind.DISTRICT, name);
    }

    /** A district scope must name its district; other scopes must not. */
    @JsonIgnore
    public boolean isConsistent() {
        return kind == ScopeKind.DISTRICT ? district != null : district == null;
    }
}
