package se.styrregistret.command.lookup;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * Which events each lookup table has applied. The live path and the catch-up see every event;
 * whichever records it first applies it. Recording takes the row's unique index: if the other path
 * holds it in an open transaction, this one waits for that transaction's outcome, so an event is
 * never applied twice nor lost when one of them rolls back.
 */
@Component
class AppliedEvents {

    private final JdbcTemplate jdbc;
    private final List<LookupTable> tables;

    AppliedEvents(JdbcTemplate jdbc, List<LookupTable> tables) {
        this.jdbc = jdbc;
        this.tables = tables;
    }

    /** Applies the event to every table that follows it and has not applied it yet. */
    void apply(Object event, String eventId, String corrects) {
        for (LookupTable table : tables) {
            if (table.follows(event) && firstTime(table.name(), eventId)) {
                table.apply(event, eventId, corrects);
            }
        }
    }

    private boolean firstTime(String table, String eventId) {
        return jdbc.update("insert into registry.lookup_applied_event (lookup, event_id) values (?, ?) on conflict do nothing",
                table, eventId) == 1;
    }

    /** Empties every table and forgets what it applied: the catch-up then rebuilds them from the start of the log. */
    void clearAll() {
        for (LookupTable table : tables) table.clear();
        jdbc.update("delete from registry.lookup_applied_event");
    }

    /** Whether the tables hold nothing yet: a new database, to be filled from the start of the log. */
    boolean nothingApplied() {
        Boolean any = jdbc.queryForObject("select exists (select 1 from registry.lookup_applied_event)", Boolean.class);
        return !Boolean.TRUE.equals(any) && tables.stream().allMatch(LookupTable::isEmpty);
    }
}
