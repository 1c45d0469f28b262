package se.styrregistret.command.common;

import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.messaging.HandlerExecutionException;

import java.util.Optional;

/**
 * Why a command was refused, as data: the details of a {@link CommandExecutionException}. Axon
 * Server carries a command's exception to the dispatching node only as its message and these
 * details (never as a Java exception class), so the HTTP layer answers from them alone, the same
 * way whether the command ran in this JVM or behind Axon Server.
 *
 * @param status the HTTP status the refusal answers with (400, 404, 409, 412, 422 or 503)
 * @param rule   the stable code of the broken rule, e.g. {@code name-taken}; null where none applies
 * @param field  the request field it concerns, e.g. {@code If-Match}; null where none applies
 * @param title  a short Swedish title
 * @param detail the Swedish explanation for the person who sent the command
 */
public record Refusal(int status, String rule, String field, String title, String detail) {

    /** The refusal a command's failure carries, wherever in the cause chain Axon put it. */
    public static Optional<Refusal> of(Throwable failure) {
        return HandlerExecutionException.resolveDetails(failure).filter(Refusal.class::isInstance).map(Refusal.class::cast);
    }

    public CommandExecutionException asException(Throwable cause) {
        return new CommandExecutionException(detail, cause, this);
    }
}
