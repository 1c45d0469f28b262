package se.styrregistret.command.support;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** Base for tests against a running command-service (real HTTP, real PostgreSQL). */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.config.name=command-service")
public abstract class CommandServiceTest {

    protected static final HttpClient HTTP = HttpClient.newHttpClient();

    @LocalServerPort
    protected int port;

    @Autowired
    protected JdbcTemplate jdbc;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", TestPostgres::jdbcUrl);
        registry.add("spring.datasource.username", () -> "postgres");
    }

    /** The districts the tests name, registered as data (issue 19); a second registration is refused and ignored. */
    @org.junit.jupiter.api.BeforeEach
    void registerTheDistrictsTheTestsName() {
        registerDistricts("Berga", "Ryd", "Skäggetorp");
    }

    /** Registers districts (an area team belongs to a registered one); one registered before is left as it is. */
    protected void registerDistricts(String... districts) {
        for (String district : districts) {
            var answer = post("/api/districts", """
                    {"name":"%s","municipality":"Linköping","effectiveDate":"2020-01-01",
                     "decision":{"decisionDate":"2020-01-01","datePrecision":"MONTH","decidedBy":"Kommundirektören"}}"""
                    .formatted(district));
            if (answer.statusCode() != 201 && answer.statusCode() != 409) {
                throw new IllegalStateException("could not register " + district + ": " + answer.body());
            }
        }
    }

    /** POSTs as the development registrar. */
    protected HttpResponse<String> post(String path, String json) {
        return post(path, json, "registrar");
    }

    /** POSTs as {@code user} (whose development password is the user name), or anonymously when null. */
    protected HttpResponse<String> post(String path, String json, String user) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
            if (user != null) {
                request.header("Authorization", basic(user, user));
            }
            return HTTP.send(request
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    protected static String basic(String user, String password) {
        return "Basic " + java.util.Base64.getEncoder().encodeToString((user + ":" + password).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    protected long eventCount() {
        Long n = jdbc.queryForObject("select count(*) from axon.domain_event_entry", Long.class);
        return n == null ? 0 : n;
    }
}
