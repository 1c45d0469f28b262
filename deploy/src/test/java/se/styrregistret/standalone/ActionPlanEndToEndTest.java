package se.styrregistret.standalone;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 5 through the API: the action plan against segregation as known from the sources (KD
 * 2020-12-02: 5 development areas, 5 perspectives, 60 actions; area 1 and "Bilda områdesteam"),
 * the three area teams (KS 2021-03-01), the action tied to them, pictures and progress, then the
 * plan and the three district views as the query-service answers them.
 */
class ActionPlanEndToEndTest {

    static final Duration WAIT = Duration.ofSeconds(30);
    static final List<String> DISTRICTS = List.of("Berga", "Ryd", "Skäggetorp");
    static final String KD_DECISION = """
            "decision":{"decisionDate":"2020-12-02","decidedBy":"Kommundirektören"}""";
    static final String KS_DECISION = """
            "decision":{"decisionDate":"2021-03-01","decidedBy":"Kommunstyrelsen"}""";

    @RegisterExtension
    static final RunningRegister register = new RunningRegister();

    @Test
    void the_plan_as_known_from_the_sources_and_the_three_district_views() {
        // districts are data (issue 19): the three are registered and designated as the history does
        for (String district : DISTRICTS) {
            HttpResponse<String> registered = post("/api/districts", """
                    {"name":"%s","municipality":"Linköping","effectiveDate":"2020-01-01",
                     "decision":{"decisionDate":"2020-01-01","datePrecision":"MONTH","decidedBy":"Kommundirektören"}}"""
                    .formatted(district));
            assertThat(registered.statusCode()).as(registered.body()).isIn(201, 409);
            HttpResponse<String> designated = post("/api/districts/" + encode(district) + "/priority-designation", """
                    {"effectiveDate":"2020-01-01",
                     "decision":{"decisionDate":"2020-01-01","datePrecision":"MONTH","decidedBy":"Kommundirektören"}}""");
            assertThat(designated.statusCode()).as(designated.body()).isIn(200, 409);
        }

        // the plan: counts from the source, the one area and the one action it names, nothing more
        HttpResponse<String> approved = post("/api/action-plans", """
                {"title":"Åtgärdsplan mot segregation","approvedBy":"Kommundirektören",
                 "developmentAreaCount":5,"perspectiveCount":5,"actionCount":60,
                 "developmentAreas":[{"number":1,"title":"Ökad trygghet, gemenskap och delaktighet i samhället"}],
                 "actions":[{"actionId":"1.1","title":"Bilda områdesteam","developmentArea":1,
                             "responsible":["Social- och omsorgsnämnden"],"districts":["Berga","Ryd","Skäggetorp"]}],
                 "effectiveDate":"2020-12-02",%s}""".formatted(KD_DECISION));
        assertThat(approved.statusCode()).as(approved.body()).isEqualTo(201);
        String planId = HttpJson.json(approved).path("id").asString();

        // the three area teams, each scoped to its district
        Map<String, String> teams = new java.util.LinkedHashMap<>();
        for (String district : DISTRICTS) {
            HttpResponse<String> team = post("/api/area-teams", """
                    {"district":"%s","hostOrganisation":"Leanlink","commissioningCommittee":"Social- och omsorgsnämnden",
                     "teamLeaders":1,"safetyWardens":2,"effectiveDate":"2021-03-01",%s}"""
                    .formatted(district, KS_DECISION));
            assertThat(team.statusCode()).as(team.body()).isEqualTo(201);
            teams.put(district, HttpJson.json(team).path("id").asString());
        }

        // "Bilda områdesteam" tied to the three teams
        for (String teamId : teams.values()) {
            HttpResponse<String> linked = post("/api/action-plans/" + planId + "/actions/1.1/bodies", """
                    {"bodyId":"%s","effectiveDate":"2021-03-01",%s}""".formatted(teamId, KS_DECISION));
            assertThat(linked.statusCode()).as(linked.body()).isEqualTo(200);
        }

        // progress: started with the decision on the area teams
        HttpResponse<String> progress = post("/api/action-plans/" + planId + "/actions/1.1/progress", """
                {"status":"STARTED","date":"2021-03-01","note":"Tre områdesteam inrättas; uppdrag till Leanlink",%s}"""
                .formatted(KS_DECISION));
        assertThat(progress.statusCode()).as(progress.body()).isEqualTo(200);

        // a current-state picture for each district, and a second version for Berga
        for (String district : DISTRICTS) {
            HttpResponse<String> picture = post("/api/districts/" + encode(district) + "/pictures", """
                    {"kind":"CURRENT_STATE","text":"Nulägesbild %s (version 1)","effectiveDate":"2020-06-01",
                     "decision":{"decisionDate":"2020-06-01","decidedBy":"Styrgruppen för arbetet med segregation"}}"""
                    .formatted(district));
            assertThat(picture.statusCode()).as(picture.body()).isEqualTo(201);
        }
        HttpResponse<String> second = post("/api/districts/Berga/pictures", """
                {"kind":"CURRENT_STATE","text":"Nulägesbild Berga (version 2)","effectiveDate":"2021-01-01",
                 "decision":{"decisionDate":"2021-01-01","decidedBy":"Styrgruppen för arbetet med segregation"}}""");
        assertThat(HttpJson.json(second).path("version").asInt()).isEqualTo(2);

        // the plan, with progress per development area and per district
        JsonNode plan = HttpJson.await(register.queryUrl() + "/api/action-plans/" + planId,
                p -> p.path("actions").get(0).path("linkedBodies").size() == 3
                        && "STARTED".equals(p.path("actions").get(0).path("status").asString()), WAIT);
        assertThat(plan.path("revision").asLong()).isPositive();
        assertThat(plan.path("knowledge").path("developmentAreas").path("declared").asInt()).isEqualTo(5);
        assertThat(plan.path("knowledge").path("developmentAreas").path("known").asInt()).isEqualTo(1);
        assertThat(plan.path("knowledge").path("developmentAreas").path("notYetRecorded").asInt()).isEqualTo(4);
        assertThat(plan.path("knowledge").path("perspectives").path("notYetRecorded").asInt()).isEqualTo(5);
        assertThat(plan.path("knowledge").path("actions").path("declared").asInt()).isEqualTo(60);
        assertThat(plan.path("knowledge").path("actions").path("notYetRecorded").asInt()).isEqualTo(59);
        JsonNode areas = plan.path("developmentAreas");
        assertThat(areas).hasSize(5);
        assertThat(areas.get(0).path("title").asString()).isEqualTo("Ökad trygghet, gemenskap och delaktighet i samhället");
        assertThat(areas.get(0).path("byStatus").path("STARTED").asInt()).isEqualTo(1);
        for (int i = 1; i < 5; i++) {
            assertThat(areas.get(i).path("recorded").asBoolean()).isFalse();
            assertThat(areas.get(i).path("title").isNull()).as("area %d has no invented title", i + 1).isTrue();
        }
        assertThat(plan.path("actions").get(0).path("title").asString()).isEqualTo("Bilda områdesteam");
        List<String> districtsInProgress = new ArrayList<>();
        plan.path("progressByDistrict").forEach(d -> {
            districtsInProgress.add(d.path("district").asString());
            assertThat(d.path("byStatus").path("STARTED").asInt()).isEqualTo(1);
        });
        assertThat(districtsInProgress).containsExactlyElementsOf(DISTRICTS);

        // each district: its area team, the action, the latest picture, no made-up money
        for (String district : DISTRICTS) {
            JsonNode view = HttpJson.await(register.queryUrl() + "/api/districts/" + encode(district),
                    v -> v.path("bodies").size() == 1 && v.path("actions").size() == 1
                            && v.path("pictures").size() == 1
                            && (!district.equals("Berga") || v.path("pictures").get(0).path("version").asInt() == 2),
                    WAIT);
            assertThat(view.path("district").asString()).isEqualTo(district);
            assertThat(view.path("revision").asLong()).isPositive();
            assertThat(view.path("bodies").get(0).path("name").asString()).isEqualTo("Områdesteam " + district);
            assertThat(view.path("areaTeam").path("id").asString()).isEqualTo(teams.get(district));
            JsonNode action = view.path("actions").get(0);
            assertThat(action.path("title").asString()).isEqualTo("Bilda områdesteam");
            assertThat(action.path("planTitle").asString()).isEqualTo("Åtgärdsplan mot segregation");
            assertThat(action.path("status").asString()).isEqualTo("STARTED");
            assertThat(action.path("linkedBodies").toString()).contains(teams.get(district));
            assertThat(view.path("pictures").get(0).path("text").asString()).startsWith("Nulägesbild " + district);
            assertThat(view.path("picturesNotYetRecorded")).hasSize(2);
            assertThat(view.path("allocationsPerYear").isArray()).isTrue();
            assertThat(view.path("allocationsPerYear")).isEmpty();
        }

        // issue 18: the progress report took effect a month later than recorded; corrected through the API, the
        // district view shows it from the correction's revision on, and before it what it showed then
        long reported = HttpJson.json(progress).path("revision").asLong();
        HttpResponse<String> corrected = post("/api/corrections", """
                {"revision":%d,"changes":{"effectiveDate":"2021-04-01"},"reason":"Beslutet gällde från april"}"""
                .formatted(reported));
        assertThat(corrected.statusCode()).as(corrected.body()).isEqualTo(200);
        long correction = HttpJson.json(corrected).path("revision").asLong();
        String inMarch = register.queryUrl() + "/api/districts/Ryd?asOfDate=2021-03-15&minRevision=" + correction
                + "&asOfRevision=";
        JsonNode before = HttpJson.await(inMarch + reported, v -> v.path("actions").size() == 1, WAIT);
        assertThat(before.path("actions").get(0).path("status").asString()).isEqualTo("STARTED");
        JsonNode after = HttpJson.await(inMarch + correction, v -> v.path("actions").size() == 1, WAIT);
        assertThat(after.path("actions").get(0).path("status").asString()).isEqualTo("PLANNED");
        JsonNode inApril = HttpJson.await(register.queryUrl() + "/api/districts/Ryd?asOfDate=2021-04-01&asOfRevision="
                + correction + "&minRevision=" + correction, v -> v.path("actions").size() == 1, WAIT);
        assertThat(inApril.path("actions").get(0).path("status").asString()).isEqualTo("STARTED");
        HttpResponse<String> corrects = HttpJson.get(register.queryUrl() + "/api/action-plans/" + planId
                + "?minRevision=" + correction);
        assertThat(corrects.statusCode()).as(corrects.body()).isEqualTo(200);
        JsonNode history = HttpJson.json(corrects).path("actions").get(0).path("history");
        assertThat(history).hasSize(1);
        assertThat(history.get(0).path("date").asString()).isEqualTo("2021-04-01");
        // approval, three links, the report, the correction and its replacement: version 6, the ETag If-Match takes
        assertThat(corrects.headers().firstValue("ETag")).hasValue("\"6\"");

        // a district the register does not know is a 404 problem
        HttpResponse<String> unknown = HttpJson.get(register.queryUrl() + "/api/districts/Atlantis");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    }

    static HttpResponse<String> post(String path, String json) {
        return HttpJson.post(register.commandUrl() + path, json);
    }

    static String encode(String district) {
        return URLEncoder.encode(district, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
