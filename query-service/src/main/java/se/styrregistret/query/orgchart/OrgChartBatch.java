package se.styrregistret.query.orgchart;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import se.styrregistret.query.revision.ProjectionBatch;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The org chart's changes in one processor batch. For each body it touches: the body's recorded
 * entries and its open versions, as stored and as the batch has changed them. Each new entry folds
 * the body's timeline again ({@link BodyTimeline}); open versions the fold no longer gives are closed
 * at the entry's revision, versions it gives anew are opened there. Written as a few batched
 * statements when the batch commits, so readers see only whole batches.
 * <p>
 * Most entries arrive in date order: dated on or after the body's latest version, correcting nothing.
 * Such an entry changes only that version (it ends where the entry begins, or takes the entry on its
 * own date), so a body is first read in part, its latest open version alone, and the entry is applied
 * to it directly; the fold would give the same versions. A late entry, a correction or an annulment
 * reads the body in full and folds it again. Without this, catching up with a long-lived body read
 * and folded all its changes for every new one.
 */
final class OrgChartBatch implements ProjectionBatch.State {

    private static final String INSERT_ENTRY = """
            insert into projection.body_change (event_id, body_id, revision, effective_date, recorded_at, recorded_by,
                event_type, payload, corrects) values (?, ?, ?, ?, ?, ?, ?, cast(? as jsonb), ?)""";

    private final JdbcClient db;
    private final JdbcTemplate jdbc;
    private final JsonMapper json;
    private final Map<String, Body> bodies = new HashMap<>();
    private final List<BodyTimeline.Entry> newEntries = new ArrayList<>();
    private final Map<String, BodyTimeline.Entry> changedEntries = new LinkedHashMap<>();
    private final List<BodyVersion> opened = new ArrayList<>();
    private final List<BodyVersion> closedStored = new ArrayList<>();

    /**
     * A body as the batch sees it. In full ({@code complete}): every entry and every open version. In
     * part: its latest open version as stored, and what the batch has added (entries, versions).
     */
    private static final class Body {
        final String id;
        final Map<String, BodyTimeline.Entry> entries = new LinkedHashMap<>();
        List<BodyVersion> open = new ArrayList<>();
        boolean complete = true;

        Body(String id) {
            this.id = id;
        }
    }

    /** Event ids of the batch's governance events the chart holds already (a batch that comes again). */
    private final Set<String> appliedBefore = new HashSet<>();

    /** {@code jdbc} for the batched writes only (JdbcClient has no batch API). */
    OrgChartBatch(JdbcClient db, JdbcTemplate jdbc, JsonMapper json, Collection<String> bodiesOfTheBatch,
                  Collection<String> eventsOfTheBatch) {
        this.db = db;
        this.jdbc = jdbc;
        this.json = json;
        if (!eventsOfTheBatch.isEmpty()) {
            appliedBefore.addAll(db.sql("select event_id from projection.body_change where event_id = any(?)")
                    .param(eventsOfTheBatch.toArray(String[]::new)).query(String.class).list());
        }
        try {
            loadLatest(bodiesOfTheBatch);
        } catch (RuntimeException e) {
            // one body's stored rows cannot be read: read body by body instead, so only that body's
            // events fail (and are dead-lettered), not every event of the batch
            bodies.clear();
        }
    }

    /** The entry with this event id, if the body has it (the one a correction names). */
    Optional<BodyTimeline.Entry> entry(String bodyId, String eventId) {
        return Optional.ofNullable(complete(body(bodyId)).entries.get(eventId));
    }

    /** Whether the chart holds this event already: its batch committed, but the commit's answer was lost. */
    boolean applied(String bodyId, String eventId) {
        return appliedBefore.contains(eventId) || body(bodyId).entries.containsKey(eventId);
    }

