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
        return db.sql("select name from projection.district where name_key = ?").param(Districts.normalised(name))
                .query(String.class).optional();
    }

    /** The districts registered at {@code revision}, by name. */
    public List<Entry> asOf(long revision) {
        return db.sql("select * from projection.district where registered_revision <= ? order by name")
                .param(revision).query((rs, i) -> entry(rs, revision)).list();
    }

    /** The names of the districts registered at {@code revision}, priority districts first, each group by name. */
    public List<String> namesAsOf(long revision) {
        return asOf(revision).stream()
                .sorted(java.util.Comparator.comparing((Entry e) -> !e.priority()).thenComparing(Entry::name))
                .map(Entry::name).toList();
    }

    private Entry entry(ResultSet rs, long revision) throws SQLException {
        Long priorityRevision = rs.getObject("priority_revision", Long.class);
        boolean priority = priorityRevision != null && priorityRevision <= revision;
        return new Entry(rs.getString("name"), rs.getString("municipality"), rs.getObject("registered_date", LocalDate.class),
                decision(rs.getString("registered_decision")), priority,
                priority ? rs.getObject("priority_date", LocalDate.class) : null,
                priority ? decision(rs.getString("priority_decision")) : null);
    }

    private DecisionReference decision(String text) {
        return text == null ? null : json.readValue(text, DecisionReference.class);
    }

    void registered(DistrictRegistered event, long revision) {
        db.sql("""
                        insert into projection.district (name_key, name, municipality, registered_revision, registered_date,
                                                         registered_decision)
                        values (?, ?, ?, ?, ?, ?) on conflict do nothing""")
                .params(Districts.normalised(event.name()), event.name(), event.municipality(), revision,
                        event.effectiveDate(), json.writeValueAsString(event.decision()))
                .update();
    }

    void designated(PriorityDistrictDesignated event, long revision) {
        db.sql("""
                        update projection.district set priority_revision = ?, priority_date = ?, priority_decision = ?
                        where name_key = ? and priority_revision is null""")
                .params(revision, event.effectiveDate(), json.writeValueAsString(event.decision()),
                        Districts.normalised(event.name()))
                .update();
    }

    void deleteAll() {
        db.sql("delete from projection.district").update();
    }
}
