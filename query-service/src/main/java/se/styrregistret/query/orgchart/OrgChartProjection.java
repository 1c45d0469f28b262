package se.styrregistret.query.orgchart;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.TrackingToken;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import se.styrregistret.kernel.common.DecisionReference;
import se.styrregistret.kernel.governance.AreaTeamDetails;
import se.styrregistret.kernel.governance.AreaTeamEstablished;
import se.styrregistret.kernel.governance.EstablishingDecisionRescinded;
import se.styrregistret.kernel.governance.FieldChange;
import se.styrregistret.kernel.governance.FunctionTransferred;
import se.styrregistret.kernel.governance.GovernanceBodyAmended;
import se.styrregistret.kernel.governance.GovernanceBodyDissolved;
import se.styrregistret.kernel.governance.GovernanceBodyEstablished;
import se.styrregistret.kernel.governance.GovernanceBodyId;
import se.styrregistret.kernel.governance.GovernanceBodyReplaced;
import se.styrregistret.kernel.governance.GovernanceBodySucceeded;
import se.styrregistret.kernel.governance.Level;
import se.styrregistret.kernel.governance.Member;
import se.styrregistret.kernel.governance.MemberAppointed;
import se.styrregistret.kernel.governance.MemberRemoved;
import se.styrregistret.kernel.governance.ReportingLineSet;
import se.styrregistret.kernel.governance.Scope;
import se.styrregistret.query.revision.ProjectionBatch;
import se.styrregistret.query.revision.ProjectionRevisions;
import tools.jackson.databind.json.JsonMapper;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;

import static se.styrregistret.query.revision.ProjectionRevisions.revisionOf;

/**
 * Builds the versioned organisation chart from the governance events: each event closes the
 * body's current row and opens the next. Rows and the projection's revision are written in the
 * processor's transaction, with its token.
 */
@Component
@ProcessingGroup(OrgChartProjection.NAME)
class OrgChartProjection {

    static final String NAME = "orgchart";
    private static final String GOVERNANCE_EVENTS = GovernanceBodyEstablished.class.getPackageName();

    private final ProjectionRevisions revisions;
    private final JdbcClient db;
    private final JdbcTemplate jdbc;
    private final JsonMapper json;

    OrgChartProjection(ProjectionRevisions revisions, JdbcClient db, JdbcTemplate jdbc, JsonMapper json) {
        this.revisions = revisions;
        this.db = db;
        this.jdbc = jdbc;
        this.json = json;
    }

    @EventHandler
    void on(GovernanceBodyEstablished event, EventMessage<?> message, TrackingToken token) {
        BodyVersion v = BodyVersion.first(change(message, token, event.effectiveDate(), event.decision(), List.of()),
                event.bodyId().value(), event.name(), event.shortName(), event.level(), event.scope());
        v.organise(event.mandate(), event.convener(), event.meetingFrequency(), event.supportingResources());
        v.members(event.members());
        save(v, token);
    }

    @EventHandler
    void on(AreaTeamEstablished event, EventMessage<?> message, TrackingToken token) {
        BodyVersion v = BodyVersion.first(change(message, token, event.effectiveDate(), event.decision(), List.of()),
                event.bodyId().value(), event.name(), null, Level.OPERATIONAL, Scope.district(event.district()));
        v.organise(event.purpose() == null ? List.of() : List.of(event.purpose()), null, null,
                event.hostOrganisation() == null ? List.of() : List.of(event.hostOrganisation()));
        v.areaTeam(new AreaTeamDetails(event.district(), event.hostOrganisation(), event.commissioningCommittee(),
                event.teamLeaders(), event.safetyWardens(), event.purpose()));
        save(v, token);
    }

    @EventHandler
    void on(GovernanceBodyAmended event, EventMessage<?> message, TrackingToken token) {
        change(event.bodyId(), change(message, token, event.effectiveDate(), event.decision(), event.changes()), v -> {
            v.rename(event.name());
            v.organise(event.mandate(), event.convener(), event.meetingFrequency(), event.supportingResources());
        });
    }

    @EventHandler
    void on(MemberAppointed event, EventMessage<?> message, TrackingToken token) {
        change(event.bodyId(), change(message, token, event.effectiveDate(), event.decision(),
                List.of(new FieldChange("members", null, describe(event.member())))), v -> {
            List<Member> members = new ArrayList<>(v.members());
            members.add(event.member());
            v.members(members);
        });
    }

    @EventHandler
    void on(MemberRemoved event, EventMessage<?> message, TrackingToken token) {
        change(event.bodyId(), change(message, token, event.effectiveDate(), event.decision(),
                List.of(new FieldChange("members", describe(event.member()), null))), v -> v.members(
                v.members().stream().filter(m -> !m.role().equalsIgnoreCase(event.member().role())).toList()));
    }

    @EventHandler
    void on(ReportingLineSet event, EventMessage<?> message, TrackingToken token) {
        change(event.bodyId(), change(message, token, event.effectiveDate(), event.decision(),
                        List.of(new FieldChange("reportsTo", idOrNull(event.previous()), idOrNull(event.reportsTo())))),
                v -> v.reportTo(idOrNull(event.reportsTo())));
    }

