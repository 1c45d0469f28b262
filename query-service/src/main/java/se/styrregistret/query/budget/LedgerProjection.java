package se.styrregistret.query.budget;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import se.styrregistret.kernel.budget.AllocationDistributed;
import se.styrregistret.kernel.budget.AllocationPart;
import se.styrregistret.kernel.budget.AllocationReversed;
import se.styrregistret.kernel.budget.BudgetAllocated;
import se.styrregistret.kernel.budget.BudgetFrameExtended;
import se.styrregistret.kernel.budget.BudgetFrameOpened;
import se.styrregistret.kernel.budget.FinancingReferred;
import se.styrregistret.kernel.budget.GrantRegistered;
import se.styrregistret.kernel.budget.RecipientKind;
import se.styrregistret.kernel.budget.ReferralSettled;
import se.styrregistret.kernel.budget.SourceKind;
import se.styrregistret.kernel.correction.EntryCorrected;
import se.styrregistret.query.revision.ProjectionBatch;
import se.styrregistret.query.revision.ProjectionRevisions;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static se.styrregistret.query.revision.ProjectionRevisions.revisionOf;

/**
 * The budget ledger: one row per movement, written in the event's own transaction with the
 * projection's revision. Totals, running balances, remaining frames and open referrals are
 * computed at query time ({@link LedgerQueries}) from the rows up to the asked revision (cross-aggregate
 * figures are never stored, so concurrent appends cannot leave them inconsistent). An event whose rows exist
 * is applied already and skipped (the insert does nothing on the row's key): when the database goes
 * away during a commit, the commit may have succeeded without the processor hearing so, and the
 * batch comes again.
 */
@Component
@ProcessingGroup(LedgerProjection.NAME)
class LedgerProjection {

    static final String NAME = "ledger";

    private final ProjectionRevisions revisions;
    private final JdbcClient db;
    private final JdbcTemplate jdbc;

