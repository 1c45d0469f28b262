package se.styrregistret.kernel.agreement;

/** The kinds of agreement the municipality enters into, with their Swedish names. */
public enum AgreementKind {
    COLLABORATION_AGREEMENT("Samverkansöverenskommelse"),
    CITIZEN_PROMISE("Medborgarlöfte"),
    PROGRAMME_DECLARATION("Programförklaring");

    private final String displayName;

    AgreementKind(String displayName) {
        this.displayName = displayName;
    }

    public String displayName() {
        return displayName;
    }
}
