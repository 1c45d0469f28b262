package se.styrregistret.kernel.budget;

/** Where money comes from: a committee's budget frame, resource funds (e.g. KS resursfond), or an external grant. */
public enum SourceKind {
    FRAME("Budgetram"),
    RESOURCE_FUNDS("Resursmedel"),
    GRANT("Externt bidrag");

    private final String displayName;

    SourceKind(String displayName) {
        this.displayName = displayName;
    }

    public String displayName() {
        return displayName;
    }
}
