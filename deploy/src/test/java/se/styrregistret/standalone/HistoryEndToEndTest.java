package se.styrregistret.standalone;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.jdbc.core.JdbcTemplate;
import se.styrregistret.standalone.history.HistoryLoader;
import tools.jackson.databind.JsonNode;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Linköping's 2007–2022 decisions, loaded through the public command API, answer the questions
 * the sources answer, each citing the right decision.
 */
class HistoryEndToEndTest {

    @RegisterExtension
    static final RunningRegister register = new RunningRegister();
    static HistoryLoader.Report firstLoad;

    @BeforeAll
    static void startAndLoad() {
        firstLoad = Standalone.loadHistory(register.system());
        // every projection has caught up once the last agreement shows
        HttpJson.await(register.queryUrl() + "/api/agreements",
                a -> a.toString().contains("otmb-2022-2027"), Duration.ofSeconds(30));
        HttpJson.await(register.queryUrl() + "/api/org-chart",
                c -> c.toString().contains("Områdesteam Skäggetorp"), Duration.ofSeconds(30));
        HttpJson.await(register.queryUrl() + "/api/budget/summary",
                s -> s.path("openReferrals").size() == 3, Duration.ofSeconds(30));
        // and the projections no answer above reads (districts, action plans, the audit trail and log): a query with
        // minRevision answers only once those it reads have reached it (read-your-writes), else 503 and it is asked again
        long head = EndToEnd.logHead(register.system());
        HttpJson.await(register.queryUrl() + "/api/districts?minRevision=" + head, d -> true, Duration.ofSeconds(30));
        HttpJson.await(register.queryUrl() + "/api/audit-trail?size=1&minRevision=" + head, t -> true, Duration.ofSeconds(30),
                "auditor");
    }

    static JsonNode chart(String query) {
        return HttpJson.json(HttpJson.get(register.queryUrl() + "/api/org-chart" + query, "reader"));
    }

    static List<JsonNode> bodies(JsonNode chart) {
        List<JsonNode> all = new ArrayList<>();
        chart.path("levels").forEach(l -> l.path("bodies").forEach(all::add));
        return all;
    }

    static JsonNode body(JsonNode chart, String id) {
        return bodies(chart).stream().filter(b -> b.path("id").asString().equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError(id + " not in chart " + chart));
    }

    static List<String> ids(JsonNode chart) {
        return bodies(chart).stream().map(b -> b.path("id").asString()).toList();
    }

    @Test
    void loading_twice_appends_nothing_the_second_time() {
        long before = EndToEnd.logHead(register.system());

        HistoryLoader.Report again = Standalone.loadHistory(register.system());

        assertThat(firstLoad.applied()).isEqualTo(firstLoad.steps());
        assertThat(again.applied()).isZero();
        assertThat(again.alreadyLoaded()).isEqualTo(again.steps());
        assertThat(EndToEnd.logHead(register.system())).isEqualTo(before);
    }

    @Test
    void a_register_that_loaded_the_2020_decision_in_its_earlier_shape_loads_the_history_again_appending_nothing() {
        // as a release before the general reorganisation left it: the step's key taken by a request to /api/libra-replacement
        int earlier = new JdbcTemplate(register.system().dataSource()).update("""
                update registry.idempotency_key set request_hash = 'sent to /api/libra-replacement'
                where idem_key = 'history-2020-ks-2019-1003-libra'""");
        assertThat(earlier).isEqualTo(1);
        long before = EndToEnd.logHead(register.system());

        HistoryLoader.Report again = Standalone.loadHistory(register.system());

        assertThat(again.applied()).isZero();
        assertThat(again.alreadyLoaded()).isEqualTo(again.steps());
        assertThat(EndToEnd.logHead(register.system())).isEqualTo(before);
    }

