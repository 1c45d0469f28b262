package se.styrregistret.kernel.audit;

import java.time.LocalDate;

/** Governance changes by effective date (then revision); every field optional. */
public record FindTimeline(LocalDate from, LocalDate to, String district, String bodyId) {
}
