package se.styrregistret.kernel.audit;

import java.time.LocalDate;

/**
 * Changes of every kind by effective date (then revision); every field optional. {@code bodyId} is a body's
 * id or (part of) its name; {@code kind} one of bodies, members, agreements, plans, actions, money.
 */
public record FindTimeline(LocalDate from, LocalDate to, String district, String bodyId, String kind) {

    public FindTimeline(LocalDate from, LocalDate to, String district, String bodyId) {
        this(from, to, district, bodyId, null);
    }
}