    @Test
    void the_2020_decision_is_one_reorganisation_recorded_as_the_events_the_named_command_always_recorded() {
        String url = register.queryUrl() + "/api/audit-trail?caseNumber=" + URLEncoder.encode("KS 2019-1003", StandardCharsets.UTF_8);
        JsonNode trail = HttpJson.await(url, t -> t.path("total").asLong() == 9, Duration.ofSeconds(30), "auditor");
        List<JsonNode> entries = new ArrayList<>();
        trail.path("entries").forEach(entries::add);
        // two members, the political steering group's mandate and EST-gruppen under the same proposal, each its own step;
        // then the reorganisation
        List<JsonNode> reorganisation = entries.subList(4, 9);

        assertThat(reorganisation).extracting(e -> e.path("aggregateId").asString() + " " + e.path("eventType").asString())
                .containsExactly("libra EstablishingDecisionRescinded", "libra GovernanceBodyReplaced",
                        "politisk-styrgrupp GovernanceBodySucceeded", "lop-gruppen GovernanceBodyReplaced",
                        "sms-gruppen GovernanceBodySucceeded");
        long first = reorganisation.get(0).path("revision").asLong();
        assertThat(reorganisation).extracting(e -> e.path("revision").asLong())
                .containsExactly(first, first + 1, first + 2, first + 3, first + 4);
        // one command, one unit of work
        assertThat(reorganisation).extracting(e -> e.path("correlationId").asString()).containsOnly(
                reorganisation.get(0).path("correlationId").asString());
        assertThat(reorganisation.get(0).path("payload").path("rescinded").path("paragraph").asString()).isEqualTo("§ 290");
        assertThat(reorganisation.get(1).path("payload").path("successors").toString()).isEqualTo("[\"politisk-styrgrupp\"]");
        assertThat(reorganisation.get(3).path("payload").path("successors").toString()).isEqualTo("[\"sms-gruppen\"]");
        assertThat(reorganisation).allSatisfy(e -> {
            assertThat(e.path("effectiveDate").asString()).isEqualTo("2020-01-20");
            assertThat(e.path("recordedBy").asString()).isEqualTo("registrar");
        });
        assertThat(reorganisation.get(4).path("payload").path("note").asString())
                .startsWith("Beslutstexten anger att LOP-gruppen ersätts av Lednings- och samordningsgruppen");
    }

    @Test
    void at_the_end_of_2019_libra_and_lop_are_active_and_the_new_groups_do_not_exist() {
        JsonNode chart = chart("?asOfDate=2019-12-31");
        // and the county's network Regbra (001: "har funnits sedan 2010")
        assertThat(ids(chart)).containsExactlyInAnyOrder("libra", "lop-gruppen", "regbra");
        assertThat(body(chart, "libra").path("decision").path("paragraph").asString()).isEqualTo("§ 290");
        assertThat(body(chart, "libra").path("decision").path("decisionDate").asString()).isEqualTo("2007-05-29");
    }

    @Test
    void in_mid_2020_the_new_model_is_in_place_with_the_sources_members_conveners_and_frequencies() {
        JsonNode chart = chart("?asOfDate=2020-06-30");
        assertThat(ids(chart)).containsExactlyInAnyOrder("politisk-styrgrupp", "styrgrupp", "sms-gruppen", "est-gruppen",
                "operativa-resurser", "sakerhetsenhetens-samverkansmoten", "stadsdelarnas-trygghetsrad", "sig",
                "samverkan-polis-miljo-samhallsbyggnad", "regbra");

        JsonNode political = body(chart, "politisk-styrgrupp");
        assertThat(political.path("convener").asString()).isEqualTo("Kommunstyrelsens ordförande/Kommundirektör");
        assertThat(political.path("meetingFrequency").asString()).isEqualTo("Tre gånger per år");
        assertThat(political.path("members").toString()).contains("Kommunstyrelsens presidium", "Kommundirektör",
                "Lokalpolisområdeschef", "Kommunpolis", "Säkerhetsenheten");
        assertThat(political.path("predecessors").toString()).contains("libra");
        assertThat(political.path("establishedBy").path("decidedBy").asString()).isEqualTo("Kommundirektören");
        assertThat(political.path("establishedBy").path("datePrecision").asString()).isEqualTo("MONTH");

        JsonNode steering = body(chart, "styrgrupp");
        assertThat(steering.path("convener").asString()).isEqualTo("Biträdande kommundirektör");
        assertThat(steering.path("members")).hasSize(7);
        assertThat(steering.path("reportsTo").asString()).isEqualTo("politisk-styrgrupp");

        JsonNode coordination = body(chart, "sms-gruppen");
        assertThat(coordination.path("shortName").asString()).isEqualTo("SMS-gruppen");
        assertThat(coordination.path("meetingFrequency").asString()).isEqualTo("Månatligen/kvartalsvis beroende på fas och/eller behov");
        assertThat(coordination.path("reportsTo").asString()).isEqualTo("styrgrupp");
        assertThat(coordination.path("predecessors").toString()).contains("lop-gruppen");
        assertThat(coordination.path("note").asString()).contains("styrgruppen");

        assertThat(body(chart, "est-gruppen").path("decision").path("caseNumber").asString()).isEqualTo("KS 2019-1003");
    }

