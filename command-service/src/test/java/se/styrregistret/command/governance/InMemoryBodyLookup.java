package se.styrregistret.command.governance;

import se.styrregistret.kernel.governance.GovernanceBodyId;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The command-side lookup for aggregate fixtures, where there is no database; tests say what exists,
 * as dated facts read the way {@link BodyRegistry} reads its rows ({@link BodyFacts}). Without a date,
 * a fact holds from {@link #LONG_AGO}.
 */
public class InMemoryBodyLookup implements BodyLookup {

    public static final LocalDate LONG_AGO = LocalDate.of(1900, 1, 1);

    private final List<BodyFacts.Fact> facts = new ArrayList<>();
    private long recorded;

    private InMemoryBodyLookup fact(BodyFacts.Kind kind, String bodyId, LocalDate date, String name, String district, String reportsTo) {
        facts.add(new BodyFacts.Fact(UUID.randomUUID().toString(), kind, bodyId, date, recorded++, name, district, reportsTo));
        return this;
    }

    private boolean started(String id) {
        return facts.stream().anyMatch(f -> f.bodyId().equals(id) && f.kind() == BodyFacts.Kind.START);
    }

    public InMemoryBodyLookup active(String id) {
        return active(id, LONG_AGO, null);
    }

    /** A body active during {@code [from, until)} (until null: still active). */
    public InMemoryBodyLookup active(String id, LocalDate from, LocalDate until) {
        fact(BodyFacts.Kind.START, id, from, id, null, null);
        return until == null ? this : fact(BodyFacts.Kind.END, id, until, null, null, null);
    }

    /** A body that exists but was never active on any date a test uses. */
    public InMemoryBodyLookup ended(String id) {
        return active(id, LONG_AGO, LONG_AGO);
    }

    public InMemoryBodyLookup nameTaken(String name) {
        return nameTaken(name, LONG_AGO, null);
    }

    /** Another body carrying {@code name} during {@code [from, until)}. */
    public InMemoryBodyLookup nameTaken(String name, LocalDate from, LocalDate until) {
        String id = "name-holder-" + recorded;
        fact(BodyFacts.Kind.START, id, from, name, null, null);
        return until == null ? this : fact(BodyFacts.Kind.END, id, until, null, null, null);
    }

    public InMemoryBodyLookup areaTeamIn(String district) {
        return areaTeam("area-team-" + district, district, LONG_AGO, null);
    }

    /** An area team in {@code district} during {@code [from, until)}. */
    public InMemoryBodyLookup areaTeam(String id, String district, LocalDate from, LocalDate until) {
        fact(BodyFacts.Kind.START, id, from, "Områdesteam " + district + " " + id, district, null);
        return until == null ? this : fact(BodyFacts.Kind.END, id, until, null, null, null);
    }

    public InMemoryBodyLookup reports(String from, String to) {
        return reports(from, to, LONG_AGO);
    }

    /** {@code from} reports to {@code to} (null: to no one) from {@code date} on. */
    public InMemoryBodyLookup reports(String from, String to, LocalDate date) {
        if (!started(from)) active(from);
        if (to != null && !started(to)) active(to);
        return fact(BodyFacts.Kind.REPORTS, from, date, null, null, to);
    }

    private BodyFacts of(String id) {
        return new BodyFacts(facts.stream().filter(f -> f.bodyId().equals(id)).toList());
    }

    @Override
    public boolean exists(GovernanceBodyId id) {
        return started(id.value());
    }

    @Override
    public boolean isActiveOn(GovernanceBodyId id, LocalDate date) {
        return of(id.value()).activeOn(date);
    }

    @Override
    public Optional<GovernanceBodyId> nameHolderDuring(String name, LocalDate from, LocalDate until, GovernanceBodyId except) {
        return facts.stream().map(BodyFacts.Fact::bodyId).distinct()
                .filter(id -> except == null || !id.equals(except.value()))
                .filter(id -> of(id).carriesNameDuring(name, from, until)).findFirst().map(GovernanceBodyId::of);
    }

    @Override
    public Optional<GovernanceBodyId> areaTeamDuring(String district, LocalDate from, LocalDate until, GovernanceBodyId except) {
        return facts.stream().map(BodyFacts.Fact::bodyId).distinct()
                .filter(id -> except == null || !id.equals(except.value()))
                .filter(id -> district.equalsIgnoreCase(of(id).district()))
                .filter(id -> of(id).life().map(l -> l.overlaps(from, until)).orElse(false))
                .findFirst().map(GovernanceBodyId::of);
    }

    @Override
    public Optional<GovernanceBodyId> reportsToOn(GovernanceBodyId id, LocalDate date) {
        return of(id.value()).reportsToOn(date);
    }

    @Override
    public List<LocalDate> reportingChangesOf(GovernanceBodyId id) {
        return of(id.value()).reportingChanges();
    }
}
