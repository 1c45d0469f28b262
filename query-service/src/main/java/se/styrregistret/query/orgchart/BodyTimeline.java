package se.styrregistret.query.orgchart;

import se.styrregistret.kernel.common.DecisionReference;
import se.styrregistret.kernel.governance.AreaTeamDetails;
import se.styrregistret.kernel.governance.AreaTeamEstablished;
import se.styrregistret.kernel.governance.EstablishingDecisionRescinded;
import se.styrregistret.kernel.governance.FieldChange;
import se.styrregistret.kernel.governance.GovernanceBodyAmended;
import se.styrregistret.kernel.governance.GovernanceBodyDissolved;
import se.styrregistret.kernel.governance.GovernanceBodyEstablished;
import se.styrregistret.kernel.governance.GovernanceBodyId;
import se.styrregistret.kernel.governance.GovernanceBodyReplaced;
import se.styrregistret.kernel.governance.GovernanceBodySucceeded;
import se.styrregistret.kernel.governance.Level;
import se.styrregistret.kernel.governance.Member;
import se.styrregistret.kernel.governance.MemberAppointed;
import se.styrregistret.kernel.governance.MemberRemoved;
import se.styrregistret.kernel.governance.ReportingLineSet;
import se.styrregistret.kernel.governance.Scope;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * One body's governance events folded in effective-date order (ties in the order recorded) into
 * its versions. A late-recorded change lands where its date puts it, whatever was recorded after
 * it; a corrected or annulled entry no longer counts from the revision that retracted it.
 */
final class BodyTimeline {

    /** The governance events a body's timeline is made of (the chart's projection handles each). */
    static final Set<Class<?>> EVENT_TYPES = Set.of(GovernanceBodyEstablished.class, AreaTeamEstablished.class,
            GovernanceBodyAmended.class, MemberAppointed.class, MemberRemoved.class, ReportingLineSet.class,
            GovernanceBodyDissolved.class, GovernanceBodyReplaced.class, GovernanceBodySucceeded.class,
            EstablishingDecisionRescinded.class);

    private BodyTimeline() {
    }

    /**
     * One recorded event of a body.
     *
     * @param corrects           the event id of the entry this one replaces, if it is a correction's replacement
     * @param correctionRevision the revision of the correction that corrected or annulled this entry, if any
     * @param retractedAt        the revision from which this entry no longer counts, if any
     */
    record Entry(String eventId, String bodyId, long revision, LocalDate effectiveDate, Instant recordedAt,
                 String recordedBy, Object event, String corrects, Long correctionRevision, String correctionReason,
                 boolean annulled, Long retractedAt) {

        boolean counts() {
            return retractedAt == null;
        }

        Entry correctedAt(long revision, String reason, boolean annul) {
            return new Entry(eventId, bodyId, revision(), effectiveDate, recordedAt, recordedBy, event, corrects, revision,
                    reason, annul, retractedAt);
        }

        Entry retractedAt(long revision) {
            return new Entry(eventId, bodyId, revision(), effectiveDate, recordedAt, recordedBy, event, corrects,
                    correctionRevision, correctionReason, annulled, revision);
        }

        BodyVersion.Change change() {
            return new BodyVersion.Change(revision, effectiveDate, recordedAt, recordedBy, event.getClass().getSimpleName(),
                    fieldChanges(event), decisionOf(event));
        }
    }

    /**
     * The body's versions from the entries that count, each in force until the next one's date. Changes
     * of one date apply in the order recorded; a correction's replacement takes the place of the entry
     * it corrects in that order (as the command side checks it).
     */
    static List<BodyVersion> fold(List<Entry> entries) {
        Map<String, Entry> byId = new HashMap<>();
        entries.forEach(e -> byId.put(e.eventId(), e));
        List<Entry> ordered = entries.stream().filter(Entry::counts)
                .sorted(Comparator.comparing(Entry::effectiveDate).thenComparingLong(e -> placeInOrder(e, byId)))
                .toList();
        List<BodyVersion> versions = new ArrayList<>();
        BodyVersion current = null;
        for (Entry entry : ordered) {
            BodyVersion.Change change = entry.change();
            if (current == null) {
                // a change dated before the establishment has nothing to apply to (the command side refuses it)
                current = first(entry.event(), change);
                if (current != null) versions.add(current);
                continue;
            }
            if (isEstablishment(entry.event())) continue;
            BodyVersion next;
            if (current.effectiveFrom().equals(change.effectiveDate())) {
                next = current; // one version per date: the state after every change of that date
                next.restamp(change);
            } else {
                next = current.next(change);
                current.until(change.effectiveDate());
                versions.add(next);
            }
            edit(next, entry.event());
            current = next;
        }
        return versions;
    }

    /** The revision an entry is ordered by among changes of its date: its own, or the first of the entries it corrects. */
    static long placeInOrder(Entry entry, Map<String, Entry> byId) {
        Entry first = entry;
        for (int hops = 0; first.corrects() != null && byId.containsKey(first.corrects()) && hops < 1000; hops++) {
            first = byId.get(first.corrects());
        }
        return first.revision();
    }

    static boolean isEstablishment(Object event) {
        return event instanceof GovernanceBodyEstablished || event instanceof AreaTeamEstablished;
    }

