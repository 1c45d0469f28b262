package se.styrregistret.kernel.district;

/** The reporting view of one district, by its proper name. */
public record FindDistrict(String district) {
}
