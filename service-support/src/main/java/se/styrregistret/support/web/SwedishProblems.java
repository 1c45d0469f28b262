package se.styrregistret.support.web;

import org.springframework.beans.TypeMismatchException;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

import java.net.URI;

/**
 * Spring MVC's own problem bodies (404, 405, 415, a missing or mistyped parameter...) in Swedish,
 * the register's language, naming the field where there is one. Both services answer their
 * framework errors through this, so the same error reads the same on either.
 */
public final class SwedishProblems {

    private SwedishProblems() {
    }

    /** Rewrites the body Spring built for {@code ex} in Swedish; unknown exceptions get their status's Swedish title. */
    public static ProblemDetail translate(ProblemDetail problem, Exception ex) {
        HttpStatusCode status = HttpStatusCode.valueOf(problem.getStatus());
        problem.setTitle(title(status));
        if (ex instanceof NoResourceFoundException missing) {
            problem.setDetail("Det finns ingen sådan adress: /" + missing.getResourcePath());
        } else if (ex instanceof HttpRequestMethodNotSupportedException method) {
            problem.setDetail("Metoden " + method.getMethod() + " går inte att använda här"
                    + (method.getSupportedHttpMethods() == null ? "" : "; tillåtna: " + method.getSupportedHttpMethods()));
        } else if (ex instanceof HttpMediaTypeNotSupportedException media) {
            problem.setDetail("Innehållstypen " + media.getContentType() + " stöds inte här; skicka " + media.getSupportedMediaTypes());
            problem.setProperty("field", "Content-Type");
        } else if (ex instanceof HttpMediaTypeNotAcceptableException) {
            problem.setDetail("Svaret kan inte ges i någon av de typer som Accept begär");
            problem.setProperty("field", "Accept");
        } else if (ex instanceof MissingServletRequestParameterException parameter) {
            problem.setDetail(parameter.getParameterName() + ": måste anges");
            problem.setProperty("field", parameter.getParameterName());
        } else if (ex instanceof MissingRequestHeaderException header) {
            problem.setDetail(header.getHeaderName() + ": måste anges");
            problem.setProperty("field", header.getHeaderName());
        } else if (ex instanceof TypeMismatchException mismatch) {
            String field = mismatch.getPropertyName() == null ? "$" : mismatch.getPropertyName();
            problem.setDetail(field + ": har fel typ eller form");
            problem.setProperty("field", field);
        } else {
            problem.setDetail(title(status));
        }
        if (problem.getType() == null || URI.create("about:blank").equals(problem.getType())) {
            problem.setType(URI.create("urn:styrregistret:problem:http-" + status.value()));
        }
        return problem;
    }

    /** A short Swedish title for an HTTP status. */
    public static String title(HttpStatusCode status) {
        HttpStatus known = HttpStatus.resolve(status.value());
        if (known == null) return "Fel " + status.value();
        return switch (known) {
            case BAD_REQUEST -> "Ogiltig begäran";
            case UNAUTHORIZED -> "Inloggning krävs";
            case FORBIDDEN -> "Åtkomst nekas";
            case NOT_FOUND -> "Hittades inte";
            case METHOD_NOT_ALLOWED -> "Metoden är inte tillåten";
            case NOT_ACCEPTABLE -> "Svarstypen kan inte ges";
            case CONFLICT -> "Konflikt";
            case PAYLOAD_TOO_LARGE -> "För stor begäran";
            case UNSUPPORTED_MEDIA_TYPE -> "Innehållstypen stöds inte";
            case UNPROCESSABLE_CONTENT -> "Kan inte utföras";
            case SERVICE_UNAVAILABLE -> "Tillfälligt otillgänglig";
            case INTERNAL_SERVER_ERROR -> "Internt fel";
            default -> "Fel " + known.value();
        };
    }
}
