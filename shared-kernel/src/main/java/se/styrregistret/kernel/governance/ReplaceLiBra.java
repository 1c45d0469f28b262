package se.styrregistret.kernel.governance;

import se.styrregistret.kernel.common.DecisionReference;

import java.time.LocalDate;

/**
 * The 2020 decision (KS 2019-1003): LiBrå is replaced by the political steering group,
 * LOP-gruppen by the coordination group, and the decision that organised LiBrå
 * (KS 2007-05-29 § 290) is rescinded. One decision, all or nothing.
 *
 * <p>A named use of {@link Reorganise}, and carried out as one: the rescission of
 * {@code rescindedDecision} for LiBrå, then the two replacements in this order. The HTTP API offers
 * only the general form; this command is for senders on the command bus.
 *
 * @param note e.g. the source's own discrepancy about LOP-gruppen's successor
 */
public record ReplaceLiBra(
        GovernanceBodyId libra,
        GovernanceBodyId politicalSteeringGroup,
        GovernanceBodyId lopGroup,
        GovernanceBodyId coordinationGroup,
        DecisionReference rescindedDecision,
        String note,
        LocalDate effectiveDate,
        DecisionReference decision) {
}
