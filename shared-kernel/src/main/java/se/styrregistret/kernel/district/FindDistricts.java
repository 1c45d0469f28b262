package se.styrregistret.kernel.district;

/**
 * The registered districts, each with its priority designation (and its decision), as of a revision
 * (null: the latest the read side has).
 */
public record FindDistricts(Long asOfRevision) {
}
