package se.styrregistret.command.lookup;

/**
 * A table the command side keeps from the event log, for rules that span aggregates (the body
 * registry, the budget balances). It follows the log twice over: live, in the same transaction as
 * the command whose events change it ({@link LiveLookups}), and from the log itself, so that a
 * PostgreSQL that is new or behind catches up with a log kept elsewhere ({@link LookupCatchUp}).
 * {@link AppliedEvents} makes sure each event changes it once, whichever comes first.
 */
public interface LookupTable {

    /** A stable name, recorded with every event applied to the table. */
    String name();

    /** Whether the table changes with this event. */
    boolean follows(Object event);

    /** Changes the table for this event; called once per event. */
    void apply(Object event);

    /**
     * Changes the table for this event, knowing its identifier (a table that keeps rows per event, so a
     * correction, {@code EntryCorrected}, can take the corrected entry's rows out); called once per event.
     */
    default void apply(Object event, String eventId) {
        apply(event);
    }

    /**
     * As {@link #apply(Object, String)}, for an event that replaces a corrected entry ({@code corrects}: that
     * entry's identifier, from the event's metadata {@code EntryCorrected.CORRECTS}; null for an ordinary event).
     */
    default void apply(Object event, String eventId, String corrects) {
        apply(event, eventId);
    }

    /** Empties the table, before it is rebuilt from the start of the log. */
    void clear();

    /** Whether the table holds nothing (a new database). */
    boolean isEmpty();
}
