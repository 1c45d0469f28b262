package se.styrregistret.command.web;

import org.junit.jupiter.api.Test;
import se.styrregistret.command.support.CommandServiceTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/** Errors the framework raises before any command (no such path, wrong method or content type, a refused path) are Swedish problem bodies too. */
class FrameworkErrorsTest extends CommandServiceTest {

    HttpResponse<String> send(String method, String path, String contentType, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", basic("registrar", "registrar"))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) request.header("Content-Type", contentType);
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    static JsonNode problem(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        JsonNode problem = JsonMapper.shared().readTree(response.body());
        assertThat(problem.path("status").asInt()).isEqualTo(status);
        assertThat(problem.path("title").asString()).isNotBlank();
        assertThat(response.body()).doesNotContain("No static resource", "not supported", "Required", "Exception");
        return problem;
    }

    @Test
    void an_unknown_path_answers_404_in_swedish() throws Exception {
        JsonNode p = problem(send("POST", "/api/no-such-thing", "application/json", "{}"), 404);
        assertThat(p.path("detail").asString()).contains("Det finns ingen sådan adress");
    }

    @Test
    void a_wrong_method_answers_405_in_swedish() throws Exception {
        JsonNode p = problem(send("GET", "/api/governance-bodies", null, null), 405);
        assertThat(p.path("detail").asString()).contains("GET", "går inte att använda");
    }

    @Test
    void a_wrong_content_type_answers_415_naming_the_header() throws Exception {
        JsonNode p = problem(send("POST", "/api/governance-bodies", "text/plain", "namn"), 415);
        assertThat(p.path("field").asString()).isEqualTo("Content-Type");
    }

    @Test
    void a_path_the_firewall_refuses_answers_a_problem_body() throws Exception {
        JsonNode p = problem(send("POST", "/api/governance-bodies/x;y/amendments", "application/json", "{}"), 400);
        assertThat(p.path("field").asString()).isEqualTo("path");
    }
}
