package se.styrregistret.query.district;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import se.styrregistret.kernel.actionplan.ActionPlanId;
import se.styrregistret.kernel.actionplan.ProgressStatus;
import se.styrregistret.kernel.governance.GovernanceBodyId;
import se.styrregistret.kernel.governance.Level;
import se.styrregistret.query.revision.AsOf;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import java.sql.Date;
import java.util.List;

/**
 * Read-only queries over other capabilities' current rows (the org chart's body versions, the
 * action plans' action versions), for the district view. Never writes.
 */
@Component
class DistrictReadModels {

    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
    };

    private final JdbcClient db;
    private final JsonMapper json;

    DistrictReadModels(JdbcClient db, JsonMapper json) {
        this.db = db;
        this.json = json;
    }

    /** Rows in force on {@code asOf.date()} as known at {@code asOf.revision()}: the versioned tables' one lookup. */
    static final String IN_FORCE = "%1$srevision_from <= ? and %1$seffective_from <= ? "
            + "and (%1$srevision_to is null or %1$srevision_to > ? or %1$seffective_to > ?)";

    /**
     * An action plan's row in force (the staircase {@link #IN_FORCE}) and not retracted by a correction
     * at the revision: a correction retracts the rows it replaces from its revision and writes the corrected
     * history as rows from it.
     */
    static final String PLAN_ROW_IN_FORCE = IN_FORCE + " and (%1$sretracted_at is null or %1$sretracted_at > ?)";

    /** A body version in force on the date as known at the revision: a rectangle on both clocks (V800). */
    static final String BODY_IN_FORCE = "revision_from <= ? and effective_from <= ? "
            + "and (revision_to is null or revision_to > ?) and (effective_to is null or effective_to > ?)";

    private static Object[] at(AsOf asOf, Object... rest) {
        Object[] args = new Object[4 + rest.length];
        args[0] = asOf.revision();
        args[1] = asOf.date();
        args[2] = asOf.revision();
        args[3] = asOf.date();
        System.arraycopy(rest, 0, args, 4, rest.length);
        return args;
    }

    List<DistrictView.BodyEntry> activeBodiesIn(String district, AsOf asOf) {
        return db.sql("""
                        select body_id, name, short_name, level, effective_from from projection.body_version
                        where %s and status = 'ACTIVE' and scope_kind = 'DISTRICT' and district = ?
                        order by name""".formatted(BODY_IN_FORCE))
                .params(at(asOf, district))
                .query((rs, i) -> new DistrictView.BodyEntry(GovernanceBodyId.of(rs.getString("body_id")), rs.getString("name"),
                        rs.getString("short_name"), Level.valueOf(rs.getString("level")),
                        rs.getDate("effective_from").toLocalDate()))
                .list();
    }

    /** The district's area team, if one is active: the org chart knows it by its area-team details. */
    java.util.Optional<GovernanceBodyId> activeAreaTeamIn(String district, AsOf asOf) {
        return db.sql("""
                        select body_id from projection.body_version
                        where %s and status = 'ACTIVE' and area_team is not null and district = ?
                        order by effective_from desc limit 1""".formatted(BODY_IN_FORCE))
                .params(at(asOf, district))
                .query((rs, i) -> GovernanceBodyId.of(rs.getString(1)))
                .optional();
    }

    /** Money the ledger shows going to recipients in the district, per fiscal year, with its sources. */
    List<YearlyAllocation> allocationsTo(String district, AsOf asOf) {
        return db.sql("""
                        select fiscal_year, sum(amount_sek) as total,
                               string_agg(distinct coalesce(source_name, source_kind), '|') as sources
                        from projection.budget_ledger_entry
                        where lower(district) = lower(?) and revision <= ? and effective_date <= ?
                          and (retracted_at is null or retracted_at > ?)
                        group by fiscal_year order by fiscal_year""")
                .params(district, asOf.revision(), asOf.date(), asOf.revision())
                .query((rs, i) -> new YearlyAllocation(rs.getInt("fiscal_year"),
                        java.math.BigDecimal.valueOf(rs.getLong("total")).movePointLeft(3),
                        rs.getString("sources") == null ? List.of() : List.of(rs.getString("sources").split("\\|"))))
                .list();
    }

    List<DistrictView.ActionEntry> actionsTouching(String district, AsOf asOf) {
        return db.sql("""
                        select a.plan_id, p.title as plan_title, a.action_id, a.title, a.development_area, a.status,
                               a.status_date, a.linked_bodies::text as linked_bodies
                        from projection.action_version a
                        join projection.action_plan_version p on p.plan_id = a.plan_id and %s
                        where %s and not a.withdrawn and a.districts @> jsonb_build_array(?::text)
                        order by p.title, a.action_id""".formatted(PLAN_ROW_IN_FORCE.formatted("p."),
                        PLAN_ROW_IN_FORCE.formatted("a.")))
                .params(at(asOf, asOf.revision(), asOf.revision(), asOf.date(), asOf.revision(), asOf.date(),
                        asOf.revision(), district))
                .query((rs, i) -> {
                    Date statusDate = rs.getDate("status_date");
                    return new DistrictView.ActionEntry(ActionPlanId.of(rs.getString("plan_id")), rs.getString("plan_title"),
                            rs.getString("action_id"), rs.getString("title"), rs.getInt("development_area"),
                            ProgressStatus.valueOf(rs.getString("status")),
                            statusDate == null ? null : statusDate.toLocalDate(),
                            json.readValue(rs.getString("linked_bodies"), STRINGS));
                })
                .list();
    }
}
