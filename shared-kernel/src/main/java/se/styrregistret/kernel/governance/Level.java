package se.styrregistret.kernel.governance;

/** The level a body works at, with the municipality's own word for it. */
public enum Level {
    POLITICAL("Politisk"),
    STRATEGIC("Strategisk"),
    TACTICAL("Taktisk"),
    OPERATIONAL("Operativ"),
    REGIONAL("Regional"),
    ADVISORY("Rådgivande");

    private final String displayName;

    Level(String displayName) {
        this.displayName = displayName;
    }

    public String displayName() {
        return displayName;
    }
}
