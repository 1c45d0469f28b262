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

import org.axonframework.messaging.annotation.MessageIdentifier;
import se.styrregistret.command.common.Corrections;
import se.styrregistret.command.common.Entries;
import se.styrregistret.kernel.correction.CorrectEntry;
import se.styrregistret.kernel.correction.EntryCorrected;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** External money with its grantor and year; allocations from it may not exceed it (see {@link SourceBalances}). */
@Aggregate(commandTargetResolver = "versionedTargetResolver")
class Grant {

    @AggregateIdentifier
    private GrantId grantId;
    private final Entries entries = new Entries();

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

    // ---- corrections

    /**
     * A corrected opening or extension must leave the grant at least what has been allocated from it
     * ({@code grant-exceeded}, as an allocation beyond it would be); an opening cannot be annulled (correct it instead).
     */
    @CommandHandler(commandName = "se.styrregistret.kernel.correction.CorrectEntry@Grant")
    void handle(CorrectEntry cmd, SourceBalances balances) {
        Corrections.requireCorrectable(cmd, entries.find(cmd.correctedEventId()), entries.corrected());
        Object original = entries.find(cmd.correctedEventId()).orElseThrow();
        if (cmd.annul() && original instanceof GrantRegistered) {
            throw RuleViolation.unprocessable("opening-not-annullable", "Posten som registrerar bidraget kan inte strykas; rätta den i stället");
        }
        BudgetRules.requireCorrectedSourceCovers(cmd, entries, Grant::amountOf, grantId.value(), balances, "grant-exceeded", "bidraget");
        Corrections.append(Corrections.recorded(cmd, grantId.value(), original), cmd);
    }

    @EventSourcingHandler
    void on(EntryCorrected event) {
        entries.record(event);
        refold();
    }

    @EventSourcingHandler
    void on(GrantRegistered event, @MessageIdentifier String eventId) {
        entries.record(eventId, event);
        refold();
    }

    private static long amountOf(Object event) {
        return event instanceof GrantRegistered e ? e.amountSek() : 0;
    }

    private void refold() {
        for (Object event : entries.events()) {
            if (event instanceof GrantRegistered e) grantId = e.grantId();
        }
    }
}
