package se.styrregistret.command.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;
import se.styrregistret.kernel.common.DatabaseUnavailable;
import tools.jackson.databind.json.JsonMapper;

import java.io.ByteArrayInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * For every command request: a size limit (413), and the {@code Idempotency-Key} header. A retry
 * with the same key and body gets the first answer again and appends nothing; the same key with
 * a different body answers 422. Answers are kept in PostgreSQL, so keys survive a restart.
 * Runs after Spring Security: keys are scoped to the authenticated principal.
 */
@Component
class IdempotencyFilter extends OncePerRequestFilter {

    static final String HEADER = "Idempotency-Key";
    /** The largest command body accepted; the biggest real decision is a few kB. */
    static final int MAX_BODY_BYTES = 256 * 1024;
    private static final Logger log = LoggerFactory.getLogger(IdempotencyFilter.class);
    private static final Pattern VALID_KEY = Pattern.compile("[\\x21-\\x7E]{1,200}");
    /** How long a claimed key with neither answer nor decision waits before a retry may take it up. */
    static final Duration ABANDONED_AFTER = Duration.ofMinutes(2);

    private final JdbcTemplate jdbc;
    private final JsonMapper json;

    IdempotencyFilter(JdbcTemplate jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith("/api/") || "GET".equals(request.getMethod())
                || "HEAD".equals(request.getMethod()) || "OPTIONS".equals(request.getMethod());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getContentLengthLong() > MAX_BODY_BYTES) {
            problem(request, response, HttpStatus.CONTENT_TOO_LARGE, "$", "begäran är större än " + MAX_BODY_BYTES + " byte");
            return;
        }
        byte[] body = request.getInputStream().readNBytes(MAX_BODY_BYTES + 1);
        if (body.length > MAX_BODY_BYTES) {
            problem(request, response, HttpStatus.CONTENT_TOO_LARGE, "$", "begäran är större än " + MAX_BODY_BYTES + " byte");
            return;
        }
        HttpServletRequest replayable = new CachedBodyRequest(request, body);
        String key = request.getHeader(HEADER);
        if (key == null) {
            chain.doFilter(replayable, response);
            return;
        }
        if (!VALID_KEY.matcher(key).matches()) {
            problem(request, response, HttpStatus.BAD_REQUEST, HEADER, "1–200 synliga ASCII-tecken");
            return;
        }
        String principal = principal();
        String hash = hash(request, body);
        try {
            int claimed = jdbc.update("""
                    insert into registry.idempotency_key (principal, idem_key, request_hash) values (?, ?, ?)
                    on conflict do nothing""", principal, key, hash);
            if (claimed == 0 && !takeUpAbandoned(principal, key, hash)) {
                answerAgain(request, response, principal, key, hash);
                return;
            }
        } catch (DataAccessException e) {
            if (!DatabaseUnavailable.isCause(e)) throw e;
            unavailable(request, response);
            return;
        }
        // the command this request dispatches marks the key decided in its own transaction (IdempotencyDecision)
        replayable.setAttribute(IdempotencyDecision.ATTRIBUTE, new IdempotencyDecision.Claim(principal, key));
        ContentCachingResponseWrapper recorded = new ContentCachingResponseWrapper(response);
        boolean kept = false;
        try {
            chain.doFilter(replayable, recorded);
            if (recorded.getStatus() < 500) {
                kept = true;
                try {
                    jdbc.update("""
                                    update registry.idempotency_key set status = ?, content_type = ?, location = ?, body = ?
                                    where principal = ? and idem_key = ?""",
                            recorded.getStatus(), recorded.getContentType(), recorded.getHeader(HttpHeaders.LOCATION),
                            recorded.getContentAsByteArray(), principal, key);
                } catch (DataAccessException e) {
                    // the answer stands (the change is decided); a repeat then finds the key in progress
                    log.warn("Idempotency-Key {} answered but not recorded: {}", key, e.toString());
                }
            }
        } finally {
            if (!kept) {
                // nothing was decided: let the client retry with the same key
                forget(principal, key);
            }
            recorded.copyBodyToResponse();
        }
    }

    private void answerAgain(HttpServletRequest request, HttpServletResponse response, String principal, String key,
                             String hash) throws IOException {
        List<Map<String, Object>> rows = jdbc.queryForList("""
                select request_hash, status, content_type, location, body, decided_at from registry.idempotency_key
                where principal = ? and idem_key = ?""", principal, key);
        if (rows.isEmpty()) {
            problem(request, response, HttpStatus.CONFLICT, HEADER, "nyckeln används just nu; försök igen");
            return;
        }
        Map<String, Object> row = rows.get(0);
        if (!hash.equals(row.get("request_hash"))) {
            problem(request, response, HttpStatus.UNPROCESSABLE_CONTENT, HEADER,
                    "nyckeln har redan använts för en annan begäran");
            return;
        }
        if (row.get("status") == null && row.get("decided_at") != null) {
            // the change committed, then the process died before it could record the answer
            problem(request, response, HttpStatus.CONFLICT, HEADER,
                    "den första begäran med nyckeln genomfördes men svaret gick förlorat; se registret i stället för att skicka igen");
            return;
        }
        if (row.get("status") == null) {
            problem(request, response, HttpStatus.CONFLICT, HEADER, "den första begäran med nyckeln pågår fortfarande"
                    + " (avbröts den tas nyckeln upp igen efter " + ABANDONED_AFTER.toMinutes() + " minuter)");
            return;
        }
        response.setStatus((Integer) row.get("status"));
        if (row.get("content_type") != null) response.setContentType((String) row.get("content_type"));
        if (row.get("location") != null) response.setHeader(HttpHeaders.LOCATION, (String) row.get("location"));
        response.setHeader("Idempotency-Replayed", "true");
        byte[] body = (byte[]) row.get("body");
        if (body != null) response.getOutputStream().write(body);
    }

    /**
     * A key claimed more than {@link #ABANDONED_AFTER} ago whose command never committed (no answer, not
     * decided) belongs to a request whose process died: nothing happened, so this request takes it up.
     * No command transaction outlives {@code spring.transaction.default-timeout} (60 s), so the first
     * request cannot still commit. Of two retries at once, only one takes it.
     */
    private boolean takeUpAbandoned(String principal, String key, String hash) {
        return jdbc.update("""
                        update registry.idempotency_key set created_at = now()
                        where principal = ? and idem_key = ? and request_hash = ? and status is null and decided_at is null
                          and created_at < now() - make_interval(secs => ?)""",
                principal, key, hash, ABANDONED_AFTER.toSeconds()) == 1;
    }

    private void forget(String principal, String key) {
        try {
            jdbc.update("delete from registry.idempotency_key where principal = ? and idem_key = ?", principal, key);
        } catch (DataAccessException e) {
            log.warn("Idempotency-Key {} could not be released: {}", key, e.toString());
        }
    }

    private void unavailable(HttpServletRequest request, HttpServletResponse response) throws IOException {
        ProblemDetail problem = ProblemDetailsAdvice.unavailableProblem();
        problem.setInstance(URI.create(request.getRequestURI()));
        response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
        response.setHeader(HttpHeaders.RETRY_AFTER, ProblemDetailsAdvice.RETRY_AFTER_SECONDS);
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        json.writeValue(response.getOutputStream(), problem);
    }

    private void problem(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String field,
                         String reason) throws IOException {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, field + ": " + reason);
        problem.setTitle(status == HttpStatus.UNPROCESSABLE_CONTENT ? "Idempotensnyckeln återanvänd" : "Ogiltig begäran");
        problem.setInstance(URI.create(request.getRequestURI()));
        problem.setProperty("field", field);
        problem.setProperty("errors", List.of(Map.of("field", field, "reason", reason)));
        if (status == HttpStatus.UNPROCESSABLE_CONTENT) problem.setProperty("rule", "idempotency-key-reused");
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        json.writeValue(response.getOutputStream(), problem);
    }

    private static String principal() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth == null ? "anonymous" : auth.getName();
    }

    private static String hash(HttpServletRequest request, byte[] body) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update((request.getMethod() + " " + request.getRequestURI() + "\n").getBytes(StandardCharsets.UTF_8));
            sha.update(body);
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** The request with its body already read, so the controller can read it again. */
    private static final class CachedBodyRequest extends HttpServletRequestWrapper {
        private final byte[] body;

        CachedBodyRequest(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            InputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public boolean isFinished() {
                    try {
                        return in.available() == 0;
                    } catch (IOException e) {
                        return true;
                    }
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("synchronous reads only");
                }

                @Override
                public int read() throws IOException {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) throws IOException {
                    return in.read(b, off, len);
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            return new BufferedReader(new InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
        }
    }
}
