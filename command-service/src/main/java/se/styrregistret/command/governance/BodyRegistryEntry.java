package se.styrregistret.command.governance;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The command side's own view of which bodies exist and are active, for rules that span bodies. */
@Entity
@Table(schema = "registry", name = "body_registry")
class BodyRegistryEntry {

    @Id
    private String bodyId;
    private String name;
    private String areaTeamDistrict;
    private boolean active;
    private String reportsTo;

    protected BodyRegistryEntry() {
    }

    BodyRegistryEntry(String bodyId, String name, String areaTeamDistrict) {
        this.bodyId = bodyId;
        this.name = name;
        this.areaTeamDistrict = areaTeamDistrict;
        this.active = true;
    }

    void rename(String name) {
        this.name = name;
    }

    void reportTo(String bodyId) {
        this.reportsTo = bodyId;
    }

    String reportsTo() {
        return reportsTo;
    }

    void end() {
        this.active = false;
    }

    boolean isActive() {
        return active;
    }
}
