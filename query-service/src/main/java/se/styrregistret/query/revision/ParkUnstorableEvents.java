package se.styrregistret.query.revision;

import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.annotation.HandlerEnhancerDefinition;
import org.axonframework.messaging.annotation.MessageHandlingMember;
import org.axonframework.messaging.annotation.WrappedMessageHandlingMember;
import org.springframework.stereotype.Component;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.lang.reflect.Executable;

/**
 * An event whose text cannot be stored (a NUL, a lone surrogate: the command API refuses both, but
 * an older log may hold them) fails in the projection's event handler, before it touches the
 * batch, so the processor parks it in its dead-letter queue and goes on. Without this it would
 * fail the whole batch when the batch writes its rows, again at every retry, and stop the projection.
 * A projection that stores no text of the event's (the tamper-evident audit log hashes bytes) opts
 * out with {@link StoresNoText}.
 */
@Component
public class ParkUnstorableEvents implements HandlerEnhancerDefinition {

    @Override
    public <T> MessageHandlingMember<T> wrapHandler(MessageHandlingMember<T> original) {
        if (original.annotationAttributes(EventHandler.class).isEmpty()
                || original.declaringClass().isAnnotationPresent(StoresNoText.class)
                || takesNothingOfTheEvent(original)) {
            return original;
        }
        return new WrappedMessageHandlingMember<>(original) {
            @Override
            public Object handle(Message<?> message, T target) throws Exception {
                if (message instanceof EventMessage<?> event) {
                    String problem = StorableText.problemIn(event.getPayload());
                    if (problem != null) {
                        throw new IllegalArgumentException("the event's text cannot be stored (" + problem
                                + "): parked instead of stopping the projection");
                    }
                }
                return super.handle(message, target);
            }
        };
    }

    /**
     * A handler without parameters (a projection's handler of the events it does not use) stores nothing of
     * the event: checking it would deserialise every event of the log for nothing.
     */
    private static boolean takesNothingOfTheEvent(MessageHandlingMember<?> handler) {
        return handler.unwrap(Executable.class).map(e -> e.getParameterCount() == 0).orElse(false);
    }

    /** Marks a projection that stores none of an event's text, so any event can be applied. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.TYPE)
    public @interface StoresNoText {
    }
}
