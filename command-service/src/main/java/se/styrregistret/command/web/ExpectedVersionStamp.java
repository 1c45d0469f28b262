package se.styrregistret.command.web;

import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/** Carries a request's If-Match version onto the command it dispatches. */
@Configuration(proxyBeanMethods = false)
class ExpectedVersionStamp {

    @Bean
    SmartInitializingSingleton expectedVersionOnCommands(CommandBus commandBus) {
        return () -> commandBus.registerDispatchInterceptor(new MessageDispatchInterceptor<CommandMessage<?>>() {
            @Override
            public BiFunction<Integer, CommandMessage<?>, CommandMessage<?>> handle(
                    List<? extends CommandMessage<?>> messages) {
                return (index, command) -> ExpectedVersion.fromCurrentRequest()
                        .<CommandMessage<?>>map(v -> command.andMetaData(Map.of(ExpectedVersion.KEY, v)))
                        .orElse(command);
            }
        });
    }
}
