package se.styrregistret.command.web;

import org.junit.jupiter.api.Test;
import se.styrregistret.command.support.CommandServiceTest;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/** ETags and If-Match against the running service, with real threads racing on one body. */
class OptimisticConcurrencyHttpTest extends CommandServiceTest {

    static final String DECISION = """
            {"caseNumber":"KS 2019-1003","decisionDate":"2020-01-20","decidedBy":"Kommunstyrelsen"}""";

    String establish() {
        String id = "oc-" + UUID.randomUUID().toString().substring(0, 8);
        var created = post("/api/governance-bodies", """
                {"id":"%s","name":"Samordningsgrupp %s","level":"TACTICAL","scope":{"kind":"MUNICIPALITY"},
                 "effectiveDate":"2020-01-20","decision":%s}""".formatted(id, id, DECISION));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(created.headers().firstValue("ETag")).hasValue("\"0\"");
        return id;
    }

    HttpResponse<String> amend(String id, String convener, String ifMatch) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port
                        + "/api/governance-bodies/" + id + "/amendments"))
                .header("Authorization", basic("registrar", "registrar"))
                .header("Content-Type", "application/json");
        if (ifMatch != null) request.header("If-Match", ifMatch);
        return HTTP.send(request.POST(HttpRequest.BodyPublishers.ofString("""
                {"convener":"%s","effectiveDate":"2020-02-01","decision":%s}""".formatted(convener, DECISION))).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    long eventsOf(String id) {
        return jdbc.queryForObject("select count(*) from axon.domain_event_entry where aggregate_identifier = ?", Long.class, id);
    }

    @Test
    void a_change_on_a_stale_version_answers_412_and_changes_nothing() throws Exception {
        String id = establish();
        var first = amend(id, "Kommundirektören", "\"0\"");
        assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
        assertThat(first.headers().firstValue("ETag")).hasValue("\"1\"");

        var stale = amend(id, "Biträdande kommundirektör", "\"0\"");

        assertThat(stale.statusCode()).as(stale.body()).isEqualTo(412);
        assertThat(stale.body()).contains("version-moved");
        assertThat(eventsOf(id)).isEqualTo(2);
        assertThat(amend(id, "Biträdande kommundirektör", "\"1\"").statusCode()).isEqualTo(200);
        assertThat(amend(id, "x", "not-an-etag").statusCode()).isEqualTo(400);
    }

    @Test
    void of_many_racing_changes_on_one_version_exactly_one_is_accepted() throws Exception {
        String id = establish();
        int racers = 8;
        ExecutorService pool = Executors.newFixedThreadPool(racers);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<HttpResponse<String>>> answers = new ArrayList<>();
        for (int i = 0; i < racers; i++) {
            String convener = "Sammankallande " + i;
            Callable<HttpResponse<String>> call = () -> {
                start.await();
                return amend(id, convener, "\"0\"");
            };
            answers.add(pool.submit(call));
        }
        start.countDown();
        List<Integer> statuses = new ArrayList<>();
        for (Future<HttpResponse<String>> answer : answers) statuses.add(answer.get().statusCode());
        pool.shutdown();

        assertThat(statuses).isSubsetOf(200, 412, 409);
        assertThat(statuses.stream().filter(s -> s == 200).count()).isEqualTo(1);
        assertThat(eventsOf(id)).isEqualTo(2);
    }

    @Test
    void without_if_match_every_accepted_change_is_in_the_log_and_none_is_lost() throws Exception {
        String id = establish();
        int racers = 8;
        ExecutorService pool = Executors.newFixedThreadPool(racers);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<HttpResponse<String>>> answers = new ArrayList<>();
        for (int i = 0; i < racers; i++) {
            String convener = "Sammankallande " + i;
            answers.add(pool.submit(() -> {
                start.await();
                return amend(id, convener, null);
            }));
        }
        start.countDown();
        long accepted = 0;
        for (Future<HttpResponse<String>> answer : answers) {
            int status = answer.get().statusCode();
            assertThat(status).isIn(200, 409);
            if (status == 200) accepted++;
        }
        pool.shutdown();

        assertThat(accepted).isPositive();
        assertThat(eventsOf(id)).isEqualTo(1 + accepted);
        assertThat(jdbc.queryForList("select sequence_number from axon.domain_event_entry where aggregate_identifier = ? order by sequence_number",
                Long.class, id)).containsExactlyElementsOf(java.util.stream.LongStream.rangeClosed(0, accepted).boxed().toList());
    }
}
