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

import java.util.ArrayList;
import java.util.List;

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
        batch(batch -> {
            batch.rows.add(row);
            if (corrects != null) batch.retractions.add(new Object[]{revision, corrects});
        });
        revisions.advance(NAME, revision);
    }

    /** An annulled agreement no longer counts from the annulment's revision. */
    @EventHandler
    void on(EntryCorrected event, TrackingToken token) {
        long revision = revisionOf(token);
        if (event.annulled()) batch(batch -> batch.retractions.add(new Object[]{revision, event.correctedEventId()}));
        revisions.advance(NAME, revision);
    }

    private void batch(java.util.function.Consumer<AgreementBatch> action) {
        ProjectionBatch.apply(AgreementBatch.class.getName(), () -> new AgreementBatch(jdbc), action);
    }

    /**
     * The batch's rows, then its retractions, which may name rows of the same batch. One state for both: two
     * states flush in the order the batch created them, and a batch that met an annulment (of any aggregate's
     * entry) before its first agreement retracted before it inserted, and missed a row it inserted itself.
     */
    private static final class AgreementBatch implements ProjectionBatch.State {
        private final JdbcTemplate jdbc;
        final List<Object[]> rows = new ArrayList<>();
        final List<Object[]> retractions = new ArrayList<>();

        AgreementBatch(JdbcTemplate jdbc) {
            this.jdbc = jdbc;
        }

        @Override
        public void flush() {
            if (!rows.isEmpty()) jdbc.batchUpdate(AgreementTable.INSERT, rows);
            if (!retractions.isEmpty()) jdbc.batchUpdate(AgreementTable.RETRACT, retractions);
            rows.clear();
            retractions.clear();
        }
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