    @Test
    void libra_is_replaced_with_lineage_and_its_2007_decision_recorded_as_rescinded() {
        JsonNode libra = HttpJson.json(HttpJson.get(register.queryUrl() + "/api/governance-bodies/libra", "reader"));
        assertThat(libra.path("current").path("status").asString()).isEqualTo("REPLACED");
        assertThat(libra.path("current").path("rescindedDecision").path("paragraph").asString()).isEqualTo("§ 290");
        assertThat(libra.path("successors").get(0).path("id").asString()).isEqualTo("politisk-styrgrupp");
        JsonNode replaced = libra.path("history").get(libra.path("history").size() - 1);
        assertThat(replaced.path("changeType").asString()).isEqualTo("GovernanceBodyReplaced");
        assertThat(replaced.path("decision").path("caseNumber").asString()).isEqualTo("KS 2019-1003");
        assertThat(replaced.path("effectiveDate").asString()).isEqualTo("2020-01-20");
        assertThat(replaced.path("recordedBy").asString()).isEqualTo("registrar");
    }

    @Test
    void at_the_end_of_2021_three_area_teams_hosted_by_leanlink_with_three_leaders_and_six_wardens() {
        JsonNode chart = chart("?asOfDate=2021-12-31");
        List<JsonNode> teams = bodies(chart).stream().filter(b -> !b.path("areaTeam").isNull() && b.has("areaTeam")
                && !b.path("areaTeam").isMissingNode()).toList();
        assertThat(teams).extracting(t -> t.path("areaTeam").path("district").asString())
                .containsExactlyInAnyOrder("Berga", "Ryd", "Skäggetorp");
        assertThat(teams).allSatisfy(t -> {
            assertThat(t.path("areaTeam").path("hostOrganisation").asString()).isEqualTo("Leanlink");
            assertThat(t.path("areaTeam").path("commissioningCommittee").asString()).isEqualTo("Social- och omsorgsnämnden");
            // a proposal of 2021-03-01 whose MBL negotiation is 2021-03-02: adopted, if at all, after that day
            assertThat(t.path("decision").path("decisionDate").asString()).isEqualTo("2021-03-02");
            assertThat(t.path("decision").path("datePrecision").asString()).isEqualTo("AFTER");
        });
        assertThat(teams.stream().mapToInt(t -> t.path("areaTeam").path("teamLeaders").asInt()).sum()).isEqualTo(3);
        assertThat(teams.stream().mapToInt(t -> t.path("areaTeam").path("safetyWardens").asInt()).sum()).isEqualTo(6);

        JsonNode transfers = HttpJson.json(HttpJson.get(register.queryUrl() + "/api/function-transfers", "reader"));
        assertThat(transfers.get(0).path("fromOrganisation").asString()).isEqualTo("Verksamhetsstöd och service");
        assertThat(transfers.get(0).path("toOrganisation").asString()).isEqualTo("Leanlink");
    }

    @Test
    void the_action_plan_has_its_counts_area_1_and_bilda_omradesteam_linked_to_the_three_teams() {
        JsonNode district = HttpJson.json(HttpJson.get(register.queryUrl() + "/api/districts/Berga", "reader"));
        String planId = district.path("actions").get(0).path("planId").asString();
        JsonNode plan = HttpJson.json(HttpJson.get(register.queryUrl() + "/api/action-plans/" + planId, "reader"));
        String text = plan.toString();
        assertThat(text).contains("Åtgärdsplan mot segregation", "Ökad trygghet, gemenskap och delaktighet i samhället",
                "Bilda områdesteam", "omradesteam-berga", "omradesteam-ryd", "omradesteam-skaggetorp", "2020-12-02");
        JsonNode knowledge = plan.path("knowledge");
        assertThat(knowledge.path("developmentAreas").path("declared").asInt()).isEqualTo(5);
        assertThat(knowledge.path("developmentAreas").path("known").asInt()).isEqualTo(1);
        assertThat(knowledge.path("perspectives").path("declared").asInt()).isEqualTo(5);
        assertThat(knowledge.path("perspectives").path("known").asInt()).isZero();
        assertThat(knowledge.path("actions").path("declared").asInt()).isEqualTo(60);
        assertThat(plan.path("decision").path("decidedBy").asString()).isEqualTo("Kommundirektören");
    }

