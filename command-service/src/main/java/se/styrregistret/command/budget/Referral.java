package se.styrregistret.command.budget;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import org.axonframework.messaging.annotation.MessageIdentifier;
import se.styrregistret.command.common.Corrections;
import se.styrregistret.command.common.Entries;
import se.styrregistret.kernel.correction.CorrectEntry;
import se.styrregistret.kernel.correction.EntryCorrected;

import se.styrregistret.command.common.RuleViolation;
import se.styrregistret.kernel.budget.FinancingReferred;
import se.styrregistret.kernel.budget.ReferFinancing;
import se.styrregistret.kernel.budget.ReferralId;
import se.styrregistret.kernel.budget.ReferralSettled;
import se.styrregistret.kernel.budget.SettleReferral;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** Funding deferred to a later budget process: open until a later decision settles it. No money moves. */
@Aggregate(commandTargetResolver = "versionedTargetResolver")
class Referral {

    @AggregateIdentifier
    private ReferralId referralId;
    private int fiscalYear;
    private boolean settled;
    private final Entries entries = new Entries();

    protected Referral() {
        // for Axon
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(ReferFinancing cmd) {
        if (referralId != null) {
            throw RuleViolation.conflict("referral-already-recorded", "Remissen " + cmd.referralId() + " är redan registrerad");
        }
        BudgetRules.requireFiscalYear(cmd.fiscalYear());
        BudgetRules.requireText(cmd.subject(), "subject-required", "Ange vad finansieringen gäller");
        BudgetRules.requireText(cmd.referredTo(), "referred-to-required",
                "Ange vart finansieringen hänvisas, t.ex. Budgetberedningen");
        if (cmd.estimatedAmountSek() != null) {
            BudgetRules.requirePositive(cmd.estimatedAmountSek());
        }
        if (cmd.recipient() != null && !cmd.recipient().isConsistent()) {
            throw RuleViolation.unprocessable("recipient-inconsistent",
                    "En mottagare som är ett organ eller områdesteam måste ange organets id, en nämnd inte");
        }
        BudgetRules.requireDecision(cmd.decision(), cmd.effectiveDate());
        apply(new FinancingReferred(cmd.referralId(), cmd.fiscalYear(), cmd.subject(), cmd.referredTo(), cmd.recipient(),
                cmd.estimatedAmountSek(), cmd.effectiveDate(), cmd.decision()));
    }

    @CommandHandler
    void handle(SettleReferral cmd) {
        if (settled) {
            throw RuleViolation.conflict("referral-already-settled", "Remissen " + referralId + " är redan avgjord");
        }
        BudgetRules.requireText(cmd.outcome(), "outcome-required", "Ange hur finansieringen avgjordes");
        BudgetRules.requireDecision(cmd.decision(), cmd.effectiveDate());
        apply(new ReferralSettled(referralId, fiscalYear, cmd.outcome(), cmd.allocationId(), cmd.effectiveDate(),
                cmd.decision()));
    }


    // ---- corrections

    @CommandHandler(commandName = "se.styrregistret.kernel.correction.CorrectEntry@Referral")
    void handle(CorrectEntry cmd) {
        Corrections.requireCorrectable(cmd, entries.find(cmd.correctedEventId()), entries.corrected());
        Object original = entries.find(cmd.correctedEventId()).orElseThrow();
        if (cmd.annul() && original instanceof FinancingReferred && settled) {
            throw RuleViolation.conflict("referral-settled", "Remissen är avgjord; stryk avgörandet först");
        }
        Corrections.append(Corrections.recorded(cmd, referralId.value(), original), cmd);
    }

    @EventSourcingHandler
    void on(EntryCorrected event) {
        entries.record(event);
        refold();
    }

    @EventSourcingHandler
    void on(FinancingReferred event, @MessageIdentifier String eventId) {
        entries.record(eventId, event);
        refold();
    }

    @EventSourcingHandler
    void on(ReferralSettled event, @MessageIdentifier String eventId) {
        entries.record(eventId, event);
        refold();
    }

    private void refold() {
        settled = false;
        for (Object event : entries.events()) {
            if (event instanceof FinancingReferred e) {
                referralId = e.referralId();
                fiscalYear = e.fiscalYear();
            }
            if (event instanceof ReferralSettled) settled = true;
        }
    }
}
