package se.styrregistret.command.ops;

import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AnnotationCommandTargetResolver;
import org.axonframework.modelling.command.CommandTargetResolver;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.modelling.command.ConflictingModificationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import se.styrregistret.support.web.InvalidInput;
import se.styrregistret.command.common.RuleViolation;
import se.styrregistret.support.logging.LogContext;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * While a command is handled, the SLF4J MDC holds who and what it is, so every line logged on the
 * handling thread carries it: the handler's own, those of the subscribing lookups
 * ({@code body-registry}, {@code budget-balances}, which run while the unit of work commits) and
 * Axon's. Keys:
 * <ul>
 *   <li>{@value #CORRELATION_ID}: the command message's id, which every event the command causes
 *       carries as its {@code correlationId} metadata (and the audit trail as its correlation id);</li>
 *   <li>{@value #TRACE_ID}: the id of the first message of the request, as the events carry it;</li>
 *   <li>{@value #COMMAND_TYPE}: the command's simple class name;</li>
 *   <li>{@value #RECORDED_BY}: the authenticated principal, as the events carry it.</li>
 * </ul>
 * The values the thread had before come back when the unit of work is cleaned up (after its commit
 * or rollback), so a pooled thread never carries one command's ids into the next request.
 * <p>
 * One line per handled command on the logger {@value #LOGGER}: INFO when it committed or a rule of
 * the register rejected it, WARN when it failed for any other reason.
 */
@Configuration(proxyBeanMethods = false)
class CommandLogContext {

    static final String LOGGER = "se.styrregistret.command.handled";
    static final String CORRELATION_ID = LogContext.CORRELATION_ID;
    static final String TRACE_ID = LogContext.TRACE_ID;
    static final String COMMAND_TYPE = "commandType";
    static final String RECORDED_BY = LogContext.RECORDED_BY;

    // registered once every singleton exists, as CommandMetrics does: asking for the command bus
    // while Axon builds it would be circular
    @Bean
    SmartInitializingSingleton commandIdsInLogs(CommandBus commandBus) {
        return () -> commandBus.registerHandlerInterceptor(new IdsInLogs());
    }

    static final class IdsInLogs implements MessageHandlerInterceptor<CommandMessage<?>> {

        private static final Logger log = LoggerFactory.getLogger(LOGGER);
        // Axon's own provider: the ids in the logs are by construction the ones the events get
        private final MessageOriginProvider origin = new MessageOriginProvider();
        private final CommandTargetResolver targets = AnnotationCommandTargetResolver.builder().build();

        @Override
        public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
            CommandMessage<?> command = unitOfWork.getMessage();
            Map<String, ?> ids = origin.correlationDataFor(command);
            Map<String, String> values = new LinkedHashMap<>();
            values.put(CORRELATION_ID, LogContext.text(ids.get(MessageOriginProvider.getDefaultCorrelationKey())));
            values.put(TRACE_ID, LogContext.text(ids.get(MessageOriginProvider.getDefaultTraceKey())));
            values.put(COMMAND_TYPE, CommandMetrics.TimeCommands.simpleName(command.getCommandName()));
            values.put(RECORDED_BY, LogContext.text(command.getMetaData().get(RECORDED_BY)));

            Map<String, String> previous = LogContext.put(values);
            // not in a finally around proceed(): the subscribing lookups run after it, while the unit
            // of work commits; cleanup comes after commit or rollback, whatever happened
            unitOfWork.onCleanup(u -> LogContext.restore(previous));

            long started = System.nanoTime();
            unitOfWork.afterCommit(u -> log.info("{}: committed in {} ms", subject(command), millisSince(started)));
            unitOfWork.onRollback(u -> rolledBack(command, u.getExecutionResult().getExceptionResult(), started));
            return chain.proceed();
        }

        private void rolledBack(CommandMessage<?> command, Throwable cause, long started) {
            String rejection = rejection(cause);
            if (rejection != null) {
                log.info("{}: rejected ({}) in {} ms", subject(command), rejection, millisSince(started));
            } else {
                // the stack trace is logged where the request is answered; this line ties it to the ids
                log.warn("{}: failed in {} ms: {}", subject(command), millisSince(started), String.valueOf(cause));
            }
        }

        /** What the client did wrong, or null when the failure is not the client's. */
        static String rejection(Throwable cause) {
            for (Throwable t = cause; t != null; t = t.getCause() == t ? null : t.getCause()) {
                if (t instanceof RuleViolation rule) return "rule " + rule.rule();
                if (t instanceof InvalidInput invalid) return "invalid " + invalid.field();
                if (t instanceof AggregateNotFoundException) return "not found";
                if (t instanceof ConflictingModificationException || t instanceof ConcurrencyException) {
                    return "concurrent modification";
                }
            }
            return null;
        }

        private String subject(CommandMessage<?> command) {
            String type = CommandMetrics.TimeCommands.simpleName(command.getCommandName());
            try {
                return type + " " + targets.resolveTarget(command).getIdentifier();
            } catch (IllegalArgumentException noSingleTarget) {
                // e.g. a reorganisation changes several bodies
                return type;
            }
        }

        private static long millisSince(long started) {
            return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        }
    }
}
