package se.styrregistret.command.budget;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import se.styrregistret.command.support.CommandServiceTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.http.HttpResponse;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The budget API over real HTTP: bad input is a 400 naming the field, a broken rule a 409/422 naming the rule; neither writes. */
class BudgetHttpTest extends CommandServiceTest {

    static final String DECISION = """
            "effectiveDate":"2021-03-01","decision":{"decisionDate":"2021-03-01","decidedBy":"Kommunstyrelsen"}""";
    static final String SON = """
            {"kind":"COMMITTEE","name":"Social- och omsorgsnämnden"}""";

    static String allocation(String amount) {
        return """
                {"fiscalYear":2021,"amountSek":%s,"source":{"kind":"RESOURCE_FUNDS","name":"Kommunstyrelsen 2021"},
                 "recipient":%s,%s}""".formatted(amount, SON, DECISION);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            negative amount          | -2520000                 | amountSek
            zero amount              | 0                        | amountSek
            amount overflowing long  | 99999999999999999999     | amountSek
            amount beyond the limit  | 1000000000001            | amountSek
            fractional amount        | 2520000.5                | amountSek
            amount of the wrong type | "2 520 tkr"              | amountSek
            amount as a string       | "1000"                   | amountSek
            amount as yes/no         | true                     | amountSek
            amount missing           | null                     | amountSek
            """)
    void a_bad_amount_answers_400_naming_the_field_and_appends_nothing(String label, String amount, String field) {
        long before = eventCount();

        var response = post("/api/budget/allocations", allocation(amount));

        assertBadInput(response, field);
        assertThat(eventCount()).isEqualTo(before);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            frame with negative amount | /api/budget/frames                   | {"committee":"Kommunstyrelsen","fiscalYear":2021,"amountSek":-1,DECISION}                                           | amountSek
            frame without committee    | /api/budget/frames                   | {"fiscalYear":2021,"amountSek":0,DECISION}                                                                           | committee
            extension of zero          | /api/budget/frames/x/extensions      | {"amountSek":0,"financedFrom":"KS resursfond 2021",DECISION}                                                         | amountSek
            grant of the wrong type    | /api/budget/grants                   | {"grantor":"Delegationen mot segregation","fiscalYear":2021,"amountSek":[2100000],DECISION}                          | amountSek
            negative distribution part | /api/budget/allocations/x/distribution | {"parts":[{"recipient":SON,"amountSek":-5}],DECISION}                                                            | parts[0].amountSek
            reversal without reason    | /api/budget/allocations/x/reversal   | {"amountSek":5,DECISION}                                                                                             | reason
            referral with unknown year | /api/budget/referrals                | {"fiscalYear":"next","subject":"Områdesteam 2022","referredTo":"Budgetberedningen",DECISION}                         | fiscalYear
            year as a string           | /api/budget/frames                   | {"committee":"Kommunstyrelsen","fiscalYear":"2021","amountSek":1,DECISION}                                          | fiscalYear
            committee as a number      | /api/budget/frames                   | {"committee":42,"fiscalYear":2021,"amountSek":1,DECISION}                                                           | committee
            unknown source kind        | /api/budget/allocations              | {"fiscalYear":2021,"amountSek":5,"source":{"kind":"LOTTERY","name":"x"},"recipient":SON,DECISION}                    | source.kind
            """)
    void bad_input_to_every_command_answers_400_naming_the_field(String label, String path, String template, String field) {
        long before = eventCount();

        var response = post(path, template.replace("DECISION", DECISION).replace("SON", SON));

        assertBadInput(response, field);
        assertThat(eventCount()).isEqualTo(before);
    }

    @Test
    void a_budget_command_answer_carries_the_log_revision_in_body_and_header_as_every_command_answer_does() {
        var response = post("/api/budget/allocations", allocation("2520000"));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        JsonNode answer = JsonMapper.shared().readTree(response.body());
        long revision = answer.path("revision").asLong();
        Long own = jdbc.queryForObject("select global_index from axon.domain_event_entry where aggregate_identifier = ?",
                Long.class, answer.path("id").asString());
        // its own event is at or below the revision the answer gives
        assertThat(revision).isGreaterThanOrEqualTo(own);
        assertThat(response.headers().firstValue("Styrregistret-Revision")).hasValue(Long.toString(revision));
    }

