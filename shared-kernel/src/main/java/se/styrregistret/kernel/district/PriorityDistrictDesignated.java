package se.styrregistret.kernel.district;

import org.axonframework.serialization.Revision;
import se.styrregistret.kernel.common.DecisionReference;

import java.time.LocalDate;

/** A registered district ({@code name}, its proper spelling) was designated a priority district. */
@Revision("1")
public record PriorityDistrictDesignated(
        String name,
        LocalDate effectiveDate,
        DecisionReference decision) {
}