    /** Records the entry (retracting the one it corrects) and folds the body's timeline again at its revision. */
    void record(BodyTimeline.Entry entry) {
        Body body = body(entry.bodyId());
        if (!body.complete) {
            BodyVersion latest = latest(body);
            if (entry.corrects() == null && !BodyTimeline.isEstablishment(entry.event()) && latest != null
                    && !entry.effectiveDate().isBefore(latest.effectiveFrom())) {
                applyInOrder(body, latest, entry);
                return;
            }
            complete(body);
        }
        if (!BodyTimeline.isEstablishment(entry.event())
                && body.entries.values().stream().noneMatch(e -> BodyTimeline.isEstablishment(e.event()))) {
            // its establishment is not in the log the chart has read: the event is parked, not applied to nothing
            throw new IllegalStateException("event for body " + entry.bodyId() + " at revision " + entry.revision()
                    + " but the body was never established");
        }
        if (entry.corrects() != null) {
            BodyTimeline.Entry corrected = body.entries.get(entry.corrects());
            if (corrected != null && corrected.counts()) replace(body, corrected.retractedAt(entry.revision()));
        }
        body.entries.put(entry.eventId(), entry);
        newEntries.add(entry);
        refold(body, entry.revision());
    }

    /**
     * A correction names the entry: annulled, the entry stops counting at {@code revision} and the
     * timeline is folded again; corrected, its replacement (the next event) retracts it.
     */
    void correct(String bodyId, String eventId, long revision, String reason, boolean annulled) {
        Body body = complete(body(bodyId));
        BodyTimeline.Entry entry = body.entries.get(eventId);
        if (entry == null || entry.correctionRevision() != null) return; // not this body's, or applied already
        BodyTimeline.Entry noted = entry.correctedAt(revision, reason, annulled);
        if (annulled) noted = noted.retractedAt(revision);
        replace(body, noted);
        if (annulled) refold(body, revision);
    }

    /**
     * An entry after every change the body has: as the fold would apply it last. On the latest version's
     * own date the version is written again with the entry; on a later date the latest version ends there
     * and a new one begins.
     */
    private void applyInOrder(Body body, BodyVersion latest, BodyTimeline.Entry entry) {
        long revision = entry.revision();
        body.entries.put(entry.eventId(), entry);
        newEntries.add(entry);
        BodyVersion.Change change = entry.change();
        latest.closeAt(revision);
        if (latest.id() != null) closedStored.add(latest); // one opened in this batch is inserted closed
        body.open.remove(latest);
        if (!latest.effectiveFrom().equals(change.effectiveDate())) {
            BodyVersion ended = latest.copy();
            ended.until(change.effectiveDate());
            open(body, ended, revision);
        }
        BodyVersion next = latest.next(change);
        BodyTimeline.edit(next, entry.event());
        open(body, next, revision);
    }

    private void open(Body body, BodyVersion version, long revision) {
        version.writtenAt(revision);
        opened.add(version);
        body.open.add(version);
    }

    private static BodyVersion latest(Body body) {
        BodyVersion latest = null;
        for (BodyVersion v : body.open) {
            if (latest == null || v.effectiveFrom().isAfter(latest.effectiveFrom())) latest = v;
        }
        return latest;
    }

    /**
     * The body in full: its stored entries and open versions, with the batch's own changes on top (entries
     * it recorded; versions it closed are no longer open, versions it opened are).
     */
    private Body complete(Body body) {
        if (body.complete) return body;
        String bodyId = body.id;
        Body stored = read(List.of(bodyId)).get(bodyId);
        Set<Long> closed = new HashSet<>();
        for (BodyVersion v : closedStored) if (v.bodyId().equals(bodyId)) closed.add(v.id());
        Map<String, BodyTimeline.Entry> entries = new LinkedHashMap<>(stored.entries);
        entries.putAll(body.entries);
        List<BodyVersion> open = new ArrayList<>();
        for (BodyVersion v : stored.open) if (!closed.contains(v.id())) open.add(v);
        for (BodyVersion v : body.open) if (v.id() == null) open.add(v);
        body.entries.clear();
        body.entries.putAll(entries);
        body.open = open;
        body.complete = true;
        return body;
    }

