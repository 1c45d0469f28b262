package se.styrregistret.query.actionplan;

import se.styrregistret.kernel.actionplan.ActionPlanApproved;
import se.styrregistret.kernel.actionplan.DevelopmentArea;
import se.styrregistret.kernel.actionplan.Perspective;
import se.styrregistret.kernel.common.DecisionReference;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/** One version of a plan's header ({@code projection.action_plan_version}): declared counts and the areas and perspectives known. */
record ActionPlanVersion(String planId, long revisionFrom, LocalDate effectiveFrom, Instant recordedAt, String changeType,
                         String title, String period, String approvedBy, int developmentAreaCount, int perspectiveCount,
                         int actionCount, List<DevelopmentArea> developmentAreas, List<Perspective> perspectives,
                         DecisionReference decision) {

    static ActionPlanVersion approved(ActionPlanApproved e, long revision, Instant recordedAt) {
        return new ActionPlanVersion(e.planId().value(), revision, e.effectiveDate(), recordedAt, "ActionPlanApproved",
                e.title(), e.period(), e.approvedBy(), e.developmentAreaCount(), e.perspectiveCount(), e.actionCount(),
                List.copyOf(e.developmentAreas()), List.copyOf(e.perspectives()), e.decision());
    }

    static final String INSERT = """
            insert into projection.action_plan_version (plan_id, revision_from, effective_from, recorded_at, change_type,
                title, period, approved_by, development_area_count, perspective_count, action_count, development_areas,
                perspectives, decision_case, decision_paragraph, decision_date, decided_by)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, cast(? as jsonb), cast(? as jsonb), ?, ?, ?, ?)""";

    Object[] insertValues(JsonMapper json) {
        return new Object[]{planId, revisionFrom, effectiveFrom, OffsetDateTime.ofInstant(recordedAt, ZoneOffset.UTC),
                changeType, title, period, approvedBy, developmentAreaCount, perspectiveCount, actionCount,
                json.writeValueAsString(developmentAreas), json.writeValueAsString(perspectives), decision.caseNumber(),
                decision.paragraph(), decision.decisionDate(), decision.decidedBy()};
    }

    static ActionPlanVersion read(ResultSet rs, JsonMapper json) throws SQLException {
        return new ActionPlanVersion(rs.getString("plan_id"), rs.getLong("revision_from"),
                rs.getObject("effective_from", LocalDate.class), rs.getObject("recorded_at", OffsetDateTime.class).toInstant(),
                rs.getString("change_type"), rs.getString("title"), rs.getString("period"), rs.getString("approved_by"),
                rs.getInt("development_area_count"), rs.getInt("perspective_count"), rs.getInt("action_count"),
                json.readValue(rs.getString("development_areas"), new TypeReference<List<DevelopmentArea>>() { }),
                json.readValue(rs.getString("perspectives"), new TypeReference<List<Perspective>>() { }),
                DecisionColumns.read(rs));
    }
}
