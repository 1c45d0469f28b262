package se.styrregistret.kernel.actionplan;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import se.styrregistret.kernel.common.Text;

import java.util.List;

/**
 * An action (åtgärd) of a plan as recorded.
 *
 * @param actionId        unique within the plan, e.g. "1.1"
 * @param developmentArea the number of the development area it belongs to
 * @param responsible     the committees or bodies responsible, as the source names them
 * @param districts       the priority districts it touches (empty: the whole municipality or not stated)
 */
public record PlannedAction(
        @NotBlank @Size(max = 40) String actionId,
        @NotBlank @Size(max = 500) String title,
        @NotNull @Min(1) @Max(100) Integer developmentArea,
        @Size(max = 50) List<@NotBlank @Size(max = 300) String> responsible,
        @Size(max = 20) List<@NotBlank @Size(max = 100) String> districts) {

    public PlannedAction {
        actionId = actionId == null ? null : actionId.strip();
        title = title == null ? null : title.strip();
        responsible = Text.listOf(responsible);
        districts = Text.listOf(districts);
    }
}
