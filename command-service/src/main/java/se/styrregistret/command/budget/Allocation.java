package se.styrregistret.command.budget;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import se.styrregistret.command.common.RuleViolation;
import se.styrregistret.command.governance.BodyLookup;
import se.styrregistret.kernel.budget.AllocateBudget;
import se.styrregistret.kernel.budget.AllocationDistributed;
import se.styrregistret.kernel.budget.AllocationId;
import se.styrregistret.kernel.budget.AllocationPart;
import se.styrregistret.kernel.budget.AllocationReversed;
import se.styrregistret.kernel.budget.BudgetAllocated;
import se.styrregistret.kernel.budget.DistributeAllocation;
import se.styrregistret.kernel.budget.FundingSource;
import se.styrregistret.kernel.budget.Recipient;
import se.styrregistret.kernel.budget.ReverseAllocation;
import se.styrregistret.kernel.budget.SourceKind;

import org.axonframework.messaging.annotation.MessageIdentifier;
import se.styrregistret.command.common.Corrections;
import se.styrregistret.command.common.Entries;
import se.styrregistret.kernel.correction.CorrectEntry;
import se.styrregistret.kernel.correction.EntryCorrected;

import java.util.List;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * One allocation: money from a source to a recipient for a fiscal year. It may be passed on once
 * in parts (distribution) and taken back, wholly or in part, by reversals; what it has been
 * distributed and reversed is kept here, so those rules hold inside the aggregate. Whether a
 * frame or grant has enough left is asked of {@link SourceBalances}.
 */
@Aggregate(commandTargetResolver = "versionedTargetResolver")
class Allocation {

    @AggregateIdentifier
    private AllocationId allocationId;
    private int fiscalYear;
    private FundingSource source;
    private Recipient recipient;
    private long amountSek;
    private long reversedSek;
    private boolean distributed;
    private final Entries entries = new Entries();

