package se.styrregistret.query.orgchart;

import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;
import se.styrregistret.kernel.governance.FindFunctionTransfers;
import se.styrregistret.kernel.governance.FindGovernanceBody;
import se.styrregistret.kernel.governance.FindOrgChart;
import se.styrregistret.kernel.governance.Level;
import se.styrregistret.query.revision.AggregateVersions;
import se.styrregistret.query.revision.AsOf;
import se.styrregistret.query.revision.AsOfResolver;
import se.styrregistret.query.revision.ProjectionRevisions;
import tools.jackson.databind.json.JsonMapper;

import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Answers organisation-chart questions from the versioned rows; never replays events. */
@Component
// one snapshot for the revision an answer names and the rows it gives (a batch may commit in between)
@Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
class OrgChartQueries {

    /**
     * The active bodies' versions in force on {@code date} as the register knew it at {@code revision}:
     * each version is a rectangle on both clocks (V800), found through the GiST index on either range.
     */
    private static final String ACTIVE_AS_OF = """
            select v.* from projection.body_version v
            where v.status = 'ACTIVE' and int8range(v.revision_from, v.revision_to) @> cast(:revision as bigint)
              and daterange(v.effective_from, v.effective_to) @> cast(:date as date)
            """;

    private final JdbcClient db;
    private final RowMapper<BodyVersion> version;
    private final RowMapper<BodyTimeline.Entry> entry;
    private final ProjectionRevisions revisions;
    private final AsOfResolver asOf;
    private final AggregateVersions versions;

    OrgChartQueries(JdbcClient db, JsonMapper json, ProjectionRevisions revisions, AsOfResolver asOf,
                    AggregateVersions versions) {
        this.versions = versions;
        this.db = db;
        this.version = (rs, i) -> BodyVersion.read(rs, json);
        this.entry = (rs, i) -> OrgChartBatch.entry(rs, json);
        this.revisions = revisions;
        this.asOf = asOf;
    }

    @QueryHandler
    OrgChart handle(FindOrgChart query) {
        AsOf point = asOf.resolve(query.asOfRevision(), query.asOfDate(), revisions.current(OrgChartProjection.NAME));
        Map<Level, List<BodySummary>> byLevel = db.sql(ACTIVE_AS_OF)
                .param("revision", point.revision()).param("date", point.date()).query(version).list().stream()
                .sorted(Comparator.comparing(BodyVersion::name))
                .collect(Collectors.groupingBy(BodyVersion::level,
                        Collectors.mapping(BodyVersion::toSummary, Collectors.toList())));
        List<OrgChart.LevelGroup> levels = Arrays.stream(Level.values())
                .filter(byLevel::containsKey)
                .map(l -> new OrgChart.LevelGroup(l, l.displayName(), byLevel.get(l)))
                .toList();
        return new OrgChart(point.revision(), point.date(), levels);
    }

    /**
     * A body as the register holds it now (its latest version by effective date, or as it ended),
     * and every entry ever recorded of it in the order recorded, corrected and annulled ones marked.
     */
    @QueryHandler
    BodyDetails handle(FindGovernanceBody query) {
        long head = revisions.current(OrgChartProjection.NAME);
        List<BodyVersion> open = db.sql("""
                        select * from projection.body_version where body_id = ? and revision_to is null
                        order by effective_from desc limit 1""")
                .param(query.bodyId().value()).query(version).list();
        if (open.isEmpty()) {
            return null;
        }
        BodyVersion latest = open.get(0);
        List<BodyTimeline.Entry> entries = db.sql("select * from projection.body_change where body_id = ? order by revision")
                .param(query.bodyId().value()).query(entry).list();
        Map<String, String> names = new HashMap<>();
        db.sql("select body_id, name from projection.body_version where body_id = any(?) and revision_to is null")
                .param(Stream.concat(latest.predecessors().stream(), latest.successors().stream()).distinct()
                        .toArray(String[]::new))
                .query((RowCallbackHandler) rs -> names.putIfAbsent(rs.getString(1), rs.getString(2)));
        Function<String, BodyDetails.Link> link = id -> new BodyDetails.Link(
                se.styrregistret.kernel.governance.GovernanceBodyId.of(id), names.get(id));
        OptionalLong version = versions.version("GovernanceBody", query.bodyId().value());
        List<BodyDetails.Change> history = BodyDetails.history(entries);
        // bodies named in the changes (reporting lines, lineage) by their latest name, for the Swedish wording
        Map<String, String> named = new HashMap<>();
        String[] referenced = history.stream().flatMap(c -> c.changes().stream())
                .filter(c -> java.util.Set.of("reportsTo", "predecessors", "successors").contains(c.field()))
                .flatMap(c -> Stream.of(c.before(), c.after())).filter(java.util.Objects::nonNull)
                .flatMap(v -> Arrays.stream(v.split(",\\s*"))).map(String::strip).distinct().toArray(String[]::new);
        if (referenced.length > 0) {
            db.sql("select distinct on (body_id) body_id, name from projection.body_version where body_id = any(?) "
                            + "order by body_id, revision_from desc")
                    .param(referenced).query((RowCallbackHandler) rs -> named.put(rs.getString(1), rs.getString(2)));
        }
        se.styrregistret.query.wording.EventWording.Names bodyNames = named::get;
        return new BodyDetails(head, latest.toSummary(), history.stream().map(c -> c.worded(bodyNames)).toList(),
                latest.predecessors().stream().map(link).toList(), latest.successors().stream().map(link).toList(),
                version.isPresent() ? version.getAsLong() : null);
    }

    @QueryHandler
    FunctionTransfers handle(FindFunctionTransfers query) {
        long head = revisions.current(OrgChartProjection.NAME);
        return new FunctionTransfers(db.sql(FunctionTransfer.HELD_AT).param(head).param(head).query(FunctionTransfer::view).list());
    }
}
