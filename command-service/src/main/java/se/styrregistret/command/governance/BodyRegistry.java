package se.styrregistret.command.governance;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;
import se.styrregistret.command.lookup.LookupTable;
import se.styrregistret.kernel.correction.EntryCorrected;
import se.styrregistret.kernel.governance.GovernanceBodyId;

import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Which bodies exist, and what was true of them on which date, kept by the command-service itself for
 * rules that span aggregates (unique names among bodies active on a date; one area team per district
 * at a time; no reporting-line cycle on any date; no money to a body that has ended). The checks of one
 * name, one district, or of reporting lines are serialised by advisory locks (see {@link #lock}). A
 * {@link LookupTable}: every event adds dated rows ({@link BodyFacts}), keyed by the event that states
 * them, in the same transaction as the event; the table catches up from the log when it is behind.
 * Rows are read in effective-date order, so events arriving with their dates out of order leave it
 * right; a correction ({@link EntryCorrected}) deletes the corrected entry's rows and its replacement
 * adds its own.
 */
@Component
public class BodyRegistry implements BodyLookup, LookupTable {

    private static final String COLUMNS = "event_id, kind, body_id, effective_date, recorded, name, district, reports_to";
    private static final RowMapper<BodyFacts.Fact> FACT = (rs, i) -> new BodyFacts.Fact(rs.getString(1),
            BodyFacts.Kind.valueOf(rs.getString(2)), rs.getString(3), rs.getObject(4, LocalDate.class), rs.getLong(5),
            rs.getString(6), rs.getString(7), rs.getString(8));

    private final JdbcTemplate jdbc;

    BodyRegistry(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    private BodyFacts factsOf(String bodyId) {
        return new BodyFacts(jdbc.query("select " + COLUMNS + " from registry.body_fact where body_id = ?", FACT, bodyId));
    }

    @Override
    public boolean exists(GovernanceBodyId id) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "select exists (select 1 from registry.body_fact where body_id = ? and kind = 'START')", Boolean.class, id.value()));
    }

    @Override
    public boolean isActiveOn(GovernanceBodyId id, LocalDate date) {
        return factsOf(id.value()).activeOn(date);
    }

    /**
     * Serialises the commands that check the same cross-body rule (a transaction-scoped advisory lock,
     * held until the command's events and rows commit): the second sees the first's rows, so two
     * concurrent commands cannot both pass a check that only one of them may (a name, a district's team,
     * a reporting line).
     */
    private void lock(String key) {
        jdbc.query("select pg_advisory_xact_lock(hashtext(?))", rs -> { }, key);
    }

    @Override
    public Optional<GovernanceBodyId> nameHolderDuring(String name, LocalDate from, LocalDate until, GovernanceBodyId except) {
        lock("body-name:" + name.strip().toLowerCase(java.util.Locale.ROOT));
        List<String> candidates = jdbc.queryForList("select distinct body_id from registry.body_fact "
                + "where kind in ('START', 'NAME') and lower(name) = lower(?) and body_id <> ?", String.class,
                name.strip(), except == null ? "" : except.value());
        return candidates.stream().filter(id -> factsOf(id).carriesNameDuring(name, from, until)).findFirst().map(GovernanceBodyId::of);
    }

    @Override
    public Optional<GovernanceBodyId> areaTeamDuring(String district, LocalDate from, LocalDate until, GovernanceBodyId except) {
        lock("area-team:" + district.strip().toLowerCase(java.util.Locale.ROOT));
        List<String> candidates = jdbc.queryForList("select distinct body_id from registry.body_fact "
                + "where kind = 'START' and lower(district) = lower(?) and body_id <> ?", String.class,
                district.strip(), except == null ? "" : except.value());
        return candidates.stream()
                .filter(id -> factsOf(id).life().map(l -> l.overlaps(from, until)).orElse(false))
                .findFirst().map(GovernanceBodyId::of);
    }

    @Override
    public Optional<LocalDate> reportingCycleDuring(GovernanceBodyId body, GovernanceBodyId target, LocalDate from, LocalDate until) {
        lock("reporting-lines");
        return BodyLookup.super.reportingCycleDuring(body, target, from, until);
    }

    @Override
    public Optional<GovernanceBodyId> reportsToOn(GovernanceBodyId id, LocalDate date) {
        return factsOf(id.value()).reportsToOn(date);
    }

    @Override
    public List<LocalDate> reportingChangesOf(GovernanceBodyId id) {
        return factsOf(id.value()).reportingChanges();
    }

    @Override
    public String name() {
        return "body-registry";
    }

    @Override
    public boolean follows(Object event) {
        return event instanceof EntryCorrected || !BodyFacts.of(event, "", 0).isEmpty();
    }

    @Override
    public void apply(Object event) {
        throw new UnsupportedOperationException("the body registry keys its rows by event id");
    }

    @Override
    public void apply(Object event, String eventId) {
        if (event instanceof EntryCorrected corrected) {
            jdbc.update("delete from registry.body_fact where event_id = ?", corrected.correctedEventId());
            return;
        }
        for (BodyFacts.Fact f : BodyFacts.of(event, eventId, 0)) {
            jdbc.update("insert into registry.body_fact (event_id, kind, body_id, effective_date, name, district, reports_to) "
                            + "values (?, ?, ?, ?, ?, ?, ?) on conflict do nothing",
                    f.eventId(), f.kind().name(), f.bodyId(), Date.valueOf(f.date()), f.name(), f.district(), f.reportsTo());
        }
    }

    @Override
    public void clear() {
        jdbc.update("delete from registry.body_fact");
    }

    @Override
    public boolean isEmpty() {
        return !Boolean.TRUE.equals(jdbc.queryForObject("select exists (select 1 from registry.body_fact)", Boolean.class));
    }
}
