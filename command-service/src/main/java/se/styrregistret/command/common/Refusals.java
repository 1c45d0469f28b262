package se.styrregistret.command.common;

import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandCallback;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.CommandResultMessage;
import org.axonframework.commandhandling.GenericCommandResultMessage;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.modelling.command.ConflictingModificationException;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.PriorityOrdered;
import se.styrregistret.kernel.common.DatabaseUnavailable;

import java.sql.SQLException;
import java.util.Optional;
import se.styrregistret.support.web.InvalidInput;

/**
 * Turns every way a command can be refused into a {@link Refusal}, where the command is handled:
 * in the handler (a rule, a missing aggregate, a stale {@code If-Match}) and while its unit of work
 * commits (a rule checked by a lookup table, a concurrent append, a unique index). The local
 * command bus is wrapped so the result it reports carries the refusal as exception details; under
 * the {@code axonserver} profile that bus is Axon Server's local segment, so the details are what
 * travels back to the node that dispatched the command.
 */
public final class Refusals {

    private Refusals() {
    }

    /** The refusal behind a failure, or empty for a fault (which stays a 500). */
    public static Optional<Refusal> classify(Throwable failure) {
        Optional<Refusal> carried = Refusal.of(failure);
        if (carried.isPresent()) return carried;
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof RuleViolation rule) {
                return Optional.of(new Refusal(rule.isConflict() ? 409 : 422, rule.rule(), rule.field(),
                        "Regeln " + rule.rule() + " bryts", rule.getMessage()));
            }
            if (t instanceof InvalidInput invalid) {
                return Optional.of(new Refusal(400, null, invalid.field(), "Ogiltig indata", invalid.getMessage()));
            }
            if (t instanceof AggregateNotFoundException missing) {
                return Optional.of(new Refusal(404, "not-found", null, "Hittades inte",
                        "Det finns inget sådant i registret: " + missing.getAggregateIdentifier()));
            }
            if (t instanceof ConflictingModificationException) {
                return Optional.of(new Refusal(412, "version-moved", "If-Match", "Versionen har ändrats",
                        "Versionen i If-Match är inte längre den senaste; läs om och försök igen"));
            }
            if (t instanceof ConcurrencyException) {
                return Optional.of(concurrentChange("Någon annan ändrade samma sak samtidigt; läs om och försök igen"));
            }
            if (t instanceof SQLException sql && "23505".equals(sql.getSQLState())) {
                // two concurrent commands raced past a cross-body rule; the unique index caught the second
                return Optional.of(concurrentChange("En samtidig ändring hann före; läs om och försök igen"));
            }
            if (t instanceof SQLException sql && "40P01".equals(sql.getSQLState())) {
                // two compound decisions took the locks of the same cross-body checks in opposite order
                return Optional.of(concurrentChange("En samtidig ändring hann före; läs om och försök igen"));
            }
        }
        if (DatabaseUnavailable.isCause(failure)) {
            return Optional.of(new Refusal(503, "unavailable", null, "Tillfälligt otillgänglig",
                    "Registret når inte sin databas just nu. Försök igen om en stund, gärna med samma Idempotency-Key."));
        }
        return Optional.empty();
    }

    private static Refusal concurrentChange(String detail) {
        return new Refusal(409, "concurrent-modification", null, "Samtidig ändring", detail);
    }

    /** A command's result with its failure, if it is a refusal, as a {@link CommandExecutionException} with details. */
    static <R> CommandResultMessage<? extends R> translate(CommandResultMessage<? extends R> result) {
        if (!result.isExceptional() || result.exceptionResult() instanceof CommandExecutionException e && Refusal.of(e).isPresent()) {
            return result;
        }
        Throwable failure = result.exceptionResult();
        return classify(failure)
                .<CommandResultMessage<? extends R>>map(refusal -> new GenericCommandResultMessage<>(
                        refusal.asException(failure), result.getMetaData()))
                .orElse(result);
    }

    /** Wraps the local command bus (Axon Server's local segment under that profile). */
    public static BeanPostProcessor onTheLocalCommandBus() {
        return new Wrapper();
    }

    /** Ordered first, so a decorator added later (a test's) wraps this one, not the bare bus. */
    private static final class Wrapper implements BeanPostProcessor, PriorityOrdered {
        @Override
        public Object postProcessAfterInitialization(Object bean, String beanName) {
            return bean instanceof SimpleCommandBus local ? new Translating(local) : bean;
        }

        @Override
        public int getOrder() {
            return Ordered.HIGHEST_PRECEDENCE;
        }
    }

    /** The local bus, reporting refusals as exception details. */
    static final class Translating extends ForwardingCommandBus {

        Translating(CommandBus delegate) {
            super(delegate);
        }

        @Override
        public <C, R> void dispatch(CommandMessage<C> command, CommandCallback<? super C, ? super R> callback) {
            delegate.dispatch(command, (CommandCallback<C, R>) (message, result) -> callback.onResult(message, translate(result)));
        }
    }
}