    LedgerProjection(ProjectionRevisions revisions, JdbcClient db, JdbcTemplate jdbc) {
        this.revisions = revisions;
        this.db = db;
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(BudgetFrameOpened e, TrackingToken token, @Timestamp Instant recordedAt,
            @MessageIdentifier String eventId, @MetaDataValue(EntryCorrected.CORRECTS) String corrects) {
        long revision = revisionOf(token);
        write(eventId, corrects, LedgerRow.of(revision, 0, recordedAt, e.effectiveDate(), e.fiscalYear(), LedgerRow.FRAME_OPENED,
                        e.frameId().value(), e.amountSek(), e.decision())
                .from(e.financedFrom() == null ? null : SourceKind.RESOURCE_FUNDS, e.financedFrom(), e.financedFrom())
                .to(RecipientKind.COMMITTEE, e.committee(), e.committee())
                .about("Budgetram " + e.committee() + " " + e.fiscalYear(), null, null));
        revisions.advance(NAME, revision);
    }

    @EventHandler
    void on(BudgetFrameExtended e, TrackingToken token, @Timestamp Instant recordedAt,
            @MessageIdentifier String eventId, @MetaDataValue(EntryCorrected.CORRECTS) String corrects) {
        long revision = revisionOf(token);
        write(eventId, corrects, LedgerRow.of(revision, 0, recordedAt, e.effectiveDate(), e.fiscalYear(), LedgerRow.FRAME_EXTENDED,
                        e.frameId().value(), e.amountSek(), e.decision())
                .from(SourceKind.RESOURCE_FUNDS, e.financedFrom(), e.financedFrom())
                .to(RecipientKind.COMMITTEE, e.committee(), e.committee())
                .about("Utökad budgetram " + e.committee() + " " + e.fiscalYear(), null, null));
        revisions.advance(NAME, revision);
    }

    @EventHandler
    void on(GrantRegistered e, TrackingToken token, @Timestamp Instant recordedAt,
            @MessageIdentifier String eventId, @MetaDataValue(EntryCorrected.CORRECTS) String corrects) {
        long revision = revisionOf(token);
        write(eventId, corrects, LedgerRow.of(revision, 0, recordedAt, e.effectiveDate(), e.fiscalYear(), LedgerRow.GRANT_REGISTERED,
                        e.grantId().value(), e.amountSek(), e.decision())
                .from(SourceKind.GRANT, e.grantId().value(), e.grantor())
                .about(e.purpose(), null, null));
        revisions.advance(NAME, revision);
    }

    @EventHandler
    void on(BudgetAllocated e, TrackingToken token, @Timestamp Instant recordedAt,
            @MessageIdentifier String eventId, @MetaDataValue(EntryCorrected.CORRECTS) String corrects) {
        long revision = revisionOf(token);
        write(eventId, corrects, LedgerRow.of(revision, 0, recordedAt, e.effectiveDate(), e.fiscalYear(), LedgerRow.ALLOCATION,
                        e.allocationId().value(), e.amountSek(), e.decision())
                .from(e.source()).to(e.recipient()).about(e.purpose(), null, null));
        revisions.advance(NAME, revision);
    }

    @EventHandler
    void on(AllocationDistributed e, TrackingToken token, @Timestamp Instant recordedAt,
            @MessageIdentifier String eventId, @MetaDataValue(EntryCorrected.CORRECTS) String corrects) {
        long revision = revisionOf(token);
        List<LedgerRow> entries = new ArrayList<>();
        entries.add(LedgerRow.of(revision, 0, recordedAt, e.effectiveDate(), e.fiscalYear(), LedgerRow.DISTRIBUTED_ON,
                        e.allocationId().value(), -e.amountSek(), e.decision())
                .from(e.source()).to(e.distributedBy()).about("Fördelat vidare", null, null));
        int index = 1;
        for (AllocationPart part : e.parts()) {
            entries.add(LedgerRow.of(revision, index++, recordedAt, e.effectiveDate(), e.fiscalYear(), LedgerRow.DISTRIBUTION,
                            e.allocationId().value(), part.amountSek(), e.decision())
                    .from(e.source()).to(part.recipient()).about(part.purpose(), null, null));
        }
        entries.forEach(row -> write(eventId, corrects, row));
        revisions.advance(NAME, revision);
    }

    @EventHandler
    void on(AllocationReversed e, TrackingToken token, @Timestamp Instant recordedAt,
            @MessageIdentifier String eventId, @MetaDataValue(EntryCorrected.CORRECTS) String corrects) {
        long revision = revisionOf(token);
        write(eventId, corrects, LedgerRow.of(revision, 0, recordedAt, e.effectiveDate(), e.fiscalYear(), LedgerRow.REVERSAL,
                        e.allocationId().value(), -e.amountSek(), e.decision())
                .from(e.source()).to(e.recipient()).about(e.reason(), null, null));
        revisions.advance(NAME, revision);
    }

    @EventHandler
    void on(FinancingReferred e, TrackingToken token, @Timestamp Instant recordedAt,
            @MessageIdentifier String eventId, @MetaDataValue(EntryCorrected.CORRECTS) String corrects) {
        long revision = revisionOf(token);
        write(eventId, corrects, LedgerRow.of(revision, 0, recordedAt, e.effectiveDate(), e.fiscalYear(), LedgerRow.REFERRAL,
                        e.referralId().value(), 0, e.decision())
                .from(null, null, e.referredTo()).to(e.recipient())
                .about(e.subject(), null, e.estimatedAmountSek()));
        revisions.advance(NAME, revision);
    }

    @EventHandler
    void on(ReferralSettled e, TrackingToken token, @Timestamp Instant recordedAt,
            @MessageIdentifier String eventId, @MetaDataValue(EntryCorrected.CORRECTS) String corrects) {
        long revision = revisionOf(token);
        write(eventId, corrects, LedgerRow.of(revision, 0, recordedAt, e.effectiveDate(), e.fiscalYear(), LedgerRow.REFERRAL_SETTLED,
                        e.referralId().value(), 0, e.decision())
                .about(e.outcome(), e.allocationId() == null ? null : e.allocationId().value(), null));
        revisions.advance(NAME, revision);
    }

    /**
     * Rows are written per processor batch, one batched insert (see {@link ProjectionBatch}). A
     * correction's replacement retracts the rows of the entry it corrects, at its own revision.
     */
    private void write(String eventId, String corrects, LedgerRow row) {
        ProjectionBatch.apply(LedgerBatch.class.getName(), () -> new LedgerBatch(jdbc), batch -> {
            batch.add(row.ofEvent(eventId));
            if (corrects != null) batch.retract(corrects, row.revision());
        });
    }

    /** An annulled entry's rows no longer count from the annulment's revision (a correction's, from its replacement's). */
    @EventHandler
    void on(EntryCorrected e, TrackingToken token) {
        long revision = revisionOf(token);
        if (e.annulled()) {
            ProjectionBatch.apply(LedgerBatch.class.getName(), () -> new LedgerBatch(jdbc),
                    batch -> batch.retract(e.correctedEventId(), revision));
        }
        revisions.advance(NAME, revision);
    }

    private record RecipientYear(int fiscalYear, String recipientId) implements Comparable<RecipientYear> {
        @Override
        public int compareTo(RecipientYear other) {
            int byYear = Integer.compare(fiscalYear, other.fiscalYear);
            return byYear != 0 ? byYear : recipientId.compareTo(other.recipientId);
        }
    }

    /** The ledger's writes in one processor batch: new rows first, then the retractions (which may name them). */
    private static final class LedgerBatch implements ProjectionBatch.State {
        private final JdbcTemplate jdbc;
        private final List<Object[]> rows = new ArrayList<>();
        private final List<Object[]> retractions = new ArrayList<>();
        /**
         * The batch's recipients per fiscal year, each once (see V950's ledger_recipient_year), in one order for every
         * batch: two segments' batches that insert the same pairs then wait for each other in turn, never in a cycle.
         */
        private final java.util.SortedSet<RecipientYear> recipientYears = new java.util.TreeSet<>();

        LedgerBatch(JdbcTemplate jdbc) {
            this.jdbc = jdbc;
        }

        void add(LedgerRow row) {
            rows.add(row.insertValues());
            if (row.recipientId() != null) recipientYears.add(new RecipientYear(row.fiscalYear(), row.recipientId()));
        }

        void retract(String eventId, long revision) {
            retractions.add(new Object[]{revision, eventId});
        }

        @Override
        public void flush() {
            if (!rows.isEmpty()) jdbc.batchUpdate(LedgerRow.INSERT, rows);
            if (!recipientYears.isEmpty()) {
                jdbc.batchUpdate("insert into projection.ledger_recipient_year (fiscal_year, recipient_id) values (?, ?) "
                        + "on conflict do nothing", recipientYears.stream().map(r -> new Object[]{r.fiscalYear(), r.recipientId()}).toList());
            }
            if (!retractions.isEmpty()) {
                jdbc.batchUpdate("update projection.budget_ledger_entry set retracted_at = ? where event_id = ? "
                        + "and retracted_at is null", retractions);
            }
        }
    }

    @ResetHandler
    void reset() {
        db.sql("delete from projection.budget_ledger_entry").update();
        db.sql("delete from projection.ledger_recipient_year").update();
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
