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
import se.styrregistret.query.revision.AsOf;
import se.styrregistret.query.revision.AsOfResolver;
import se.styrregistret.query.revision.ProjectionRevisions;
import tools.jackson.databind.json.JsonMapper;

import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
     * {@code status = 'ACTIVE' and revision_from <= N and effective_from <= D and (revision_to is null
     * or revision_to > N or effective_to > D)}, written as two disjoint parts so each has an index
     * (V420): the versions whose revision interval contains N, and those superseded by N through a
     * change effective after D.
     */
    private static final String ACTIVE_AS_OF = """
            select v.* from projection.body_version v
            where v.status = 'ACTIVE' and int8range(v.revision_from, v.revision_to) @> cast(:revision as bigint)
              and v.effective_from <= :date
            union all
            select v.* from projection.body_version v
            where v.status = 'ACTIVE' and v.revision_to is not null and v.revision_to <= :revision
              and v.effective_to > :date and v.revision_from <= :revision and v.effective_from <= :date
            """;

    private final JdbcClient db;
    private final RowMapper<BodyVersion> version;
    private final ProjectionRevisions revisions;
    private final AsOfResolver asOf;

    OrgChartQueries(JdbcClient db, JsonMapper json, ProjectionRevisions revisions, AsOfResolver asOf) {
        this.db = db;
        this.version = (rs, i) -> BodyVersion.read(rs, json);
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

    @QueryHandler
    BodyDetails handle(FindGovernanceBody query) {
        long head = revisions.current(OrgChartProjection.NAME);
        List<BodyVersion> history = db.sql("select * from projection.body_version where body_id = ? order by revision_from")
                .param(query.bodyId().value()).query(version).list();
        if (history.isEmpty()) {
            return null;
        }
        BodyVersion latest = history.get(history.size() - 1);
        Map<String, String> names = new HashMap<>();
        db.sql("select body_id, name from projection.body_version where body_id = any(?) and revision_to is null")
                .param(Stream.concat(latest.predecessors().stream(), latest.successors().stream()).distinct()
                        .toArray(String[]::new))
                .query((RowCallbackHandler) rs -> names.putIfAbsent(rs.getString(1), rs.getString(2)));
        Function<String, BodyDetails.Link> link = id -> new BodyDetails.Link(
                se.styrregistret.kernel.governance.GovernanceBodyId.of(id), names.get(id));
        // bodies named in the changes (reporting lines, lineage) by their latest name, for the Swedish wording
        Map<String, String> named = new HashMap<>();
        String[] referenced = history.stream().flatMap(v -> v.toChange().changes().stream())
                .filter(c -> Set.of("reportsTo", "predecessors", "successors").contains(c.field()))
                .flatMap(c -> Stream.of(c.before(), c.after())).filter(java.util.Objects::nonNull)
                .flatMap(v -> Arrays.stream(v.split(",\\s*"))).map(String::strip).distinct().toArray(String[]::new);
        if (referenced.length > 0) {
            db.sql("select distinct on (body_id) body_id, name from projection.body_version where body_id = any(?) "
                            + "order by body_id, revision_from desc")
                    .param(referenced).query((RowCallbackHandler) rs -> named.put(rs.getString(1), rs.getString(2)));
        }
        se.styrregistret.query.wording.EventWording.Names bodyNames = named::get;
        return new BodyDetails(head, latest.toSummary(), history.stream().map(v -> v.toChange().worded(bodyNames)).toList(),
                latest.predecessors().stream().map(link).toList(), latest.successors().stream().map(link).toList());
    }

    @QueryHandler
    FunctionTransfers handle(FindFunctionTransfers query) {
        long head = revisions.current(OrgChartProjection.NAME);
        return new FunctionTransfers(db.sql(FunctionTransfer.UP_TO).param(head).query(FunctionTransfer::view).list());
    }
}
