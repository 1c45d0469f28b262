package se.styrregistret.command.config;

import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import se.styrregistret.command.common.Refusals;
import se.styrregistret.kernel.common.EventSerialization;
import se.styrregistret.kernel.schema.EventSchema;

@Configuration(proxyBeanMethods = false)
class AxonConfig {

    /** Events, messages and tokens all as JSON, in the form the query-service reads. */
    @Bean
    @Primary
    Serializer serializer() {
        return EventSerialization.serializer();
    }

    /**
     * Events stored in an earlier shape are read as the current one. Axon's auto-configuration puts every
     * EventUpcaster bean into the chain the event store applies when it reads, under JPA and Axon Server alike.
     */
    @Bean
    EventUpcaster eventSchema() {
        return EventSchema.upcasters();
    }

    /** Refusals leave the local command bus as exception details, which Axon Server carries (see Refusals). */
    @Bean
    static BeanPostProcessor refusalsAsExceptionDetails() {
        return Refusals.onTheLocalCommandBus();
    }
}
