package se.styrregistret.kernel.district;

/** The three texts kept for a district, each in versions. */
public enum PictureKind {
    CURRENT_STATE("Nulägesbild"),
    TARGET("Målbild"),
    ACTION_PLAN("Handlingsplan");

    private final String displayName;

    PictureKind(String displayName) {
        this.displayName = displayName;
    }

    public String displayName() {
        return displayName;
    }
}
