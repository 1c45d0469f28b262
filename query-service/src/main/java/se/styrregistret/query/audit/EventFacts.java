package se.styrregistret.query.audit;

import se.styrregistret.kernel.common.DecisionReference;

import java.lang.reflect.RecordComponent;
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
            for (RecordComponent c : payload.getClass().getRecordComponents()) {
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
        return new EventFacts(effectiveDate, decision, new ArrayList<>(ids), district, category(payload));
    }

    /** The kernel package an event lives in: governance, budget, actionplan; "other" outside the kernel. */
    static String category(Object payload) {
        if (payload == null) return "other";
        String pkg = payload.getClass().getPackageName();
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
        if (value.getClass().isRecord() && value.getClass().getRecordComponents().length == 1) {
            Object inner = value(value.getClass().getRecordComponents()[0], value);
            return inner == null ? "" : inner.toString();
        }
        return value.toString();
    }

    private static String nestedDistrict(Object record) {
        for (RecordComponent c : record.getClass().getRecordComponents()) {
            if (c.getName().equals("district") && value(c, record) instanceof String s) return s;
        }
        return null;
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
