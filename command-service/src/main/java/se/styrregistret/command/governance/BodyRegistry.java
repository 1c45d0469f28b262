package se.styrregistret.command.governance;

import org.springframework.stereotype.Component;
import se.styrregistret.command.lookup.LookupTable;
import se.styrregistret.kernel.governance.AreaTeamEstablished;
import se.styrregistret.kernel.governance.GovernanceBodyAmended;
import se.styrregistret.kernel.governance.GovernanceBodyDissolved;
import se.styrregistret.kernel.governance.GovernanceBodyEstablished;
import se.styrregistret.kernel.governance.GovernanceBodyId;
import se.styrregistret.kernel.governance.GovernanceBodyReplaced;
import se.styrregistret.kernel.governance.ReportingLineSet;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Which bodies exist and are active, kept by the command-service itself for rules that span
 * aggregates (unique names among active bodies; one active area team per district; no
 * reporting-line cycles; no money to an ended body). A {@link LookupTable}: a row changes in the
 * same transaction as the event that changes it, and the table catches up from the log when it is
 * behind; unique indexes close the race between two concurrent commands.
 */
@Component
public class BodyRegistry implements BodyLookup, LookupTable {

    private final BodyRegistryRepository entries;

    BodyRegistry(BodyRegistryRepository entries) {
        this.entries = entries;
    }

    @Override
    public boolean exists(GovernanceBodyId id) {
        return entries.existsById(id.value());
    }

    @Override
    public boolean isActive(GovernanceBodyId id) {
        return entries.findById(id.value()).map(BodyRegistryEntry::isActive).orElse(false);
    }

    @Override
    public boolean isNameTakenByActiveBody(String name) {
        return entries.existsActiveByName(name);
    }

    @Override
    public boolean hasActiveAreaTeamIn(String district) {
        return entries.existsActiveAreaTeamIn(district);
    }

    @Override
    public List<GovernanceBodyId> reportingChainOf(GovernanceBodyId id) {
        Set<String> chain = new LinkedHashSet<>();
        Optional<String> next = entries.findById(id.value()).map(BodyRegistryEntry::reportsTo);
        while (next.isPresent() && chain.add(next.get())) {
            next = entries.findById(next.get()).map(BodyRegistryEntry::reportsTo);
        }
        return new ArrayList<>(chain.stream().map(GovernanceBodyId::of).toList());
    }

    @Override
    public String name() {
        return "body-registry";
    }

    @Override
    public boolean follows(Object event) {
        return event instanceof GovernanceBodyEstablished || event instanceof AreaTeamEstablished
                || event instanceof GovernanceBodyAmended || event instanceof ReportingLineSet
                || event instanceof GovernanceBodyDissolved || event instanceof GovernanceBodyReplaced;
    }

    @Override
    public void apply(Object event) {
        if (event instanceof GovernanceBodyEstablished e) {
            entries.save(new BodyRegistryEntry(e.bodyId().value(), e.name(), null));
        } else if (event instanceof AreaTeamEstablished e) {
            entries.save(new BodyRegistryEntry(e.bodyId().value(), e.name(), e.district()));
        } else if (event instanceof GovernanceBodyAmended e) {
            entries.findById(e.bodyId().value()).ifPresent(entry -> entry.rename(e.name()));
        } else if (event instanceof ReportingLineSet e) {
            entries.findById(e.bodyId().value())
                    .ifPresent(entry -> entry.reportTo(e.reportsTo() == null ? null : e.reportsTo().value()));
        } else if (event instanceof GovernanceBodyDissolved e) {
            entries.findById(e.bodyId().value()).ifPresent(BodyRegistryEntry::end);
        } else if (event instanceof GovernanceBodyReplaced e) {
            entries.findById(e.bodyId().value()).ifPresent(BodyRegistryEntry::end);
        }
    }

    @Override
    public void clear() {
        entries.deleteAllInBatch();
    }

    @Override
    public boolean isEmpty() {
        return entries.count() == 0;
    }
}
