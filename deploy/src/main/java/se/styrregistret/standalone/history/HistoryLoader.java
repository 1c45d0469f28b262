package se.styrregistret.standalone.history;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

/**
 * Loads a history data set (see {@code history/linkoping-2007-2022.json}) through the public
 * command API, step by step in time order, as a registrar. Each step's id is sent as its
 * {@code Idempotency-Key}, so loading the same data twice appends nothing the second time.
 */
public final class HistoryLoader {

    public static final String BUNDLED = "history/linkoping-2007-2022.json";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String commandUrl;
    private final String authorization;

    public HistoryLoader(String commandUrl, String user, String password) {
        this.commandUrl = commandUrl;
        this.authorization = "Basic " + Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * What a load did: how many steps, how many were new, how many had been loaded before; of those, how many
     * were loaded by an earlier release in an earlier version of the data set ({@code earlierVersion}): such a
     * step's decision is in the log as that version recorded it (before the re-audit of issue 19, without
     * provenance). The log is never rewritten; a register that wants the re-audited record corrects those
     * entries ({@code POST /api/corrections}).
     */
    public record Report(int steps, int applied, int alreadyLoaded, int earlierVersion) {
        public Report(int steps, int applied, int alreadyLoaded) {
            this(steps, applied, alreadyLoaded, 0);
        }
    }

    /** The id the data set's first step gives its body: in the log once the history was loaded. */
    public String firstBodyId() {
        return firstStep().path("body").path("id").asString();
    }

    /** The Idempotency-Key the first step is sent with. */
    public String firstIdempotencyKey() {
        return "history-" + firstStep().path("id").asString();
    }

    /** The report of a load that found every step in the log already. */
    public Report alreadyInTheLog() {
        int steps = bundled().path("steps").size();
        return new Report(steps, 0, steps);
    }

    private JsonNode firstStep() {
        return bundled().path("steps").path(0);
    }

    private static JsonNode bundled() {
        try (InputStream in = HistoryLoader.class.getClassLoader().getResourceAsStream(BUNDLED)) {
            if (in == null) throw new IllegalStateException(BUNDLED + " is missing from the classpath");
            return JsonMapper.shared().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Report loadBundled() {
        try (InputStream in = HistoryLoader.class.getClassLoader().getResourceAsStream(BUNDLED)) {
            if (in == null) throw new IllegalStateException(BUNDLED + " is missing from the classpath");
            return load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Report load(InputStream data) {
        JsonMapper json = JsonMapper.shared();
        JsonNode steps = json.readTree(data).path("steps");
        Map<String, String> saved = new HashMap<>();
        int applied = 0;
        int replayed = 0;
        int earlier = 0;
        for (JsonNode step : steps) {
            String id = step.path("id").asString();
            String path = substitute(step.path("post").asString(), saved);
            String body = substitute(json.writeValueAsString(step.path("body")), saved);
            HttpResponse<String> response = post(path, body, "history-" + id);
            if (loadedInAnEarlierShape(response)) {
                replayed++;
                earlier++;
                continue;
            }
            if (response.statusCode() / 100 != 2) {
                throw new HistoryLoadFailed(id, response.statusCode(), response.body());
            }
            if (response.headers().firstValue("Idempotency-Replayed").isPresent()) replayed++;
            else applied++;
            if (step.hasNonNull("saveIdAs")) {
                saved.put(step.path("saveIdAs").asString(), json.readTree(response.body()).path("id").asString());
            }
        }
        return new Report(steps.size(), applied, replayed, earlier);
    }

    /**
     * A step an earlier release sent in another shape or version (e.g. the 2020 decision to
     * {@code /api/libra-replacement}, named in {@code sentEarlierAs}; or any step before the data set's
     * re-audit) keeps its id, so its key: a register that loaded it then answers that the key was used for
     * another request. Its decision is in the log already, as that version recorded it, so the step counts as
     * loaded (and the report says how many such steps there were).
     */
    private static boolean loadedInAnEarlierShape(HttpResponse<String> response) {
        if (response.statusCode() != 422) return false;
        try {
            return "idempotency-key-reused".equals(JsonMapper.shared().readTree(response.body()).path("rule").asString());
        } catch (RuntimeException notJson) {
            return false;
        }
    }

    private HttpResponse<String> post(String path, String body, String idempotencyKey) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(commandUrl + path))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", authorization)
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", idempotencyKey)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("could not reach the command-service at " + commandUrl, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Later steps refer to ids the server gave earlier ones: {{name}} is the id saved under that name. */
    private static String substitute(String text, Map<String, String> saved) {
        String result = text;
        for (Map.Entry<String, String> e : saved.entrySet()) {
            result = result.replace("{{" + e.getKey() + "}}", e.getValue());
        }
        if (result.contains("{{")) {
            throw new IllegalStateException("unresolved reference in " + text);
        }
        return result;
    }

    /** A step the command API refused: the data set and the rules disagree. */
    public static final class HistoryLoadFailed extends RuntimeException {
        public HistoryLoadFailed(String step, int status, String problem) {
            super("history step " + step + " was refused with " + status + ": " + problem);
        }
    }
}
