package se.styrregistret.command.governance;

import se.styrregistret.kernel.governance.GovernanceBodyId;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * What command handlers may ask about other bodies, on a date: every answer is about the
 * effective-date clock (a body's life, names, area-team districts and reporting lines as timelines),
 * so a change recorded late is checked against the organisation as it was on its date.
 * {@link BodyRegistry} answers from the command side's own table; aggregate tests give an in-memory one.
 * Intervals are {@code [from, until)}; {@code until} null is open-ended.
 */
public interface BodyLookup {

    boolean exists(GovernanceBodyId id);

    /** True when the body exists on {@code date}: established on or before it and not ended on or before it. */
    boolean isActiveOn(GovernanceBodyId id, LocalDate date);

    /**
     * Another body than {@code except} that carries the name (case-insensitive) on some date of
     * {@code [from, until)} while it is active.
     */
    Optional<GovernanceBodyId> nameHolderDuring(String name, LocalDate from, LocalDate until, GovernanceBodyId except);

    /** Another area team than {@code except} in the district whose life overlaps {@code [from, until)}. */
    Optional<GovernanceBodyId> areaTeamDuring(String district, LocalDate from, LocalDate until, GovernanceBodyId except);

    /** The body {@code id} reports to on {@code date}, by its reporting-line timeline. */
    Optional<GovernanceBodyId> reportsToOn(GovernanceBodyId id, LocalDate date);

    /** The dates on which {@code id}'s reporting line changes. */
    List<LocalDate> reportingChangesOf(GovernanceBodyId id);

    /** The bodies {@code id} reports to on {@code date}, nearest first, up to the top (stops at a repeat). */
    default List<GovernanceBodyId> reportingChainOn(GovernanceBodyId id, LocalDate date) {
        Set<GovernanceBodyId> chain = new LinkedHashSet<>();
        Optional<GovernanceBodyId> next = reportsToOn(id, date);
        while (next.isPresent() && chain.add(next.get())) {
            next = reportsToOn(next.get(), date);
        }
        return new ArrayList<>(chain);
    }

    /**
     * The first date of {@code [from, until)} on which {@code body} reporting to {@code target} would close
     * a circle. The chain above {@code target} is walked on {@code from} and on every date within the
     * interval where a line of any body met in a chain changes; between those dates the chain is the same.
     */
    default Optional<LocalDate> reportingCycleDuring(GovernanceBodyId body, GovernanceBodyId target, LocalDate from,
                                                     LocalDate until) {
        if (target.equals(body)) return Optional.of(from);
        TreeSet<LocalDate> dates = new TreeSet<>(List.of(from));
        Set<GovernanceBodyId> seen = new LinkedHashSet<>();
        Set<LocalDate> checked = new TreeSet<>();
        while (true) {
            LocalDate date = dates.stream().filter(d -> !checked.contains(d)).findFirst().orElse(null);
            if (date == null) return Optional.empty();
            checked.add(date);
            List<GovernanceBodyId> chain = new ArrayList<>(List.of(target));
            chain.addAll(reportingChainOn(target, date));
            if (chain.contains(body)) return Optional.of(date);
            for (GovernanceBodyId link : chain) {
                if (seen.add(link)) {
                    for (LocalDate change : reportingChangesOf(link)) {
                        if (change.isAfter(from) && (until == null || change.isBefore(until))) dates.add(change);
                    }
                }
            }
        }
    }
}
