package se.styrregistret.command.common;

import se.styrregistret.kernel.correction.EntryCorrected;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An aggregate's own entries of the log by event id, in the order recorded, with corrections
 * applied: a corrected entry leaves the list and its replacement takes its place; an annulled one
 * leaves it. Kept by event-sourcing handlers (assignment only); command handlers read it.
 */
public final class Entries {

    /** One entry: its event id and event. */
    public record Entry(String eventId, Object event) {
    }

    private final List<Entry> entries = new ArrayList<>();
    /** Entries corrected or annulled: event id → the replacement's event id (null when annulled). */
    private final Map<String, String> corrected = new HashMap<>();
    private String pendingId;
    private int pendingIndex = -1;

    /** An event recorded; a replacement right after its {@link EntryCorrected} takes the corrected entry's place. */
    public void record(String eventId, Object event) {
        if (pendingId != null) {
            entries.add(Math.min(pendingIndex, entries.size()), new Entry(eventId, event));
            corrected.put(pendingId, eventId);
            pendingId = null;
            pendingIndex = -1;
            return;
        }
        entries.add(new Entry(eventId, event));
    }

    public void record(EntryCorrected correction) {
        corrected.put(correction.correctedEventId(), null);
        int index = indexOf(correction.correctedEventId());
        if (index >= 0) entries.remove(index);
        if (!correction.annulled()) {
            pendingId = correction.correctedEventId();
            pendingIndex = index < 0 ? entries.size() : index;
        }
    }

    private int indexOf(String eventId) {
        for (int i = 0; i < entries.size(); i++) {
            if (entries.get(i).eventId().equals(eventId)) return i;
        }
        return -1;
    }

    public Optional<Object> find(String eventId) {
        int index = indexOf(eventId);
        return index < 0 ? Optional.empty() : Optional.of(entries.get(index).event());
    }

    public Map<String, String> corrected() {
        return corrected;
    }

    /** The events in order recorded. */
    public List<Object> events() {
        return entries.stream().map(Entry::event).toList();
    }

    /** The events in order recorded as they would be with the entry replaced ({@code replacement} null: annulled). */
    public List<Object> eventsWith(String eventId, Object replacement) {
        List<Object> events = new ArrayList<>();
        for (Entry e : entries) {
            if (!e.eventId().equals(eventId)) events.add(e.event());
            else if (replacement != null) events.add(replacement);
        }
        return events;
    }
}
