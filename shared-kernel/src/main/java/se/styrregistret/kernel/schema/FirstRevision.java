package se.styrregistret.kernel.schema;

import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;

import java.util.Collection;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Events stored before events carried a revision (revision null) are revision "1": the same shape,
 * so only the label changes and the bytes pass through untouched. Later upcasters then need to know
 * one starting point only.
 */
final class FirstRevision extends SingleEventUpcaster {

    static final String REVISION = "1";

    private final Set<String> typeNames;

    FirstRevision(Collection<Class<? extends Record>> eventTypes) {
        this.typeNames = eventTypes.stream().map(Class::getName).collect(Collectors.toUnmodifiableSet());
    }

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation event) {
        return event.getType().getRevision() == null && typeNames.contains(event.getType().getName());
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation event) {
        return relabel(event, event.getContentType());
    }

    /** In the representation the data already has, so nothing is parsed or written again. */
    private static <T> IntermediateEventRepresentation relabel(IntermediateEventRepresentation event, Class<T> contentType) {
        return event.upcastPayload(new SimpleSerializedType(event.getType().getName(), REVISION), contentType,
                Function.identity());
    }
}
