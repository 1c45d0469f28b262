package se.styrregistret.command.ops;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Count and latency of every handled command, per command type and outcome: the Micrometer
 * timer {@value #TIMER} (Prometheus: {@code styrregistret_commands_seconds_count/_sum/_max}),
 * tagged {@code command} (the command's simple class name) and {@code outcome}
 * ({@code success} when the unit of work committed, {@code failure} when it rolled back, so
 * rule violations and concurrency conflicts at commit count as failures).
 */
@Configuration(proxyBeanMethods = false)
class CommandMetrics {

    static final String TIMER = "styrregistret.commands";

    // registered once every singleton exists, as RecordedBy does: asking for the command bus while
    // Axon builds it would be circular
    @Bean
    SmartInitializingSingleton commandTimerOnCommandBus(CommandBus commandBus, MeterRegistry registry) {
        return () -> commandBus.registerHandlerInterceptor(new TimeCommands(registry));
    }

    static final class TimeCommands implements MessageHandlerInterceptor<CommandMessage<?>> {

        private final MeterRegistry registry;

        TimeCommands(MeterRegistry registry) {
            this.registry = registry;
        }

        @Override
        public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
            String command = simpleName(unitOfWork.getMessage().getCommandName());
            Timer.Sample sample = Timer.start(registry);
            unitOfWork.afterCommit(u -> sample.stop(timer(command, "success")));
            unitOfWork.onRollback(u -> sample.stop(timer(command, "failure")));
            return chain.proceed();
        }

        private Timer timer(String command, String outcome) {
            return Timer.builder(TIMER)
                    .description("Commands handled, by type and outcome, including the commit of their events")
                    .tag("command", command)
                    .tag("outcome", outcome)
                    .register(registry);
        }

        static String simpleName(String commandName) {
            int dot = commandName.lastIndexOf('.');
            return dot < 0 ? commandName : commandName.substring(dot + 1);
        }
    }
}
