package se.styrregistret.support.logging;

import org.slf4j.MDC;

import java.util.HashMap;
import java.util.Map;

/**
 * The SLF4J MDC keys both services log a message's origin with, as the events carry it in their
 * metadata, and the one way to set them for a unit of work and give the thread its values back after.
 */
public final class LogContext {

    /** The id of the command that caused the event (Axon's correlation id). */
    public static final String CORRELATION_ID = "correlationId";
    /** The id of the first message of the request. */
    public static final String TRACE_ID = "traceId";
    /** The authenticated user who sent the command. */
    public static final String RECORDED_BY = "recordedBy";

    private LogContext() {
    }

    /** Puts the values in the MDC (a null value removes its key); returns what the keys held before. */
    public static Map<String, String> put(Map<String, String> values) {
        Map<String, String> previous = new HashMap<>();
        values.keySet().forEach(key -> previous.put(key, MDC.get(key)));
        values.forEach(LogContext::set);
        return previous;
    }

    /** Gives the keys back the values {@link #put} returned. */
    public static void restore(Map<String, String> previous) {
        previous.forEach(LogContext::set);
    }

    public static String text(Object value) {
        return value == null ? null : value.toString();
    }

    private static void set(String key, String value) {
        if (value == null) {
            MDC.remove(key);
        } else {
            MDC.put(key, value);
        }
    }
}
