package se.styrregistret.command.config;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import se.styrregistret.command.common.Refusals;

/** The command side's Axon set-up (the log's serialization is service-support's LogSerialization). */
@Configuration(proxyBeanMethods = false)
class AxonConfig {

    /** Refusals leave the local command bus as exception details, which Axon Server carries (see Refusals). */
    @Bean
    static BeanPostProcessor refusalsAsExceptionDetails() {
        return Refusals.onTheLocalCommandBus();
    }
}
