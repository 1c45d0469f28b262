package se.styrregistret.command.governance;

import se.styrregistret.kernel.governance.GovernanceBodyId;

/**
 * What command handlers may ask about other bodies. {@link BodyRegistry} answers from the
 * command side's own table; aggregate tests give an in-memory one.
 */
public interface BodyLookup {

    boolean exists(GovernanceBodyId id);

    /** True when the body exists and has been neither dissolved nor replaced. */
    boolean isActive(GovernanceBodyId id);

    boolean isNameTakenByActiveBody(String name);

    boolean hasActiveAreaTeamIn(String district);
}
