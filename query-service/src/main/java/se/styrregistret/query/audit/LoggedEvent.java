package se.styrregistret.query.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.serialization.Serializer;
import se.styrregistret.kernel.common.EventSerialization;
import se.styrregistret.kernel.schema.StoredForm;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/**
 * One event of the log as the audit trail sees it, taken from Axon's event message (never from a
 * store's tables), so it is the same in every storage mode: identifier, aggregate, serialized type
 * and revision, timestamp, the payload as serialized and the metadata in a canonical form.
 * {@link #leafHash()} is its leaf in the tamper-evident Merkle log.
 */
record LoggedEvent(long revision, String identifier, String aggregateType, String aggregateId, Long sequenceNumber,
                   String payloadType, String payloadRevision, Instant timestamp, byte[] payload, byte[] metaData) {

    private static final ObjectMapper CANONICAL = EventSerialization.objectMapper();

    /**
     * The event of a message read from the log. The payload is the stored bytes where the store
     * kept them with this serializer (Axon returns them unchanged), so a byte changed in the store
     * changes the hash; metadata is written with sorted keys, as stores keep it in different forms.
     * An event an upcaster changed on reading is taken as stored, not as upcast ({@link StoredForm}), so
     * a new upcaster does not change the leaves of events logged before it.
     */
    static LoggedEvent of(EventMessage<?> message, long revision, Serializer serializer) {
        StoredForm stored = StoredForm.of(message, serializer);
        String aggregateType = null;
        String aggregateId = null;
        Long sequenceNumber = null;
        if (message instanceof DomainEventMessage<?> domain) {
            aggregateType = domain.getType();
            aggregateId = domain.getAggregateIdentifier();
            sequenceNumber = domain.getSequenceNumber();
        }
        return new LoggedEvent(revision, message.getIdentifier(), aggregateType, aggregateId, sequenceNumber,
                stored.payloadType(), stored.payloadRevision(), message.getTimestamp(), stored.payload(),
                canonical(message, stored.metaData()));
    }

    private static byte[] canonical(EventMessage<?> message, Map<String, ?> metaData) {
        try {
            return CANONICAL.writeValueAsBytes(new TreeMap<>(metaData));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("metadata of event " + message.getIdentifier() + " cannot be written", e);
        }
    }

    /**
     * The bytes the event's leaf covers: the revision and every field above, each length-prefixed
     * (-1 for absent), so no two different events have the same leaf and an event moved to another
     * revision does not verify. Served as is to auditors, whose verifier hashes it itself.
     */
    byte[] leafData() {
        ByteArrayOutputStream out = new ByteArrayOutputStream(payload.length + metaData.length + 256);
        out.writeBytes(ByteBuffer.allocate(Long.BYTES).putLong(revision).array());
        field(out, utf8(identifier));
        field(out, utf8(aggregateType));
        field(out, utf8(aggregateId));
        out.writeBytes(ByteBuffer.allocate(Long.BYTES).putLong(sequenceNumber == null ? -1 : sequenceNumber).array());
        field(out, utf8(payloadType));
        field(out, utf8(payloadRevision));
        field(out, utf8(timestamp.toString()));
        field(out, payload);
        field(out, metaData);
        return out.toByteArray();
    }

    /** The event's leaf in the Merkle log: SHA-256(0x00 || leaf data), RFC 9162. */
    byte[] leafHash() {
        return MerkleTree.leafHash(leafData());
    }

    private static byte[] utf8(String s) {
        return s == null ? null : s.getBytes(StandardCharsets.UTF_8);
    }

    /** Length-prefixed (-1 for null), so field boundaries are part of what is hashed. */
    private static void field(ByteArrayOutputStream out, byte[] bytes) {
        out.writeBytes(ByteBuffer.allocate(Integer.BYTES).putInt(bytes == null ? -1 : bytes.length).array());
        if (bytes != null) out.writeBytes(bytes);
    }
}
