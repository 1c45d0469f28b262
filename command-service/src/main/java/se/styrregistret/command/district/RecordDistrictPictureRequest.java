package se.styrregistret.command.district;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import se.styrregistret.kernel.common.DecisionReference;
import se.styrregistret.kernel.district.PictureKind;
import se.styrregistret.kernel.district.RecordDistrictPicture;

import java.time.LocalDate;

/** The HTTP body of {@code POST /api/districts/{district}/pictures}. */
record RecordDistrictPictureRequest(
        @NotNull PictureKind kind,
        @NotBlank @Size(max = 20000) String text,
        @NotNull LocalDate effectiveDate,
        @NotNull @Valid DecisionReference decision) {

    RecordDistrictPicture toCommand(String district) {
        return new RecordDistrictPicture(district, kind, text, effectiveDate, decision);
    }
}
