package se.styrregistret.command.district;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import se.styrregistret.command.lookup.LookupTable;
import se.styrregistret.kernel.district.DistrictRegistered;
import se.styrregistret.kernel.district.Districts;

import java.util.Optional;

/**
 * The registered districts, kept by the command-service from the log ({@link DistrictRegistered}) in the
 * same transaction as the events, for the rules that name a district (pictures, actions). A
 * {@link LookupTable}: it catches up from the log when it is behind.
 */
@Component
class DistrictRegistry implements DistrictLookup, LookupTable {

    private final JdbcTemplate jdbc;

    DistrictRegistry(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<String> canonical(String name) {
        if (name == null || name.isBlank()) return Optional.empty();
        return jdbc.query("select name from registry.district where name_key = ?",
                rs -> rs.next() ? Optional.of(rs.getString(1)) : Optional.<String>empty(), Districts.normalised(name));
    }

    @Override
    public String name() {
        return "districts";
    }

    @Override
    public boolean follows(Object event) {
        return event instanceof DistrictRegistered;
    }

    @Override
    public void apply(Object event) {
        if (event instanceof DistrictRegistered e) {
            jdbc.update("insert into registry.district (name_key, name, municipality) values (?, ?, ?) on conflict do nothing",
                    Districts.normalised(e.name()), e.name(), e.municipality());
        }
    }

    @Override
    public void clear() {
        jdbc.update("delete from registry.district");
    }

    @Override
    public boolean isEmpty() {
        return !Boolean.TRUE.equals(jdbc.queryForObject("select exists (select 1 from registry.district)", Boolean.class));
    }
}