    @Test
    void the_2021_area_team_funding_is_8620_tkr_of_which_2100_tkr_state_grant_with_the_frame_extension_and_open_items() {
        JsonNode ledger = HttpJson.json(HttpJson.get(register.queryUrl() + "/api/budget/ledger?fiscalYear=2021", "reader"));
        long toTeams = 0;
        long fromGrant = 0;
        for (JsonNode entry : ledger.path("entries")) {
            // the entry's own fields: its provenance quotes the whole financing passage (teams, grant and all)
            if (entry.path("entryType").asString().equals("ALLOCATION")
                    && entry.path("purpose").asString().equals("Områdesteam Berga, Ryd och Skäggetorp")) {
                toTeams += entry.path("amountSek").asLong();
                if (entry.path("sourceName").asString().equals("Delegationen mot segregation")) fromGrant += entry.path("amountSek").asLong();
                assertThat(entry.toString()).contains("2021-03-02");
            }
        }
        assertThat(toTeams).isEqualTo(8_620_000);
        assertThat(fromGrant).isEqualTo(2_100_000);

        JsonNode beforeTheTeams = HttpJson.json(HttpJson.get(
                register.queryUrl() + "/api/budget/summary?fiscalYear=2021&asOfDate=2021-02-28", "reader"));
        assertThat(beforeTheTeams.path("totalSek").asLong()).isZero();
        JsonNode afterTheTeams = HttpJson.json(HttpJson.get(
                register.queryUrl() + "/api/budget/summary?fiscalYear=2021&asOfDate=2021-06-30", "reader"));
        assertThat(afterTheTeams.path("totalSek").asLong()).isEqualTo(8_620_000);
        assertThat(afterTheTeams.path("frames")).isEmpty();

        JsonNode summary = HttpJson.json(HttpJson.get(register.queryUrl() + "/api/budget/summary", "reader"));
        JsonNode frame = summary.path("frames").get(0);
        assertThat(frame.path("committee").asString()).isEqualTo("Kommunstyrelsen");
        assertThat(frame.path("extendedSek").asLong()).isEqualTo(3_000_000);
        assertThat(summary.path("openReferrals").toString())
                .contains("Finansiering av områdesteam 2022", "Budgetberedningen", "Fördelning av 3 mnkr",
                        "permanentning av de utökade trygghetsskapande åtgärderna");
    }

    @Test
    void the_revision_diff_over_the_whole_history_shows_the_money_that_moved() {
        long head = EndToEnd.logHead(register.system());
        // the diff says how far its sources (org chart, ledger, audit trail) have read the log, including events
        // they have no rows for
        JsonNode diff = HttpJson.await(register.queryUrl() + "/api/revisions/0/diff/" + head,
                d -> d.path("revision").asLong() >= head, Duration.ofSeconds(30), "reader");

        assertThat(diff.path("added").toString()).contains("politisk-styrgrupp", "omradesteam-skaggetorp");
        long allocated = 0;
        for (JsonNode m : diff.path("moneyMoved")) {
            if (m.path("entryType").asString().equals("ALLOCATION")) allocated += m.path("amountSek").asLong();
        }
        assertThat(allocated).isEqualTo(8_620_000);
        assertThat(diff.path("moneyMoved").toString()).contains("Delegationen mot segregation", "Social- och omsorgsnämnden");
    }

