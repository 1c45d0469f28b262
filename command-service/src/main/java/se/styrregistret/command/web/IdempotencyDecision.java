package se.styrregistret.command.web;

import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * Marks a request's Idempotency-Key as decided in the transaction of the command it dispatched
 * ({@code registry.idempotency_key.decided_at}), so the key and the events commit together. The
 * {@link IdempotencyFilter} claims the key before the command and records the answer after it; if the
 * process dies in between, this mark tells a retry whether the change happened.
 */
@Configuration(proxyBeanMethods = false)
class IdempotencyDecision {

    /** The request attribute the filter sets when it has claimed a key for the request. */
    static final String ATTRIBUTE = IdempotencyDecision.class.getName() + ".claim";
    static final String PRINCIPAL = "idempotencyPrincipal";
    static final String KEY = "idempotencyKey";

    record Claim(String principal, String key) {
    }

    // registered once every singleton exists, as the other command-bus interceptors are
    @Bean
    SmartInitializingSingleton idempotencyKeyDecidedWithTheCommand(CommandBus commandBus, JdbcTemplate jdbc) {
        return () -> {
            commandBus.registerDispatchInterceptor(new CarryClaim());
            commandBus.registerHandlerInterceptor(new MarkDecided(jdbc));
        };
    }

    /** Puts the request's claim on the command it dispatches (command metadata only; events do not copy it). */
    static final class CarryClaim implements MessageDispatchInterceptor<CommandMessage<?>> {
        @Override
        public BiFunction<Integer, CommandMessage<?>, CommandMessage<?>> handle(List<? extends CommandMessage<?>> messages) {
            return (index, command) -> {
                if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
                        && attributes.getRequest().getAttribute(ATTRIBUTE) instanceof Claim claim) {
                    return command.andMetaData(Map.of(PRINCIPAL, claim.principal(), KEY, claim.key()));
                }
                return command;
            };
        }
    }

    /** As the command's unit of work prepares to commit, in its transaction: the key is decided. */
    static final class MarkDecided implements MessageHandlerInterceptor<CommandMessage<?>> {
        private final JdbcTemplate jdbc;

        MarkDecided(JdbcTemplate jdbc) {
            this.jdbc = jdbc;
        }

        @Override
        public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
            Object principal = unitOfWork.getMessage().getMetaData().get(PRINCIPAL);
            Object key = unitOfWork.getMessage().getMetaData().get(KEY);
            if (principal != null && key != null) {
                unitOfWork.onPrepareCommit(u -> jdbc.update(
                        "update registry.idempotency_key set decided_at = now() where principal = ? and idem_key = ?",
                        principal.toString(), key.toString()));
            }
            return chain.proceed();
        }
    }
}
