package se.styrregistret.kernel.schema;

import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.axonframework.serialization.upcasting.event.EventUpcasterChain;

/**
 * How events stored in any earlier shape are read as the current one: the upcaster chain both
 * services register with Axon (an {@code EventUpcaster} bean), which the event store applies to every
 * event it reads, in both storage modes.
 *
 * <p>To change a stored event's shape: bump its {@code @Revision}, add a one-to-one
 * {@code SingleEventUpcaster} from the previous revision to the new one after those below, and commit
 * a golden sample of the new revision (see CONTRIBUTING.md). Upcasters change the payload and its
 * type or revision only, never metadata.
 */
public final class EventSchema {

    private EventSchema() {
    }

    /** The chain, in order: revision null → "1" for every event type, then each type's steps. */
    public static EventUpcaster upcasters() {
        return new KeepStoredForm(new EventUpcasterChain(
                new FirstRevision(EventTypes.all()),
                new AgreementRecordedYears()));
    }
}
