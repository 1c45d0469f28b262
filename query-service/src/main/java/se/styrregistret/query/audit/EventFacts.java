package se.styrregistret.query.audit;

import se.styrregistret.kernel.common.DecisionReference;
import tools.jackson.databind.JsonNode;


import java.lang.reflect.RecordComponent;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What the audit trail needs from any event, found by the payload record's component names, so
 * events added later (budget, action plans) are audited without code here: {@code effectiveDate},
 * {@code decision}, ids (components named {@code …Id}/{@code …Ids} or typed {@code …Id}, and the
 * aggregate's own id) and a {@code district} (directly or inside e.g. {@code scope}).
 */
record EventFacts(LocalDate effectiveDate, DecisionReference decision, List<String> affectedIds, String district,
                  String category) {

    static EventFacts of(Object payload, String aggregateId) {
        Set<String> ids = new LinkedHashSet<>();
        if (aggregateId != null) ids.add(aggregateId);
        LocalDate effectiveDate = null;
        DecisionReference decision = null;
        String district = null;
        if (payload != null && payload.getClass().isRecord()) {
            for (RecordComponent c : components(payload.getClass())) {
                Object value = value(c, payload);
                if (value == null) continue;
                String name = c.getName();
                if (name.equals("effectiveDate") && value instanceof LocalDate d) {
                    effectiveDate = d;
                } else if (name.equals("decision") && value instanceof DecisionReference d) {
                    decision = d;
                } else if (name.equals("district") && value instanceof String s) {
                    district = district == null ? s : district;
                } else if (value instanceof Collection<?> items) {
                    boolean idName = name.endsWith("Ids");
                    for (Object item : items) {
                        if (item != null && (idName || isIdType(item))) ids.add(idText(item));
                    }
                } else if (isIdName(name) || isIdType(value)) {
                    ids.add(idText(value));
                } else if (district == null && value.getClass().isRecord()) {
                    district = nestedDistrict(value);
                }
            }
        }
        ids.remove("");
        return new EventFacts(effectiveDate, decision, new ArrayList<>(ids), district,
                category(payload == null ? null : payload.getClass().getName()));
    }

    /**
     * The same facts from the stored JSON, for an event whose class this service does not know
     * (deployed before the kernel that added it): the audit trail still records it.
     */
    static EventFacts ofJson(JsonNode payload, String aggregateId, String payloadType) {
        Set<String> ids = new LinkedHashSet<>();
        if (aggregateId != null) ids.add(aggregateId);
        LocalDate effectiveDate = null;
        DecisionReference decision = null;
        String district = null;
        if (payload != null && payload.isObject()) {
            for (Map.Entry<String, JsonNode> field : payload.properties()) {
                String name = field.getKey();
                JsonNode value = field.getValue();
                if (value == null || value.isNull()) continue;
                if (name.equals("effectiveDate") && value.isString()) {
                    effectiveDate = date(value.asString());
                } else if (name.equals("decision") && value.isObject()) {
                    decision = new DecisionReference(text(value, "caseNumber"), text(value, "paragraph"),
                            date(text(value, "decisionDate")), text(value, "decidedBy"));
                } else if (name.equals("district") && value.isString()) {
                    district = district == null ? value.asString() : district;
                } else if (name.endsWith("Ids") && value.isArray()) {
                    value.forEach(v -> {
                        if (v.isValueNode()) ids.add(v.asString());
                    });
                } else if (isIdName(name) && value.isValueNode()) {
                    ids.add(value.asString());
                } else if (district == null && value.isObject() && value.path("district").isString()) {
                    district = value.path("district").asString();
                }
            }
        }
        ids.remove("");
        return new EventFacts(effectiveDate, decision, new ArrayList<>(ids), district, category(payloadType));
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isValueNode() && !value.isNull() ? value.asString() : null;
    }

    private static LocalDate date(String text) {
        try {
            return text == null ? null : LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** The simple name of a (possibly nested) class name. */
    static String simpleName(String className) {
        if (className == null) return "Okänd";
        String name = className.substring(className.lastIndexOf('.') + 1);
        return name.substring(name.lastIndexOf('$') + 1);
    }

    /** The kernel package an event lives in: governance, budget, actionplan; "other" outside the kernel. */
    static String category(String className) {
        if (className == null) return "other";
        String pkg = className.contains(".") ? className.substring(0, className.lastIndexOf('.')) : "";
        String prefix = "se.styrregistret.kernel.";
        if (!pkg.startsWith(prefix)) return "other";
        String rest = pkg.substring(prefix.length());
        int dot = rest.indexOf('.');
        return dot < 0 ? rest : rest.substring(0, dot);
    }

    private static boolean isIdName(String name) {
        return name.equals("id") || name.endsWith("Id");
    }

    private static boolean isIdType(Object value) {
        return value.getClass().getSimpleName().endsWith("Id");
    }

    /** An id record such as {@code GovernanceBodyId(value)} by its one value; anything else as text. */
    private static String idText(Object value) {
        if (value.getClass().isRecord() && components(value.getClass()).length == 1) {
            Object inner = value(components(value.getClass())[0], value);
            return inner == null ? "" : inner.toString();
        }
        return value.toString();
    }

    private static String nestedDistrict(Object record) {
        for (RecordComponent c : components(record.getClass())) {
            if (c.getName().equals("district") && value(c, record) instanceof String s) return s;
        }
        return null;
    }

    /** A record's components, looked up once per class (the JDK builds a new array on every call). */
    private static final ClassValue<RecordComponent[]> COMPONENTS = new ClassValue<>() {
        @Override
        protected RecordComponent[] computeValue(Class<?> type) {
            return type.getRecordComponents();
        }
    };

    private static RecordComponent[] components(Class<?> type) {
        return COMPONENTS.get(type);
    }

    private static Object value(RecordComponent c, Object record) {
        try {
            c.getAccessor().setAccessible(true);
            return c.getAccessor().invoke(record);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }
}
