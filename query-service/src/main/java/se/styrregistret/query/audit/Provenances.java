package se.styrregistret.query.audit;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import se.styrregistret.kernel.common.DecisionReference;
import se.styrregistret.kernel.common.DecisionReference.DatePrecision;
import se.styrregistret.kernel.provenance.Provenance;

import java.sql.PreparedStatement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What the audit trail keeps of each revision's sources: its decision's date precision and the provenance the
 * event carried. Answers and exports read it here, so every read model shows an entry's sources alike.
 */
@Component
public class Provenances {

    /** The Swedish headers of the columns {@link #csvCells} fills. */
    public static final List<String> CSV_HEADERS = List.of("Beslutsstatus", "Källdokument", "Citat ur källan",
            "Härlett eller antaget");

    private final JdbcTemplate jdbc;

    Provenances(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * A revision's decision (date, maker, precision) as the trail holds it, and its provenance (null: the
     * entry cites none).
     */
    public record Known(String aggregateId, LocalDate decisionDate, String decidedBy, DatePrecision precision,
                        Provenance provenance, String provenanceJson) {

        /**
         * The precision of {@code decision}: its own, or the trail's when the read model kept none (DAY) and
         * it is the same decision (same date and maker) of the same entry.
         */
        public DatePrecision precisionOf(DecisionReference decision) {
            DatePrecision own = decision.datePrecision();
            if (own == DatePrecision.DAY && precision != null && decision.decisionDate() != null
                    && decision.decisionDate().equals(decisionDate) && decision.decidedBy() != null
                    && decision.decidedBy().equals(decidedBy)) {
                return precision;
            }
            return own;
        }

        /** How precisely the entry's effective date is known. */
        public DatePrecision effectivePrecision(LocalDate effective, DecisionReference decision) {
            if (provenance != null && provenance.effectiveDatePrecision() != null) return provenance.effectiveDatePrecision();
            return decision != null && effective.equals(decision.decisionDate()) ? precisionOf(decision) : DatePrecision.DAY;
        }
    }

    public Map<Long, Known> of(Collection<Long> revisions) {
        Map<Long, Known> known = new HashMap<>();
        if (revisions.isEmpty()) return known;
        Long[] wanted = revisions.stream().distinct().toArray(Long[]::new);
        jdbc.query(connection -> {
            PreparedStatement statement = connection.prepareStatement(
                    "select revision, aggregate_id, decision_date, decided_by, decision_date_precision, provenance::text as provenance"
                            + " from projection.audit_event where revision = any(?)");
            statement.setArray(1, connection.createArrayOf("bigint", wanted));
            return statement;
        }, rs -> {
            String json = rs.getString("provenance");
            String precision = rs.getString("decision_date_precision");
            java.sql.Date date = rs.getDate("decision_date");
            known.put(rs.getLong("revision"), new Known(rs.getString("aggregate_id"), date == null ? null : date.toLocalDate(),
                    rs.getString("decided_by"),
                    precision == null ? null : DatePrecision.valueOf(precision),
                    json == null ? null : Provenance.fromMetaDataValue(json), json));
        });
        return known;
    }

    /** An entry of an aggregate that cites its sources: its revision, event type and provenance. */
    public record Cited(long revision, String eventType, Provenance provenance) {
    }

    /** The entries of these aggregates that carry a provenance, per aggregate, in revision order. */
    public Map<String, List<Cited>> citedEntriesOf(Collection<String> aggregateIds) {
        Map<String, List<Cited>> byAggregate = new HashMap<>();
        if (aggregateIds.isEmpty()) return byAggregate;
        String[] ids = aggregateIds.stream().distinct().toArray(String[]::new);
        jdbc.query(connection -> {
            PreparedStatement statement = connection.prepareStatement(
                    "select aggregate_id, revision, event_type, provenance::text as provenance from projection.audit_event"
                            + " where aggregate_id = any(?) and provenance is not null order by revision");
            statement.setArray(1, connection.createArrayOf("varchar", ids));
            return statement;
        }, rs -> {
            byAggregate.computeIfAbsent(rs.getString("aggregate_id"), k -> new ArrayList<>()).add(new Cited(
                    rs.getLong("revision"), rs.getString("event_type"), Provenance.fromMetaDataValue(rs.getString("provenance"))));
        });
        return byAggregate;
    }

    /** The decision's date as precisely as known, for an export cell ("2020-01", "okänt, efter 2021-03-02"). */
    public static String decisionDate(DecisionReference decision, Known known) {
        if (decision == null || decision.decisionDate() == null) return null;
        DatePrecision precision = known == null ? decision.datePrecision() : known.precisionOf(decision);
        return precision.inSwedish(decision.decisionDate()).equals(decision.decisionDate().toString())
                ? decision.decisionDate().toString() : precision.inSwedish(decision.decisionDate());
    }

    /** The effective date as precisely as known, for an export cell. */
    public static String effectiveDate(LocalDate effective, DecisionReference decision, Known known) {
        if (effective == null) return null;
        DatePrecision precision = known == null
                ? (decision != null && effective.equals(decision.decisionDate()) ? decision.datePrecision() : DatePrecision.DAY)
                : known.effectivePrecision(effective, decision);
        return precision.inSwedish(effective);
    }

    /** The cells under {@link #CSV_HEADERS}: status, documents, passages, the facts inferred or assumed. */
    public static List<String> csvCells(Known known) {
        Provenance p = known == null ? null : known.provenance();
        if (p == null) return java.util.Arrays.asList(null, null, null, null);
        Provenance.DecisionStatus status = p.statusAsKnown();
        List<String> documents = new ArrayList<>();
        List<String> passages = new ArrayList<>();
        for (Provenance.Citation c : p.citations()) {
            StringBuilder d = new StringBuilder(c.document() == null ? "" : c.document());
            if (c.registrationNumber() != null) d.append(" (").append(c.registrationNumber()).append(')');
            if (c.documentDate() != null) d.append(' ').append(c.documentDate());
            if (!documents.contains(d.toString())) documents.add(d.toString());
            passages.add("»" + c.passage() + "«" + (c.section() == null ? "" : " (" + c.section() + ")"));
        }
        List<String> uncertain = p.facts().stream().filter(f -> !f.stated())
                .map(f -> f.field() + ": " + f.certainty().label().toLowerCase(java.util.Locale.ROOT) + " – " + f.reasoning())
                .toList();
        return java.util.Arrays.asList(status == null ? null : status.label(),
                documents.isEmpty() ? null : String.join("; ", documents),
                passages.isEmpty() ? null : String.join(" ", passages),
                uncertain.isEmpty() ? null : String.join("; ", uncertain));
    }
}
