package se.styrregistret.standalone;

import org.awaitility.Awaitility;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.Predicate;

/** A tiny HTTP client for end-to-end tests: real requests against the running services. */
public final class HttpJson {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private HttpJson() {
    }

    /** The development users' passwords equal their names (see the services' configuration). */
    public static final String REGISTRAR = "registrar";

    public static HttpResponse<String> post(String url, String json) {
        return post(url, json, REGISTRAR);
    }

    /** POSTs as {@code user}, or anonymously when null. */
    public static HttpResponse<String> post(String url, String json, String user) {
        return send(as(HttpRequest.newBuilder(URI.create(url)), user).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    public static HttpResponse<String> get(String url) {
        return get(url, REGISTRAR);
    }

    /** GETs as {@code user}, or anonymously when null. */
    public static HttpResponse<String> get(String url, String user) {
        return send(as(HttpRequest.newBuilder(URI.create(url)), user).GET().build());
    }

    private static HttpRequest.Builder as(HttpRequest.Builder request, String user) {
        if (user != null) {
            request.header("Authorization", "Basic " + java.util.Base64.getEncoder()
                    .encodeToString((user + ":" + user).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        }
        return request;
    }

    /**
     * Registers a district (issue 19: districts are data), citing the decision the history cites; a district the
     * register has already is left as it is. Answers the revision to read it at (0 when it was there already).
     */
    public static long registerDistrict(String commandUrl, String name) {
        HttpResponse<String> answer = post(commandUrl + "/api/districts", """
                {"name":"%s","municipality":"Linköping","effectiveDate":"2020-01-01",
                 "decision":{"decisionDate":"2020-01-01","datePrecision":"MONTH","decidedBy":"Kommundirektören"}}"""
                .formatted(name));
        if (answer.statusCode() == 409) return 0;
        if (answer.statusCode() != 201) throw new IllegalStateException("could not register " + name + ": " + answer.body());
        return json(answer).path("revision").asLong();
    }

    public static JsonNode json(HttpResponse<String> response) {
        return JsonMapper.shared().readTree(response.body());
    }

    /** Polls {@code url} until the answer satisfies {@code until}, for at most {@code timeout}. */
    public static JsonNode await(String url, Predicate<JsonNode> until, Duration timeout) {
        return await(url, until, timeout, REGISTRAR);
    }

    /** As {@link #await(String, Predicate, Duration)}, as {@code user}. */
    public static JsonNode await(String url, Predicate<JsonNode> until, Duration timeout, String user) {
        return Awaitility.await("a matching answer from " + url).atMost(timeout).pollInterval(Duration.ofMillis(100))
                .until(() -> {
                    HttpResponse<String> response = get(url, user);
                    return response.statusCode() == 200 ? json(response) : null;
                }, answer -> answer != null && until.test(answer));
    }

    private static HttpResponse<String> send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
