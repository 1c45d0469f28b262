package se.styrregistret.query.web;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import se.styrregistret.kernel.common.DatabaseUnavailable;
import se.styrregistret.query.revision.ReadYourWrites;
import se.styrregistret.support.web.ProblemAdvice;

import java.net.URI;
import java.util.Map;

/** Errors as RFC 9457 problem bodies: a bad parameter names itself; nothing leaks a stack trace. */
@RestControllerAdvice
class ProblemDetailsAdvice extends ProblemAdvice {

    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

    /** The query parameters' names as the web interface shows them. */
    static final Map<String, String> LABELS = Map.ofEntries(
            Map.entry("from", "Från"), Map.entry("to", "Till"),
            Map.entry("asOfDate", "Per datum"), Map.entry("asOfRevision", "Per ändring nr"),
            Map.entry("minRevision", "Lägst ändring nr"), Map.entry("revision", "Ändring nr"),
            Map.entry("a", "Från ändring nr"), Map.entry("b", "Till ändring nr"),
            Map.entry("fromRevision", "Från ändring nr"), Map.entry("toRevision", "Till ändring nr"),
            Map.entry("recordedFrom", "Registrerad från"), Map.entry("recordedTo", "Registrerad till"),
            Map.entry("effectiveFrom", "Gäller från"), Map.entry("effectiveTo", "Gäller till"),
            Map.entry("bodyId", "Organ"), Map.entry("body", "Organ"), Map.entry("caseNumber", "Diarienummer"),
            Map.entry("eventType", "Typ av ändring"), Map.entry("recordedBy", "Registrerad av"),
            Map.entry("kind", "Sort"), Map.entry("district", "Stadsdel"), Map.entry("scopeKind", "Omfattning"), Map.entry("fiscalYear", "Budgetår"),
            Map.entry("fromYear", "Från budgetår"), Map.entry("toYear", "Till budgetår"),
            Map.entry("page", "Sida"), Map.entry("size", "Rader per sida"), Map.entry("id", "Id"));

    @Override
    protected String fieldLabel(String field) {
        return field == null ? null : LABELS.getOrDefault(field, field);
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
            ProblemDetail problem = unavailableProblem("Registret når inte sin databas just nu. Försök igen om en stund.");
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "5").body(problem);
        }
        log.error("Unexpected error", ex);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR, "Ett oväntat fel inträffade");
        problem.setTitle("Internt fel");
        return ResponseEntity.internalServerError().body(problem);
    }
}
