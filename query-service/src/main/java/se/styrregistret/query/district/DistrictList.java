package se.styrregistret.query.district;

import java.util.List;

/** {@code GET /api/districts}: the registered districts at {@code revision}, by name. */
public record DistrictList(long revision, List<RegisteredDistricts.Entry> districts) {
}
