package se.styrregistret.command.governance;

import se.styrregistret.kernel.governance.GovernanceBodyId;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The command-side lookup for aggregate fixtures, where there is no database; tests say what exists. */
public class InMemoryBodyLookup implements BodyLookup {

    private final Set<String> active = new HashSet<>();
    private final Set<String> ended = new HashSet<>();
    private final Set<String> activeNames = new HashSet<>();
    private final Set<String> areaTeamDistricts = new HashSet<>();
    private final Map<String, String> reportsTo = new HashMap<>();

    public InMemoryBodyLookup active(String id) {
        active.add(id);
        return this;
    }

    public InMemoryBodyLookup ended(String id) {
        ended.add(id);
        return this;
    }

    public InMemoryBodyLookup nameTaken(String name) {
        activeNames.add(name.toLowerCase());
        return this;
    }

    public InMemoryBodyLookup areaTeamIn(String district) {
        areaTeamDistricts.add(district.toLowerCase());
        return this;
    }

    public InMemoryBodyLookup reports(String from, String to) {
        active.add(from);
        active.add(to);
        reportsTo.put(from, to);
        return this;
    }

    @Override
    public boolean exists(GovernanceBodyId id) {
        return active.contains(id.value()) || ended.contains(id.value());
    }

    @Override
    public boolean isActive(GovernanceBodyId id) {
        return active.contains(id.value());
    }

    @Override
    public boolean isNameTakenByActiveBody(String name) {
        return activeNames.contains(name.toLowerCase());
    }

    @Override
    public boolean hasActiveAreaTeamIn(String district) {
        return areaTeamDistricts.contains(district.toLowerCase());
    }

    @Override
    public List<GovernanceBodyId> reportingChainOf(GovernanceBodyId id) {
        Set<String> seen = new LinkedHashSet<>();
        for (String next = reportsTo.get(id.value()); next != null && seen.add(next); next = reportsTo.get(next)) {
            // walk up until the top or a repeat
        }
        return seen.stream().map(GovernanceBodyId::of).toList();
    }
}
