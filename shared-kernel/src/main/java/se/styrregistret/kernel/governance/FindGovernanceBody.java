package se.styrregistret.kernel.governance;

/** One body with its whole history and lineage. */
public record FindGovernanceBody(GovernanceBodyId bodyId) {
}
