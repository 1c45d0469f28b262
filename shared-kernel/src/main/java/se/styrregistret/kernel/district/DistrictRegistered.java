package se.styrregistret.kernel.district;

import org.axonframework.serialization.Revision;
import se.styrregistret.kernel.common.DecisionReference;

import java.time.LocalDate;

/** A district was registered under its proper name ({@code municipality} null when not stated). */
@Revision("1")
public record DistrictRegistered(
        String name,
        String municipality,
        LocalDate effectiveDate,
        DecisionReference decision) {
}
