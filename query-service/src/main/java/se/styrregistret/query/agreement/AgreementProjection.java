package se.styrregistret.query.agreement;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;
import se.styrregistret.kernel.agreement.AgreementRecorded;
import se.styrregistret.kernel.agreement.FindAgreements;
import se.styrregistret.query.revision.ProjectionRevisions;

import static se.styrregistret.query.revision.ProjectionRevisions.revisionOf;

/** The agreements the municipality has entered into. */
@Component
@ProcessingGroup(AgreementProjection.NAME)
class AgreementProjection {

    static final String NAME = "agreements";

    private final AgreementRepository agreements;
    private final ProjectionRevisions revisions;

    AgreementProjection(AgreementRepository agreements, ProjectionRevisions revisions) {
        this.agreements = agreements;
        this.revisions = revisions;
    }

    @EventHandler
    void on(AgreementRecorded event, TrackingToken token) {
        long revision = revisionOf(token);
        // applied already: a batch whose commit answer was lost is processed again
        if (agreements.existsById(event.agreementId().value())) return;
        agreements.save(new AgreementRow(revision, event));
        revisions.advance(NAME, revision);
    }

    @ResetHandler
    void reset() {
        agreements.deleteAllInBatch();
        revisions.reset(NAME);
    }

    @QueryHandler
    Agreements handle(FindAgreements query) {
        return new Agreements(revisions.current(NAME),
                agreements.findAllByOrderByEffectiveDateAscRevisionAsc().stream().map(AgreementRow::toView).toList());
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
