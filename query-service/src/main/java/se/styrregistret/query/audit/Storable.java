package se.styrregistret.query.audit;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Iterator;
import java.util.Map;

/**
 * Whether an audit row can be stored in PostgreSQL and read back as it was: no NUL (text and jsonb
 * refuse it) and no lone surrogate (not encodable in UTF-8; jsonb refuses its escape too), neither in
 * the row's text nor anywhere in the event's JSON. The check runs in the handler, before the row
 * joins its batch, so an event that fails it is parked in the dead-letter queue alone instead of
 * failing the whole batch at commit, again and again.
 */
final class Storable {

    private Storable() {
    }

    static void check(long revision, Object[] row, JsonNode json) {
        for (Object value : row) {
            if (value instanceof String text) refuse(revision, problem(text));
        }
        if (json != null) refuse(revision, problem(json));
    }

    private static void refuse(long revision, String problem) {
        if (problem != null) {
            throw new IllegalArgumentException("revision " + revision + " cannot be stored in the audit trail: " + problem);
        }
    }

    private static String problem(JsonNode node) {
        if (node.isTextual()) return problem(node.textValue());
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                String p = problem(field.getKey());
                if (p == null) p = problem(field.getValue());
                if (p != null) return p;
            }
        }
        if (node.isArray()) {
            for (JsonNode element : node) {
                String p = problem(element);
                if (p != null) return p;
            }
        }
        return null;
    }

    static String problem(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\u0000') return "it holds a NUL character";
            if (Character.isHighSurrogate(c) && (i + 1 == text.length() || !Character.isLowSurrogate(text.charAt(i + 1)))
                    || Character.isLowSurrogate(c) && (i == 0 || !Character.isHighSurrogate(text.charAt(i - 1)))) {
                return "it holds a lone surrogate (U+" + String.format("%04X", (int) c) + ")";
            }
        }
        return null;
    }
}