    @Test
    void the_district_view_travels_in_time_too() {
        JsonNode mid2020 = HttpJson.json(HttpJson.get(register.queryUrl() + "/api/districts/Skäggetorp?asOfDate=2020-06-30", "reader"));
        assertThat(mid2020.path("areaTeam").isNull() || mid2020.path("areaTeam").isMissingNode()).isTrue();
        assertThat(mid2020.path("actions")).isEmpty();

        JsonNode end2021 = HttpJson.json(HttpJson.get(register.queryUrl() + "/api/districts/Skäggetorp?asOfDate=2021-12-31", "reader"));
        assertThat(end2021.path("areaTeam").path("id").asString()).isEqualTo("omradesteam-skaggetorp");
        assertThat(end2021.path("actions").toString()).contains("Bilda områdesteam");

        JsonNode atRevision3 = HttpJson.json(HttpJson.get(register.queryUrl() + "/api/districts/Skäggetorp?asOfRevision=3", "reader"));
        assertThat(atRevision3.path("revision").asLong()).isEqualTo(3);
        assertThat(atRevision3.path("bodies")).isEmpty();

        assertThat(HttpJson.get(register.queryUrl() + "/api/districts/Skäggetorp?asOfRevision=-2", "reader").statusCode()).isEqualTo(400);
    }

    @Test
    void the_otmb_declaration_covers_2022_to_2027_with_the_working_group_commitment() {
        JsonNode agreements = HttpJson.json(HttpJson.get(register.queryUrl() + "/api/agreements", "reader")).path("agreements");
        JsonNode otmb = null;
        for (JsonNode a : agreements) {
            if (a.path("id").asString().equals("otmb-2022-2027")) otmb = a;
        }
        assertThat(otmb).isNotNull();
        assertThat(otmb.path("periodFrom").asInt()).isEqualTo(2022);
        assertThat(otmb.path("periodTo").asInt()).isEqualTo(2027);
        assertThat(otmb.path("commitments").toString()).contains("Minst en representant i någon av arbetsgrupperna");
        assertThat(otmb.path("decision").path("caseNumber").asString()).isEqualTo("KS 2021-1087");
        assertThat(otmb.path("decision").path("decisionDate").asString()).isEqualTo("2022-01-03");
        assertThat(otmb.path("decision").path("datePrecision").asString()).isEqualTo("AFTER");
        // the sources give no signing date: 2 February 2022 is a joint decision meeting
        assertThat(otmb.path("signatory").asString()).doesNotContain("2022-02-02").contains("första kvartalet 2022");
        assertThat(agreements.toString()).contains("KS 2019-1011", "§ 170", "Medborgarlöfte");
    }

    static List<JsonNode> all(JsonNode answer) {
        List<JsonNode> entries = new ArrayList<>();
        answer.path("entries").forEach(entries::add);
        return entries;
    }

