package se.styrregistret.kernel.district;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import se.styrregistret.kernel.common.DecisionReference;

import java.time.LocalDate;

/**
 * A decision sets a district's current-state picture, target picture or action plan text; every
 * version is kept.
 *
 * @param district the district's proper name (a registered district, see {@link RegisterDistrict})
 */
public record RecordDistrictPicture(
        @TargetAggregateIdentifier String district,
        PictureKind kind,
        String text,
        LocalDate effectiveDate,
        DecisionReference decision) {
}
