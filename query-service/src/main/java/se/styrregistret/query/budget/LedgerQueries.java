package se.styrregistret.query.budget;

import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.SqlArrayValue;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;
import se.styrregistret.kernel.budget.Amounts;
import se.styrregistret.kernel.budget.FindBudgetLedger;
import se.styrregistret.kernel.budget.FindBudgetSummary;
import se.styrregistret.kernel.budget.SourceKind;
import se.styrregistret.query.district.RegisteredDistricts;
import se.styrregistret.query.revision.AsOfResolver;
import se.styrregistret.query.revision.ProjectionRevisions;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Answers ledger questions from the ledger's rows (never from the events). Totals, running balances,
 * remaining frames and open referrals are computed here, at query time, from the rows held at the asked
 * revision. The ledger's filter, order and page are the database's: an answer reads its page, a count and
 * the sums over the rows that match, never the whole ledger into memory.
 */
@Component
// one snapshot for the revision an answer names, its page and its sums (a batch may commit in between)
@Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
class LedgerQueries {

    /** The entry types that move money to a recipient, and those that make money available. */
    private static final String MOVES_MONEY = "('" + LedgerRow.ALLOCATION + "', '" + LedgerRow.DISTRIBUTED_ON + "', '"
            + LedgerRow.DISTRIBUTION + "', '" + LedgerRow.REVERSAL + "')";
    private static final String MAKES_AVAILABLE = "('" + LedgerRow.FRAME_OPENED + "', '" + LedgerRow.FRAME_EXTENDED
            + "', '" + LedgerRow.GRANT_REGISTERED + "')";

    /**
     * The matching rows' count, sums and open referred items (a referral no settlement held at the same point
     * settles; the settlement is looked for whatever the district, as it names none).
     */
    private static final String SUMS = """
            select count(*) as total,
                   coalesce(sum(amount_sek) filter (where entry_type in %s), 0)::bigint as available,
                   coalesce(sum(amount_sek) filter (where entry_type in %s), 0)::bigint as moved,
                   count(*) filter (where open) as open_referrals,
                   count(*) filter (where open and estimated_sek is null) as without_estimate,
                   sum(estimated_sek) filter (where open)::bigint as estimated
            from (select e.entry_type, e.amount_sek, e.estimated_sek,
                         e.entry_type = '%s' and not exists (select 1 from projection.budget_ledger_entry s
                             where s.entry_type = '%s' and s.item_id = e.item_id and %%s) as open
                  from projection.budget_ledger_entry e where %%s) m"""
            .formatted(MAKES_AVAILABLE, MOVES_MONEY, LedgerRow.REFERRAL, LedgerRow.REFERRAL_SETTLED);

    private final JdbcClient db;
    private final ProjectionRevisions revisions;
    private final RegisteredDistricts districts;

    LedgerQueries(JdbcClient db, ProjectionRevisions revisions, RegisteredDistricts districts) {
        this.db = db;
        this.revisions = revisions;
        this.districts = districts;
    }

    private long revisionFor(Long asOfRevision) {
        long head = revisions.current(LedgerProjection.NAME);
        return asOfRevision == null ? head : Math.min(asOfRevision, head);
    }

    /**
     * Which rows a question is about, as a where clause over {@code projection.budget_ledger_entry e}.
     *
     * @param where    held at the revision, of the year, in effect on the date, concerning the district
     * @param unscoped the same but for the district, over the alias {@code s}
     * @param district the district asked for, in its registered spelling when it is registered
     */
    private record Filter(String where, String unscoped, Map<String, Object> params, String district) {
    }

    /**
     * Rows held at {@code revision} (recorded by then, not retracted by then), of the fiscal year, in effect on
     * the date, and concerning the district: recorded for it, to a body whose scope is the district (as the
     * register knew the bodies at the revision), or settling a referred item that concerns it.
     */
    private Filter filter(Integer fiscalYear, long revision, LocalDate asOfDate, String asked) {
        Map<String, Object> params = new HashMap<>();
        params.put("revision", revision);
        StringBuilder common = new StringBuilder();
        if (fiscalYear != null) {
            common.append(" and %1$s.fiscal_year = :year");
            params.put("year", fiscalYear);
        }
        if (asOfDate != null) {
            common.append(" and %1$s.effective_date <= :date");
            params.put("date", asOfDate);
        }
        String held = "%1$s.revision <= :revision and (%1$s.retracted_at is null or %1$s.retracted_at > :revision)" + common;
        String where = held.formatted("e");
        String district = asked == null ? null : districts.canonical(asked).orElse(asked);
        if (district != null) {
            params.put("district", district);
            // the bodies placed in the district by a version known at the revision (the org chart writes them)
            String bodies = """
                    (select b.body_id from projection.body_district b
                     where b.district_key = lower(:district) and b.known_from <= :revision)""";
            // of them, those that received money in the year (or ever): named to the statement, so that the database
            // reads each branch by its index (V950) and combines them, instead of testing every row of the year
            params.put("recipients", new SqlArrayValue("varchar", recipientsIn(district, revision, fiscalYear)));
            where += " and (lower(e.district) = lower(:district) or e.recipient_id = any(:recipients)"
                    + " or (e.entry_type = '" + LedgerRow.REFERRAL_SETTLED + "' and exists (select 1 from projection.budget_ledger_entry r"
                    + " where r.entry_type = '" + LedgerRow.REFERRAL + "' and r.item_id = e.item_id and r.revision <= :revision"
                    + " and (lower(r.district) = lower(:district) or r.recipient_id in " + bodies + "))))";
        }
        return new Filter(where, held.formatted("s"), params, district);
    }

