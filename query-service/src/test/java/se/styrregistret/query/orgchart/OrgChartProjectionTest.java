package se.styrregistret.query.orgchart;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import se.styrregistret.kernel.common.DecisionReference;
import se.styrregistret.kernel.governance.FindOrgChart;
import se.styrregistret.kernel.governance.GovernanceBodyEstablished;
import se.styrregistret.kernel.governance.GovernanceBodyId;
import se.styrregistret.kernel.governance.Level;
import se.styrregistret.kernel.governance.Member;
import se.styrregistret.kernel.governance.OrgChart;
import se.styrregistret.kernel.governance.Scope;
import se.styrregistret.query.support.QueryServiceTest;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class OrgChartProjectionTest extends QueryServiceTest {

    @Autowired
    OrgChartProjection projection;

    static GovernanceBodyEstablished established(GovernanceBodyId id, String name, Level level) {
        return new GovernanceBodyEstablished(id, name, null, level, Scope.municipality(), List.of("Samordna"),
                "Kommundirektören", "3 gånger per år", List.of(), List.of(new Member("Kommunpolis", null)),
                LocalDate.of(2020, 1, 20),
                new DecisionReference("KS 2019-1003", null, LocalDate.of(2020, 1, 20), "Kommunstyrelsen"));
    }

    @Test
    void a_new_body_opens_a_current_version_row_at_its_revision() {
        GovernanceBodyId id = GovernanceBodyId.of(UUID.randomUUID().toString());

        long revision = append("GovernanceBody", id.value(), established(id, "Politisk styrgrupp " + id, Level.POLITICAL));
        awaitProjection(OrgChartProjection.NAME, revision);

        var row = jdbc.queryForMap("select * from projection.body_version where body_id = ?", id.value());
        assertThat(row.get("revision_from")).isEqualTo(revision);
        assertThat(row.get("revision_to")).isNull();
        assertThat(row.get("level")).isEqualTo("POLITICAL");
        assertThat(row.get("decision_case")).isEqualTo("KS 2019-1003");
        assertThat(row.get("effective_from").toString()).isEqualTo("2020-01-20");
    }

    @Test
    void the_chart_as_of_an_earlier_revision_leaves_out_later_bodies() {
        GovernanceBodyId first = GovernanceBodyId.of(UUID.randomUUID().toString());
        GovernanceBodyId second = GovernanceBodyId.of(UUID.randomUUID().toString());
        long r1 = append("GovernanceBody", first.value(), established(first, "Styrgrupp " + first, Level.STRATEGIC));
        long r2 = append("GovernanceBody", second.value(), established(second, "EST-gruppen " + second, Level.OPERATIONAL));
        awaitProjection(OrgChartProjection.NAME, r2);

        OrgChart then = projection.handle(new FindOrgChart(r1, null));
        OrgChart now = projection.handle(FindOrgChart.now());

        assertThat(then.revision()).isEqualTo(r1);
        assertThat(ids(then)).contains(first.value()).doesNotContain(second.value());
        assertThat(now.revision()).isGreaterThanOrEqualTo(r2);
        assertThat(ids(now)).contains(first.value(), second.value());
    }

    static List<String> ids(OrgChart chart) {
        return chart.levels().stream().flatMap(l -> l.bodies().stream()).map(b -> b.id().value()).toList();
    }
}
