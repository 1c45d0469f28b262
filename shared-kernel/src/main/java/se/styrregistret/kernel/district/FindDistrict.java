package se.styrregistret.kernel.district;

import java.time.LocalDate;

/**
 * The reporting view of one district, by its proper name: now, or on an effective date as
 * known at a revision (either may be left out, as for the organisation chart).
 */
public record FindDistrict(String district, Long asOfRevision, LocalDate asOfDate) {

    public FindDistrict(String district) {
        this(district, null, null);
    }
}
