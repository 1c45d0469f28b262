package se.styrregistret.query.actionplan;

import se.styrregistret.kernel.actionplan.ProgressStatus;
import se.styrregistret.kernel.common.DecisionReference;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** One progress report or reopening ({@code projection.action_progress}); rows are only ever added. */
record ActionProgress(String planId, String actionId, long revision, Instant recordedAt, String changeType,
                      ProgressStatus previousStatus, ProgressStatus status, LocalDate reportedDate, String note,
                      DecisionReference decision) {

    static final String INSERT = """
            insert into projection.action_progress (plan_id, action_id, revision, recorded_at, change_type,
                previous_status, status, reported_date, note, decision_case, decision_paragraph, decision_date, decided_by)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";

    Object[] insertValues() {
        return new Object[]{planId, actionId, revision, OffsetDateTime.ofInstant(recordedAt, ZoneOffset.UTC), changeType,
                previousStatus.name(), status.name(), reportedDate, note, decision.caseNumber(), decision.paragraph(),
                decision.decisionDate(), decision.decidedBy()};
    }

    static ActionProgress read(ResultSet rs, int row) throws SQLException {
        return new ActionProgress(rs.getString("plan_id"), rs.getString("action_id"), rs.getLong("revision"),
                rs.getObject("recorded_at", OffsetDateTime.class).toInstant(), rs.getString("change_type"),
                ProgressStatus.valueOf(rs.getString("previous_status")), ProgressStatus.valueOf(rs.getString("status")),
                rs.getObject("reported_date", LocalDate.class), rs.getString("note"), DecisionColumns.read(rs));
    }

    ActionPlanView.ProgressEntry toEntry() {
        return new ActionPlanView.ProgressEntry(status, reportedDate, note, changeType, decision, revision);
    }
}