    /**
     * The district's bodies, as the register knew them at the revision, that received money in the fiscal year (in
     * any year when none is asked for): the ledger's rows to any other body cannot concern the district.
     */
    private Object[] recipientsIn(String district, long revision, Integer fiscalYear) {
        String received = fiscalYear == null
                ? "select 1 from projection.budget_ledger_entry x where x.recipient_id = b.body_id"
                : "select 1 from projection.ledger_recipient_year y where y.fiscal_year = :year and y.recipient_id = b.body_id";
        return db.sql("""
                        select b.body_id from projection.body_district b
                        where b.district_key = lower(:district) and b.known_from <= :revision and exists (%s)""".formatted(received))
                .param("district", district).param("revision", revision).params(fiscalYear == null ? Map.of() : Map.of("year", fiscalYear))
                .query(String.class).list().toArray();
    }

    /**
     * One page of the ledger in log order. Running balances carry on from the matching rows before the page, and
     * the totals row sums every matching row: a page shows the same figures it would show in the whole ledger.
     */
    @QueryHandler
    BudgetLedger handle(FindBudgetLedger query) {
        long revision = revisionFor(query.asOfRevision());
        Filter filter = filter(query.fiscalYear(), revision, query.asOfDate(), query.district());
        Sums sums = db.sql(SUMS.formatted(filter.unscoped(), filter.where())).params(filter.params())
                .query((rs, i) -> new Sums(rs.getLong("total"), rs.getLong("available"), rs.getLong("moved"),
                        rs.getInt("open_referrals"), rs.getInt("without_estimate"), rs.getObject("estimated", Long.class)))
                .single();
        long offset = (long) query.page() * query.size();
        List<LedgerRow> rows = db.sql("select " + LedgerRow.COLUMNS + " from projection.budget_ledger_entry e where " + filter.where()
                        + " order by e.revision, e.entry_index limit :size offset :offset")
                .params(filter.params()).param("size", query.size()).param("offset", offset)
                .query(LedgerRow::read).list();
        // the money moved by the matching rows before this page, per fiscal year: the running columns go on from there
        Map<Integer, Long> allocatedInYear = new HashMap<>();
        if (offset > 0 && !rows.isEmpty()) {
            db.sql("select e.fiscal_year, sum(e.amount_sek)::bigint from projection.budget_ledger_entry e where " + filter.where()
                            + " and e.entry_type in " + MOVES_MONEY
                            + " and (e.revision, e.entry_index) < (:firstRevision, :firstIndex) group by e.fiscal_year")
                    .params(filter.params()).param("firstRevision", rows.get(0).revision())
                    .param("firstIndex", rows.get(0).entryIndex())
                    .query((RowCallbackHandler) rs -> allocatedInYear.put(rs.getInt(1), rs.getLong(2)));
        }
        long balance = allocatedInYear.values().stream().mapToLong(Long::longValue).sum();
        List<BudgetLedger.Entry> entries = new ArrayList<>();
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
        return new BudgetLedger(revision, query.fiscalYear(), query.asOfDate(), LocalDate.now(AsOfResolver.MUNICIPAL_ZONE),
                filter.district(), query.page(), query.size(), sums.total(), entries,
                new BudgetLedger.Totals(sums.available(), Amounts.tkr(sums.available()), sums.moved(), Amounts.tkr(sums.moved()),
                        sums.estimated(), sums.withoutEstimate(), sums.openReferrals()));
    }

    /** What {@link #SUMS} gives: the matching rows' count and the totals row. */
    private record Sums(long total, long available, long moved, int openReferrals, int withoutEstimate, Long estimated) {
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
        Filter filter = filter(query.fiscalYear(), revision, query.asOfDate(), query.district());
        List<LedgerRow> all = db.sql("select " + LedgerRow.COLUMNS + " from projection.budget_ledger_entry e where " + filter.where()
                + " order by e.revision, e.entry_index").params(filter.params()).query(LedgerRow::read).list();
        List<LedgerRow> money = all.stream().filter(LedgerRow::movesMoney).toList();
        long total = money.stream().mapToLong(LedgerRow::amountSek).sum();
        long available = all.stream().filter(LedgerQueries::makesAvailable).mapToLong(LedgerRow::amountSek).sum();
        long notSplit = money.stream().filter(r -> r.district() == null).mapToLong(LedgerRow::amountSek).sum();
        List<BudgetSummary.Frame> frames = frames(all);
        List<BudgetSummary.OpenReferral> open = openReferrals(all);
        return new BudgetSummary(revision, query.fiscalYear(), query.asOfDate(), LocalDate.now(AsOfResolver.MUNICIPAL_ZONE),
                filter.district(), total, Amounts.tkr(total), available, Amounts.tkr(available),
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
        // the rows by year in one pass (a summary without a year holds every year's rows)
        Map<Integer, List<LedgerRow>> byYear = new java.util.TreeMap<>();
        all.forEach(r -> byYear.computeIfAbsent(r.fiscalYear(), y -> new ArrayList<>()).add(r));
        List<BudgetSummary.Year> out = new ArrayList<>();
        for (Map.Entry<Integer, List<LedgerRow>> ofYear : byYear.entrySet()) {
            int year = ofYear.getKey();
            List<LedgerRow> rows = ofYear.getValue();
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
            long[] sum = sums.computeIfAbsent(key.apply(r), k -> {
                labels.put(k, label.apply(r)); // the first row's label: made once per key, not for every row
                return new long[1];
            });
            sum[0] += r.amountSek();
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
}
