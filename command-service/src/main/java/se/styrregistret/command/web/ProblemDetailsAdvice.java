package se.styrregistret.command.web;

import org.axonframework.commandhandling.CommandExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import se.styrregistret.command.common.Refusal;
import se.styrregistret.command.common.Refusals;
import se.styrregistret.support.web.ProblemAdvice;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.InputCoercionException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

import java.net.URI;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every error leaves as an RFC 9457 problem body: input errors (400) name the field and the
 * reason, broken rules (409/422) name the rule. No stack traces, no SQL.
 */
@RestControllerAdvice
class ProblemDetailsAdvice extends ProblemAdvice {

    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        List<Map<String, String>> errors = ex.getBindingResult().getFieldErrors().stream()
                .sorted(Comparator.comparing(e -> e.getField()))
                .map(e -> Map.of("field", e.getField(), "reason", String.valueOf(e.getDefaultMessage())))
                .toList();
        return ResponseEntity.badRequest().body(invalidInput(errors));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        return ResponseEntity.badRequest().body(invalidInput(List.of(describe(ex.getCause()))));
    }

    /**
     * A refused command, from this JVM or across Axon Server: the answer comes from the refusal's
     * details alone, never from a Java exception class, so both modes answer alike.
     */
    @ExceptionHandler(CommandExecutionException.class)
    ResponseEntity<?> refused(CommandExecutionException ex) {
        return unexpected(ex);
    }

    /** A provenance that does not hold: 400 with every field, its rule and reason; nothing was recorded. */
    @ExceptionHandler(ProvenanceIntake.ProvenanceRefused.class)
    ResponseEntity<ProblemDetail> provenanceRefused(ProvenanceIntake.ProvenanceRefused ex) {
        List<Map<String, String>> errors = ex.problems().stream()
                .map(p -> Map.of("field", p.field(), "rule", p.rule(), "reason", p.reason()))
                .toList();
        return ResponseEntity.badRequest().body(invalidInput(errors));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<?> unexpected(Exception ex) {
        Optional<Refusal> refusal = Refusals.classify(ex);
        if (refusal.isPresent()) return answer(refusal.get(), ex);
        log.error("Unexpected error", ex);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
                "Ett oväntat fel inträffade; ingenting registrerades");
        problem.setTitle("Internt fel");
        return ResponseEntity.internalServerError().body(problem);
    }

    private static ResponseEntity<?> answer(Refusal refusal, Exception ex) {
        if ("unavailable".equals(refusal.rule())) return unavailable(ex);
        if (refusal.status() == HttpStatus.BAD_REQUEST.value()) {
            return ResponseEntity.badRequest().body(invalidInput(List.of(Map.of("field", refusal.field(), "reason", refusal.detail()))));
        }
        HttpStatus status = HttpStatus.valueOf(refusal.status());
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, refusal.detail());
        problem.setTitle(refusal.title());
        if (refusal.rule() != null) {
            if (status == HttpStatus.CONFLICT || status == HttpStatus.UNPROCESSABLE_CONTENT) {
                problem.setType(URI.create("urn:styrregistret:problem:rule:" + refusal.rule()));
            }
            if (status != HttpStatus.NOT_FOUND) problem.setProperty("rule", refusal.rule());
        }
        if (refusal.field() != null) problem.setProperty("field", refusal.field());
        if (status == HttpStatus.SERVICE_UNAVAILABLE) {
            // temporary (the lookup tables are still catching up with the log): ask the client to come back
            return ResponseEntity.status(status).header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS).body(problem);
        }
        return ResponseEntity.status(status).body(problem);
    }

    /**
     * The database is down or restarting: a temporary condition, not a fault. If the connection broke
     * while the change was committing its fate is unknown, so the advice is to retry with the same
     * Idempotency-Key, which records the change at most once.
     */
    static ResponseEntity<ProblemDetail> unavailable(Exception ex) {
        log.warn("Database unavailable: {}", ex.toString());
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS)
                .body(unavailableProblem());
    }

    static final String RETRY_AFTER_SECONDS = "5";

    /** The one 503 body of this service, also written by the Idempotency-Key filter (outside MVC). */
    static ProblemDetail unavailableProblem() {
        return unavailableProblem("Registret når inte sin databas just nu. Försök igen om en stund, gärna med samma Idempotency-Key.");
    }

    /** Turns Jackson's reading error into the field path and a reason a client can act on. */
    static Map<String, String> describe(Throwable cause) {
        // a number too large for its type (e.g. an amount beyond a long) is the client's field, not broken JSON
        if (cause instanceof InputCoercionException ice) {
            String field = path(ice);
            return Map.of("field", field.isEmpty() ? "$" : field, "reason", "talet är för stort eller av fel typ");
        }
        if (cause instanceof JacksonException jex && !(cause instanceof StreamReadException && !(cause instanceof MismatchedInputException))) {
            String field = path(jex);
            String reason;
            if (cause instanceof UnrecognizedPropertyException) {
                reason = "okänt fält";
            } else if (cause instanceof InvalidFormatException ife) {
                reason = ife.getTargetType() != null && ife.getTargetType().isEnum()
                        ? "okänt värde; tillåtna: " + java.util.Arrays.toString(ife.getTargetType().getEnumConstants())
                        : "fel format eller omöjligt värde för " + simpleName(ife.getTargetType());
            } else if (cause instanceof MismatchedInputException mie) {
                reason = "fel typ, väntade " + simpleName(mie.getTargetType());
            } else {
                reason = "kunde inte läsas";
            }
            return Map.of("field", field.isEmpty() ? "$" : field, "reason", reason);
        }
        return Map.of("field", "$", "reason", "ogiltig JSON");
    }

    private static String path(JacksonException ex) {
        StringBuilder sb = new StringBuilder();
        for (JacksonException.Reference ref : ex.getPath()) {
            if (ref.getPropertyName() != null) {
                if (!sb.isEmpty()) sb.append('.');
                sb.append(ref.getPropertyName());
            } else if (ref.getIndex() >= 0) {
                sb.append('[').append(ref.getIndex()).append(']');
            }
        }
        return sb.toString();
    }

    private static String simpleName(Class<?> type) {
        return type == null ? "annat värde" : type.getSimpleName();
    }
}
