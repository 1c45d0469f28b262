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
import se.styrregistret.kernel.correction.EntryCorrected;
import se.styrregistret.kernel.governance.AreaTeamEstablished;
import se.styrregistret.kernel.governance.EstablishingDecisionRescinded;
import se.styrregistret.kernel.governance.FunctionTransferred;
import se.styrregistret.kernel.governance.GovernanceBodyAmended;
import se.styrregistret.kernel.governance.GovernanceBodyDissolved;
import se.styrregistret.kernel.governance.GovernanceBodyEstablished;
import se.styrregistret.kernel.governance.GovernanceBodyReplaced;
import se.styrregistret.kernel.governance.GovernanceBodySucceeded;
import se.styrregistret.kernel.governance.MemberAppointed;
import se.styrregistret.kernel.governance.MemberRemoved;
import se.styrregistret.kernel.governance.ReportingLineSet;
import se.styrregistret.query.revision.AggregateVersions;
import se.styrregistret.query.revision.ProjectionBatch;
import se.styrregistret.query.revision.ProjectionRevisions;
import tools.jackson.databind.json.JsonMapper;

import java.util.HashSet;
import java.util.Set;
import java.util.function.Consumer;

import static se.styrregistret.query.revision.ProjectionRevisions.revisionOf;

/**
 * Builds the versioned organisation chart from the governance events: each event is recorded on its
 * body's timeline, and the versions that timeline folds to replace, from the event's revision, the
 * ones it no longer gives (a late-recorded change or a correction alters versions already held).
 * Rows and the projection's revision are written in the processor's transaction, with its token.
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
    private final AggregateVersions versions;

    OrgChartProjection(ProjectionRevisions revisions, JdbcClient db, JdbcTemplate jdbc, JsonMapper json,
                       AggregateVersions versions) {
        this.versions = versions;
        this.revisions = revisions;
        this.db = db;
        this.jdbc = jdbc;
        this.json = json;
    }

    @EventHandler
    void on(GovernanceBodyEstablished event, EventMessage<?> message, TrackingToken token) {
        record(event, message, token);
    }

    @EventHandler
    void on(AreaTeamEstablished event, EventMessage<?> message, TrackingToken token) {
        record(event, message, token);
    }

    @EventHandler
    void on(GovernanceBodyAmended event, EventMessage<?> message, TrackingToken token) {
        record(event, message, token);
    }

    @EventHandler
    void on(MemberAppointed event, EventMessage<?> message, TrackingToken token) {
        record(event, message, token);
    }

    @EventHandler
    void on(MemberRemoved event, EventMessage<?> message, TrackingToken token) {
        record(event, message, token);
    }

    @EventHandler
    void on(ReportingLineSet event, EventMessage<?> message, TrackingToken token) {
        record(event, message, token);
    }

    @EventHandler
    void on(GovernanceBodyDissolved event, EventMessage<?> message, TrackingToken token) {
        record(event, message, token);
    }

    @EventHandler
    void on(GovernanceBodyReplaced event, EventMessage<?> message, TrackingToken token) {
        record(event, message, token);
    }

    @EventHandler
    void on(GovernanceBodySucceeded event, EventMessage<?> message, TrackingToken token) {
        record(event, message, token);
    }

    @EventHandler
    void on(EstablishingDecisionRescinded event, EventMessage<?> message, TrackingToken token) {
        record(event, message, token);
    }

    /**
     * A correction of a body's entry: an annulment retracts it here; a correction proper is applied
     * when its replacement (the next event) arrives, so the corrected state and the retraction share
     * one revision and no answer ever shows the body without either.
     */
    @EventHandler
    void on(EntryCorrected event, EventMessage<?> message, TrackingToken token) {
        long revision = revisionOf(token);
        if (message instanceof DomainEventMessage<?> domain && "OrganisationalFunction".equals(domain.getType())) {
            correctTransfer(event, revision);
            return;
        }
        versions.seen(message);
        batch(chart -> {
            if (chart.entry(event.aggregateId(), event.correctedEventId()).isEmpty()) return; // not a body's entry
            chart.correct(event.aggregateId(), event.correctedEventId(), revision, event.reason(), event.annulled());
            revisions.advance(NAME, revision);
        });
    }

    /**
     * A function transfer: a row of its own, written at once (rare), so a correction later in the batch finds
     * it; a correction's replacement retracts the row it replaces at its own revision.
     */
    @EventHandler
    void on(FunctionTransferred event, EventMessage<?> message, TrackingToken token) {
        long revision = revisionOf(token);
        jdbc.update(FunctionTransfer.INSERT, FunctionTransfer.insertValues(revision, message.getIdentifier(), event));
        Object corrects = message.getMetaData().get(EntryCorrected.CORRECTS);
        if (corrects != null) jdbc.update(FunctionTransfer.RETRACT, revision, corrects.toString());
        revisions.advance(NAME, revision);
    }

    /** A function transfer corrected: named by its event; an annulment retracts it at its own revision. */
    private void correctTransfer(EntryCorrected event, long revision) {
        jdbc.update(FunctionTransfer.NAME_EVENT, event.correctedEventId(), event.correctedRevision());
        if (event.annulled()) jdbc.update(FunctionTransfer.RETRACT, revision, event.correctedEventId());
        revisions.advance(NAME, revision);
    }

    @ResetHandler
    void reset() {
        db.sql("delete from projection.body_version").update();
        db.sql("delete from projection.body_district").update();
        db.sql("delete from projection.body_change").update();
        db.sql("delete from projection.function_transfer").update();
        revisions.reset(NAME);
    }

    /** One governance event: recorded on its body's timeline, which is folded again at its revision. */
    private void record(Object event, EventMessage<?> message, TrackingToken token) {
        long revision = revisionOf(token);
        Object recordedBy = message.getMetaData().get("recordedBy");
        Object corrects = message.getMetaData().get(EntryCorrected.CORRECTS);
        BodyTimeline.Entry entry = new BodyTimeline.Entry(message.getIdentifier(), BodyTimeline.bodyIdOf(event), revision,
                BodyTimeline.effectiveDateOf(event), message.getTimestamp(), recordedBy == null ? null : recordedBy.toString(),
                event, corrects == null ? null : corrects.toString(), null, null, false, null);
        versions.seen(message);
        batch(chart -> {
            // applied already: its batch committed, but the commit's answer was lost and the batch came again
            if (chart.applied(entry.bodyId(), entry.eventId())) return;
            chart.record(entry);
            revisions.advance(NAME, revision);
        });
    }

    /** The chart's changes are written per processor batch (see {@link OrgChartBatch}). */
    private void batch(Consumer<OrgChartBatch> action) {
        ProjectionBatch.apply(OrgChartBatch.class.getName(), () -> new OrgChartBatch(db, jdbc, json, bodiesOfTheBatch(), eventsOfTheBatch()), action);
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

    /** The identifiers of the batch's governance events, to learn in one query which the chart holds already. */
    private static Set<String> eventsOfTheBatch() {
        Set<String> ids = new HashSet<>();
        for (EventMessage<?> m : ProjectionBatch.messages()) {
            if (GOVERNANCE_EVENTS.equals(m.getPayloadType().getPackageName())) ids.add(m.getIdentifier());
        }
        return ids;
    }

    /**
     * Events this projection does not use still move its token, so its answers report how far it has
     * read the log (see ProjectionRevisions). Without a handler for them, Axon Server would not send
     * them at all and the token would stop at the last event the projection uses.
     * The payload type is named on the annotation and not taken as a parameter, so such an event is never
     * deserialised (each processor reads the whole log: deserialising what it does not use was a cost of
     * every catch-up).
     */
    @EventHandler(payloadType = Object.class)
    void unused() {
        // nothing to project
    }
}
