package se.styrregistret.kernel.district;

import org.axonframework.serialization.Revision;
import se.styrregistret.kernel.common.DecisionReference;

import java.time.LocalDate;

/** A new version ({@code version}, from 1 per district and kind) of a district's picture. */
@Revision("1")
public record DistrictPictureRecorded(
        String district,
        PictureKind kind,
        int version,
        String text,
        LocalDate effectiveDate,
        DecisionReference decision) {
}
