package se.styrregistret.query.agreement;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import se.styrregistret.kernel.agreement.AgreementRecorded;
import se.styrregistret.kernel.agreement.FindAgreements;
import se.styrregistret.kernel.correction.EntryCorrected;
import se.styrregistret.query.revision.ProjectionBatch;
import se.styrregistret.query.revision.ProjectionRevisions;
import tools.jackson.databind.json.JsonMapper;

import static se.styrregistret.query.revision.ProjectionRevisions.revisionOf;

/** The agreements the municipality has entered into. */
@Component
@ProcessingGroup(AgreementProjection.NAME)
class AgreementProjection {

    static final String NAME = "agreements";

    private final JdbcClient db;
    private final JdbcTemplate jdbc;
    private final JsonMapper json;
    private final ProjectionRevisions revisions;

    AgreementProjection(JdbcClient db, JdbcTemplate jdbc, JsonMapper json, ProjectionRevisions revisions) {
        this.db = db;
        this.jdbc = jdbc;
        this.json = json;
        this.revisions = revisions;
    }

    /** A correction's replacement retracts the entry it corrects, at its own revision. */
    @EventHandler
    void on(AgreementRecorded event, TrackingToken token, @MessageIdentifier String eventId,
            @MetaDataValue(EntryCorrected.CORRECTS) String corrects) {
        long revision = revisionOf(token);
        Object[] row = AgreementTable.insertValues(eventId, revision, event, json);
        ProjectionBatch.apply(AgreementTable.class.getName(), () -> new ProjectionBatch.Rows(jdbc, AgreementTable.INSERT),
                batch -> batch.add(row));
        if (corrects != null) retract(corrects, revision);
        revisions.advance(NAME, revision);
    }

    /** An annulled agreement no longer counts from the annulment's revision. */
    @EventHandler
    void on(EntryCorrected event, TrackingToken token) {
        long revision = revisionOf(token);
        if (event.annulled()) retract(event.correctedEventId(), revision);
        revisions.advance(NAME, revision);
    }

    // a second batch state, created after the rows' one, so it is flushed after them (see ProjectionBatch)
    private void retract(String eventId, long revision) {
        ProjectionBatch.apply(AgreementTable.class.getName() + ".retract",
                () -> new ProjectionBatch.Rows(jdbc, AgreementTable.RETRACT), batch -> batch.add(new Object[]{revision, eventId}));
    }

    @ResetHandler
    void reset() {
        db.sql("delete from projection.agreement").update();
        revisions.reset(NAME);
    }

    @QueryHandler
    Agreements handle(FindAgreements query) {
        return new Agreements(revisions.current(NAME), db.sql(AgreementTable.ALL).query(AgreementTable.view(json)).list());
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