    @Test
    void every_history_event_reads_in_swedish_naming_bodies_by_name_never_by_id_or_class_name() {
        long head = EndToEnd.logHead(register.system());
        List<JsonNode> trail = all(HttpJson.await(register.queryUrl() + "/api/audit-trail?size=500",
                t -> t.path("revision").asLong() >= head, Duration.ofSeconds(30), "auditor"));
        assertThat(trail).hasSizeGreaterThanOrEqualTo(35);
        List<String> classNames = se.styrregistret.kernel.schema.EventTypes.all().stream().map(Class::getSimpleName).toList();
        List<String> ids = new ArrayList<>();
        trail.forEach(e -> e.path("affectedIds").forEach(i -> ids.add(i.asString())));
        // a district's id is its name (its pictures are kept under it): a name may stand in a change
        ids.removeAll(List.of("Berga", "Ryd", "Skäggetorp"));
        java.util.Set<String> kinds = new java.util.HashSet<>();
        for (JsonNode e : trail) {
            String summary = e.path("summary").asString();
            String what = e.path("revision").asLong() + " " + e.path("eventType").asString() + ": " + summary;
            assertThat(e.path("typeLabel").asString()).as(what).isNotBlank().isNotIn(classNames);
            kinds.add(e.path("kind").asString());
            assertThat(summary).as(what).isNotBlank().doesNotStartWith("Händelse ").doesNotContain("okänt organ", "okänd plan");
            for (String type : classNames) assertThat(summary).as(what).doesNotContain(type);
            // ids that are also plain words of names ("styrgrupp" in "Politisk styrgrupp …") are checked as whole values below
            for (String id : ids) if (id.matches(".*[-0-9].*") || id.equals("libra")) assertThat(summary).as(what).doesNotContain(id);
            String changes = e.path("changes").toString();
            for (String id : ids) assertThat(changes).as(what + " " + changes).doesNotContain("\"" + id + "\"");
            assertThat(changes).as(what).doesNotContain("ACTIVE", "REPLACED", "DISSOLVED");
        }
        assertThat(kinds).contains("bodies", "members", "agreements", "plans", "actions", "money");
        JsonNode allocation = trail.stream().filter(e -> e.path("eventType").asString().equals("BudgetAllocated")).findFirst().orElseThrow();
        assertThat(allocation.path("typeLabel").asString()).isEqualTo("Budget fördelad");
        assertThat(allocation.path("summary").asString()).contains("tkr", "Social- och omsorgsnämnden", "Områdesteam Berga, Ryd och Skäggetorp");

        // what people type: a Swedish label, a part of a body's name
        JsonNode established = HttpJson.json(HttpJson.get(register.queryUrl() + "/api/audit-trail?eventType="
                + URLEncoder.encode("Inrättat", StandardCharsets.UTF_8), "auditor"));
        // the model's four parts, EST-gruppen, the three area teams, LiBrå, LOP-gruppen, the four forums named in 004, Regbra
        assertThat(established.path("total").asLong()).isEqualTo(15);
        JsonNode libra = HttpJson.json(HttpJson.get(register.queryUrl() + "/api/audit-trail?body="
                + URLEncoder.encode("LiBrå", StandardCharsets.UTF_8), "auditor"));
        assertThat(all(libra)).extracting(e -> e.path("eventType").asString())
                .contains("GovernanceBodyEstablished", "EstablishingDecisionRescinded", "GovernanceBodyReplaced");

        // a revision reads as a document
        long replaced = trail.stream().filter(e -> e.path("eventType").asString().equals("GovernanceBodyReplaced"))
                .findFirst().orElseThrow().path("revision").asLong();
        JsonNode doc = HttpJson.json(HttpJson.get(register.queryUrl() + "/api/audit-trail/" + replaced, "auditor")).path("document");
        assertThat(doc.path("summary").asString()).startsWith("«LiBrå – Linköpings brottsförebyggande råd» ersattes av «Politisk styrgrupp");
        assertThat(doc.path("changes").toString()).contains("\"before\":\"aktivt\",\"after\":\"ersatt\"");
        assertThat(doc.path("decision").asString()).contains("Kommunstyrelsen", "KS 2019-1003");
    }

    @Test
    void the_timeline_runs_from_2007_to_2022_with_agreements_plans_and_money() {
        JsonNode timeline = HttpJson.json(HttpJson.get(register.queryUrl() + "/api/timeline", "reader"));
        List<JsonNode> entries = all(timeline);
        List<String> lines = entries.stream().map(e -> e.path("effectiveDate").asString() + " " + e.path("eventType").asString()
                + " " + e.path("summary").asString()).toList();
        assertThat(lines).anyMatch(l -> l.startsWith("2019-05-07 AgreementRecorded") && l.contains("Samverkansöverenskommelse"));
        // the citizen promise is undated in the sources: known only to exist before the memo of 2020-01-20
        assertThat(lines).anyMatch(l -> l.startsWith("2020-01-20 AgreementRecorded") && l.contains("Medborgarlöfte"));
        assertThat(lines).anyMatch(l -> l.startsWith("2020-12-02 ActionPlanApproved") && l.contains("Åtgärdsplan mot segregation"));
        assertThat(lines).anyMatch(l -> l.startsWith("2021-08-17 BudgetFrameExtended") && l.contains("3 000 tkr"));
        assertThat(lines).anyMatch(l -> l.startsWith("2022-01-03 AgreementRecorded") && l.contains("Östergötland tillsammans mot brott"));
        assertThat(entries.get(entries.size() - 1).path("effectiveDate").asString()).startsWith("2022");
        assertThat(entries).allSatisfy(e -> assertThat(e.path("typeLabel").asString()).isNotBlank());

        JsonNode money = HttpJson.json(HttpJson.get(register.queryUrl() + "/api/timeline?kind=money", "reader"));
        assertThat(all(money)).isNotEmpty().allSatisfy(e -> assertThat(e.path("kind").asString()).isEqualTo("money"));
        JsonNode byName = HttpJson.json(HttpJson.get(register.queryUrl() + "/api/timeline?body="
                + URLEncoder.encode("LiBrå", StandardCharsets.UTF_8), "reader"));
        assertThat(all(byName)).isNotEmpty();
    }