    protected Allocation() {
        // for Axon
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(AllocateBudget cmd, BodyLookup bodies, SourceBalances balances) {
        if (allocationId != null) {
            throw RuleViolation.conflict("allocation-already-recorded", "Anslaget " + cmd.allocationId() + " är redan registrerat");
        }
        BudgetRules.requireFiscalYear(cmd.fiscalYear());
        BudgetRules.requirePositive(cmd.amountSek());
        if (cmd.source() == null || !cmd.source().isConsistent()) {
            throw RuleViolation.unprocessable("source-inconsistent",
                    "En källa måste vara en budgetram (med ramens id), resursmedel, eller ett bidrag (med bidragets id)");
        }
        BudgetRules.requireDecision(cmd.decision(), cmd.effectiveDate());
        requireActiveRecipient(cmd.recipient(), cmd.effectiveDate(), bodies);
        if (cmd.source().kind() != SourceKind.RESOURCE_FUNDS) {
            boolean frame = cmd.source().kind() == SourceKind.FRAME;
            SourceBalances.Balance balance = balances.balanceOf(cmd.source().key()).orElseThrow(() ->
                    RuleViolation.unprocessable(frame ? "frame-unknown" : "grant-unknown",
                            (frame ? "Budgetramen " : "Bidraget ") + cmd.source().key() + " finns inte i registret"));
            if (balance.fiscalYear() != cmd.fiscalYear()) {
                throw RuleViolation.unprocessable("fiscal-year-mismatch", "Källan gäller budgetåret " + balance.fiscalYear()
                        + ", anslaget " + cmd.fiscalYear());
            }
            if (cmd.amountSek() > balance.remainingSek()) {
                throw RuleViolation.conflict(frame ? "frame-exceeded" : "grant-exceeded",
                        "Anslaget på " + cmd.amountSek() + " kr överstiger vad som återstår av "
                                + (frame ? "ramen" : "bidraget") + " (" + balance.remainingSek() + " kr)");
            }
        }
        apply(new BudgetAllocated(cmd.allocationId(), cmd.fiscalYear(), cmd.amountSek(), cmd.source(), cmd.recipient(),
                cmd.purpose(), cmd.effectiveDate(), cmd.decision()));
    }

    @CommandHandler
    void handle(DistributeAllocation cmd, BodyLookup bodies) {
        if (distributed) {
            throw RuleViolation.conflict("allocation-already-distributed", "Anslaget " + allocationId + " är redan fördelat");
        }
        BudgetRules.requireDecision(cmd.decision(), cmd.effectiveDate());
        if (cmd.parts().isEmpty()) {
            throw RuleViolation.unprocessable("distribution-parts-required", "En fördelning måste ha minst en del");
        }
        long sum = 0;
        for (AllocationPart part : cmd.parts()) {
            if (part == null) {
                throw RuleViolation.unprocessable("distribution-parts-required", "En fördelning kan inte ha tomma delar");
            }
            BudgetRules.requirePositive(part.amountSek());
            requireActiveRecipient(part.recipient(), cmd.effectiveDate(), bodies);
            sum = BudgetRules.add(sum, part.amountSek());
        }
        long whole = amountSek - reversedSek;
        if (sum != whole) {
            throw RuleViolation.unprocessable("distribution-sum-exact",
                    "Delarna summerar till " + sum + " kr men anslaget är " + whole + " kr; de måste vara exakt lika");
        }
        BudgetRules.requireDecision(cmd.decision(), cmd.effectiveDate());
        apply(new AllocationDistributed(allocationId, fiscalYear, whole, source, recipient, cmd.parts(),
                cmd.effectiveDate(), cmd.decision()));
    }

    @CommandHandler
    void handle(ReverseAllocation cmd) {
        BudgetRules.requirePositive(cmd.amountSek());
        if (distributed) {
            throw RuleViolation.conflict("allocation-distributed",
                    "Anslaget " + allocationId + " är redan fördelat vidare och kan inte återföras som helhet");
        }
        if (cmd.amountSek() > amountSek - reversedSek) {
            throw RuleViolation.unprocessable("reversal-exceeds-allocation", "Återföringen på " + cmd.amountSek()
                    + " kr överstiger vad som återstår av anslaget (" + (amountSek - reversedSek) + " kr)");
        }
        BudgetRules.requireText(cmd.reason(), "reason-required", "En återföring måste ange skälet");
        BudgetRules.requireDecision(cmd.decision(), cmd.effectiveDate());
        apply(new AllocationReversed(allocationId, fiscalYear, cmd.amountSek(), source, recipient, cmd.reason(),
                cmd.effectiveDate(), cmd.decision()));
    }

    /** No money to a body that is not active on the movement's date (not yet established, or ended on or before it). */
    private static void requireActiveRecipient(Recipient recipient, java.time.LocalDate date, BodyLookup bodies) {
        if (recipient == null || !recipient.isConsistent()) {
            throw RuleViolation.unprocessable("recipient-inconsistent",
                    "En mottagare måste ha namn, och ett organ eller områdesteam måste ange organets id (en nämnd inte)");
        }
        if (recipient.bodyId() != null && !bodies.isActiveOn(recipient.bodyId(), date)) {
            throw RuleViolation.conflict("recipient-not-active",
                    "Organet " + recipient.bodyId() + " finns inte eller är upplöst eller ersatt den " + date
                            + "; det kan inte få pengar");
        }
    }

    // ---- corrections

    @CommandHandler(commandName = "se.styrregistret.kernel.correction.CorrectEntry@Allocation")
    void handle(CorrectEntry cmd, BodyLookup bodies, SourceBalances balances) {
        Corrections.requireCorrectable(cmd, entries.find(cmd.correctedEventId()), entries.corrected());
        Object original = entries.find(cmd.correctedEventId()).orElseThrow();
        if (cmd.annul() && original instanceof BudgetAllocated && entries.events().size() > 1) {
            throw RuleViolation.conflict("allocation-has-movements",
                    "Anslaget har fördelats eller återförts; stryk de posterna först");
        }
        if (cmd.replacement() instanceof BudgetAllocated corrected && original instanceof BudgetAllocated before) {
            BudgetRules.requirePositive(corrected.amountSek());
            BudgetRules.requireDecision(corrected.decision(), corrected.effectiveDate());
            requireActiveRecipient(corrected.recipient(), corrected.effectiveDate(), bodies);
            if (corrected.source() == null || !corrected.source().isConsistent()) {
                throw RuleViolation.unprocessable("source-inconsistent", "Källan är inte en giltig budgetram, resursmedel eller bidrag");
            }
            if (corrected.source().kind() != SourceKind.RESOURCE_FUNDS) {
                boolean frame = corrected.source().kind() == SourceKind.FRAME;
                SourceBalances.Balance balance = balances.balanceOf(corrected.source().key()).orElseThrow(() ->
                        RuleViolation.unprocessable(frame ? "frame-unknown" : "grant-unknown",
                                (frame ? "Budgetramen " : "Bidraget ") + corrected.source().key() + " finns inte i registret"));
                if (balance.fiscalYear() != corrected.fiscalYear()) {
                    throw RuleViolation.unprocessable("fiscal-year-mismatch", "Källan gäller budgetåret " + balance.fiscalYear()
                            + ", anslaget " + corrected.fiscalYear());
                }
                long available = balance.remainingSek() + (before.source().equals(corrected.source()) ? before.amountSek() : 0);
                if (corrected.amountSek() > available) {
                    throw RuleViolation.conflict(frame ? "frame-exceeded" : "grant-exceeded",
                            "Det rättade anslaget på " + corrected.amountSek() + " kr överstiger vad som återstår av "
                                    + (frame ? "ramen" : "bidraget") + " (" + available + " kr)");
                }
            }
        }
        if (cmd.replacement() instanceof AllocationDistributed corrected) {
            for (AllocationPart part : corrected.parts()) {
                requireActiveRecipient(part.recipient(), corrected.effectiveDate(), bodies);
            }
        }
        fold(entries.eventsWith(cmd.correctedEventId(), cmd.replacement()));
        Corrections.append(Corrections.recorded(cmd, allocationId.value(), original), cmd);
    }

    /**
     * The allocation's rules over its entries in the order recorded: one allocation first; reversals
     * within what remains and never after a distribution; one distribution, of exactly what remains.
     */
    private static Allocation fold(List<Object> events) {
        Allocation state = new Allocation();
        for (Object event : events) {
            if (event instanceof BudgetAllocated e) {
                state.allocationId = e.allocationId();
                state.fiscalYear = e.fiscalYear();
                state.source = e.source();
                state.recipient = e.recipient();
                state.amountSek = e.amountSek();
            } else if (event instanceof AllocationReversed e) {
                if (state.distributed) {
                    throw RuleViolation.conflict("allocation-distributed", "Anslaget är redan fördelat vidare och kan inte återföras");
                }
                if (e.amountSek() > state.amountSek - state.reversedSek) {
                    throw RuleViolation.unprocessable("reversal-exceeds-allocation", "Återföringen på " + e.amountSek()
                            + " kr överstiger vad som återstår av anslaget (" + (state.amountSek - state.reversedSek) + " kr)");
                }
                state.reversedSek += e.amountSek();
            } else if (event instanceof AllocationDistributed e) {
                if (state.distributed) {
                    throw RuleViolation.conflict("allocation-already-distributed", "Anslaget är redan fördelat");
                }
                long sum = e.parts().stream().mapToLong(AllocationPart::amountSek).sum();
                if (sum != state.amountSek - state.reversedSek) {
                    throw RuleViolation.unprocessable("distribution-sum-exact", "Delarna summerar till " + sum
                            + " kr men anslaget är " + (state.amountSek - state.reversedSek) + " kr; de måste vara exakt lika");
                }
                state.distributed = true;
            }
        }
        return state;
    }

    // ---- state: the entries, and what they add up to

    @EventSourcingHandler
    void on(EntryCorrected event) {
        entries.record(event);
        assign(fold(entries.events()));
    }

    @EventSourcingHandler
    void on(BudgetAllocated event, @MessageIdentifier String eventId) {
        entries.record(eventId, event);
        assign(fold(entries.events()));
    }

    @EventSourcingHandler
    void on(AllocationDistributed event, @MessageIdentifier String eventId) {
        entries.record(eventId, event);
        assign(fold(entries.events()));
    }

    @EventSourcingHandler
    void on(AllocationReversed event, @MessageIdentifier String eventId) {
        entries.record(eventId, event);
        assign(fold(entries.events()));
    }

    private void assign(Allocation state) {
        // between a corrected allocation's EntryCorrected and its replacement the entries hold no allocation; the id stays
        if (state.allocationId != null) allocationId = state.allocationId;
        fiscalYear = state.fiscalYear;
        source = state.source;
        recipient = state.recipient;
        amountSek = state.amountSek;
        reversedSek = state.reversedSek;
        distributed = state.distributed;
    }
}
