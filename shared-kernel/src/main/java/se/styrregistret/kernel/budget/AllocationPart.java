package se.styrregistret.kernel.budget;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import se.styrregistret.kernel.common.Text;

/** One recipient's part of a distributed allocation, in whole kronor. */
public record AllocationPart(@NotNull @Valid Recipient recipient, @Positive long amountSek, @Size(max = 1000) String purpose) {

    public AllocationPart {
        purpose = Text.blankToNull(purpose);
    }
}
