package se.styrregistret.kernel.district;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import se.styrregistret.kernel.common.DecisionReference;

import java.time.LocalDate;

/**
 * A decision registers a district (stadsdel), by the name it is known by; pictures and actions may then
 * name it. The name is unique, compared case-insensitively; its spelling here is kept as the proper one.
 *
 * @param municipality the municipality it lies in, or null when not stated
 */
public record RegisterDistrict(
        String name,
        String municipality,
        DecisionReference decision,
        LocalDate effectiveDate) {

    /** The district aggregate's identifier: the name, case-insensitively. */
    @TargetAggregateIdentifier
    public String districtKey() {
        return Districts.key(name);
    }
}