    @EventHandler
    void on(GovernanceBodyDissolved event, EventMessage<?> message, TrackingToken token) {
        change(event.bodyId(), change(message, token, event.effectiveDate(), event.decision(),
                List.of(new FieldChange("status", "ACTIVE", "DISSOLVED"))), v -> v.end("DISSOLVED", event.reason()));
    }

    @EventHandler
    void on(GovernanceBodyReplaced event, EventMessage<?> message, TrackingToken token) {
        change(event.bodyId(), change(message, token, event.effectiveDate(), event.decision(),
                List.of(new FieldChange("status", "ACTIVE", "REPLACED"))), v -> {
            v.replacedBy(ids(event.successors()));
            v.end("REPLACED", event.note());
        });
    }

    @EventHandler
    void on(GovernanceBodySucceeded event, EventMessage<?> message, TrackingToken token) {
        change(event.bodyId(), change(message, token, event.effectiveDate(), event.decision(),
                List.of(new FieldChange("predecessors", null, String.join(", ", ids(event.predecessors()))))),
                v -> v.succeeds(ids(event.predecessors()), event.note()));
    }

    @EventHandler
    void on(EstablishingDecisionRescinded event, EventMessage<?> message, TrackingToken token) {
        change(event.bodyId(), change(message, token, event.effectiveDate(), event.decision(),
                List.of(new FieldChange("establishedBy", null, "upphävt: " + event.rescinded().describe()))),
                v -> v.rescinded(event.rescinded()));
    }

    @EventHandler
    void on(FunctionTransferred event, TrackingToken token) {
        long revision = revisionOf(token);
        Object[] row = FunctionTransfer.insertValues(revision, event);
        ProjectionBatch.apply(FunctionTransfer.class.getName(), () -> new ProjectionBatch.Rows(jdbc, FunctionTransfer.INSERT),
                transfers -> transfers.add(row));
        revisions.advance(NAME, revision);
    }

    @ResetHandler
    void reset() {
        db.sql("delete from projection.body_version").update();
        db.sql("delete from projection.function_transfer").update();
        revisions.reset(NAME);
    }

    private void change(GovernanceBodyId bodyId, BodyVersion.Change change, Consumer<BodyVersion> edit) {
        batch(chart -> {
            BodyVersion current = chart.current(bodyId.value()).orElseThrow(() -> new IllegalStateException(
                    "event for body " + bodyId + " at revision " + change.revision() + " but the body has no current version"));
            // a body's events arrive in revision order: a current version this new or newer means the event
            // is applied already (its batch committed, but the commit's answer was lost and the batch came again)
            if (current.revisionFrom() >= change.revision()) return;
            BodyVersion next = current.next(change);
            edit.accept(next);
            chart.supersede(current, next);
            revisions.advance(NAME, change.revision());
        });
    }

    private void save(BodyVersion first, TrackingToken token) {
        batch(chart -> {
            if (chart.current(first.bodyId()).isPresent()) return; // established already (see change)
            chart.open(first);
            revisions.advance(NAME, revisionOf(token));
        });
    }

    /** The chart's changes are written per processor batch (see {@link OrgChartBatch}). */
    private void batch(Consumer<OrgChartBatch> action) {
        ProjectionBatch.apply(OrgChartBatch.class.getName(), () -> new OrgChartBatch(db, jdbc, json, bodiesOfTheBatch()), action);
    }

    /**
     * The bodies the batch's governance events are about (a body's events are its own aggregate's),
     * so their open versions are read with one query. Only a hint: a body missed here is read when its
     * event comes; nothing is deserialised here, so an unreadable event fails alone, in its own handler.
     */
    private static Set<String> bodiesOfTheBatch() {
        Set<String> ids = new HashSet<>();
        for (EventMessage<?> m : ProjectionBatch.messages()) {
            if (m instanceof DomainEventMessage<?> domain
                    && GOVERNANCE_EVENTS.equals(m.getPayloadType().getPackageName())) {
                ids.add(domain.getAggregateIdentifier());
            }
        }
        return ids;
    }

    private static BodyVersion.Change change(EventMessage<?> message, TrackingToken token, LocalDate effectiveDate,
                                             DecisionReference decision, List<FieldChange> fieldChanges) {
        Object recordedBy = message.getMetaData().get("recordedBy");
        return new BodyVersion.Change(revisionOf(token), effectiveDate, message.getTimestamp(),
                recordedBy == null ? null : recordedBy.toString(), message.getPayloadType().getSimpleName(),
                fieldChanges, decision);
    }

    private static String describe(Member m) {
        return m.holder() == null ? m.role() : m.role() + " (" + m.holder() + ")";
    }

    private static String idOrNull(GovernanceBodyId id) {
        return id == null ? null : id.value();
    }

    private static List<String> ids(List<GovernanceBodyId> ids) {
        return ids.stream().map(GovernanceBodyId::value).filter(Objects::nonNull).toList();
    }

    /**
     * Events this projection does not use still move its token, so its answers report how far it has
     * read the log (see ProjectionRevisions). Without a handler for them, Axon Server would not send
     * them at all and the token would stop at the last event the projection uses.
     */
    @EventHandler
    void unused(Object event) {
        // nothing to project
    }
}
