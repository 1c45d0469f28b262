package se.styrregistret.standalone;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpResponse;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 19 through the API: districts are data. A district of another municipality (Norrköping's
 * Navestad) is registered, given a picture and an action, designated a priority district, and has its
 * district view; nothing in the code names it.
 */
class DistrictsAreDataEndToEndTest {

    static final Duration WAIT = Duration.ofSeconds(30);
    static final String KS_NORRKOPING = """
            "decision":{"caseNumber":"KS 2022/0123","decisionDate":"2022-03-07","decidedBy":"Kommunstyrelsen i Norrköping"}""";

    @RegisterExtension
    static final RunningRegister register = new RunningRegister();

    @Test
    void a_district_of_another_municipality_is_registered_pictured_planned_for_and_has_its_view() {
        HttpResponse<String> unknownBefore = post("/api/districts/Navestad/pictures", """
                {"kind":"TARGET","text":"Målbild","effectiveDate":"2022-03-07",%s}""".formatted(KS_NORRKOPING));
        assertThat(unknownBefore.statusCode()).as(unknownBefore.body()).isEqualTo(404);

        HttpResponse<String> registered = post("/api/districts", """
                {"name":"Navestad","municipality":"Norrköping","effectiveDate":"2022-03-07",%s}""".formatted(KS_NORRKOPING));
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
        assertThat(HttpJson.json(registered).path("id").asString()).isEqualTo("Navestad");
        assertThat(HttpJson.json(registered).path("revision").asLong()).isPositive();
        assertThat(registered.headers().firstValue("Styrregistret-Revision")).isPresent();

        // one name once, however it is spelled
        HttpResponse<String> again = post("/api/districts", """
                {"name":"NAVESTAD","effectiveDate":"2022-03-07",%s}""".formatted(KS_NORRKOPING));
        assertThat(again.statusCode()).as(again.body()).isEqualTo(409);
        assertThat(again.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(HttpJson.json(again).path("rule").asString()).isEqualTo("district-already-registered");

        // a picture, named in another spelling, recorded under the registered one
        HttpResponse<String> picture = post("/api/districts/navestad/pictures", """
                {"kind":"CURRENT_STATE","text":"Nulägesbild Navestad","effectiveDate":"2022-03-07",%s}""".formatted(KS_NORRKOPING));
        assertThat(picture.statusCode()).as(picture.body()).isEqualTo(201);
        assertThat(HttpJson.json(picture).path("district").asString()).isEqualTo("Navestad");

        // an action for it; an action for a district nobody registered is refused
        HttpResponse<String> plan = post("/api/action-plans", """
                {"title":"Handlingsplan för Navestad","approvedBy":"Kommunstyrelsen i Norrköping",
                 "developmentAreaCount":1,"perspectiveCount":0,"actionCount":2,
                 "actions":[{"actionId":"1.1","title":"Trygghetsvandringar","developmentArea":1,"districts":["NAVESTAD"]}],
                 "effectiveDate":"2022-03-07",%s}""".formatted(KS_NORRKOPING));
        assertThat(plan.statusCode()).as(plan.body()).isEqualTo(201);
        String planId = HttpJson.json(plan).path("id").asString();
        HttpResponse<String> nowhere = post("/api/action-plans/" + planId + "/actions", """
                {"action":{"actionId":"1.2","title":"Åtgärd","developmentArea":1,"districts":["Atlantis"]},
                 "effectiveDate":"2022-03-07",%s}""".formatted(KS_NORRKOPING));
        assertThat(nowhere.statusCode()).as(nowhere.body()).isEqualTo(422);
        assertThat(HttpJson.json(nowhere).path("rule").asString()).isEqualTo("district-unknown");

        // an area team belongs to a registered district: Navestad's is accepted (in its registered spelling), one in a
        // district nobody registered is refused
        HttpResponse<String> team = post("/api/area-teams", """
                {"id":"omradesteam-navestad","district":"navestad","teamLeaders":1,"safetyWardens":2,"effectiveDate":"2022-03-07",%s}"""
                .formatted(KS_NORRKOPING));
        assertThat(team.statusCode()).as(team.body()).isEqualTo(201);
        HttpResponse<String> teamNowhere = post("/api/area-teams", """
                {"district":"Atlantis","teamLeaders":1,"safetyWardens":2,"effectiveDate":"2022-03-07",%s}""".formatted(KS_NORRKOPING));
        assertThat(teamNowhere.statusCode()).as(teamNowhere.body()).isEqualTo(422);
        assertThat(HttpJson.json(teamNowhere).path("rule").asString()).isEqualTo("district-unknown");
        assertThat(HttpJson.json(teamNowhere).path("field").asString()).isEqualTo("district");

        // designated a priority district, with its decision
        HttpResponse<String> designated = post("/api/districts/Navestad/priority-designation", """
                {"effectiveDate":"2022-03-07",%s}""".formatted(KS_NORRKOPING));
        assertThat(designated.statusCode()).as(designated.body()).isEqualTo(200);
        long revision = HttpJson.json(designated).path("revision").asLong();

        JsonNode view = HttpJson.await(register.queryUrl() + "/api/districts/Navestad?minRevision=" + revision,
                v -> v.path("pictures").size() == 1 && v.path("actions").size() == 1, WAIT);
        assertThat(view.path("district").asString()).isEqualTo("Navestad");
        assertThat(view.path("pictures").get(0).path("text").asString()).isEqualTo("Nulägesbild Navestad");
        assertThat(view.path("actions").get(0).path("title").asString()).isEqualTo("Trygghetsvandringar");
        JsonNode teamBody = HttpJson.await(register.queryUrl() + "/api/governance-bodies/omradesteam-navestad?minRevision=" + revision,
                b -> b.path("current").path("areaTeam").path("district").isString(), WAIT);
        assertThat(teamBody.path("current").path("name").asString()).isEqualTo("Områdesteam Navestad");
        assertThat(teamBody.path("current").path("areaTeam").path("district").asString()).isEqualTo("Navestad");

        JsonNode list = HttpJson.await(register.queryUrl() + "/api/districts?minRevision=" + revision,
                l -> l.path("revision").asLong() >= revision, WAIT);
        JsonNode navestad = null;
        for (JsonNode d : list.path("districts")) if ("Navestad".equals(d.path("name").asString())) navestad = d;
        assertThat(navestad).as(list.toString()).isNotNull();
        assertThat(navestad.path("municipality").asString()).isEqualTo("Norrköping");
        assertThat(navestad.path("priority").asBoolean()).isTrue();
        assertThat(navestad.path("designatedBy").path("decidedBy").asString()).isEqualTo("Kommunstyrelsen i Norrköping");
        assertThat(navestad.path("registeredBy").path("caseNumber").asString()).isEqualTo("KS 2022/0123");

        HttpResponse<String> unknown = HttpJson.get(register.queryUrl() + "/api/districts/Atlantis");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    }

    static HttpResponse<String> post(String path, String json) {
        return HttpJson.post(register.commandUrl() + path, json);
    }
}
