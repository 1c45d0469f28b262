package se.styrregistret.command.governance;

import se.styrregistret.kernel.governance.GovernanceBodyId;

import java.util.List;

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

    /** The bodies {@code id} reports to, nearest first, up to the top (stops at a repeat). */
    List<GovernanceBodyId> reportingChainOf(GovernanceBodyId id);
}
