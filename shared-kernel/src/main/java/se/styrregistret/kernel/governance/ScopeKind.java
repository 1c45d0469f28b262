package se.styrregistret.kernel.governance;

/** Where a body's remit runs: the whole municipality, one district (stadsdel) or the county (län). */
public enum ScopeKind {
    MUNICIPALITY("Kommunen"),
    DISTRICT("Stadsdel"),
    COUNTY("Länet");

    private final String displayName;

    ScopeKind(String displayName) {
        this.displayName = displayName;
    }

    public String displayName() {
        return displayName;
    }
}
