package se.styrregistret.command.budget;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import se.styrregistret.command.common.RuleViolation;
import se.styrregistret.kernel.budget.GrantId;
import se.styrregistret.kernel.budget.GrantRegistered;
import se.styrregistret.kernel.budget.RegisterGrant;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** External money with its grantor and year; allocations from it may not exceed it (see {@link SourceBalances}). */
@Aggregate(commandTargetResolver = "versionedTargetResolver")
class Grant {

    @AggregateIdentifier
    private GrantId grantId;

    protected Grant() {
        // for Axon
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(RegisterGrant cmd) {
        if (grantId != null) {
            throw RuleViolation.conflict("grant-already-registered", "Bidraget " + cmd.grantId() + " är redan registrerat");
        }
        BudgetRules.requireText(cmd.grantor(), "grantor-required", "Ett bidrag måste ha en bidragsgivare");
        BudgetRules.requireFiscalYear(cmd.fiscalYear());
        BudgetRules.requirePositive(cmd.amountSek());
        BudgetRules.requireDecision(cmd.decision(), cmd.effectiveDate());
        apply(new GrantRegistered(cmd.grantId(), cmd.grantor(), cmd.fiscalYear(), cmd.amountSek(), cmd.purpose(),
                cmd.effectiveDate(), cmd.decision()));
    }

    @EventSourcingHandler
    void on(GrantRegistered event) {
        grantId = event.grantId();
    }
}
