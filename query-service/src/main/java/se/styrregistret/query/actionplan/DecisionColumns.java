package se.styrregistret.query.actionplan;

import se.styrregistret.kernel.common.DecisionReference;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;

/** The decision a row rests on, as four columns: decision_case, decision_paragraph, decision_date, decided_by. */
final class DecisionColumns {

    private DecisionColumns() {
    }

    static DecisionReference read(ResultSet rs) throws SQLException {
        return new DecisionReference(rs.getString("decision_case"), rs.getString("decision_paragraph"),
                rs.getObject("decision_date", LocalDate.class), rs.getString("decided_by"));
    }
}
