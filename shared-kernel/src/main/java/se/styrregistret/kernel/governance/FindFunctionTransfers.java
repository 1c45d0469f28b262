package se.styrregistret.kernel.governance;

/** Every function transfer, in effective-date order. */
public record FindFunctionTransfers() {
}
