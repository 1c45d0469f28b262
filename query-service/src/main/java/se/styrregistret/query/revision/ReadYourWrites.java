package se.styrregistret.query.revision;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import se.styrregistret.support.web.InvalidInput;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Read-your-writes: every query accepts {@code minRevision=N} (the revision a command answer gave)
 * and answers only once the projections behind it have read the log up to N, waiting at most
 * {@code styrregistret.read-your-writes.max-wait} (5 s); past that it answers 503 with a problem body
 * and {@code Retry-After}, never an older state.
 */
@Configuration(proxyBeanMethods = false)
public class ReadYourWrites implements WebMvcConfigurer {

    /** Which projections each family of endpoints reads; anything else waits for all of them. */
    private static final Map<String, List<String>> READS = Map.of(
            "/api/org-chart", List.of("orgchart"),
            "/api/governance-bodies", List.of("orgchart"),
            "/api/function-transfers", List.of("orgchart"),
            "/api/budget", List.of("ledger"),
            "/api/audit-trail", List.of("audit", "audit-log"),
            "/api/timeline", List.of("audit"),
            "/api/revisions", List.of("orgchart", "ledger", "audit"),
            "/api/districts", List.of("districts", "orgchart", "actionplans", "ledger"),
            "/api/action-plans", List.of("actionplans"),
            "/api/agreements", List.of("agreements"));
    private static final List<String> ALL = List.of("orgchart", "ledger", "audit", "audit-log", "districts", "actionplans", "agreements");

    private final ProjectionRevisions revisions;
    private final Duration maxWait;

    ReadYourWrites(ProjectionRevisions revisions, @Value("${styrregistret.read-your-writes.max-wait:5s}") Duration maxWait) {
        this.revisions = revisions;
        this.maxWait = maxWait;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new HandlerInterceptor() {
            @Override
            public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) throws InterruptedException {
                String wanted = request.getParameter("minRevision");
                if (wanted != null) await(request.getRequestURI(), parse(wanted));
                return true;
            }
        }).addPathPatterns("/api/**");
    }

    private static long parse(String wanted) {
        try {
            long revision = Long.parseLong(wanted.strip());
            if (revision < 0) throw new InvalidInput("minRevision", "en revision är 0 eller större");
            return revision;
        } catch (NumberFormatException e) {
            throw new InvalidInput("minRevision", "en revision är ett heltal, t.ex. den som ett kommandosvar gav");
        }
    }

    private void await(String path, long wanted) throws InterruptedException {
        List<String> projections = READS.entrySet().stream().filter(e -> path.startsWith(e.getKey()))
                .map(Map.Entry::getValue).findFirst().orElse(ALL);
        Instant deadline = Instant.now().plus(maxWait);
        while (true) {
            long reached = projections.stream().mapToLong(revisions::current).min().orElse(0);
            if (reached >= wanted) return;
            if (Instant.now().isAfter(deadline)) throw new NotReadYet(wanted, reached);
            Thread.sleep(25);
        }
    }

    /** The projections had not read the log up to the revision asked for within the wait. */
    public static final class NotReadYet extends RuntimeException {
        private final long wanted;
        private final long reached;

        NotReadYet(long wanted, long reached) {
            super("Registret har läst loggen till revision " + reached + " men inte ännu till " + wanted
                    + "; försök igen om en stund");
            this.wanted = wanted;
            this.reached = reached;
        }

        public long wanted() {
            return wanted;
        }

        public long reached() {
            return reached;
        }
    }
}
