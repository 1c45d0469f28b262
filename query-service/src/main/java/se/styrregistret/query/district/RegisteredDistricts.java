package se.styrregistret.query.district;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import se.styrregistret.kernel.common.DecisionReference;
import se.styrregistret.kernel.district.DistrictRegistered;
import se.styrregistret.kernel.district.Districts;
import se.styrregistret.kernel.district.PriorityDistrictDesignated;
import tools.jackson.databind.json.JsonMapper;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The registered districts, a projection of {@link DistrictRegistered} and {@link PriorityDistrictDesignated}
 * (kept by the districts processor, {@link DistrictProjection}); read by every place that names districts:
 * the district view, the action plans' progress per district, the audit trail's district filter.
 */
@Component
public class RegisteredDistricts {

    private final JdbcClient db;
    private final JsonMapper json;

    RegisteredDistricts(JdbcClient db, JsonMapper json) {
        this.db = db;
        this.json = json;
    }

    /** One registered district, as of a revision. */
    public record Entry(String name, String municipality, LocalDate registeredFrom, DecisionReference registeredBy,
                        boolean priority, LocalDate priorityFrom, DecisionReference designatedBy) {
    }

    /** The registered spelling of {@code name} (compared case-insensitively), or empty when none is registered. */
    public Optional<String> canonical(String name) {
        if (name == null || name.isBlank()) return Optional.empty();
        return db.sql("select name from projection.district_version where name_key = ? and revision_to is null")
                .param(Districts.normalised(name))
                .query(String.class).optional();
    }

    /** The districts registered at {@code revision}, by name. */
    public List<Entry> asOf(long revision) {
        return db.sql("""
                        select * from projection.district_version
                        where revision_from <= ? and (revision_to is null or revision_to > ?) order by name""")
                .params(revision, revision).query((rs, i) -> entry(rs)).list();
    }

    /** The names of the districts registered at {@code revision}, priority districts first, each group by name. */
    public List<String> namesAsOf(long revision) {
        return asOf(revision).stream()
                .sorted(java.util.Comparator.comparing((Entry e) -> !e.priority()).thenComparing(Entry::name))
                .map(Entry::name).toList();
    }

    private Entry entry(ResultSet rs) throws SQLException {
        boolean priority = rs.getObject("priority_revision", Long.class) != null;
        return new Entry(rs.getString("name"), rs.getString("municipality"), rs.getObject("registered_date", LocalDate.class),
                decision(rs.getString("registered_decision")), priority,
                priority ? rs.getObject("priority_date", LocalDate.class) : null,
                priority ? decision(rs.getString("priority_decision")) : null);
    }

    private DecisionReference decision(String text) {
        return text == null ? null : json.readValue(text, DecisionReference.class);
    }

    /** A district registered, or its registration's replacement (a correction): the next version from {@code revision}. */
    void registered(DistrictRegistered event, long revision) {
        String key = Districts.normalised(event.name());
        close(key, revision);
        db.sql("""
                        insert into projection.district_version (name_key, name, municipality, registered_revision,
                            registered_date, registered_decision, priority_revision, priority_date, priority_decision, revision_from)
                        select ?, ?, ?, ?, ?, ?, p.priority_revision, p.priority_date, p.priority_decision, ?
                        from (select 1) one left join (select * from projection.district_version
                            where name_key = ? and revision_to = ?) p on true""")
                .params(key, event.name(), event.municipality(), revision, event.effectiveDate(),
                        json.writeValueAsString(event.decision()), revision, key, revision)
                .update();
    }

    /** A district designated a priority district (or a designation's replacement): the next version. */
    void designated(PriorityDistrictDesignated event, long revision) {
        String key = Districts.normalised(event.name());
        if (close(key, revision) == 0) return;
        db.sql("""
                        insert into projection.district_version (name_key, name, municipality, registered_revision,
                            registered_date, registered_decision, priority_revision, priority_date, priority_decision, revision_from)
                        select name_key, name, municipality, registered_revision, registered_date, registered_decision, ?, ?, ?, ?
                        from projection.district_version where name_key = ? and revision_to = ?""")
                .params(revision, event.effectiveDate(), json.writeValueAsString(event.decision()), revision, key, revision)
                .update();
    }

    /** A designation annulled: from {@code revision} the district is no priority district. */
    void designationAnnulled(String key, long revision) {
        if (close(key, revision) == 0) return;
        db.sql("""
                        insert into projection.district_version (name_key, name, municipality, registered_revision,
                            registered_date, registered_decision, revision_from)
                        select name_key, name, municipality, registered_revision, registered_date, registered_decision, ?
                        from projection.district_version where name_key = ? and revision_to = ?""")
                .params(revision, key, revision)
                .update();
    }

    /** Closes the district's current version at {@code revision}; how many it closed (0: none was open). */
    private int close(String key, long revision) {
        return db.sql("update projection.district_version set revision_to = ? where name_key = ? and revision_to is null")
                .params(revision, key).update();
    }

    void deleteAll() {
        db.sql("delete from projection.district_version").update();
    }
}