    private static BodyVersion first(Object event, BodyVersion.Change change) {
        if (event instanceof GovernanceBodyEstablished e) {
            BodyVersion v = BodyVersion.first(change, e.bodyId().value(), e.name(), e.shortName(), e.level(), e.scope());
            v.organise(e.mandate(), e.convener(), e.meetingFrequency(), e.supportingResources());
            v.members(e.members());
            return v;
        }
        if (event instanceof AreaTeamEstablished e) {
            BodyVersion v = BodyVersion.first(change, e.bodyId().value(), e.name(), null, Level.OPERATIONAL,
                    Scope.district(e.district()));
            v.organise(e.purpose() == null ? List.of() : List.of(e.purpose()), null, null,
                    e.hostOrganisation() == null ? List.of() : List.of(e.hostOrganisation()));
            v.areaTeam(new AreaTeamDetails(e.district(), e.hostOrganisation(), e.commissioningCommittee(),
                    e.teamLeaders(), e.safetyWardens(), e.purpose()));
            return v;
        }
        return null;
    }

    /**
     * What one change does to the version in force. An amendment sets only the fields it names as
     * changed: it carries the body's other values as they were when it was recorded, which a change
     * recorded later but dated earlier may have altered since.
     */
    static void edit(BodyVersion v, Object event) {
        if (event instanceof GovernanceBodyAmended e) {
            for (FieldChange c : e.changes()) {
                switch (c.field()) {
                    case "name" -> v.rename(e.name());
                    case "mandate" -> v.mandate(e.mandate());
                    case "convener" -> v.convener(e.convener());
                    case "meetingFrequency" -> v.meetingFrequency(e.meetingFrequency());
                    case "supportingResources" -> v.supportingResources(e.supportingResources());
                    default -> { } // a field the chart does not show
                }
            }
        } else if (event instanceof MemberAppointed e) {
            List<Member> members = new ArrayList<>(v.members());
            members.removeIf(m -> m.role().equalsIgnoreCase(e.member().role()));
            members.add(e.member());
            v.members(members);
        } else if (event instanceof MemberRemoved e) {
            v.members(v.members().stream().filter(m -> !m.role().equalsIgnoreCase(e.member().role())).toList());
        } else if (event instanceof ReportingLineSet e) {
            v.reportTo(idOrNull(e.reportsTo()));
        } else if (event instanceof GovernanceBodyDissolved e) {
            v.end("DISSOLVED", e.reason());
        } else if (event instanceof GovernanceBodyReplaced e) {
            v.replacedBy(ids(e.successors()));
            v.end("REPLACED", e.note());
        } else if (event instanceof GovernanceBodySucceeded e) {
            v.succeeds(ids(e.predecessors()), e.note());
        } else if (event instanceof EstablishingDecisionRescinded e) {
            v.rescinded(e.rescinded());
        } else {
            throw new IllegalArgumentException("not a change of a body: " + event.getClass().getName());
        }
    }

    /** What the change altered, as the body's history lists it. */
    static List<FieldChange> fieldChanges(Object event) {
        if (event instanceof GovernanceBodyAmended e) return e.changes();
        if (event instanceof MemberAppointed e) return List.of(new FieldChange("members", null, describe(e.member())));
        if (event instanceof MemberRemoved e) return List.of(new FieldChange("members", describe(e.member()), null));
        if (event instanceof ReportingLineSet e) {
            return List.of(new FieldChange("reportsTo", idOrNull(e.previous()), idOrNull(e.reportsTo())));
        }
        if (event instanceof GovernanceBodyDissolved) return List.of(new FieldChange("status", "ACTIVE", "DISSOLVED"));
        if (event instanceof GovernanceBodyReplaced) return List.of(new FieldChange("status", "ACTIVE", "REPLACED"));
        if (event instanceof GovernanceBodySucceeded e) {
            return List.of(new FieldChange("predecessors", null, String.join(", ", ids(e.predecessors()))));
        }
        if (event instanceof EstablishingDecisionRescinded e) {
            return List.of(new FieldChange("establishedBy", null, "upphävt: " + e.rescinded().describe()));
        }
        return List.of();
    }

    // Every governance event of a body names it as bodyId and carries effectiveDate and decision: read
    // through the record's accessors, so a new event type needs no new case here (EVENT_TYPES lists them).

    static DecisionReference decisionOf(Object event) {
        return (DecisionReference) component(event, "decision");
    }

    static LocalDate effectiveDateOf(Object event) {
        return (LocalDate) component(event, "effectiveDate");
    }

    static String bodyIdOf(Object event) {
        return ((GovernanceBodyId) component(event, "bodyId")).value();
    }

    private static Object component(Object event, String name) {
        if (!EVENT_TYPES.contains(event.getClass())) {
            throw new IllegalArgumentException("not a change of a body: " + event.getClass().getName());
        }
        try {
            return event.getClass().getMethod(name).invoke(event);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(event.getClass().getSimpleName() + " has no " + name, e);
        }
    }

    private static String describe(Member m) {
        return m.holder() == null ? m.role() : m.role() + " (" + m.holder() + ")";
    }

    private static String idOrNull(GovernanceBodyId id) {
        return id == null ? null : id.value();
    }

    private static List<String> ids(List<GovernanceBodyId> ids) {
        return ids.stream().map(GovernanceBodyId::value).filter(Objects::nonNull).toList();
    }
}
