package se.styrregistret.query.audit;

import org.springframework.core.MethodParameter;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;
import se.styrregistret.kernel.common.DecisionReference;
import se.styrregistret.kernel.common.DecisionReference.DatePrecision;
import se.styrregistret.kernel.provenance.Provenance;
import se.styrregistret.support.web.InvalidInput;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Every answer that shows an entry shows where it comes from. An entry is any object of an answer that
 * carries a {@code revision} and the {@code decision} it rests on (a body's change, a chart box, a ledger row,
 * an audit or timeline entry, a plan, an agreement, a district picture). The audit trail keeps each
 * revision's provenance (from the event's metadata) and its decision's date precision; this adds to each
 * entry:
 * <ul>
 *   <li>{@code provenance}: document kind, status, citations, the certainty of single facts, discrepancies;</li>
 *   <li>{@code decision.dateAsKnown} (ISO 8601-2: "2020-01", "2021-03-02/..") and {@code decision.dateText}
 *       ("januari 2020", "okänt, efter 2021-03-02"), {@code decision.status}/{@code statusText};</li>
 *   <li>{@code effectiveDateAsKnown}/{@code effectiveDateText}, as precisely as the source dates it.</li>
 * </ul>
 * With {@code onlyStated=true} an answer holds only what the sources state: a fact the register inferred or
 * assumed is left out (and named in the entry's {@code withheld}), an entry inferred as a whole is left out.
 */
@ControllerAdvice
class ProvenanceOnAnswers implements ResponseBodyAdvice<Object> {

    static final String ONLY_STATED = "onlyStated";

    private final JsonMapper json;
    private final Provenances provenances;

    ProvenanceOnAnswers(JsonMapper json, Provenances provenances) {
        this.json = json;
        this.provenances = provenances;
    }

    @Override
    public boolean supports(MethodParameter returnType, Class<? extends HttpMessageConverter<?>> converterType) {
        Class<?> type = returnType.getParameterType();
        return type != String.class && type != byte[].class;
    }

    @Override
    public Object beforeBodyWrite(Object body, MethodParameter returnType, MediaType contentType,
                                  Class<? extends HttpMessageConverter<?>> converterType,
                                  ServerHttpRequest request, ServerHttpResponse response) {
        if (body == null || body instanceof String || body instanceof byte[]
                || contentType == null || !contentType.isCompatibleWith(MediaType.APPLICATION_JSON)
                || !request.getURI().getPath().startsWith("/api/")
                || body instanceof org.springframework.http.ProblemDetail) {
            return body;
        }
        boolean onlyStated = onlyStated(request);
        JsonNode tree = json.valueToTree(body);
        List<ObjectNode> entries = new ArrayList<>();
        collect(tree, entries);
        if (entries.isEmpty()) return tree;
        Map<Long, Provenances.Known> known = lookUp(entries);
        for (ObjectNode entry : entries) {
            Provenances.Known k = known.get(entry.get("revision").asLong());
            // a body's state is annotated from its own entry only (a version may open at another body's revision)
            if (k != null && isBodyState(entry) && !entry.get("id").asString().equals(k.aggregateId())) k = null;
            annotate(entry, k);
        }
        List<ObjectNode> bodies = entries.stream().filter(ProvenanceOnAnswers::isBodyState).toList();
        if (!bodies.isEmpty()) markUncertainFacts(bodies);
        if (onlyStated) withhold(tree);
        return tree;
    }

    private static boolean onlyStated(ServerHttpRequest request) {
        if (!(request instanceof ServletServerHttpRequest servlet)) return false;
        String value = servlet.getServletRequest().getParameter(ONLY_STATED);
        if (value == null || value.equals("false")) return false;
        if (value.equals("true")) return true;
        throw new InvalidInput(ONLY_STATED, "ska vara true eller false");
    }

    /** Objects with a numeric revision and a decision object, anywhere in the answer. */
    private static void collect(JsonNode node, List<ObjectNode> entries) {
        if (node instanceof ObjectNode object) {
            if (object.path("revision").isIntegralNumber() && object.path("decision").isObject()) entries.add(object);
            for (JsonNode child : object.values()) collect(child, entries);
        } else if (node instanceof ArrayNode array) {
            for (JsonNode child : array) collect(child, entries);
        }
    }

    private Map<Long, Provenances.Known> lookUp(List<ObjectNode> entries) {
        return provenances.of(entries.stream().map(e -> e.get("revision").asLong()).toList());
    }

    private void annotate(ObjectNode entry, Provenances.Known known) {
        ObjectNode decision = (ObjectNode) entry.get("decision");
        LocalDate decisionDate = date(decision.path("decisionDate"));
        DatePrecision precision = precision(decision.path("datePrecision"));
        // a read model that kept no precision of its own takes the trail's, for the same decision of the same entry
        if (known != null && decisionDate != null) {
            DatePrecision trail = known.precisionOf(new DecisionReference(null, null, decisionDate,
                    decision.path("decidedBy").asString(null), precision));
            if (trail != precision) {
                precision = trail;
                decision.put("datePrecision", precision.name());
            }
        }
        if (decisionDate != null) {
            decision.put("dateAsKnown", precision.format(decisionDate));
            decision.put("dateText", precision.inSwedish(decisionDate));
        }
        Provenance provenance = known == null ? null : known.provenance();
        if (provenance != null) {
            entry.set("provenance", json.readTree(known.provenanceJson()));
            Provenance.DecisionStatus status = provenance.statusAsKnown();
            if (status != null) {
                decision.put("status", status.name());
                decision.put("statusText", status.label());
            }
            if (provenance.documentKind() != null) {
                decision.put("documentKind", provenance.documentKind().name());
                decision.put("documentKindText", provenance.documentKind().label());
            }
        }
        for (String field : List.of("effectiveDate", "effectiveFrom")) {
            LocalDate effective = date(entry.path(field));
            if (effective == null) continue;
            DatePrecision effectivePrecision = provenance != null && provenance.effectiveDatePrecision() != null
                    ? provenance.effectiveDatePrecision()
                    : effective.equals(decisionDate) ? precision : DatePrecision.DAY;
            entry.put(field + "AsKnown", effectivePrecision.format(effective));
            entry.put(field + "Text", effectivePrecision.inSwedish(effective));
        }
    }

    /** Leaves out what the sources do not state: whole entries inferred or assumed, and such single facts. */
    private void withhold(JsonNode node) {
        if (node instanceof ArrayNode array) {
            for (int i = array.size() - 1; i >= 0; i--) {
                if (inferredAsAWhole(array.get(i))) array.remove(i);
                else withhold(array.get(i));
            }
        } else if (node instanceof ObjectNode object) {
            for (Iterator<Map.Entry<String, JsonNode>> it = object.properties().iterator(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                if (inferredAsAWhole(field.getValue())) field.setValue(json.nullNode());
                else withhold(field.getValue());
            }
            if (isBodyState(object)) withholdUncertainFacts(object);
            else if (object.path("provenance").isObject()) withholdFacts(object);
        }
    }

    private static void withholdUncertainFacts(ObjectNode body) {
        JsonNode uncertain = body.path("uncertainFacts");
        if (!uncertain.isArray() || uncertain.isEmpty()) return;
        for (JsonNode fact : List.copyOf(uncertain.valueStream().toList())) {
            String field = fact.path("field").asString();
            if (!Provenance.ENTRY.equals(field)) removeField(body, field.substring(field.lastIndexOf('.') + 1));
        }
        body.set("withheld", uncertain);
        body.remove("uncertainFacts");
    }

    /** A body as it stands (a chart box, a body's current state): built from many entries, not one. */
    private static boolean isBodyState(ObjectNode object) {
        return object.has("establishedBy") && object.path("id").isString();
    }

    /**
     * A body's state holds facts from all its entries: each fact an entry up to the state's revision marks
     * inferred or assumed is listed in {@code uncertainFacts} (the latest entry on a field decides), so a chart box
     * shows them and {@code onlyStated} leaves them out. An inferred reporting line is the field {@code reportsTo};
     * an establishment inferred as a whole is the field {@code entry}.
     */
    private void markUncertainFacts(List<ObjectNode> bodies) {
        Map<String, List<Provenances.Cited>> byBody = provenances.citedEntriesOf(
                bodies.stream().map(b -> b.get("id").asString()).toList());
        for (ObjectNode body : bodies) {
            long upTo = body.get("revision").asLong();
            Map<String, ObjectNode> uncertain = new java.util.LinkedHashMap<>();
            for (Provenances.Cited cited : byBody.getOrDefault(body.get("id").asString(), List.of())) {
                long revision = cited.revision();
                if (revision > upTo) break;
                String eventType = cited.eventType();
                Provenance provenance = cited.provenance();
                if (eventType.equals("ReportingLineSet")) uncertain.remove("reportsTo");
                for (Provenance.Fact fact : provenance.facts()) {
                    String field = fact.field();
                    if (Provenance.ENTRY.equals(field)) {
                        field = eventType.equals("ReportingLineSet") ? "reportsTo"
                                : eventType.endsWith("Established") ? Provenance.ENTRY : null;
                    }
                    if (field == null) continue;
                    if (fact.stated()) {
                        uncertain.remove(field);
                        continue;
                    }
                    ObjectNode note = json.createObjectNode();
                    note.put("field", field);
                    note.put("certainty", fact.certainty().name());
                    note.put("certaintyText", fact.certainty().label());
                    note.put("reasoning", fact.reasoning());
                    note.put("revision", revision);
                    uncertain.put(field, note);
                }
            }
            if (!uncertain.isEmpty()) body.set("uncertainFacts", json.createArrayNode().addAll(uncertain.values()));
        }
    }

    private boolean inferredAsAWhole(JsonNode node) {
        if (!(node instanceof ObjectNode object) || !object.path("provenance").isObject()) return false;
        if (isBodyState(object)) {
            // a body whose establishment is inferred as a whole is not stated by any source
            for (JsonNode fact : object.path("uncertainFacts")) {
                if (Provenance.ENTRY.equals(fact.path("field").asString(null))) return true;
            }
            return false;
        }
        Provenance provenance = json.treeToValue(object.get("provenance"), Provenance.class);
        return provenance.facts().stream().anyMatch(f -> Provenance.ENTRY.equals(f.field()) && !f.stated());
    }

    private void withholdFacts(ObjectNode entry) {
        Provenance provenance = json.treeToValue(entry.get("provenance"), Provenance.class);
        ArrayNode withheld = json.createArrayNode();
        for (Provenance.Fact fact : provenance.facts()) {
            if (fact.stated() || Provenance.ENTRY.equals(fact.field())) continue;
            String[] path = fact.field().split("\\.");
            ObjectNode owner = entry;
            for (int i = 0; i < path.length - 1 && owner != null; i++) {
                owner = owner.get(path[i]) instanceof ObjectNode next ? next : null;
            }
            if (owner != null) removeField(owner, path[path.length - 1]);
            ObjectNode note = withheld.addObject();
            note.put("field", fact.field());
            note.put("certainty", fact.certainty().name());
            note.put("reasoning", fact.reasoning());
        }
        if (!withheld.isEmpty()) entry.set("withheld", withheld);
    }

    /**
     * Removes a request field's value from an answer object: the field itself, the answer's columns named after
     * it ({@code recipient} → {@code recipientKind}, {@code recipientName}), in nested objects too (not the
     * decision or the provenance), and the entries of change lists that name it.
     */
    private static void removeField(ObjectNode object, String field) {
        for (Iterator<Map.Entry<String, JsonNode>> it = object.properties().iterator(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> property = it.next();
            String name = property.getKey();
            if (name.equals("provenance") || name.equals("decision") || name.equals("withheld")
                    || name.equals("uncertainFacts")) continue;
            if (name.equals(field) || (name.startsWith(field) && name.length() > field.length()
                    && Character.isUpperCase(name.charAt(field.length())))) {
                it.remove();
            } else if (property.getValue() instanceof ObjectNode nested) {
                removeField(nested, field);
            } else if (property.getValue() instanceof ArrayNode array) {
                for (int i = array.size() - 1; i >= 0; i--) {
                    JsonNode element = array.get(i);
                    if (element instanceof ObjectNode change && field.equals(change.path("field").asString(null))) {
                        array.remove(i);
                    } else if (element instanceof ObjectNode nested) {
                        removeField(nested, field);
                    }
                }
            }
        }
    }

    private static LocalDate date(JsonNode node) {
        if (node == null || !node.isString()) return null;
        try {
            return LocalDate.parse(node.asString());
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
    }

    private static DatePrecision precision(JsonNode node) {
        if (node == null || !node.isString()) return DatePrecision.DAY;
        try {
            return DatePrecision.valueOf(node.asString());
        } catch (IllegalArgumentException e) {
            return DatePrecision.DAY;
        }
    }
}
