package se.styrregistret.query.orgchart;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import se.styrregistret.kernel.common.DecisionReference;
import se.styrregistret.kernel.correction.EntryCorrected;
import se.styrregistret.kernel.governance.AreaTeamEstablished;
import se.styrregistret.kernel.governance.EstablishingDecisionRescinded;
import se.styrregistret.kernel.governance.FieldChange;
import se.styrregistret.kernel.governance.FindGovernanceBody;
import se.styrregistret.kernel.governance.FindOrgChart;
import se.styrregistret.kernel.governance.GovernanceBodyAmended;
import se.styrregistret.kernel.governance.GovernanceBodyEstablished;
import se.styrregistret.kernel.governance.GovernanceBodyId;
import se.styrregistret.kernel.governance.GovernanceBodyReplaced;
import se.styrregistret.kernel.governance.GovernanceBodySucceeded;
import se.styrregistret.kernel.governance.Level;
import se.styrregistret.kernel.governance.Member;
import se.styrregistret.kernel.governance.MemberAppointed;
import se.styrregistret.kernel.governance.ReportingLineSet;
import se.styrregistret.kernel.governance.Scope;
import se.styrregistret.query.support.QueryServiceTest;
import tools.jackson.databind.json.JsonMapper;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class OrgChartProjectionTest extends QueryServiceTest {

    static final DecisionReference KS_2019_1003 =
            new DecisionReference("KS 2019-1003", null, LocalDate.of(2020, 1, 20), "Kommunstyrelsen");
    static final DecisionReference KS_2007 =
            new DecisionReference(null, "§ 290", LocalDate.of(2007, 5, 29), "Kommunstyrelsen");

    @Autowired
    OrgChartQueries queries;

    @Autowired
    JsonMapper json;

    static GovernanceBodyId newId() {
        return GovernanceBodyId.of(UUID.randomUUID().toString());
    }

    static GovernanceBodyEstablished established(GovernanceBodyId id, String name, Level level, LocalDate effective,
                                                 DecisionReference decision) {
        return new GovernanceBodyEstablished(id, name, null, level, Scope.municipality(), List.of("Samordna"),
                "Kommundirektören", "3 gånger per år", List.of(), List.of(new Member("Kommunpolis", null)),
                effective, decision);
    }

    long establish(GovernanceBodyId id, String name, Level level, LocalDate effective) {
        return append("GovernanceBody", id.value(), established(id, name + " " + id, level, effective, KS_2019_1003));
    }

    @Test
    void a_new_body_opens_a_current_version_row_at_its_revision() {
        GovernanceBodyId id = newId();

        long revision = establish(id, "Politisk styrgrupp", Level.POLITICAL, LocalDate.of(2020, 1, 20));
        awaitProjection(OrgChartProjection.NAME, revision);

        var row = jdbc.queryForMap("select * from projection.body_version where body_id = ?", id.value());
        assertThat(row.get("revision_from")).isEqualTo(revision);
        assertThat(row.get("revision_to")).isNull();
        assertThat(row.get("level")).isEqualTo("POLITICAL");
        assertThat(row.get("decision_case")).isEqualTo("KS 2019-1003");
        assertThat(row.get("recorded_by")).isEqualTo("test-registrar");
        assertThat(row.get("effective_from").toString()).isEqualTo("2020-01-20");
    }

    @Test
    void the_chart_as_of_an_earlier_revision_leaves_out_later_bodies() {
        GovernanceBodyId first = newId();
        GovernanceBodyId second = newId();
        long r1 = establish(first, "Styrgrupp", Level.STRATEGIC, LocalDate.of(2020, 1, 20));
        long r2 = establish(second, "EST-gruppen", Level.OPERATIONAL, LocalDate.of(2020, 1, 20));
        awaitProjection(OrgChartProjection.NAME, r2);

        OrgChart then = queries.handle(new FindOrgChart(r1, null));
        OrgChart now = queries.handle(FindOrgChart.now());

        assertThat(then.revision()).isEqualTo(r1);
        assertThat(ids(then)).contains(first.value()).doesNotContain(second.value());
        assertThat(now.revision()).isGreaterThanOrEqualTo(r2);
        assertThat(ids(now)).contains(first.value(), second.value());
    }

    @Test
    void an_amendment_closes_the_open_row_and_opens_its_two_periods_at_its_revision() {
        GovernanceBodyId id = newId();
        long r1 = establish(id, "Samordningsgrupp", Level.TACTICAL, LocalDate.of(2020, 1, 20));
        LocalDate amendedOn = LocalDate.of(2021, 1, 1);
        long r2 = append("GovernanceBody", id.value(), new GovernanceBodyAmended(id,
                List.of(new FieldChange("meetingFrequency", "3 gånger per år", "Månadsvis")), "Samordningsgrupp " + id,
                List.of("Samordna"), "Kommundirektören", "Månadsvis", List.of(), amendedOn, KS_2019_1003));
        awaitProjection(OrgChartProjection.NAME, r2);

        var rows = jdbc.queryForList("""
                select revision_from, revision_to, effective_from, effective_to, meeting_frequency
                from projection.body_version where body_id = ? order by revision_from, effective_from""", id.value());
        // the register held [2020-01-20, ∞) until r2; from r2 it holds [2020-01-20, 2021-01-01) and [2021-01-01, ∞)
        assertThat(rows).hasSize(3);
        assertThat(rows.get(0).get("revision_to")).isEqualTo(r2);
        assertThat(rows.get(0).get("effective_to")).isNull();
        assertThat(rows.get(1).get("revision_from")).isEqualTo(r2);
        assertThat(rows.get(1).get("revision_to")).isNull();
        assertThat(rows.get(1).get("effective_to").toString()).isEqualTo("2021-01-01");
        assertThat(rows.get(1).get("meeting_frequency")).isEqualTo("3 gånger per år");
        assertThat(rows.get(2).get("revision_to")).isNull();
        assertThat(rows.get(2).get("effective_from").toString()).isEqualTo("2021-01-01");
        assertThat(rows.get(2).get("meeting_frequency")).isEqualTo("Månadsvis");

        assertThat(body(queries.handle(new FindOrgChart(null, LocalDate.of(2020, 6, 30))), id))
                .hasValueSatisfying(b -> assertThat(b.meetingFrequency()).isEqualTo("3 gånger per år"));
        assertThat(body(queries.handle(new FindOrgChart(null, LocalDate.of(2021, 6, 30))), id))
                .hasValueSatisfying(b -> assertThat(b.meetingFrequency()).isEqualTo("Månadsvis"));
        assertThat(body(queries.handle(new FindOrgChart(r1, LocalDate.of(2021, 6, 30))), id))
                .as("at revision r1 the amendment was not yet known")
                .hasValueSatisfying(b -> assertThat(b.meetingFrequency()).isEqualTo("3 gånger per år"));
        assertThat(body(queries.handle(new FindOrgChart(null, LocalDate.of(2019, 12, 31))), id)).isEmpty();
    }

    @Test
    void changes_to_one_body_in_one_batch_chain_their_versions_and_the_audit_names_the_body_as_renamed() {
        GovernanceBodyId id = newId();
        String name = "Trygghetsgrupp " + id;
        LocalDate start = LocalDate.of(2020, 1, 20);
        List<Object> events = new java.util.ArrayList<>();
        events.add(established(id, name, Level.OPERATIONAL, start, KS_2019_1003));
        for (int i = 1; i <= 8; i++) {
            events.add(new MemberAppointed(id, new Member("Roll " + i, null), start.plusDays(i), KS_2019_1003));
        }
        events.add(new GovernanceBodyAmended(id, List.of(new FieldChange("name", name, "Ny " + name)), "Ny " + name,
                List.of("Samordna"), "Kommundirektören", "3 gånger per år", List.of(), start.plusDays(9), KS_2019_1003));
        events.add(new MemberAppointed(id, new Member("Roll 9", null), start.plusDays(10), KS_2019_1003));
        // one append: the processors receive all of it in one batch, written with one statement per table
        List<org.axonframework.eventhandling.EventMessage<?>> messages = new java.util.ArrayList<>();
        for (int seq = 0; seq < events.size(); seq++) {
            messages.add(new org.axonframework.eventhandling.GenericDomainEventMessage<>("GovernanceBody", id.value(), seq,
                    events.get(seq), org.axonframework.messaging.MetaData.with("recordedBy", "test-registrar")));
        }
        eventStore.publish(messages);
        long last = jdbc.queryForObject("select max(global_index) from axon.domain_event_entry", Long.class);
        awaitProjection(OrgChartProjection.NAME, last);
        awaitProjection("audit", last);

        // each change after the first closed the open row and opened its two periods
        assertThat(jdbc.queryForObject("select count(*) from projection.body_version where body_id = ?", Long.class,
                id.value())).isEqualTo(1 + 2L * (events.size() - 1));
        var rows = jdbc.queryForList("""
                select revision_from, revision_to, effective_from, effective_to, name, jsonb_array_length(members) members
                from projection.body_version where body_id = ? and revision_to is null order by effective_from""", id.value());
        assertThat(rows).hasSize(events.size());
        for (int i = 0; i < rows.size() - 1; i++) {
            assertThat(rows.get(i).get("effective_to")).as("period %d ends where %d begins", i, i + 1)
                    .isEqualTo(rows.get(i + 1).get("effective_from"));
        }
        assertThat(rows.get(rows.size() - 1).get("effective_to")).isNull();
        assertThat(rows.get(rows.size() - 1).get("members")).isEqualTo(1 + 9);
        assertThat(rows.get(rows.size() - 1).get("name")).isEqualTo("Ny " + name);
        assertThat(jdbc.queryForObject("select summary from projection.audit_event where revision = ?", String.class, last))
                .isEqualTo("Roll 9 blev ledamot i «Ny " + name + "»");
        assertThat(jdbc.queryForObject("select summary from projection.audit_event where revision = ?", String.class,
                last - 2)).isEqualTo("Roll 8 blev ledamot i «" + name + "»");
    }

    @Test
    void a_replacement_keeps_lineage_both_ways_and_takes_the_old_body_off_the_chart() {
        GovernanceBodyId libra = newId();
        GovernanceBodyId political = newId();
        GovernanceBodyId strategic = newId();
        append("GovernanceBody", libra.value(), established(libra, "LiBrå " + libra, Level.POLITICAL,
                LocalDate.of(2007, 5, 29), KS_2007));
        establish(political, "Politisk styrgrupp", Level.POLITICAL, LocalDate.of(2020, 1, 20));
        establish(strategic, "Styrgrupp", Level.STRATEGIC, LocalDate.of(2020, 1, 20));
        LocalDate effective = LocalDate.of(2020, 1, 20);
        append("GovernanceBody", libra.value(), new EstablishingDecisionRescinded(libra, KS_2007, effective, KS_2019_1003));
        append("GovernanceBody", libra.value(), new GovernanceBodyReplaced(libra, List.of(political), null, effective, KS_2019_1003));
        append("GovernanceBody", political.value(), new GovernanceBodySucceeded(political, List.of(libra), null, effective, KS_2019_1003));
        long last = append("GovernanceBody", strategic.value(),
                new ReportingLineSet(strategic, political, null, effective, KS_2019_1003));
        awaitProjection(OrgChartProjection.NAME, last);

        assertThat(ids(queries.handle(new FindOrgChart(null, LocalDate.of(2019, 12, 31)))))
                .contains(libra.value()).doesNotContain(political.value());
        OrgChart after = queries.handle(new FindOrgChart(null, LocalDate.of(2020, 6, 30)));
        assertThat(ids(after)).contains(political.value()).doesNotContain(libra.value());
        assertThat(body(after, strategic)).hasValueSatisfying(b -> assertThat(b.reportsTo()).isEqualTo(political));
        assertThat(body(after, political)).hasValueSatisfying(b -> assertThat(b.predecessors()).containsExactly(libra));

        BodyDetails details = queries.handle(new FindGovernanceBody(libra));
        assertThat(details.current().status()).isEqualTo("REPLACED");
        assertThat(details.current().rescindedDecision()).isEqualTo(KS_2007);
        assertThat(details.current().establishedBy()).isEqualTo(KS_2007);
        assertThat(details.successors()).extracting(BodyDetails.Link::id).containsExactly(political);
        assertThat(details.successors().get(0).name()).startsWith("Politisk styrgrupp");
        assertThat(details.history()).extracting(BodyDetails.Change::changeType)
                .containsExactly("GovernanceBodyEstablished", "EstablishingDecisionRescinded", "GovernanceBodyReplaced");
        assertThat(details.history().get(2).decision()).isEqualTo(KS_2019_1003);
    }

    @Test
    void a_chart_box_read_with_its_json_columns_as_one_array_equals_its_row_read_column_by_column() {
        GovernanceBodyId team = newId();
        GovernanceBodyId libra = newId();
        GovernanceBodyId council = newId();
        LocalDate start = LocalDate.of(2007, 5, 29);
        LocalDate effective = LocalDate.of(2020, 1, 20);
        append("GovernanceBody", team.value(), new AreaTeamEstablished(team, "Områdesteam Berga " + team, "Berga",
                "Polisen", "Socialnämnden", 2, 3, "Trygghet i Berga", effective, KS_2019_1003));
        append("GovernanceBody", libra.value(), new GovernanceBodyEstablished(libra, "LiBrå " + libra, "LiBrå",
                Level.POLITICAL, Scope.municipality(), List.of("Samordna", "Följa upp"), "Kommundirektören",
                "4 gånger per år", List.of("Samordnare"), List.of(new Member("Kommunpolis", null),
                        new Member("Ordförande", "Anna Andersson")), start, KS_2007));
        append("GovernanceBody", council.value(), established(council, "Trygghetsråd " + council, Level.STRATEGIC,
                effective, KS_2019_1003));
        append("GovernanceBody", libra.value(), new EstablishingDecisionRescinded(libra, KS_2007, effective, KS_2019_1003));
        append("GovernanceBody", libra.value(), new GovernanceBodyReplaced(libra, List.of(council), null, effective, KS_2019_1003));
        long last = append("GovernanceBody", council.value(),
                new GovernanceBodySucceeded(council, List.of(libra), null, effective, KS_2019_1003));
        awaitProjection(OrgChartProjection.NAME, last);

        String[] ids = {team.value(), libra.value(), council.value()};
        List<BodySummary> columnByColumn = jdbc.query("select * from projection.body_version v where body_id = any(?) order by id",
                (rs, i) -> BodyVersion.read(rs, json).toSummary(), (Object) ids);
        List<BodySummary> oneArray = jdbc.query("select " + BodyVersion.STATE_COLUMNS
                        + " from projection.body_version v where body_id = any(?) order by id",
                (rs, i) -> BodyVersion.readState(rs, json).toSummary(), (Object) ids);

        assertThat(oneArray).hasSizeGreaterThan(3).isEqualTo(columnByColumn);
        // every JSON column holds a value in some row, so a column read into another's place cannot go unseen
        assertThat(oneArray).anySatisfy(b -> assertThat(b.areaTeam()).isNotNull())
                .anySatisfy(b -> assertThat(b.rescindedDecision()).isEqualTo(KS_2007))
                .anySatisfy(b -> assertThat(b.establishedBy()).isEqualTo(KS_2007))
                .anySatisfy(b -> assertThat(b.predecessors()).containsExactly(libra))
                .anySatisfy(b -> assertThat(b.successors()).containsExactly(council))
                .anySatisfy(b -> assertThat(b.supportingResources()).containsExactly("Samordnare"))
                .anySatisfy(b -> assertThat(b.mandate()).containsExactly("Samordna", "Följa upp"))
                .anySatisfy(b -> assertThat(b.members()).contains(new Member("Ordförande", "Anna Andersson")));
    }

    @Test
    void a_change_recorded_late_lands_by_its_date_and_a_correction_counts_from_its_revision_with_history_and_etag() {
        GovernanceBodyId id = newId();
        long established = establish(id, "Samverkansgrupp", Level.TACTICAL, LocalDate.of(2015, 1, 1));
        long amended = append("GovernanceBody", id.value(), new GovernanceBodyAmended(id,
                List.of(new FieldChange("meetingFrequency", "3 gånger per år", "Månadsvis")), "Samverkansgrupp " + id,
                List.of("Samordna"), "Kommundirektören", "Månadsvis", List.of(), LocalDate.of(2020, 1, 1), KS_2019_1003));
        // found in the archive later: a member appointed in 2016
        long late = append("GovernanceBody", id.value(), new MemberAppointed(id, new Member("Räddningstjänsten", null),
                LocalDate.of(2016, 5, 5), KS_2019_1003));
        long correction = append("GovernanceBody", id.value(), new EntryCorrected(id.value(), eventIdAt(amended), amended,
                "GovernanceBodyAmended", false, "Ändringen gällde från 2019", KS_2019_1003));
        long replaced = append("GovernanceBody", id.value(), new GovernanceBodyAmended(id,
                List.of(new FieldChange("meetingFrequency", "3 gånger per år", "Varannan vecka")), "Samverkansgrupp " + id,
                List.of("Samordna"), "Kommundirektören", "Varannan vecka", List.of(), LocalDate.of(2019, 1, 1), KS_2019_1003),
                org.axonframework.messaging.MetaData.with("recordedBy", "test-registrar")
                        .and(EntryCorrected.CORRECTS, eventIdAt(amended)));
        awaitProjection(OrgChartProjection.NAME, replaced);

        LocalDate in2017 = LocalDate.of(2017, 1, 1);
        assertThat(roles(amended, in2017, id)).as("before the register learned of it").containsExactly("Kommunpolis");
        assertThat(roles(late, in2017, id)).containsExactly("Kommunpolis", "Räddningstjänsten");
        assertThat(roles(late, LocalDate.of(2015, 6, 1), id)).as("not before its own date").containsExactly("Kommunpolis");
        LocalDate in2019 = LocalDate.of(2019, 6, 1);
        assertThat(frequency(correction, in2019, id)).isEqualTo("3 gånger per år");
        assertThat(frequency(correction, LocalDate.of(2021, 1, 1), id)).isEqualTo("Månadsvis");
        assertThat(frequency(replaced, in2019, id)).isEqualTo("Varannan vecka");
        assertThat(frequency(replaced, LocalDate.of(2021, 1, 1), id)).isEqualTo("Varannan vecka");
        assertThat(frequency(established, LocalDate.of(2021, 1, 1), id)).isEqualTo("3 gånger per år");

        BodyDetails details = queries.handle(new FindGovernanceBody(id));
        assertThat(details.history()).extracting(BodyDetails.Change::revision).containsExactly(established, amended, late, replaced);
        assertThat(details.history().get(2).recordedLate()).isTrue();
        assertThat(details.history().get(1).correctedInRevision()).isEqualTo(correction);
        assertThat(details.history().get(1).correctionReason()).isEqualTo("Ändringen gällde från 2019");
        assertThat(details.history().get(3).correctsRevision()).isEqualTo(amended);
        assertThat(details.history().get(3).recordedLate()).as("dated before the late member's? no: after it").isFalse();
        assertThat(details.version()).as("the body's aggregate version: five events").isEqualTo(4L);
        var http = se.styrregistret.query.support.Http.get(port, "/api/governance-bodies/" + id.value(), "reader");
        assertThat(http.statusCode()).isEqualTo(200);
        assertThat(http.headers().firstValue("ETag")).contains("\"4\"");
    }

    private List<String> roles(long revision, LocalDate date, GovernanceBodyId id) {
        return body(queries.handle(new FindOrgChart(revision, date)), id).orElseThrow().members().stream()
                .map(Member::role).toList();
    }

    private String frequency(long revision, LocalDate date, GovernanceBodyId id) {
        return body(queries.handle(new FindOrgChart(revision, date)), id).orElseThrow().meetingFrequency();
    }

    static Optional<BodySummary> body(OrgChart chart, GovernanceBodyId id) {
        return chart.levels().stream().flatMap(l -> l.bodies().stream()).filter(b -> b.id().equals(id)).findFirst();
    }

    static List<String> ids(OrgChart chart) {
        return chart.levels().stream().flatMap(l -> l.bodies().stream()).map(b -> b.id().value()).toList();
    }
}
