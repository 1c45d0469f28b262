package se.styrregistret.support;

import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import se.styrregistret.kernel.common.EventSerialization;
import se.styrregistret.kernel.schema.EventSchema;

/**
 * How both services write and read the log, so each reads the other's bytes: events, messages and
 * tokens as JSON (the kernel's {@link EventSerialization}), and events stored in an earlier shape
 * read as the current one (the kernel's upcaster chain; Axon's auto-configuration puts every
 * {@link EventUpcaster} bean into the chain the event store applies, under JPA and Axon Server alike).
 * Before Axon's own auto-configuration, whose default serializer then backs off.
 */
@AutoConfiguration(beforeName = "org.axonframework.springboot.autoconfig.AxonAutoConfiguration")
public class LogSerialization {

    @Bean
    @Primary
    Serializer serializer() {
        return EventSerialization.serializer();
    }

    @Bean
    EventUpcaster eventSchema() {
        return EventSchema.upcasters();
    }
}
