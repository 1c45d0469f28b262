package se.styrregistret.command.governance;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;
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
 * reporting-line cycles; no money to an ended body). Updated by a subscribing processor, so a
 * row changes in the same transaction as the event that changes it; unique indexes close the
 * race between two concurrent commands.
 */
@Component
@ProcessingGroup(BodyRegistry.PROCESSING_GROUP)
public class BodyRegistry implements BodyLookup {

    static final String PROCESSING_GROUP = "body-registry";

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

    @EventHandler
    void on(GovernanceBodyEstablished event) {
        entries.save(new BodyRegistryEntry(event.bodyId().value(), event.name(), null));
    }

    @EventHandler
    void on(AreaTeamEstablished event) {
        entries.save(new BodyRegistryEntry(event.bodyId().value(), event.name(), event.district()));
    }

    @EventHandler
    void on(GovernanceBodyAmended event) {
        entries.findById(event.bodyId().value()).ifPresent(e -> e.rename(event.name()));
    }

    @EventHandler
    void on(ReportingLineSet event) {
        entries.findById(event.bodyId().value())
                .ifPresent(e -> e.reportTo(event.reportsTo() == null ? null : event.reportsTo().value()));
    }

    @EventHandler
    void on(GovernanceBodyDissolved event) {
        entries.findById(event.bodyId().value()).ifPresent(BodyRegistryEntry::end);
    }

    @EventHandler
    void on(GovernanceBodyReplaced event) {
        entries.findById(event.bodyId().value()).ifPresent(BodyRegistryEntry::end);
    }
}
