package se.styrregistret.command.common;

import java.util.UUID;
import java.util.regex.Pattern;
import se.styrregistret.support.web.InvalidInput;

/** Identifiers clients may choose (slugs such as "libra") or leave to the server (UUIDs). */
public final class Ids {

    /** Letters, digits and dashes, up to 64: safe in URLs, logs and SQL alike. */
    public static final String PATTERN = "[A-Za-z0-9][A-Za-z0-9-]{0,63}";
    private static final Pattern VALID = Pattern.compile(PATTERN);

    private Ids() {
    }

    public static String require(String field, String value) {
        if (value == null || !VALID.matcher(value).matches()) {
            throw new InvalidInput(field, "ogiltigt id: bokstäver, siffror och bindestreck, högst 64 tecken");
        }
        return value;
    }

    public static String orNew(String value) {
        return value == null ? UUID.randomUUID().toString() : value;
    }
}
