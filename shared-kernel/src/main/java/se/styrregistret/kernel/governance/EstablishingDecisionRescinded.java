package se.styrregistret.kernel.governance;

import org.axonframework.serialization.Revision;
import se.styrregistret.kernel.common.DecisionReference;

import java.time.LocalDate;

/** The decision that set up the body was rescinded (upphävt) by {@code decision}. */
@Revision("1")
public record EstablishingDecisionRescinded(GovernanceBodyId bodyId, DecisionReference rescinded,
                                            LocalDate effectiveDate, DecisionReference decision) {
}
