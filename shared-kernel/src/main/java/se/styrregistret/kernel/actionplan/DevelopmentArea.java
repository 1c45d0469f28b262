package se.styrregistret.kernel.actionplan;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import se.styrregistret.kernel.common.Text;

/**
 * A development area (utvecklingsområde) as far as it is known: its number in the plan, and its
 * title only when a source states it. An area that is declared but not recorded has no entry.
 */
public record DevelopmentArea(@NotNull @Min(1) @Max(100) Integer number, @Size(max = 300) String title) {

    public DevelopmentArea {
        title = Text.blankToNull(title);
    }
}
