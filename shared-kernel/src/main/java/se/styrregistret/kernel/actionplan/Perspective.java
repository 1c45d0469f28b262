package se.styrregistret.kernel.actionplan;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import se.styrregistret.kernel.common.Text;

/** A cross-cutting perspective (genomsyrande perspektiv), by number, titled only when a source names it. */
public record Perspective(@NotNull @Min(1) @Max(100) Integer number, @Size(max = 300) String title) {

    public Perspective {
        title = Text.blankToNull(title);
    }
}
