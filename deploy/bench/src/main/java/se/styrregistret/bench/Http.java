package se.styrregistret.bench;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/** Real HTTP against the services, as one of the development users (password = name). */
final class Http {

    /** Longer than any honest answer: a request still open after this counts as a hang. */
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(15);

    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    private Http() {
    }

    /** An answer, or the reason there was none (connection refused, reset, timeout). */
    record Answer(int status, String body, String contentType, Exception failure) {
        boolean ok() {
            return failure == null && status >= 200 && status < 300;
        }

        boolean timedOut() {
            return failure instanceof java.net.http.HttpTimeoutException;
        }

        JsonNode json() {
            return JsonMapper.shared().readTree(body);
        }

        boolean isProblem() {
            return contentType != null && contentType.startsWith("application/problem+json");
        }
    }

    static Answer post(String url, String json, String user) {
        return send(request(url, user).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    static Answer get(String url, String user) {
        return send(request(url, user).GET().build());
    }

    private static HttpRequest.Builder request(String url, String user) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(url)).timeout(REQUEST_TIMEOUT);
        if (user != null) {
            builder.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8)));
        }
        return builder;
    }

    private static Answer send(HttpRequest request) {
        try {
            HttpResponse<String> response = CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.body(),
                    response.headers().firstValue("Content-Type").orElse(null), null);
        } catch (IOException e) {
            return new Answer(0, null, null, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(0, null, null, e);
        }
    }
}
