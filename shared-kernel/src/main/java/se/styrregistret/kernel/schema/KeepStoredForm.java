package se.styrregistret.kernel.schema;

import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;

import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Runs the upcasters on each stored event and, where they changed it, keeps the stored form
 * (type, revision, bytes) in its metadata under {@link StoredForm#METADATA_KEY}, for the audit log,
 * whose leaves commit to events as stored. On an event they left alone the key is dropped, should
 * the stored metadata carry it: only this class sets it. Both are lazy, like the upcasting itself.
 */
final class KeepStoredForm implements EventUpcaster {

    private static final Set<String> RESERVED = Set.of(StoredForm.METADATA_KEY);

    private final EventUpcaster upcasters;

    KeepStoredForm(EventUpcaster upcasters) {
        this.upcasters = upcasters;
    }

    @Override
    public Stream<IntermediateEventRepresentation> upcast(Stream<IntermediateEventRepresentation> stored) {
        return stored.map(this::upcastOne);
    }

    private IntermediateEventRepresentation upcastOne(IntermediateEventRepresentation stored) {
        List<IntermediateEventRepresentation> upcasted = upcasters.upcast(Stream.of(stored)).toList();
        if (upcasted.size() != 1) {
            // one revision, one event, one leaf: an upcaster that splits or drops events breaks the audit log
            throw new IllegalStateException("the upcasters turned event " + stored.getMessageIdentifier() + " ("
                    + stored.getType() + ") into " + upcasted.size() + " events; here they must give exactly one");
        }
        IntermediateEventRepresentation current = upcasted.get(0);
        if (current == stored) {
            return withMetaData(stored, stored.getContentType(),
                    metaData -> metaData.containsKey(StoredForm.METADATA_KEY) ? metaData.withoutKeys(RESERVED) : metaData);
        }
        SerializedType storedType = stored.getType();
        return withMetaData(current, current.getContentType(), metaData -> metaData.and(StoredForm.METADATA_KEY,
                StoredForm.describe(storedType, stored.getData(byte[].class).getData())));
    }

    /** The same event, type and data; only its metadata passes through {@code change}. */
    private static <T> IntermediateEventRepresentation withMetaData(IntermediateEventRepresentation event,
                                                                  Class<T> contentType,
                                                                  Function<MetaData, MetaData> change) {
        return event.upcast(event.getType(), contentType, Function.identity(), change);
    }
}
