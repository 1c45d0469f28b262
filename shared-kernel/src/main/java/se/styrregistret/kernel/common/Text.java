package se.styrregistret.kernel.common;

import java.util.List;

/** Small text helpers shared by commands and events: normalise what clients send. */
public final class Text {
    private Text() {
    }

    public static String blankToNull(String s) {
        if (s == null) return null;
        String t = s.strip();
        return t.isEmpty() ? null : t;
    }

    public static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }

    /** An immutable copy, empty for null; records stay immutable whatever the caller passed. */
    public static <T> List<T> listOf(List<T> items) {
        return items == null ? List.of() : List.copyOf(items);
    }
}
