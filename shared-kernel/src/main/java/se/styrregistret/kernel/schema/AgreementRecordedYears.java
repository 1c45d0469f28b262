package se.styrregistret.kernel.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;
import se.styrregistret.kernel.agreement.AgreementRecorded;

import java.util.Map;

/**
 * AgreementRecorded revision 1 → 2: the period's years {@code periodFrom}/{@code periodTo} are
 * called {@code firstYear}/{@code lastYear} in the event (the command and the view keep their
 * names). Values and field order stay as stored.
 */
final class AgreementRecordedYears extends SingleEventUpcaster {

    static final SerializedType FROM = new SimpleSerializedType(AgreementRecorded.class.getName(), "1");
    static final SerializedType TO = new SimpleSerializedType(AgreementRecorded.class.getName(), "2");

    private static final Map<String, String> RENAMED = Map.of("periodFrom", "firstYear", "periodTo", "lastYear");

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation event) {
        return FROM.equals(event.getType());
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation event) {
        return event.upcastPayload(TO, JsonNode.class, AgreementRecordedYears::renamed);
    }

    /** A new object with the fields renamed in place; the stored node is shared, so it is not changed. */
    static JsonNode renamed(JsonNode stored) {
        if (!(stored instanceof ObjectNode object)) return stored; // not an event object: deserialization says so
        ObjectNode renamed = JsonNodeFactory.instance.objectNode();
        for (Map.Entry<String, JsonNode> field : object.properties()) {
            renamed.set(RENAMED.getOrDefault(field.getKey(), field.getKey()), field.getValue());
        }
        return renamed;
    }
}
