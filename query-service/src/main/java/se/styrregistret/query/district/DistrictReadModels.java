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

    private final RegisteredDistricts registered;

    DistrictReadModels(JdbcClient db, JsonMapper json, RegisteredDistricts registered) {
        this.registered = registered;
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

    static final String MONEY = "entry_type in ('ALLOCATION', 'DISTRIBUTED_ON', 'DISTRIBUTION', 'REVERSAL')";

    /** Money the ledger shows going to recipients in the district or to its area teams, per fiscal year, with its sources. */
    List<YearlyAllocation> allocationsTo(String district, List<String> areaTeams, AsOf asOf) {
        return db.sql("""
                        select fiscal_year, sum(amount_sek) as total,
                               string_agg(distinct coalesce(source_name, source_kind), '|') as sources
                        from projection.budget_ledger_entry
                        where %s and (lower(district) = lower(?) or recipient_id = any(?)) and revision <= ? and effective_date <= ?
                          and (retracted_at is null or retracted_at > ?)
                        group by fiscal_year order by fiscal_year""".formatted(MONEY))
                .params(district, areaTeams.toArray(String[]::new), asOf.revision(), asOf.date(), asOf.revision())
                .query((rs, i) -> new YearlyAllocation(rs.getInt("fiscal_year"),
                        java.math.BigDecimal.valueOf(rs.getLong("total")).movePointLeft(3), rs.getLong("total"),
                        rs.getString("sources") == null ? List.of() : List.of(rs.getString("sources").split("\\|"))))
                .list();
    }

    /**
     * Money recorded for no single district whose recipient or purpose names this district (the area teams of
     * several districts together), per year, recipient and purpose.
     */
    List<DistrictView.SharedAllocation> sharedWith(String district, AsOf asOf) {
        String like = "%" + district.replace("%", "").replace("_", "") + "%";
        List<String> known = registered.namesAsOf(asOf.revision());
        return db.sql("""
                        select fiscal_year, recipient_name, purpose, sum(amount_sek) as total,
                               string_agg(distinct coalesce(source_name, source_kind), '|') as sources
                        from projection.budget_ledger_entry
                        where %s and district is null and (purpose ilike ? or recipient_name ilike ?)
                          and revision <= ? and effective_date <= ? and (retracted_at is null or retracted_at > ?)
                        group by fiscal_year, recipient_name, purpose order by fiscal_year, recipient_name, purpose""".formatted(MONEY))
                .params(like, like, asOf.revision(), asOf.date(), asOf.revision())
                .query((rs, i) -> {
                    String text = (rs.getString("purpose") == null ? "" : rs.getString("purpose")) + " "
                            + (rs.getString("recipient_name") == null ? "" : rs.getString("recipient_name"));
                    List<String> named = known.stream()
                            .filter(d -> text.toLowerCase(java.util.Locale.ROOT).contains(d.toLowerCase(java.util.Locale.ROOT))).toList();
                    long total = rs.getLong("total");
                    return new DistrictView.SharedAllocation(rs.getInt("fiscal_year"), total,
                            se.styrregistret.kernel.budget.Amounts.tkr(total), rs.getString("recipient_name"), rs.getString("purpose"),
                            rs.getString("sources") == null ? List.of() : List.of(rs.getString("sources").split("\\|")), named,
                            "Gemensamt för " + joinSwedish(named) + "; källan anger ingen fördelning per stadsdel");
                })
                .list();
    }

    static String joinSwedish(List<String> items) {
        if (items.isEmpty()) return "flera stadsdelar";
        if (items.size() == 1) return items.get(0);
        return String.join(", ", items.subList(0, items.size() - 1)) + " och " + items.get(items.size() - 1);
    }

    /** Area teams of the district known at {@code asOf} (active or not), by id. */
    List<String> areaTeamsOf(String district, AsOf asOf) {
        return db.sql("""
                        select distinct body_id from projection.body_version
                        where revision_from <= ? and area_team is not null and lower(district) = lower(?)""")
                .params(asOf.revision(), district)
                .query((rs, i) -> rs.getString(1)).list();
    }

    List<DistrictView.ActionEntry> actionsTouching(String district, AsOf asOf) {
        List<Object[]> raw = db.sql("""
                        select a.plan_id, p.title as plan_title, a.action_id, a.title, a.development_area, a.status,
                               a.status_date, a.linked_bodies::text as linked_bodies,
                               (select x ->> 'title' from jsonb_array_elements(p.development_areas) x
                                where x ->> 'number' = a.development_area::text limit 1) as area_title,
                               exists (select 1 from projection.action_progress pr where pr.plan_id = a.plan_id
                                       and pr.action_id = a.action_id and pr.revision <= ?
                                       and (pr.retracted_at is null or pr.retracted_at > ?)) as reported
                        from projection.action_version a
                        join projection.action_plan_version p on p.plan_id = a.plan_id and %s
                        where %s and not a.withdrawn and a.districts @> jsonb_build_array(?::text)
                        order by p.title, a.action_id""".formatted(PLAN_ROW_IN_FORCE.formatted("p."),
                        PLAN_ROW_IN_FORCE.formatted("a.")))
                .params(prepend(asOf.revision(), prepend(asOf.revision(), at(asOf, asOf.revision(), asOf.revision(),
                        asOf.date(), asOf.revision(), asOf.date(), asOf.revision(), district))))
                .query((rs, i) -> {
                    Date statusDate = rs.getDate("status_date");
                    return new Object[]{rs.getString("plan_id"), rs.getString("plan_title"), rs.getString("action_id"),
                            rs.getString("title"), rs.getInt("development_area"), rs.getString("status"),
                            statusDate == null ? null : statusDate.toLocalDate(), rs.getString("linked_bodies"),
                            rs.getString("area_title"), rs.getBoolean("reported")};
                })
                .list();
        List<DistrictView.ActionEntry> out = new java.util.ArrayList<>();
        for (Object[] r : raw) {
            List<String> linked = json.readValue((String) r[7], STRINGS);
            List<DistrictView.LinkedBody> details = linkedBodies(linked, asOf);
            ProgressStatus status = ProgressStatus.valueOf((String) r[5]);
            int area = (Integer) r[4];
            String areaTitle = (String) r[8];
            boolean reported = (Boolean) r[9];
            out.add(new DistrictView.ActionEntry(ActionPlanId.of((String) r[0]), (String) r[1], (String) r[2], (String) r[3],
                    area, areaTitle, areaTitle == null ? "Utvecklingsområde " + area + " (namnet anges inte i källan)"
                    : "Utvecklingsområde " + area + ": " + areaTitle,
                    status, status.displayName(), reported, (java.time.LocalDate) r[6], linked, details,
                    statusNote(status, reported, details)));
        }
        return out;
    }

    /** What the register knows beside an action's progress: whether it was reported, and the bodies that exist for it. */
    static String statusNote(ProgressStatus status, boolean reported, List<DistrictView.LinkedBody> linked) {
        StringBuilder sb = new StringBuilder(reported
                ? "Läge enligt senaste lägesrapport: " + status.displayName().toLowerCase(java.util.Locale.ROOT) + "."
                : "Läge enligt åtgärdsplanen: " + status.displayName().toLowerCase(java.util.Locale.ROOT)
                + "; ingen lägesrapport är registrerad.");
        List<DistrictView.LinkedBody> existing = linked.stream().filter(b -> "aktivt".equals(b.status())).toList();
        if (!existing.isEmpty()) {
            sb.append(" Kopplade organ som finns: ").append(String.join(", ", existing.stream()
                    .map(b -> b.name() + (b.since() == null ? "" : " (sedan " + b.since() + ")")).toList())).append('.');
        }
        return sb.toString();
    }

    private List<DistrictView.LinkedBody> linkedBodies(List<String> ids, AsOf asOf) {
        if (ids.isEmpty()) return List.of();
        java.util.Map<String, DistrictView.LinkedBody> found = new java.util.LinkedHashMap<>();
        db.sql("""
                        select v.body_id, v.name, v.status,
                               (select min(b.effective_from) from projection.body_version b
                                where b.body_id = v.body_id and b.revision_from <= ?) as established_from
                        from projection.body_version v
                        where v.body_id = any(?) and %s""".formatted(BODY_IN_FORCE.replace("revision_", "v.revision_")
                        .replace("effective_", "v.effective_")))
                .params(asOf.revision(), ids.toArray(String[]::new), asOf.revision(), asOf.date(), asOf.revision(), asOf.date())
                .query((rs, i) -> found.put(rs.getString("body_id"), new DistrictView.LinkedBody(
                        GovernanceBodyId.of(rs.getString("body_id")), rs.getString("name"),
                        se.styrregistret.query.wording.EventWording.status(rs.getString("status")),
                        rs.getDate("established_from") == null ? null : rs.getDate("established_from").toLocalDate()))).list();
        return ids.stream().map(id -> found.getOrDefault(id, new DistrictView.LinkedBody(GovernanceBodyId.of(id),
                null, "finns inte ännu", null))).toList();
    }

    private static Object[] prepend(Object first, Object[] rest) {
        Object[] all = new Object[rest.length + 1];
        all[0] = first;
        System.arraycopy(rest, 0, all, 1, rest.length);
        return all;
    }
}
