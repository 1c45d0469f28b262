package se.styrregistret.kernel.agreement;

/** Every agreement recorded, by effective date. */
public record FindAgreements() {
}
