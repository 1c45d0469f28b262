package se.styrregistret.query.orgchart;

import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import se.styrregistret.kernel.governance.FindFunctionTransfers;
import se.styrregistret.kernel.governance.FindGovernanceBody;
import se.styrregistret.kernel.governance.FindOrgChart;
import se.styrregistret.kernel.governance.Level;
import se.styrregistret.query.revision.AsOf;
import se.styrregistret.query.revision.AsOfResolver;
import se.styrregistret.query.revision.ProjectionRevisions;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Answers organisation-chart questions from the versioned rows; never replays events. */
@Component
@Transactional(readOnly = true)
class OrgChartQueries {

    private final BodyVersionRepository versions;
    private final FunctionTransferRepository transfers;
    private final ProjectionRevisions revisions;
    private final AsOfResolver asOf;

    OrgChartQueries(BodyVersionRepository versions, FunctionTransferRepository transfers, ProjectionRevisions revisions,
                    AsOfResolver asOf) {
        this.versions = versions;
        this.transfers = transfers;
        this.revisions = revisions;
        this.asOf = asOf;
    }

    @QueryHandler
    OrgChart handle(FindOrgChart query) {
        AsOf point = asOf.resolve(query.asOfRevision(), query.asOfDate(), revisions.current(OrgChartProjection.NAME));
        Map<Level, List<BodySummary>> byLevel = versions.findActiveAsOf(point.revision(), point.date()).stream()
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
        List<BodyVersion> history = versions.findByBodyIdOrderByRevisionFrom(query.bodyId().value());
        if (history.isEmpty()) {
            return null;
        }
        BodyVersion latest = history.get(history.size() - 1);
        Map<String, String> names = versions.findByBodyIdInAndRevisionToIsNull(
                        Stream.concat(latest.predecessors().stream(), latest.successors().stream()).distinct().toList())
                .stream().collect(Collectors.toMap(BodyVersion::bodyId, BodyVersion::name, (a, b) -> a));
        Function<String, BodyDetails.Link> link = id -> new BodyDetails.Link(
                se.styrregistret.kernel.governance.GovernanceBodyId.of(id), names.get(id));
        return new BodyDetails(head, latest.toSummary(), history.stream().map(BodyVersion::toChange).toList(),
                latest.predecessors().stream().map(link).toList(), latest.successors().stream().map(link).toList());
    }

    @QueryHandler
    FunctionTransfers handle(FindFunctionTransfers query) {
        long head = revisions.current(OrgChartProjection.NAME);
        return new FunctionTransfers(transfers.findByRevisionLessThanEqualOrderByEffectiveDateAscRevisionAsc(head).stream()
                .map(FunctionTransfer::toView).toList());
    }
}
