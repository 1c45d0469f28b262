package se.styrregistret.command.security;

import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

import java.util.List;
import java.util.function.BiFunction;

/**
 * Every command carries the authenticated principal as {@code recordedBy}, set here and never
 * taken from the request body; Axon copies it onto every event the command causes.
 */
@Configuration(proxyBeanMethods = false)
class RecordedBy {

    static final String KEY = "recordedBy";

    // static: Axon's own configuration asks for correlation providers while it builds the command bus
    @Bean
    static CorrelationDataProvider recordedByOnEvents() {
        return new SimpleCorrelationDataProvider(KEY);
    }

    /**
     * Declaring any provider switches off Axon's default one, so it is declared again: events
     * carry {@code correlationId} (the id of the command that caused them: their causation) and
     * {@code traceId} (the id of the request's first message: their correlation).
     */
    @Bean
    static CorrelationDataProvider messageOrigin() {
        return new MessageOriginProvider();
    }

    @Bean
    SmartInitializingSingleton recordedByOnCommands(CommandBus commandBus) {
        return () -> commandBus.registerDispatchInterceptor(new Stamp());
    }

    static final class Stamp implements MessageDispatchInterceptor<CommandMessage<?>> {
        @Override
        public BiFunction<Integer, CommandMessage<?>, CommandMessage<?>> handle(List<? extends CommandMessage<?>> messages) {
            return (index, command) -> {
                Authentication auth = SecurityContextHolder.getContext().getAuthentication();
                String who = auth == null || !auth.isAuthenticated() ? "system" : auth.getName();
                return command.andMetaData(java.util.Map.of(KEY, who));
            };
        }
    }
}
