package se.styrregistret.kernel.district;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The districts (stadsdelar) the anti-segregation work is focused on, as the sources name them.
 * Pictures and actions are recorded for these; a name is matched case-insensitively and answered
 * in its proper spelling.
 */
public final class PriorityDistricts {

    public static final List<String> ALL = List.of("Berga", "Ryd", "Skäggetorp");

    private PriorityDistricts() {
    }

    /** The proper spelling of {@code name}, or empty when it is not a priority district (or blank). */
    public static Optional<String> canonical(String name) {
        if (name == null || name.isBlank()) return Optional.empty();
        String wanted = name.strip().toLowerCase(Locale.ROOT);
        return ALL.stream().filter(d -> d.toLowerCase(Locale.ROOT).equals(wanted)).findFirst();
    }
}
