package se.styrregistret.query.orgchart;

import se.styrregistret.kernel.common.DecisionReference;
import se.styrregistret.kernel.governance.FunctionTransferred;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;

/**
 * {@code projection.function_transfer}: one function transfer per row, one row per event, never changed but for
 * the revision from which a correction retracts it (an annulment's, a correction's replacement's).
 */
final class FunctionTransfer {

    private FunctionTransfer() {
    }

    /** A row already there (same revision) means its event is applied already. */
    static final String INSERT = """
            insert into projection.function_transfer (revision, event_id, function_id, function_name, from_organisation,
                to_organisation, effective_date, decision_case, decision_paragraph, decision_date, decided_by)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            on conflict (revision) do nothing""";

    static Object[] insertValues(long revision, String eventId, FunctionTransferred e) {
        DecisionReference d = e.decision();
        return new Object[]{revision, eventId, e.functionId(), e.function(), e.fromOrganisation(), e.toOrganisation(),
                e.effectiveDate(), d.caseNumber(), d.paragraph(), d.decisionDate(), d.decidedBy()};
    }

    /** A row written before rows knew their event learns it from the correction that names both. */
    static final String NAME_EVENT = """
            update projection.function_transfer set event_id = ? where revision = ? and event_id is null""";

    static final String RETRACT = """
            update projection.function_transfer set retracted_at = ? where event_id = ? and retracted_at is null""";

    /** The transfers held at a revision: recorded by it and not retracted by it. */
    static final String HELD_AT = """
            select * from projection.function_transfer where revision <= ? and (retracted_at is null or retracted_at > ?)
            order by effective_date, revision""";

    static FunctionTransferView view(ResultSet rs, int row) throws SQLException {
        return new FunctionTransferView(rs.getLong("revision"), rs.getString("function_id"), rs.getString("function_name"),
                rs.getString("from_organisation"), rs.getString("to_organisation"),
                rs.getObject("effective_date", LocalDate.class),
                new DecisionReference(rs.getString("decision_case"), rs.getString("decision_paragraph"),
                        rs.getObject("decision_date", LocalDate.class), rs.getString("decided_by")));
    }
}
