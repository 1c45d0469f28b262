package se.styrregistret.query.audit;

import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import se.styrregistret.query.wording.EventWording;

import java.util.HashMap;
import java.util.Map;

/**
 * The names the audit trail's own rows give what events refer to by id: bodies (established, area teams,
 * amended), action plans and their actions, referrals, allocations, frames and grants. Read once per answer,
 * in one query, newest name last so it wins; every lookup after that is in memory.
 */
final class AuditNames implements EventWording.Names {

    private final Map<String, String> names = new HashMap<>();

    private AuditNames() {
    }

    static AuditNames load(NamedParameterJdbcTemplate jdbc) {
        AuditNames n = new AuditNames();
        jdbc.query("""
                select kind, id, name from (
                    select revision, 0 as ord, 'body' as kind, payload ->> 'bodyId' as id, payload ->> 'name' as name
                    from projection.audit_event
                    where event_type in ('GovernanceBodyEstablished', 'AreaTeamEstablished', 'GovernanceBodyAmended')
                    union all
                    select revision, 0, 'plan', payload ->> 'planId', payload ->> 'title'
                    from projection.audit_event where event_type = 'ActionPlanApproved'
                    union all
                    select a.revision, 1, 'action', (a.payload ->> 'planId') || '/' || (x ->> 'actionId'), x ->> 'title'
                    from projection.audit_event a cross join lateral jsonb_array_elements(
                        case when jsonb_typeof(a.payload -> 'actions') = 'array' then a.payload -> 'actions' else '[]'::jsonb end) x
                    where a.event_type = 'ActionPlanApproved'
                    union all
                    select revision, 0, 'action', (payload ->> 'planId') || '/' || (payload -> 'action' ->> 'actionId'),
                           payload -> 'action' ->> 'title'
                    from projection.audit_event where event_type in ('ActionAdded', 'ActionRevised')
                    union all
                    select revision, 0, 'referral', payload ->> 'referralId', payload ->> 'subject'
                    from projection.audit_event where event_type = 'FinancingReferred'
                    union all
                    select revision, 0, 'allocation', payload ->> 'allocationId', payload ->> 'purpose'
                    from projection.audit_event where event_type = 'BudgetAllocated'
                    union all
                    select revision, 0, 'frame', payload ->> 'frameId',
                           'Budgetram för ' || (payload ->> 'committee') || ' ' || (payload ->> 'fiscalYear')
                    from projection.audit_event where event_type = 'BudgetFrameOpened'
                    union all
                    select revision, 0, 'grant', payload ->> 'grantId', 'Bidrag från ' || (payload ->> 'grantor')
                    from projection.audit_event where event_type = 'GrantRegistered'
                ) named where id is not null and name is not null order by revision, ord""", Map.of(), rs -> {
            n.names.put(rs.getString(1) + ":" + rs.getString(2), rs.getString(3));
        });
        return n;
    }

    /** Bodies by their org-chart name where the trail has none (e.g. a trail rebuilt from an excerpt). */
    AuditNames withBodies(Map<String, String> bodies) {
        bodies.forEach((id, name) -> names.putIfAbsent("body:" + id, name));
        return this;
    }

    @Override
    public String body(String id) {
        return names.get("body:" + id);
    }

    @Override
    public String plan(String id) {
        return names.get("plan:" + id);
    }

    @Override
    public String action(String planId, String actionId) {
        return names.get("action:" + planId + "/" + actionId);
    }

    @Override
    public String referral(String id) {
        return names.get("referral:" + id);
    }

    @Override
    public String allocation(String id) {
        return names.get("allocation:" + id);
    }

    @Override
    public String frame(String id) {
        return names.get("frame:" + id);
    }

    @Override
    public String grant(String id) {
        return names.get("grant:" + id);
    }

    /** The name of an affected id, whatever it names; null when none is known. */
    String any(String id) {
        for (String kind : new String[]{"body", "plan", "referral", "allocation", "frame", "grant"}) {
            String name = names.get(kind + ":" + id);
            if (name != null) return name;
        }
        return null;
    }
}
