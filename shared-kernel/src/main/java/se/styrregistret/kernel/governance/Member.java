package se.styrregistret.kernel.governance;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import se.styrregistret.kernel.common.Text;

/**
 * A seat in a body, by role (e.g. "Kommunpolis"); the holder's name only when a source or a
 * registrar states it.
 */
public record Member(@NotBlank @Size(max = 200) String role, @Size(max = 200) String holder) {

    public Member {
        role = role == null ? null : role.strip();
        holder = Text.blankToNull(holder);
    }
}