    private void replace(Body body, BodyTimeline.Entry entry) {
        body.entries.put(entry.eventId(), entry);
        changedEntries.put(entry.eventId(), entry);
    }

    private void refold(Body body, long revision) {
        List<BodyVersion> fresh = new ArrayList<>(BodyTimeline.fold(new ArrayList<>(body.entries.values())));
        // the folded versions by content, so each open version finds its equal in one lookup
        Map<List<Object>, ArrayDeque<BodyVersion>> byContent = new HashMap<>();
        for (BodyVersion f : fresh) byContent.computeIfAbsent(f.content(json), k -> new ArrayDeque<>()).add(f);
        List<BodyVersion> stillOpen = new ArrayList<>();
        for (BodyVersion old : body.open) {
            ArrayDeque<BodyVersion> equal = byContent.get(old.content(json));
            BodyVersion same = equal == null ? null : equal.poll();
            if (same != null) {
                fresh.remove(same);
                stillOpen.add(old);
            } else {
                old.closeAt(revision);
                if (old.id() != null) closedStored.add(old); // one opened in this batch is inserted closed
            }
        }
        for (BodyVersion v : fresh) {
            v.writtenAt(revision);
            opened.add(v);
            stillOpen.add(v);
        }
        body.open = stillOpen; // empty when the establishment itself is annulled: the body never was
    }

    @Override
    public void flush() {
        if (!newEntries.isEmpty()) {
            jdbc.batchUpdate(INSERT_ENTRY, newEntries.stream().map(this::insertValues).toList());
        }
        if (!changedEntries.isEmpty()) {
            jdbc.batchUpdate("""
                    update projection.body_change set correction_revision = ?, correction_reason = ?, annulled = ?,
                        retracted_at = ? where event_id = ?""",
                    changedEntries.values().stream().map(e -> new Object[]{e.correctionRevision(), e.correctionReason(),
                            e.annulled(), e.retractedAt(), e.eventId()}).toList());
        }
        if (!closedStored.isEmpty()) {
            jdbc.batchUpdate("update projection.body_version set revision_to = ? where id = ?",
                    closedStored.stream().map(v -> new Object[]{v.revisionTo(), v.id()}).toList());
        }
        if (!opened.isEmpty()) {
            jdbc.batchUpdate(BodyVersion.INSERT, opened.stream().map(v -> v.insertValues(json)).toList());
            writeDistricts();
        }
    }

    /**
     * The districts the opened versions place their bodies in, each kept from the first revision it was known
     * (versions are never deleted, so the earliest stays the earliest). One statement: it groups the batch's
     * rows by the district's key, which only the database computes as every filter compares it.
     */
    private void writeDistricts() {
        List<BodyVersion> placed = opened.stream().filter(v -> v.activeDistrict() != null).toList();
        if (placed.isEmpty()) return;
        jdbc.update(con -> {
            var statement = con.prepareStatement("""
                    insert into projection.body_district (district_key, body_id, known_from)
                    select lower(district), body_id, min(known_from)
                    from unnest(?::varchar[], ?::varchar[], ?::bigint[]) as placed(district, body_id, known_from)
                    group by lower(district), body_id
                    on conflict (district_key, body_id) do update set known_from = excluded.known_from
                        where excluded.known_from < projection.body_district.known_from""");
            statement.setArray(1, con.createArrayOf("varchar", placed.stream().map(BodyVersion::activeDistrict).toArray()));
            statement.setArray(2, con.createArrayOf("varchar", placed.stream().map(BodyVersion::bodyId).toArray()));
            statement.setArray(3, con.createArrayOf("bigint", placed.stream().map(BodyVersion::revisionFrom).toArray()));
            return statement;
        });
    }

    private Object[] insertValues(BodyTimeline.Entry e) {
        return new Object[]{e.eventId(), e.bodyId(), e.revision(), e.effectiveDate(),
                OffsetDateTime.ofInstant(e.recordedAt(), ZoneOffset.UTC), e.recordedBy(), e.event().getClass().getSimpleName(),
                json.writeValueAsString(e.event()), e.corrects()};
    }

