package se.styrregistret.query.budget;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import se.styrregistret.kernel.budget.AllocationDistributed;
import se.styrregistret.kernel.budget.AllocationPart;
import se.styrregistret.kernel.budget.AllocationReversed;
import se.styrregistret.kernel.budget.Amounts;
import se.styrregistret.kernel.budget.BudgetAllocated;
import se.styrregistret.kernel.budget.BudgetFrameExtended;
import se.styrregistret.kernel.budget.BudgetFrameOpened;
import se.styrregistret.kernel.budget.FinancingReferred;
import se.styrregistret.kernel.budget.FindBudgetLedger;
import se.styrregistret.kernel.budget.FindBudgetSummary;
import se.styrregistret.kernel.budget.GrantRegistered;
import se.styrregistret.kernel.budget.RecipientKind;
import se.styrregistret.kernel.budget.ReferralSettled;
import se.styrregistret.kernel.budget.SourceKind;
import se.styrregistret.kernel.correction.EntryCorrected;
import se.styrregistret.query.revision.AsOfResolver;
import se.styrregistret.query.revision.ProjectionBatch;
import se.styrregistret.query.revision.ProjectionRevisions;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import static se.styrregistret.query.revision.ProjectionRevisions.revisionOf;

/**
 * The budget ledger: one row per movement, written in the event's own transaction with the
 * projection's revision. Totals, running balances, remaining frames and open referrals are
 * computed at query time from the rows up to the asked revision (cross-aggregate figures are
 * never stored, so concurrent appends cannot leave them inconsistent). An event whose rows exist
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

    /** The ledger's writes in one processor batch: new rows first, then the retractions (which may name them). */
    private static final class LedgerBatch implements ProjectionBatch.State {
        private final JdbcTemplate jdbc;
        private final List<Object[]> rows = new ArrayList<>();
        private final List<Object[]> retractions = new ArrayList<>();

        LedgerBatch(JdbcTemplate jdbc) {
            this.jdbc = jdbc;
        }

        void add(LedgerRow row) {
            rows.add(row.insertValues());
        }

        void retract(String eventId, long revision) {
            retractions.add(new Object[]{revision, eventId});
        }

        @Override
        public void flush() {
            if (!rows.isEmpty()) jdbc.batchUpdate(LedgerRow.INSERT, rows);
            if (!retractions.isEmpty()) {
                jdbc.batchUpdate("update projection.budget_ledger_entry set retracted_at = ? where event_id = ? "
                        + "and retracted_at is null", retractions);
            }
        }
    }

    @ResetHandler
    void reset() {
        db.sql("delete from projection.budget_ledger_entry").update();
    }

    // --- queries

    private long revisionFor(Long asOfRevision) {
        long head = revisions.current(NAME);
        return asOfRevision == null ? head : Math.min(asOfRevision, head);
    }

    /** Movements recorded up to {@code revision} and, when a date is given, in effect on that date. */
    private List<LedgerRow> rowsUpTo(Integer fiscalYear, long revision, java.time.LocalDate asOfDate) {
        List<LedgerRow> recorded = (fiscalYear == null ? db.sql(LedgerRow.UP_TO).param("revision", revision)
                : db.sql(LedgerRow.OF_YEAR_UP_TO).param("year", fiscalYear).param("revision", revision))
                .query(LedgerRow::read).list();
        return asOfDate == null ? recorded
                : recorded.stream().filter(r -> !r.effectiveDate().isAfter(asOfDate)).toList();
    }

    @QueryHandler
    BudgetLedger handle(FindBudgetLedger query) {
        long revision = revisionFor(query.asOfRevision());
        long balance = 0;
        Map<Integer, Long> allocatedInYear = new HashMap<>();
        List<BudgetLedger.Entry> entries = new ArrayList<>();
        List<LedgerRow> rows = rowsUpTo(query.fiscalYear(), revision, query.asOfDate());
        for (LedgerRow r : rows) {
            boolean money = r.movesMoney();
            boolean referral = LedgerRow.REFERRAL.equals(r.entryType()) || LedgerRow.REFERRAL_SETTLED.equals(r.entryType());
            Long toDate = null;
            if (money) {
                balance += r.amountSek();
                toDate = allocatedInYear.merge(r.fiscalYear(), r.amountSek(), Long::sum);
            }
            Long amount = referral ? null : r.amountSek();
            entries.add(new BudgetLedger.Entry(r.revision(), r.effectiveDate(), r.fiscalYear(), r.entryType(),
                    BudgetLedger.label(r.entryType()), r.itemId(),
                    referral ? null : r.sourceKind(), referral ? null : r.sourceId(), referral ? null : r.sourceName(),
                    LedgerRow.REFERRAL.equals(r.entryType()) ? r.sourceName() : null,
                    r.recipientKind(), r.recipientId(), r.recipientName(), r.district(),
                    amount, amount == null ? null : Amounts.tkr(amount), makesAvailable(r) ? r.amountSek() : null,
                    money ? r.amountSek() : null, LedgerRow.REFERRAL.equals(r.entryType()) ? r.estimatedSek() : null,
                    toDate, balance, Amounts.tkr(balance), r.purpose(), r.decision()));
        }
        long available = rows.stream().filter(LedgerProjection::makesAvailable).mapToLong(LedgerRow::amountSek).sum();
        long moved = rows.stream().filter(LedgerRow::movesMoney).mapToLong(LedgerRow::amountSek).sum();
        List<BudgetSummary.OpenReferral> open = openReferrals(rows);
        return new BudgetLedger(revision, query.fiscalYear(), query.asOfDate(), LocalDate.now(AsOfResolver.MUNICIPAL_ZONE),
                entries, new BudgetLedger.Totals(available, Amounts.tkr(available), moved, Amounts.tkr(moved),
                knownEstimates(open), (int) open.stream().filter(o -> o.estimatedAmountSek() == null).count(), open.size()));
    }

    /** Frames opened or extended and grants registered make money available; they move none to a recipient. */
    static boolean makesAvailable(LedgerRow r) {
        return LedgerRow.FRAME_OPENED.equals(r.entryType()) || LedgerRow.FRAME_EXTENDED.equals(r.entryType())
                || LedgerRow.GRANT_REGISTERED.equals(r.entryType());
    }

    /** The sum of the estimates given; null when no item has one (unknown, not 0). */
    private static Long knownEstimates(List<BudgetSummary.OpenReferral> open) {
        return open.stream().map(BudgetSummary.OpenReferral::estimatedAmountSek).filter(java.util.Objects::nonNull)
                .reduce(Long::sum).orElse(null);
    }

    @QueryHandler
    BudgetSummary handle(FindBudgetSummary query) {
        long revision = revisionFor(query.asOfRevision());
        List<LedgerRow> all = rowsUpTo(query.fiscalYear(), revision, query.asOfDate());
        List<LedgerRow> money = all.stream().filter(LedgerRow::movesMoney).toList();
        long total = money.stream().mapToLong(LedgerRow::amountSek).sum();
        long available = all.stream().filter(LedgerProjection::makesAvailable).mapToLong(LedgerRow::amountSek).sum();
        long notSplit = money.stream().filter(r -> r.district() == null).mapToLong(LedgerRow::amountSek).sum();
        List<BudgetSummary.Frame> frames = frames(all);
        List<BudgetSummary.OpenReferral> open = openReferrals(all);
        return new BudgetSummary(revision, query.fiscalYear(), query.asOfDate(), LocalDate.now(AsOfResolver.MUNICIPAL_ZONE),
                total, Amounts.tkr(total), available, Amounts.tkr(available),
                totals(money, LedgerRow::recipientId, LedgerRow::recipientName),
                totals(money, r -> String.valueOf(r.recipientKind()),
                        r -> r.recipientKind() == null ? "" : r.recipientKind().displayName()),
                totals(money, r -> r.recipientKind() + "/" + r.sourceKind(),
                        r -> (r.recipientKind() == null ? "" : r.recipientKind().displayName()) + " från "
                                + (r.sourceKind() == null ? "" : r.sourceKind().displayName().toLowerCase())),
                totals(money.stream().filter(r -> r.district() != null).toList(), LedgerRow::district, LedgerRow::district),
                notSplit, Amounts.tkr(notSplit),
                totals(money, LedgerRow::sourceId, LedgerRow::sourceName),
                totals(money, r -> String.valueOf(r.sourceKind()),
                        r -> r.sourceKind() == null ? "" : r.sourceKind().displayName()),
                totals(money, r -> String.valueOf(r.fiscalYear()), r -> String.valueOf(r.fiscalYear())),
                frames, open, years(all, frames, open));
    }

    /** The years side by side, in order. */
    private static List<BudgetSummary.Year> years(List<LedgerRow> all, List<BudgetSummary.Frame> frames,
                                                  List<BudgetSummary.OpenReferral> open) {
        java.util.SortedSet<Integer> years = new java.util.TreeSet<>();
        all.forEach(r -> years.add(r.fiscalYear()));
        List<BudgetSummary.Year> out = new ArrayList<>();
        for (int year : years) {
            List<LedgerRow> rows = all.stream().filter(r -> r.fiscalYear() == year).toList();
            List<LedgerRow> money = rows.stream().filter(LedgerRow::movesMoney).toList();
            long framesSek = rows.stream().filter(r -> LedgerRow.FRAME_OPENED.equals(r.entryType())
                    || LedgerRow.FRAME_EXTENDED.equals(r.entryType())).mapToLong(LedgerRow::amountSek).sum();
            long grantsSek = rows.stream().filter(r -> LedgerRow.GRANT_REGISTERED.equals(r.entryType()))
                    .mapToLong(LedgerRow::amountSek).sum();
            long allocated = money.stream().mapToLong(LedgerRow::amountSek).sum();
            List<BudgetSummary.OpenReferral> openOfYear = open.stream().filter(o -> o.fiscalYear() == year).toList();
            out.add(new BudgetSummary.Year(year, framesSek, grantsSek, framesSek + grantsSek, allocated, Amounts.tkr(allocated),
                    fromKind(money, SourceKind.FRAME), fromKind(money, SourceKind.GRANT), fromKind(money, SourceKind.RESOURCE_FUNDS),
                    frames.stream().filter(f -> f.fiscalYear() == year).mapToLong(BudgetSummary.Frame::remainingSek).sum(),
                    openOfYear.size(), knownEstimates(openOfYear),
                    (int) openOfYear.stream().filter(o -> o.estimatedAmountSek() == null).count(),
                    totals(money.stream().filter(r -> r.district() != null).toList(), LedgerRow::district, LedgerRow::district),
                    money.stream().filter(r -> r.district() == null).mapToLong(LedgerRow::amountSek).sum()));
        }
        return out;
    }

    private static long fromKind(List<LedgerRow> money, SourceKind kind) {
        return money.stream().filter(r -> r.sourceKind() == kind).mapToLong(LedgerRow::amountSek).sum();
    }

    /** Sums per key, in the order keys first appear in the ledger; entries that net to zero are kept. */
    private static List<BudgetSummary.Total> totals(List<LedgerRow> rows, Function<LedgerRow, String> key,
                                                    Function<LedgerRow, String> label) {
        Map<String, long[]> sums = new LinkedHashMap<>();
        Map<String, String> labels = new LinkedHashMap<>();
        for (LedgerRow r : rows) {
            String k = key.apply(r);
            sums.computeIfAbsent(k, x -> new long[1])[0] += r.amountSek();
            labels.putIfAbsent(k, label.apply(r));
        }
        return sums.entrySet().stream()
                .map(e -> new BudgetSummary.Total(e.getKey(), labels.get(e.getKey()), e.getValue()[0], Amounts.tkr(e.getValue()[0])))
                .toList();
    }

    /** Each frame opened, with its extensions and what was allocated from it: one pass over the rows. */
    private static List<BudgetSummary.Frame> frames(List<LedgerRow> all) {
        Map<String, Long> extended = new HashMap<>();
        Map<String, Long> allocated = new HashMap<>();
        for (LedgerRow r : all) {
            if (LedgerRow.FRAME_EXTENDED.equals(r.entryType())) {
                extended.merge(r.itemId(), r.amountSek(), Long::sum);
            } else if ((LedgerRow.ALLOCATION.equals(r.entryType()) || LedgerRow.REVERSAL.equals(r.entryType()))
                    && r.sourceKind() == SourceKind.FRAME) {
                allocated.merge(r.sourceId(), r.amountSek(), Long::sum);
            }
        }
        List<BudgetSummary.Frame> frames = new ArrayList<>();
        for (LedgerRow opened : all) {
            if (!LedgerRow.FRAME_OPENED.equals(opened.entryType())) continue;
            String frameId = opened.itemId();
            long extension = extended.getOrDefault(frameId, 0L);
            long allocation = allocated.getOrDefault(frameId, 0L);
            long remaining = opened.amountSek() + extension - allocation;
            frames.add(new BudgetSummary.Frame(frameId, opened.recipientName(), opened.fiscalYear(), opened.amountSek(),
                    extension, allocation, remaining, Amounts.tkr(remaining)));
        }
        return frames;
    }

    private static List<BudgetSummary.OpenReferral> openReferrals(List<LedgerRow> all) {
        Set<String> settled = all.stream().filter(r -> LedgerRow.REFERRAL_SETTLED.equals(r.entryType()))
                .map(LedgerRow::itemId).collect(Collectors.toSet());
        return all.stream()
                .filter(r -> LedgerRow.REFERRAL.equals(r.entryType()) && !settled.contains(r.itemId()))
                .map(r -> new BudgetSummary.OpenReferral(r.itemId(), r.fiscalYear(), r.purpose(), r.sourceName(),
                        r.recipientName(), r.estimatedSek(), r.decision(), r.revision()))
                .toList();
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
