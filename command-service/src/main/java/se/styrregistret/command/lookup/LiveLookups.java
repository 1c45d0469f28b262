package se.styrregistret.command.lookup;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.axonframework.messaging.annotation.MetaDataValue;
import se.styrregistret.kernel.correction.EntryCorrected;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Component;

/**
 * The lookup tables, changed in the same transaction as the command whose events change them
 * (a subscribing processor): the next command sees them at once, and a rule checked by a table's
 * constraint (a frame overdrawn by two concurrent allocations) fails the command that broke it.
 */
@Component
@ProcessingGroup(LiveLookups.PROCESSING_GROUP)
class LiveLookups {

    static final String PROCESSING_GROUP = "lookups-live";

    private final AppliedEvents applied;

    LiveLookups(AppliedEvents applied) {
        this.applied = applied;
    }

    @EventHandler
    void on(Object event, @MessageIdentifier String eventId,
            @MetaDataValue(EntryCorrected.CORRECTS) String corrects) {
        applied.apply(event, eventId, corrects);
    }

    /** Errors here must fail the command's transaction and reach the client, not be logged and skipped. */
    @Configuration(proxyBeanMethods = false)
    static class PropagateErrors {
        @Bean
        ConfigurerModule liveLookupsPropagateErrors() {
            return configurer -> configurer.eventProcessing(processing -> processing.registerListenerInvocationErrorHandler(
                    PROCESSING_GROUP, c -> PropagatingErrorHandler.instance()));
        }
    }
}