    @Test
    void body_history_names_bodies_and_statuses_in_swedish() {
        JsonNode sms = HttpJson.json(HttpJson.get(register.queryUrl() + "/api/governance-bodies/sms-gruppen", "reader"));
        String history = sms.path("history").toString();
        assertThat(history).contains("\"label\":\"Rapporterar till\"", "Styrgrupp för arbetet med segregation",
                "\"label\":\"Föregångare\"", "LOP-gruppen – LiBrås operativa grupp");
        JsonNode libra = HttpJson.json(HttpJson.get(register.queryUrl() + "/api/governance-bodies/libra", "reader"));
        assertThat(libra.path("history").toString()).contains("\"before\":\"aktivt\",\"after\":\"ersatt\"");
    }

    @Test
    void a_district_shows_the_area_teams_money_and_what_the_register_knows_of_bilda_omradesteam() {
        JsonNode berga = HttpJson.json(HttpJson.get(register.queryUrl() + "/api/districts/Berga", "reader"));
        long shared = 0;
        for (JsonNode s : berga.path("sharedAllocations")) shared += s.path("amountSek").asLong();
        assertThat(shared).isEqualTo(8_620_000);
        assertThat(berga.path("moneyNote").asString()).contains("8 620 tkr", "Berga, Ryd och Skäggetorp",
                "källan anger ingen fördelning");
        JsonNode bilda = berga.path("actions").get(0);
        assertThat(bilda.path("title").asString()).isEqualTo("Bilda områdesteam");
        assertThat(bilda.path("statusNote").asString()).contains("Områdesteam Berga");
        assertThat(bilda.path("linkedBodyDetails").get(0).path("status").asString()).isEqualTo("aktivt");
        assertThat(bilda.path("developmentAreaLabel").asString())
                .isEqualTo("Utvecklingsområde 1: Ökad trygghet, gemenskap och delaktighet i samhället");

        JsonNode summary = HttpJson.json(HttpJson.get(register.queryUrl() + "/api/budget/summary", "reader"));
        assertThat(summary.path("years")).isNotEmpty();
        assertThat(summary.path("notSplitByDistrictSek").asLong()).isEqualTo(8_620_000);
    }

    /** Every entry of the history, from the audit trail (with its provenance), once the trail has read the whole log. */
    static List<JsonNode> wholeTrail() {
        long head = EndToEnd.logHead(register.system());
        JsonNode page = HttpJson.await(register.queryUrl() + "/api/audit-trail?size=500",
                t -> t.path("total").asLong() >= head, Duration.ofSeconds(30), "auditor");
        List<JsonNode> entries = new ArrayList<>();
        page.path("entries").forEach(entries::add);
        assertThat(entries).hasSize((int) head);
        return entries;
    }

    static JsonNode entry(List<JsonNode> trail, String aggregateId, String eventType) {
        return trail.stream().filter(e -> eventType.equals(e.path("eventType").asString())
                        && (aggregateId == null || aggregateId.equals(e.path("aggregateId").asString())))
                .findFirst().orElseThrow(() -> new AssertionError("no " + eventType + " of " + aggregateId));
    }

    /** The decision's kind, status and date as known, and the first passage's document, for one entry. */
    static List<String> sourceOf(JsonNode entry) {
        JsonNode citation = entry.path("provenance").path("citations").path(0);
        return List.of(entry.path("decision").path("documentKind").asString("-"), entry.path("decision").path("status").asString("-"),
                entry.path("decision").path("dateText").asString("-"), citation.path("document").asString("-"));
    }

