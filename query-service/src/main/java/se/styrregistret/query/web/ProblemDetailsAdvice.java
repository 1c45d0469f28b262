package se.styrregistret.query.web;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import se.styrregistret.kernel.common.DatabaseUnavailable;
import se.styrregistret.query.revision.ReadYourWrites;
import se.styrregistret.support.web.SwedishProblems;

import java.net.URI;
import java.util.List;
import java.util.Map;

/** Errors as RFC 9457 problem bodies: a bad parameter names itself; nothing leaks a stack trace. */
@RestControllerAdvice
class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

    /** Spring MVC's own errors (404, 405, 415, a missing parameter...) as Swedish problem bodies naming the field. */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
                                                             HttpStatusCode statusCode, WebRequest request) {
        ProblemDetail problem = body instanceof ProblemDetail given ? given : ProblemDetail.forStatus(statusCode);
        return super.handleExceptionInternal(ex, SwedishProblems.translate(problem, ex), headers, statusCode, request);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> badParameter(MethodArgumentTypeMismatchException ex) {
        return badRequest(ex.getName(), "fel format för " + (ex.getRequiredType() == null ? "värdet"
                : ex.getRequiredType().getSimpleName()));
    }

    @ExceptionHandler(InvalidParameter.class)
    ResponseEntity<ProblemDetail> invalidParameter(InvalidParameter ex) {
        return badRequest(ex.field(), ex.getMessage());
    }

    @ExceptionHandler(ReadYourWrites.NotReadYet.class)
    ResponseEntity<ProblemDetail> notReadYet(ReadYourWrites.NotReadYet ex) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, ex.getMessage());
        problem.setTitle("Inte inläst ännu");
        problem.setType(URI.create("urn:styrregistret:problem:not-read-yet"));
        problem.setProperty("field", "minRevision");
        problem.setProperty("revision", ex.reached());
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "1").body(problem);
    }

    @ExceptionHandler(NotFound.class)
    ResponseEntity<ProblemDetail> notFound(NotFound ex) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, ex.getMessage());
        problem.setTitle("Hittades inte");
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(problem);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception ex) {
        if (DatabaseUnavailable.isCause(ex)) {
            // down or restarting: temporary, not a fault; the projections catch up by themselves afterwards
            log.warn("Database unavailable: {}", ex.toString());
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                    "Registret når inte sin databas just nu. Försök igen om en stund.");
            problem.setType(URI.create("urn:styrregistret:problem:unavailable"));
            problem.setTitle("Tillfälligt otillgänglig");
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "5").body(problem);
        }
        log.error("Unexpected error", ex);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR, "Ett oväntat fel inträffade");
        problem.setTitle("Internt fel");
        return ResponseEntity.internalServerError().body(problem);
    }

    private static ResponseEntity<ProblemDetail> badRequest(String field, String reason) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, field + ": " + reason);
        problem.setType(URI.create("urn:styrregistret:problem:invalid-input"));
        problem.setTitle("Ogiltig indata");
        problem.setProperty("field", field);
        problem.setProperty("errors", List.of(Map.of("field", field, "reason", reason)));
        return ResponseEntity.badRequest().body(problem);
    }
}