    @Test
    void an_allocation_beyond_the_frame_is_a_409_naming_the_rule_and_appends_nothing() {
        String frameId = id(post("/api/budget/frames", """
                {"committee":"Kommunstyrelsen","fiscalYear":2021,"amountSek":0,%s}""".formatted(DECISION)), 201);
        id(post("/api/budget/frames/" + frameId + "/extensions", """
                {"amountSek":3000000,"financedFrom":"KS resursfond 2021",%s}""".formatted(DECISION)), 200);
        String body = """
                {"fiscalYear":2021,"amountSek":%d,"source":{"kind":"FRAME","frameId":"%s","name":"KS ram 2021"},
                 "recipient":%s,%s}""";
        id(post("/api/budget/allocations", body.formatted(2_000_000, frameId, SON, DECISION)), 201);
        long before = eventCount();

        var response = post("/api/budget/allocations", body.formatted(1_000_001, frameId, SON, DECISION));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(409);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        JsonNode problem = JsonMapper.shared().readTree(response.body());
        assertThat(problem.path("rule").asString()).isEqualTo("frame-exceeded");
        assertThat(problem.path("detail").asString()).contains("1000000 kr");
        assertThat(eventCount()).isEqualTo(before);

        // what remains can still be allocated
        id(post("/api/budget/allocations", body.formatted(1_000_000, frameId, SON, DECISION)), 201);
    }

    @Test
    void parts_that_do_not_sum_to_the_whole_are_a_422_naming_the_rule() {
        String allocationId = id(post("/api/budget/allocations", allocation("900")), 201);
        long before = eventCount();

        var response = post("/api/budget/allocations/" + allocationId + "/distribution", """
                {"parts":[{"recipient":%s,"amountSek":500},{"recipient":{"kind":"COMMITTEE","name":"Kultur- och fritidsnämnden"},"amountSek":399}],%s}"""
                .formatted(SON, DECISION));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(422);
        assertThat(JsonMapper.shared().readTree(response.body()).path("rule").asString()).isEqualTo("distribution-sum-exact");
        assertThat(eventCount()).isEqualTo(before);
    }

    @Test
    void money_to_an_unknown_body_is_a_409_naming_the_rule() {
        long before = eventCount();

        var response = post("/api/budget/allocations", allocation("1000").replace(SON,
                "{\"kind\":\"AREA_TEAM\",\"bodyId\":\"no-such-body\",\"name\":\"Områdesteam Ryd\",\"district\":\"Ryd\"}"));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(409);
        assertThat(JsonMapper.shared().readTree(response.body()).path("rule").asString()).isEqualTo("recipient-not-active");
        assertThat(eventCount()).isEqualTo(before);
    }

    @Test
    void concurrent_allocations_never_exceed_the_frame_and_each_refusal_names_the_rule() throws Exception {
        String frameId = id(post("/api/budget/frames", """
                {"committee":"Kultur- och fritidsnämnden","fiscalYear":2021,"amountSek":1000000,%s}""".formatted(DECISION)), 201);
        String body = """
                {"fiscalYear":2021,"amountSek":300000,"source":{"kind":"FRAME","frameId":"%s","name":"KFN ram 2021"},
                 "recipient":%s,%s}""".formatted(frameId, SON, DECISION);
        var pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            var start = new java.util.concurrent.CountDownLatch(1);
            List<java.util.concurrent.Future<HttpResponse<String>>> futures = new java.util.ArrayList<>();
            for (int i = 0; i < 8; i++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return post("/api/budget/allocations", body);
                }));
            }
            start.countDown();
            int accepted = 0;
            for (var f : futures) {
                HttpResponse<String> r = f.get();
                if (r.statusCode() == 201) {
                    accepted++;
                } else {
                    assertThat(r.statusCode()).as(r.body()).isEqualTo(409);
                    assertThat(JsonMapper.shared().readTree(r.body()).path("rule").asString())
                            .isIn("frame-exceeded", "concurrent-modification");
                }
            }
            assertThat(accepted).isBetween(1, 3);
            Long allocated = jdbc.queryForObject("select allocated_sek from registry.budget_source_balance where source_id = ?",
                    Long.class, frameId);
            assertThat(allocated).isEqualTo(accepted * 300_000L).isLessThanOrEqualTo(1_000_000L);
            Long events = jdbc.queryForObject("select count(*) from axon.domain_event_entry where payload_type like '%BudgetAllocated' "
                    + "and convert_from(payload, 'UTF8') like ?", Long.class, "%" + frameId + "%");
            assertThat(events).isEqualTo(accepted);
        } finally {
            pool.shutdownNow();
        }
    }

    private static void assertBadInput(HttpResponse<String> response, String field) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        JsonNode problem = JsonMapper.shared().readTree(response.body());
        assertThat(problem.path("field").asString()).as(response.body()).isEqualTo(field);
        assertThat(problem.path("errors").get(0).path("reason").asString()).isNotBlank();
        assertThat(response.body()).doesNotContain("Exception").doesNotContain("at se.");
    }

    private static String id(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        return JsonMapper.shared().readTree(response.body()).path("id").asString();
    }
}
