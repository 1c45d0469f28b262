package se.styrregistret.query.config;

import org.axonframework.serialization.Serializer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import se.styrregistret.kernel.common.EventSerialization;

@Configuration(proxyBeanMethods = false)
class AxonConfig {

    /** Reads the JSON the command-service writes; tokens are JSON too. */
    @Bean
    @Primary
    Serializer serializer() {
        return EventSerialization.serializer();
    }
}