    @Test
    void every_entry_says_what_kind_of_source_it_rests_on_whether_decided_or_proposed_and_as_precisely_dated_as_its_source() {
        List<JsonNode> trail = wholeTrail();

        // each source's decisions, with their status and precision
        String kd = "Kommundirektörens beslut – Ledning och samordning av insatser mot segregation samt trygghetsskapande och brottsförebyggande åtgärder";
        assertThat(sourceOf(entry(trail, "styrgrupp", "GovernanceBodyEstablished")))
                .containsExactly("DELEGATION_DECISION", "ADOPTED", "januari 2020", kd);
        assertThat(sourceOf(entry(trail, "libra", "GovernanceBodyEstablished")))
                .containsExactly("ADOPTED_DECISION", "ADOPTED", "2007-05-29", "Samverkan med Polismyndigheten lokalpolisområde Linköping, beslut");
        assertThat(sourceOf(entry(trail, "libra", "GovernanceBodyReplaced")))
                .containsExactly("PROPOSAL", "PROPOSED", "okänt, efter 2020-01-20", "Samverkan med Polismyndigheten lokalpolisområde Linköping, beslut");
        assertThat(sourceOf(entry(trail, "omradesteam-berga", "AreaTeamEstablished")))
                .containsExactly("PROPOSAL", "PROPOSED", "okänt, efter 2021-03-02", "Områdesteam, övergripande inriktning och uppdrag");
        assertThat(sourceOf(entry(trail, null, "BudgetFrameExtended")))
                .containsExactly("PROPOSAL", "PROPOSED", "okänt, efter 2021-08-17", "Utökat trygghetsarbete, uppdrag");
        assertThat(sourceOf(entry(trail, "otmb-2022-2027", "AgreementRecorded"))).startsWith("PROPOSAL", "PROPOSED", "okänt, efter 2022-01-03");
        assertThat(sourceOf(entry(trail, null, "ActionPlanApproved")))
                .containsExactly("DELEGATION_DECISION", "ADOPTED", "2020-12-02", "Områdesteam, övergripande inriktning och uppdrag");
        assertThat(entry(trail, "omradesteam-berga", "AreaTeamEstablished").path("effectiveDateText").asString())
                .isEqualTo("okänt, efter 2021-03-02");
        assertThat(entry(trail, "omradesteam-berga", "AreaTeamEstablished").path("provenance").path("citations").path(0)
                .path("documentDate").asString()).isEqualTo("2021-03-01");

        // every entry cites a passage; no value marked stated lacks its citation; inferences and contradictions are there
        int inferred = 0;
        int discrepancies = 0;
        for (JsonNode e : trail) {
            JsonNode provenance = e.path("provenance");
            assertThat(provenance.path("citations").size()).as("citations of revision " + e.path("revision")).isPositive();
            provenance.path("citations").forEach(c -> assertThat(c.path("passage").asString("")).as("passage").isNotBlank());
            for (JsonNode fact : provenance.path("facts")) {
                if (fact.path("certainty").asString().equals("STATED")) {
                    int at = fact.path("citation").asInt(-1);
                    assertThat(at).as("stated fact " + fact + " of revision " + e.path("revision"))
                            .isBetween(0, provenance.path("citations").size() - 1);
                } else {
                    inferred++;
                    assertThat(fact.path("reasoning").asString("")).as("reasoning of " + fact).isNotBlank();
                }
            }
            discrepancies += provenance.path("discrepancies").size();
        }
        assertThat(inferred).isGreaterThan(20);
        assertThat(discrepancies).isGreaterThanOrEqualTo(5);

        // inferred values are marked on the body and left out when only what the sources state is asked for
        JsonNode team = HttpJson.json(HttpJson.get(register.queryUrl() + "/api/governance-bodies/omradesteam-berga", "reader"));
        assertThat(team.path("current").path("uncertainFacts").findValuesAsString("field")).contains("teamLeaders", "safetyWardens");
        JsonNode stated = HttpJson.json(HttpJson.get(register.queryUrl() + "/api/governance-bodies/omradesteam-berga?onlyStated=true", "reader"));
        assertThat(stated.path("current").path("areaTeam").has("teamLeaders")).isFalse();
        assertThat(stated.path("current").path("withheld").findValuesAsString("field")).contains("teamLeaders", "safetyWardens");
        // LOP-gruppen's establishment is inferred as a whole (no source names its decision): a chart of 2019 shows it,
        // marked, and leaves it out when only what the sources state is asked for
        assertThat(ids(chart("?asOfDate=2019-06-01"))).contains("lop-gruppen", "libra");
        assertThat(body(chart("?asOfDate=2019-06-01"), "lop-gruppen").path("uncertainFacts").findValuesAsString("field")).contains("entry");
        assertThat(ids(chart("?asOfDate=2019-06-01&onlyStated=true"))).doesNotContain("lop-gruppen").contains("libra");
    }
}
