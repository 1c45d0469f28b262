package se.styrregistret.command.budget;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import se.styrregistret.command.common.RuleViolation;
import se.styrregistret.kernel.budget.BudgetFrameExtended;
import se.styrregistret.kernel.budget.BudgetFrameId;
import se.styrregistret.kernel.budget.BudgetFrameOpened;
import se.styrregistret.kernel.budget.ExtendBudgetFrame;
import se.styrregistret.kernel.budget.OpenBudgetFrame;

import org.axonframework.messaging.annotation.MessageIdentifier;
import se.styrregistret.command.common.Corrections;
import se.styrregistret.command.common.Entries;
import se.styrregistret.kernel.correction.CorrectEntry;
import se.styrregistret.kernel.correction.EntryCorrected;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A committee's budget frame for one fiscal year: opened, then extended by decisions. What has
 * been allocated from it is kept by {@link SourceBalances} (same transaction as the events, with a
 * database check that the allocated sum never exceeds the frame), so that allocations, which are
 * aggregates of their own, can be checked against what remains.
 */
@Aggregate(commandTargetResolver = "versionedTargetResolver")
class BudgetFrame {

    @AggregateIdentifier
    private BudgetFrameId frameId;
    private String committee;
    private int fiscalYear;
    private long totalSek;
    private final Entries entries = new Entries();

    protected BudgetFrame() {
        // for Axon
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(OpenBudgetFrame cmd) {
        if (frameId != null) {
            throw RuleViolation.conflict("frame-already-opened", "Budgetramen " + cmd.frameId() + " är redan öppnad");
        }
        BudgetRules.requireText(cmd.committee(), "committee-required", "En budgetram måste tillhöra en nämnd");
        BudgetRules.requireFiscalYear(cmd.fiscalYear());
        if (cmd.amountSek() < 0) {
            throw RuleViolation.unprocessable("amount-positive", "En budgetram kan inte vara negativ");
        }
        BudgetRules.requireBounded(cmd.amountSek());
        BudgetRules.requireDecision(cmd.decision(), cmd.effectiveDate());
        apply(new BudgetFrameOpened(cmd.frameId(), cmd.committee(), cmd.fiscalYear(), cmd.amountSek(),
                cmd.financedFrom(), cmd.effectiveDate(), cmd.decision()));
    }

    @CommandHandler
    void handle(ExtendBudgetFrame cmd) {
        BudgetRules.requirePositive(cmd.amountSek());
        BudgetRules.requireText(cmd.financedFrom(), "financed-from-required",
                "En utökning av ramen måste ange varifrån den finansieras");
        BudgetRules.requireDecision(cmd.decision(), cmd.effectiveDate());
        BudgetRules.requireBounded(BudgetRules.add(totalSek, cmd.amountSek()));
        apply(new BudgetFrameExtended(frameId, committee, fiscalYear, cmd.amountSek(), cmd.financedFrom(),
                cmd.effectiveDate(), cmd.decision()));
    }

    // ---- corrections

    /**
     * A corrected opening or extension must leave the frame at least what has been allocated from it
     * ({@code frame-exceeded}, as an allocation beyond it would be); an opening cannot be annulled (correct it instead).
     */
    @CommandHandler(commandName = "se.styrregistret.kernel.correction.CorrectEntry@BudgetFrame")
    void handle(CorrectEntry cmd, SourceBalances balances) {
        Corrections.requireCorrectable(cmd, entries.find(cmd.correctedEventId()), entries.corrected());
        Object original = entries.find(cmd.correctedEventId()).orElseThrow();
        if (cmd.annul() && original instanceof BudgetFrameOpened) {
            throw RuleViolation.unprocessable("opening-not-annullable", "Posten som öppnar ramen kan inte strykas; rätta den i stället");
        }
        BudgetRules.requireCorrectedSourceCovers(cmd, entries, BudgetFrame::amountOf, frameId.value(), balances, "frame-exceeded", "ramen");
        Corrections.append(Corrections.recorded(cmd, frameId.value(), original), cmd);
    }

    @EventSourcingHandler
    void on(EntryCorrected event) {
        entries.record(event);
        refold();
    }

    @EventSourcingHandler
    void on(BudgetFrameOpened event, @MessageIdentifier String eventId) {
        entries.record(eventId, event);
        refold();
    }

    @EventSourcingHandler
    void on(BudgetFrameExtended event, @MessageIdentifier String eventId) {
        entries.record(eventId, event);
        refold();
    }

    private static long amountOf(Object event) {
        if (event instanceof BudgetFrameOpened e) return e.amountSek();
        if (event instanceof BudgetFrameExtended e) return e.amountSek();
        return 0;
    }

    private void refold() {
        totalSek = 0;
        for (Object event : entries.events()) {
            if (event instanceof BudgetFrameOpened e) {
                frameId = e.frameId();
                committee = e.committee();
                fiscalYear = e.fiscalYear();
            }
            totalSek += amountOf(event);
        }
    }
}
