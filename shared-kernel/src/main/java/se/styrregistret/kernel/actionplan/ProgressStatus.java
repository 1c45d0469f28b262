package se.styrregistret.kernel.actionplan;

/**
 * Where an action stands. Progress moves forward only (planned → started → done, or to
 * cancelled); done and cancelled are final unless a decision reopens the action.
 */
public enum ProgressStatus {
    PLANNED("Planerad", 0),
    STARTED("Påbörjad", 1),
    DONE("Genomförd", 2),
    CANCELLED("Avbruten", 2);

    private final String displayName;
    private final int rank;

    ProgressStatus(String displayName, int rank) {
        this.displayName = displayName;
        this.rank = rank;
    }

    public String displayName() {
        return displayName;
    }

    public boolean isFinal() {
        return rank == 2;
    }

    /** True when a report may move an action from {@code this} to {@code next} without a reopening decision. */
    public boolean mayMoveTo(ProgressStatus next) {
        if (isFinal()) return next == this;
        return next.rank >= rank;
    }

    /** True when a reopening decision may take an action from {@code this} back to {@code earlier}. */
    public boolean mayReopenTo(ProgressStatus earlier) {
        return !earlier.isFinal() && earlier.rank < rank;
    }
}
