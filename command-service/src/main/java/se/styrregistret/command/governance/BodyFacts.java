package se.styrregistret.command.governance;

import se.styrregistret.kernel.governance.AreaTeamEstablished;
import se.styrregistret.kernel.governance.GovernanceBodyAmended;
import se.styrregistret.kernel.governance.GovernanceBodyDissolved;
import se.styrregistret.kernel.governance.GovernanceBodyEstablished;
import se.styrregistret.kernel.governance.GovernanceBodyId;
import se.styrregistret.kernel.governance.GovernanceBodyReplaced;
import se.styrregistret.kernel.governance.ReportingLineSet;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One body's dated facts as the registry keeps them (its start, end, names and reporting lines), each
 * from the event that states it, and what they say on a date. The facts are read in effective-date
 * order (then the order recorded), never in the order they arrived, so a change recorded late takes
 * its place on the timeline and nothing is "last write wins".
 */
final class BodyFacts {

    enum Kind { START, END, NAME, REPORTS }

    /** A fact: from the event {@code eventId}, about {@code bodyId}, effective from {@code date}. */
    record Fact(String eventId, Kind kind, String bodyId, LocalDate date, long recorded, String name, String district,
                String reportsTo) {
        static final Comparator<Fact> TIMELINE = Comparator.comparing(Fact::date).thenComparingLong(Fact::recorded);
    }

    /** A stretch of time {@code [from, until)}; {@code until} null is open-ended. */
    record Interval(LocalDate from, LocalDate until) {
        boolean overlaps(LocalDate otherFrom, LocalDate otherUntil) {
            return (otherUntil == null || from.isBefore(otherUntil)) && (until == null || otherFrom.isBefore(until));
        }

        boolean contains(LocalDate date) {
            return !date.isBefore(from) && (until == null || date.isBefore(until));
        }
    }

    private final List<Fact> facts;

    /** The facts an event states (none for an event the registry does not follow). */
    static List<Fact> of(Object event, String eventId, long recorded) {
        if (event instanceof GovernanceBodyEstablished e) {
            return List.of(new Fact(eventId, Kind.START, e.bodyId().value(), e.effectiveDate(), recorded, e.name(), null, null));
        }
        if (event instanceof AreaTeamEstablished e) {
            return List.of(new Fact(eventId, Kind.START, e.bodyId().value(), e.effectiveDate(), recorded, e.name(), e.district(), null));
        }
        if (event instanceof GovernanceBodyAmended e && e.changes().stream().anyMatch(c -> "name".equals(c.field()))) {
            return List.of(new Fact(eventId, Kind.NAME, e.bodyId().value(), e.effectiveDate(), recorded, e.name(), null, null));
        }
        if (event instanceof ReportingLineSet e) {
            return List.of(new Fact(eventId, Kind.REPORTS, e.bodyId().value(), e.effectiveDate(), recorded, null, null,
                    e.reportsTo() == null ? null : e.reportsTo().value()));
        }
        if (event instanceof GovernanceBodyDissolved e) {
            return List.of(new Fact(eventId, Kind.END, e.bodyId().value(), e.effectiveDate(), recorded, null, null, null));
        }
        if (event instanceof GovernanceBodyReplaced e) {
            return List.of(new Fact(eventId, Kind.END, e.bodyId().value(), e.effectiveDate(), recorded, null, null, null));
        }
        return List.of();
    }

    BodyFacts(List<Fact> facts) {
        this.facts = new ArrayList<>(facts);
        this.facts.sort(Fact.TIMELINE);
    }

    /** The body's life, or empty when it has no start (unknown). */
    Optional<Interval> life() {
        LocalDate start = null;
        LocalDate end = null;
        for (Fact f : facts) {
            if (f.kind() == Kind.START && start == null) start = f.date();
            if (f.kind() == Kind.END && end == null) end = f.date();
        }
        return start == null ? Optional.empty() : Optional.of(new Interval(start, end));
    }

    boolean activeOn(LocalDate date) {
        return life().map(l -> l.contains(date)).orElse(false);
    }

    String district() {
        return facts.stream().filter(f -> f.kind() == Kind.START).map(Fact::district).filter(Objects::nonNull).findFirst().orElse(null);
    }

    /** Whether the body carries {@code name} (case-insensitive) on some date of {@code [from, until)} while active. */
    boolean carriesNameDuring(String name, LocalDate from, LocalDate until) {
        Optional<Interval> life = life();
        if (life.isEmpty()) return false;
        List<Fact> names = facts.stream().filter(f -> f.kind() == Kind.START || f.kind() == Kind.NAME).toList();
        for (int i = 0; i < names.size(); i++) {
            Fact f = names.get(i);
            LocalDate segmentUntil = i + 1 < names.size() ? names.get(i + 1).date() : null;
            LocalDate end = life.get().until();
            if (end != null && (segmentUntil == null || end.isBefore(segmentUntil))) segmentUntil = end;
            if (f.name() != null && f.name().equalsIgnoreCase(name.strip()) && !(segmentUntil != null && !f.date().isBefore(segmentUntil))
                    && new Interval(f.date(), segmentUntil).overlaps(from, until)) {
                return true;
            }
        }
        return false;
    }

    Optional<GovernanceBodyId> reportsToOn(LocalDate date) {
        String to = null;
        for (Fact f : facts) {
            if (f.date().isAfter(date)) break;
            if (f.kind() == Kind.REPORTS) to = f.reportsTo();
        }
        return Optional.ofNullable(to).map(GovernanceBodyId::of);
    }

    List<LocalDate> reportingChanges() {
        return facts.stream().filter(f -> f.kind() == Kind.REPORTS).map(Fact::date).toList();
    }
}
