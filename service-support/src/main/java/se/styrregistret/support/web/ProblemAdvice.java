package se.styrregistret.support.web;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import java.net.URI;
import java.util.List;
import java.util.Map;

/**
 * What both services' problem advice shares: Spring MVC's own errors (404, 405, 415, a missing or
 * malformed parameter) as Swedish problem bodies naming the field, {@link InvalidInput} as 400 naming
 * the field, and the one shape of an invalid-input problem ({@code field}, {@code errors}). Each
 * service extends it with its own refusals and its last-resort handler.
 */
public abstract class ProblemAdvice extends ResponseEntityExceptionHandler {

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
                                                             HttpStatusCode statusCode, WebRequest request) {
        ProblemDetail problem = body instanceof ProblemDetail given ? given : ProblemDetail.forStatus(statusCode);
        return super.handleExceptionInternal(ex, SwedishProblems.translate(problem, ex), headers, statusCode, request);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> badParameter(MethodArgumentTypeMismatchException ex) {
        return badRequest(ex.getName(), expected(ex.getRequiredType()));
    }

    /** What a parameter of this type should look like, in Swedish. */
    private static String expected(Class<?> type) {
        if (type == null) return "har fel format";
        if (type == java.time.LocalDate.class) return "ska vara ett datum på formen ÅÅÅÅ-MM-DD";
        if (type == Long.class || type == long.class || type == Integer.class || type == int.class) return "ska vara ett heltal";
        if (type == Boolean.class || type == boolean.class) return "ska vara true eller false";
        if (type.isEnum()) return "ska vara ett av " + java.util.Arrays.toString(type.getEnumConstants());
        return "har fel format";
    }

    @ExceptionHandler(InvalidInput.class)
    ResponseEntity<ProblemDetail> invalidInput(InvalidInput ex) {
        return badRequest(ex.field(), ex.getMessage());
    }

    /**
     * A field's name as a person reads it, for the problem's {@code detail} (the body keeps the field's own
     * name in {@code field} and {@code errors}); a service with Swedish wording for its parameters overrides it.
     */
    protected String fieldLabel(String field) {
        return field;
    }

    protected ResponseEntity<ProblemDetail> badRequest(String field, String reason) {
        String label = fieldLabel(field);
        Map<String, String> error = label == null || label.equals(field) ? Map.of("field", field, "reason", reason)
                : Map.of("field", field, "label", label, "reason", reason);
        return ResponseEntity.badRequest().body(invalidInput(List.of(error)));
    }

    /**
     * 400 "Ogiltig indata": every field with its reason, the first one also as {@code field}; the detail names
     * each field by its {@code label} where it has one.
     */
    public static ProblemDetail invalidInput(List<Map<String, String>> errors) {
        ProblemDetail problem = ProblemDetail.forStatus(HttpStatus.BAD_REQUEST);
        problem.setType(URI.create("urn:styrregistret:problem:invalid-input"));
        problem.setTitle("Ogiltig indata");
        problem.setDetail(errors.stream().map(e -> e.getOrDefault("label", e.get("field")) + ": " + e.get("reason"))
                .reduce((a, b) -> a + "; " + b).orElse("Ogiltig begäran"));
        problem.setProperty("errors", errors);
        if (!errors.isEmpty()) {
            problem.setProperty("field", errors.get(0).get("field"));
        }
        return problem;
    }

    /** 503 "Tillfälligt otillgänglig" with {@code Retry-After}: the database is down or restarting. */
    protected static ProblemDetail unavailableProblem(String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, detail);
        problem.setType(URI.create("urn:styrregistret:problem:unavailable"));
        problem.setTitle("Tillfälligt otillgänglig");
        return problem;
    }
}
