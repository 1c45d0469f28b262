package se.styrregistret.support;

/**
 * Axon Framework reports anonymous usage data to its vendor from every service that starts, unless told not to
 * (and writes a file under the user's home to remember it). A municipal register sends nothing to anyone by
 * default: each service turns the reporting off as it starts, unless its operator has decided otherwise with
 * Axon's own switches (the system property or the environment variable below, set either way).
 */
public final class UsageReporting {

    static final String PROPERTY = "axoniq.update-checker.disabled";
    static final String VARIABLE = "AXONIQ_UPDATE_CHECKER_DISABLED";

    private UsageReporting() {
    }

    /** Off, unless the property or the environment variable already says what to do. */
    public static void offUnlessOperatorDecided() {
        offUnlessDecided(System.getenv(VARIABLE));
    }

    static void offUnlessDecided(String variable) {
        if (System.getProperty(PROPERTY) == null && variable == null) {
            System.setProperty(PROPERTY, "true");
        }
    }
}
