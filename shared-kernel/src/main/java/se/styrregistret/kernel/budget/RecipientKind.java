package se.styrregistret.kernel.budget;

/** Who receives money: a political committee (nämnd), a governance body, or an area team (områdesteam). */
public enum RecipientKind {
    COMMITTEE("Nämnd"),
    GOVERNANCE_BODY("Organ"),
    AREA_TEAM("Områdesteam");

    private final String displayName;

    RecipientKind(String displayName) {
        this.displayName = displayName;
    }

    public String displayName() {
        return displayName;
    }
}
