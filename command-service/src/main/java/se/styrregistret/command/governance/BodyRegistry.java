package se.styrregistret.command.governance;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;
import se.styrregistret.kernel.governance.GovernanceBodyEstablished;
import se.styrregistret.kernel.governance.GovernanceBodyId;

/**
 * Which bodies exist and are active, kept by the command-service itself for rules that span
 * aggregates (unique names among active bodies; one active area team per district; no money
 * to an ended body). Updated by a subscribing processor, so a row changes in the same
 * transaction as the event that changes it; unique indexes close the race between two
 * concurrent commands.
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

    @EventHandler
    void on(GovernanceBodyEstablished event) {
        entries.save(new BodyRegistryEntry(event.bodyId().value(), event.name(), null));
    }
}
