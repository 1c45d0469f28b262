package se.styrregistret.kernel.district;

import java.util.Locale;

/** How district names compare: case-insensitively, surrounding blanks ignored. */
public final class Districts {

    private Districts() {
    }

    /** The name as compared (stripped, lower case); the district aggregate's identifier is {@code "district:" + key}. */
    public static String normalised(String name) {
        return name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
    }

    /** The district aggregate's identifier for a name. */
    public static String key(String name) {
        return "district:" + normalised(name);
    }
}