    private Body body(String bodyId) {
        if (!bodies.containsKey(bodyId)) bodies.putAll(read(List.of(bodyId)));
        return bodies.get(bodyId);
    }

    /**
     * The batch's bodies in part: each one's latest open version. One without an open version (new, or
     * its establishment annulled) is read in full: it has few rows, if any.
     */
    private void loadLatest(Collection<String> bodyIds) {
        List<String> unseen = bodyIds.stream().filter(id -> !bodies.containsKey(id)).distinct().toList();
        if (unseen.isEmpty()) return;
        Map<String, Body> loaded = new HashMap<>();
        // each body's latest open version alone, by the index on (body_id, effective_from) of open versions (V930):
        // a body keeps every ended version open too, and "distinct on" read and returned all of them
        db.sql("""
                        select v.* from unnest(?::varchar[]) as b(id)
                        cross join lateral (select * from projection.body_version o
                                            where o.body_id = b.id and o.revision_to is null
                                            order by o.effective_from desc limit 1) v""")
                .param(unseen.toArray(String[]::new))
                .query((RowCallbackHandler) rs -> {
                    BodyVersion v = BodyVersion.read(rs, json);
                    Body body = new Body(v.bodyId());
                    body.complete = false;
                    body.open.add(v);
                    loaded.put(v.bodyId(), body);
                });
        List<String> rest = unseen.stream().filter(id -> !loaded.containsKey(id)).toList();
        if (!rest.isEmpty()) loaded.putAll(read(rest));
        bodies.putAll(loaded);
    }

    /** Bodies in full, as stored. */
    private Map<String, Body> read(Collection<String> bodyIds) {
        List<String> unseen = bodyIds.stream().distinct().toList();
        Map<String, Body> loaded = new HashMap<>();
        unseen.forEach(id -> loaded.put(id, new Body(id)));
        String[] ids = unseen.toArray(String[]::new);
        db.sql("select * from projection.body_change where body_id = any(?) order by revision").param(ids)
                .query((RowCallbackHandler) rs -> {
                    BodyTimeline.Entry entry = entry(rs, json);
                    loaded.get(entry.bodyId()).entries.put(entry.eventId(), entry);
                });
        db.sql("select * from projection.body_version where body_id = any(?) and revision_to is null").param(ids)
                .query((RowCallbackHandler) rs -> {
                    BodyVersion v = BodyVersion.read(rs, json);
                    loaded.get(v.bodyId()).open.add(v);
                });
        return loaded;
    }

    /** A stored entry; its event read back as the governance event type it was written from. */
    static BodyTimeline.Entry entry(ResultSet rs, JsonMapper json) throws SQLException {
        String type = rs.getString("event_type");
        Class<?> eventType = BodyTimeline.EVENT_TYPES.stream().filter(t -> t.getSimpleName().equals(type)).findFirst()
                .orElseThrow(() -> new SQLException("body_change row of an unknown event type " + type));
        Object event;
        try {
            event = json.readValue(rs.getString("payload"), eventType);
        } catch (JacksonException e) {
            throw new SQLException("body_change row with unreadable JSON", e);
        }
        long correction = rs.getLong("correction_revision");
        Long correctionRevision = rs.wasNull() ? null : correction;
        long retracted = rs.getLong("retracted_at");
        Long retractedAt = rs.wasNull() ? null : retracted;
        return new BodyTimeline.Entry(rs.getString("event_id"), rs.getString("body_id"), rs.getLong("revision"),
                rs.getObject("effective_date", LocalDate.class),
                rs.getObject("recorded_at", OffsetDateTime.class).toInstant(), rs.getString("recorded_by"), event,
                rs.getString("corrects"), correctionRevision, rs.getString("correction_reason"),
                rs.getBoolean("annulled"), retractedAt);
    }
}
