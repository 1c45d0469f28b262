package se.styrregistret.kernel.district;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import se.styrregistret.kernel.common.DecisionReference;

import java.time.LocalDate;

/** A decision designates a registered district as a priority district (prioriterad stadsdel). */
public record DesignatePriorityDistrict(
        String name,
        DecisionReference decision,
        LocalDate effectiveDate) {

    /** The district aggregate's identifier: the name, case-insensitively. */
    @TargetAggregateIdentifier
    public String districtKey() {
        return Districts.key(name);
    }
}
