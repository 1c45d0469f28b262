package se.styrregistret.query.orgchart;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;
import se.styrregistret.kernel.governance.BodySummary;
import se.styrregistret.kernel.governance.FindOrgChart;
import se.styrregistret.kernel.governance.GovernanceBodyEstablished;
import se.styrregistret.kernel.governance.Level;
import se.styrregistret.kernel.governance.OrgChart;
import se.styrregistret.query.revision.ProjectionRevisions;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static se.styrregistret.query.revision.ProjectionRevisions.revisionOf;

/** Builds the versioned organisation chart from the governance events. */
@Component
@ProcessingGroup(OrgChartProjection.NAME)
class OrgChartProjection {

    static final String NAME = "orgchart";

    private final BodyVersionRepository versions;
    private final ProjectionRevisions revisions;

    OrgChartProjection(BodyVersionRepository versions, ProjectionRevisions revisions) {
        this.versions = versions;
        this.revisions = revisions;
    }

    @EventHandler
    void on(GovernanceBodyEstablished event, TrackingToken token, @Timestamp Instant recordedAt) {
        long revision = revisionOf(token);
        BodyVersion v = BodyVersion.first(event.bodyId().value(), revision, event.effectiveDate(), recordedAt,
                "GovernanceBodyEstablished");
        v.describe(event.name(), event.shortName(), event.level(), event.scope(), "ACTIVE");
        v.organise(event.mandate(), event.convener(), event.meetingFrequency(), event.supportingResources(),
                event.members());
        v.decidedBy(event.decision());
        versions.save(v);
        revisions.advance(NAME, revision);
    }

    @ResetHandler
    void reset() {
        versions.deleteAllInBatch();
    }

    @QueryHandler
    OrgChart handle(FindOrgChart query) {
        long head = revisions.current(NAME);
        long revision = query.asOfRevision() == null ? head : Math.min(query.asOfRevision(), head);
        List<BodyVersion> rows = query.asOfRevision() == null ? versions.findCurrent() : versions.findAsOfRevision(revision);
        Map<Level, List<BodySummary>> byLevel = rows.stream()
                .sorted(Comparator.comparing(BodyVersion::name))
                .collect(Collectors.groupingBy(BodyVersion::level, Collectors.mapping(BodyVersion::toSummary, Collectors.toList())));
        List<OrgChart.LevelGroup> levels = java.util.Arrays.stream(Level.values())
                .filter(byLevel::containsKey)
                .map(l -> new OrgChart.LevelGroup(l, l.displayName(), byLevel.get(l)))
                .toList();
        return new OrgChart(revision, query.asOfDate(), levels);
    }
}
