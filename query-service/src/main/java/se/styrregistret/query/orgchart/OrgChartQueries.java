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
import se.styrregistret.query.district.RegisteredDistricts;
import se.styrregistret.query.revision.AggregateVersions;
import se.styrregistret.query.revision.AsOf;
import se.styrregistret.query.revision.AsOfResolver;
import se.styrregistret.query.revision.ProjectionRevisions;
import tools.jackson.databind.json.JsonMapper;

import java.util.Arrays;
import java.util.EnumMap;
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
     * each version is a rectangle on both clocks (V800), found through the two-dimensional indexes on the
     * rectangle: versions in effect and closed in revision, in effect and still known, and ended (V920, V940:
     * the condition is written once per index so each can be used; the ranges' own conditions say the same
     * exactly, and keep the answer independent of the box's arithmetic); narrowed to a kind of scope through its
     * index (V890).
     */
    private static final String ACTIVE_AS_OF = """
            from projection.body_version v
            where v.status = 'ACTIVE'
              and (v.effective_to is null and v.revision_to is not null and %1$s
                   or v.effective_to is null and v.revision_to is null and %1$s
                   or v.effective_to is not null and %1$s)
              and int8range(v.revision_from, v.revision_to) @> cast(:revision as bigint)
              and daterange(v.effective_from, v.effective_to) @> cast(:date as date)
            """.formatted("""
            projection.both_clocks(v.revision_from, v.revision_to, v.effective_from, v.effective_to)
                @> projection.clock_point(cast(:revision as bigint), cast(:date as date))""");
    /**
     * The same for one district, reached through the bodies ever placed in it (V910, written with the versions)
     * and their versions by body: a district's answer reads that district's rows, however many other districts
     * the register holds (the two-clock index would find every district's versions in force and filter them).
     */
    private static final String ACTIVE_AS_OF_IN_DISTRICT = """
            from projection.body_district d
            join projection.body_version v on v.body_id = d.body_id
            where d.district_key = lower(:district) and d.known_from <= cast(:revision as bigint)
              and v.status = 'ACTIVE'
              and int8range(v.revision_from, v.revision_to) @> cast(:revision as bigint)
              and daterange(v.effective_from, v.effective_to) @> cast(:date as date)
            """;
    private static final String OF_SCOPE_KIND = " and v.scope_kind = :scopeKind";
    private static final String OF_DISTRICT = " and v.scope_kind = 'DISTRICT' and lower(v.district) = lower(:district)";

    /**
     * The chart's order: by level (in the order of {@link Level}), then by name as Java compares strings
     * (code points: collation "C"), then by id, so that pages never overlap or skip a body.
     */
    private static final String CHART_ORDER = Arrays.stream(Level.values())
            .map(l -> "when '" + l.name() + "' then " + l.ordinal())
            .collect(Collectors.joining(" ", " order by case v.level ", " end, v.name collate \"C\", v.body_id"));

    /**
     * One page of the chart and the count of every matching version: the versions are found, counted and sorted by
     * their keys alone, and only the page's rows are then read whole, without the changes that made them (a chart
     * box does not show them). Sorting and counting the whole rows cost the database twice the time the page's
     * statement takes now (measured at 1 000 000 events, a chart of 430 bodies: 14 against 9 ms), most of it
     * spent carrying the JSON columns of every row through the window and the sort.
     */
    private static final String PAGE = """
            with page as (select v.id, count(*) over () as matching, row_number() over (%2$s) as place %1$s %2$s
                          limit :size offset :offset)
            select %3$s, page.matching from page join projection.body_version v on v.id = page.id order by page.place""";

    private final JdbcClient db;
    private final JsonMapper json;
    private final RowMapper<BodyVersion> version;
    private final RowMapper<BodyTimeline.Entry> entry;
    private final ProjectionRevisions revisions;
    private final AsOfResolver asOf;
    private final AggregateVersions versions;
    private final RegisteredDistricts districts;

    OrgChartQueries(JdbcClient db, JsonMapper json, ProjectionRevisions revisions, AsOfResolver asOf,
                    AggregateVersions versions, RegisteredDistricts districts) {
        this.versions = versions;
        this.districts = districts;
        this.db = db;
        this.json = json;
        this.version = (rs, i) -> BodyVersion.read(rs, json);
        this.entry = (rs, i) -> OrgChartBatch.entry(rs, json);
        this.revisions = revisions;
        this.asOf = asOf;
    }

    /** One page of the chart: the filter, the order and the page are the database's, and so is the count. */
    @QueryHandler
    OrgChart handle(FindOrgChart query) {
        AsOf point = asOf.resolve(query.asOfRevision(), query.asOfDate(), revisions.current(OrgChartProjection.NAME));
        String district = query.district() == null ? null : districts.canonical(query.district()).orElse(query.district());
        StringBuilder where = new StringBuilder(district == null ? ACTIVE_AS_OF : ACTIVE_AS_OF_IN_DISTRICT);
        Map<String, Object> params = new HashMap<>();
        params.put("revision", point.revision());
        params.put("date", point.date());
        if (query.scopeKind() != null) {
            where.append(OF_SCOPE_KIND);
            params.put("scopeKind", query.scopeKind().name());
        }
        if (district != null) {
            where.append(OF_DISTRICT);
            params.put("district", district);
        }
        // the page and the count of all matching rows in one statement (the count is taken before the limit)
        long[] counted = {-1};
        List<BodyVersion> page = db.sql(PAGE.formatted(where, CHART_ORDER, BodyVersion.STATE_COLUMNS))
                .params(params).param("size", query.size()).param("offset", (long) query.page() * query.size())
                .query((rs, i) -> {
                    counted[0] = rs.getLong("matching");
                    return BodyVersion.readState(rs, json);
                }).list();
        // a page past the end has no row to carry the count
        long total = counted[0] >= 0 ? counted[0]
                : db.sql("select count(*) " + where).params(params).query(Long.class).single();
        Map<Level, List<BodySummary>> byLevel = page.stream().collect(Collectors.groupingBy(BodyVersion::level,
                () -> new EnumMap<>(Level.class), Collectors.mapping(BodyVersion::toSummary, Collectors.toList())));
        List<OrgChart.LevelGroup> levels = byLevel.entrySet().stream()
                .map(e -> new OrgChart.LevelGroup(e.getKey(), e.getKey().displayName(), e.getValue()))
                .toList();
        return new OrgChart(point.revision(), point.date(), district, query.scopeKind(), query.page(), query.size(),
                total, levels);
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
