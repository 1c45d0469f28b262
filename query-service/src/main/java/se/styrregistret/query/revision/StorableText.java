package se.styrregistret.query.revision;

import java.lang.reflect.RecordComponent;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Whether every text in an event can be stored in PostgreSQL and read back as it was: no NUL (text
 * and jsonb refuse it) and no lone surrogate (not encodable in UTF-8). Walks the event's record
 * components (and nested records, collections and maps) with accessors looked up once per type.
 */
public final class StorableText {

    private static final Map<Class<?>, RecordComponent[]> COMPONENTS = new ConcurrentHashMap<>();

    private StorableText() {
    }

    /** What makes the value's text unstorable, or null when all of it can be stored. */
    public static String problemIn(Object value) {
        return problemIn(value, 0);
    }

    private static String problemIn(Object value, int depth) {
        if (value == null || depth > 16) return null;
        if (value instanceof CharSequence text) return problem(text.toString());
        if (value instanceof Collection<?> items) {
            for (Object item : items) {
                String p = problemIn(item, depth + 1);
                if (p != null) return p;
            }
            return null;
        }
        if (value instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                String p = problemIn(entry.getKey(), depth + 1);
                if (p == null) p = problemIn(entry.getValue(), depth + 1);
                if (p != null) return p;
            }
            return null;
        }
        Class<?> type = value.getClass();
        if (!type.isRecord()) return null;
        for (RecordComponent component : COMPONENTS.computeIfAbsent(type, Class::getRecordComponents)) {
            try {
                String p = problemIn(component.getAccessor().invoke(value), depth + 1);
                if (p != null) return component.getName() + ": " + p;
            } catch (ReflectiveOperationException e) {
                return null; // an accessor we cannot call holds nothing we could check
            }
        }
        return null;
    }

    /** What makes this text unstorable, or null. */
    public static String problem(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\u0000') return "a NUL character";
            if (Character.isHighSurrogate(c) && (i + 1 == text.length() || !Character.isLowSurrogate(text.charAt(i + 1)))
                    || Character.isLowSurrogate(c) && (i == 0 || !Character.isHighSurrogate(text.charAt(i - 1)))) {
                return "a lone surrogate (U+" + String.format("%04X", (int) c) + ")";
            }
        }
        return null;
    }
}
