package se.styrregistret.kernel.schema;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.Serializer;

import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * An event as the log stored it: payload type, revision and payload bytes, and its metadata. The
 * audit log's leaf commits to this form, never to an upcasted one, so that adding an upcaster
 * later does not change the leaves of events already logged.
 *
 * <p>When {@link EventSchema#upcasters()} changes an event it reads, it keeps the stored form in the
 * event's metadata under {@link #METADATA_KEY}; {@link #of} takes it from there and otherwise
 * serializes the message as it is (for an event read unchanged, the stored bytes themselves).
 *
 * @param metaData the event's metadata without {@link #METADATA_KEY}
 */
public record StoredForm(String payloadType, String payloadRevision, byte[] payload, MetaData metaData) {

    /**
     * Internal and reserved: set only by the upcaster chain while reading, never stored and never
     * shown. Whatever a stored event carries under this key is dropped as it is read (see
     * {@link EventSchema}), so no event can claim a stored form other than its own.
     */
    public static final String METADATA_KEY = "styrregistret.storedAs";

    private static final String TYPE = "payloadType";
    private static final String REVISION = "payloadRevision";
    private static final String PAYLOAD = "payload";

    /** The stored form of a message: the one the upcaster chain kept, else the message serialized. */
    public static StoredForm of(EventMessage<?> message, Serializer serializer) {
        MetaData metaData = message.getMetaData();
        Object kept = metaData.get(METADATA_KEY);
        MetaData rest = kept == null ? metaData : metaData.withoutKeys(Set.of(METADATA_KEY));
        if (kept instanceof Map<?, ?> form && form.get(TYPE) instanceof String type
                && form.get(PAYLOAD) instanceof String payload) {
            Object revision = form.get(REVISION);
            return new StoredForm(type, revision == null ? null : revision.toString(),
                    Base64.getDecoder().decode(payload), rest);
        }
        if (kept != null) {
            // only the chain writes this key, in the form above: anything else is a fault, not an event to hash
            throw new IllegalStateException("event " + message.getIdentifier() + " has an unreadable " + METADATA_KEY);
        }
        SerializedObject<byte[]> serialized = message.serializePayload(serializer, byte[].class);
        return new StoredForm(serialized.getType().getName(), serialized.getType().getRevision(),
                serialized.getData(), rest);
    }

    /**
     * The metadata value for an event stored as {@code type} with {@code payload}: plain strings (the
     * bytes in base64, exact whatever they hold), so it survives being written elsewhere, e.g. to a
     * dead-letter queue, and read back.
     */
    static Map<String, String> describe(SerializedType type, byte[] payload) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put(TYPE, type.getName());
        if (type.getRevision() != null) form.put(REVISION, type.getRevision());
        form.put(PAYLOAD, Base64.getEncoder().encodeToString(payload));
        return form;
    }
}
