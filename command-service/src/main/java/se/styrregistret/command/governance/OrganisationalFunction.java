package se.styrregistret.command.governance;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import org.axonframework.messaging.annotation.MessageIdentifier;
import se.styrregistret.command.common.Corrections;
import se.styrregistret.command.common.Entries;
import se.styrregistret.command.common.RuleViolation;
import se.styrregistret.kernel.correction.CorrectEntry;
import se.styrregistret.kernel.correction.EntryCorrected;
import se.styrregistret.kernel.common.Text;
import se.styrregistret.kernel.governance.FunctionTransferred;
import se.styrregistret.kernel.governance.TransferFunction;

import java.time.LocalDate;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** A function (e.g. the district coordinators) and the organisation that carries it. */
@Aggregate(commandTargetResolver = "versionedTargetResolver")
public class OrganisationalFunction {

    @AggregateIdentifier
    private String functionId;
    private String organisation;
    private LocalDate lastTransfer;
    private final Entries entries = new Entries();

    protected OrganisationalFunction() {
        // for Axon
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(TransferFunction cmd) {
        if (Text.isBlank(cmd.function()) || Text.isBlank(cmd.fromOrganisation()) || Text.isBlank(cmd.toOrganisation())) {
            throw RuleViolation.unprocessable("transfer-incomplete", "Ange funktionen, varifrån och vart den flyttas");
        }
        if (cmd.decision() == null || cmd.effectiveDate() == null) {
            throw RuleViolation.unprocessable("decision-required", "Varje ändring måste hänvisa till ett beslut och ett datum");
        }
        if (cmd.fromOrganisation().strip().equalsIgnoreCase(cmd.toOrganisation().strip())) {
            throw RuleViolation.unprocessable("transfer-to-same-organisation", "Funktionen flyttas till samma organisation");
        }
        if (organisation != null && !organisation.equalsIgnoreCase(cmd.fromOrganisation().strip())) {
            throw RuleViolation.conflict("function-not-held-by-source",
                    "Funktionen ligger hos " + organisation + ", inte hos " + cmd.fromOrganisation().strip());
        }
        if (lastTransfer != null && cmd.effectiveDate().isBefore(lastTransfer)) {
            throw RuleViolation.conflict("effective-date-before-last-change",
                    "Flytten kan inte gälla före den förra flytten " + lastTransfer);
        }
        apply(new FunctionTransferred(cmd.functionId(), cmd.function().strip(), cmd.fromOrganisation().strip(),
                cmd.toOrganisation().strip(), cmd.effectiveDate(), cmd.decision()));
    }

    /**
     * A transfer corrected or annulled: the function's transfers are checked again with the entry
     * replaced (or left out), in the order recorded, each from where the one before left the function
     * and not dated before it.
     */
    @CommandHandler(commandName = "se.styrregistret.kernel.correction.CorrectEntry@OrganisationalFunction")
    void handle(CorrectEntry cmd) {
        Corrections.requireCorrectable(cmd, entries.find(cmd.correctedEventId()), entries.corrected());
        Object original = entries.find(cmd.correctedEventId()).orElseThrow();
        if (cmd.replacement() instanceof FunctionTransferred t) {
            if (Text.isBlank(t.function()) || Text.isBlank(t.fromOrganisation()) || Text.isBlank(t.toOrganisation())) {
                throw RuleViolation.unprocessable("transfer-incomplete", "Ange funktionen, varifrån och vart den flyttas");
            }
            if (t.decision() == null || t.effectiveDate() == null) {
                throw RuleViolation.unprocessable("decision-required", "Varje ändring måste hänvisa till ett beslut och ett datum");
            }
            if (t.fromOrganisation().strip().equalsIgnoreCase(t.toOrganisation().strip())) {
                throw RuleViolation.unprocessable("transfer-to-same-organisation", "Funktionen flyttas till samma organisation");
            }
        }
        String held = null;
        LocalDate last = null;
        for (Object event : entries.eventsWith(cmd.correctedEventId(), cmd.replacement())) {
            FunctionTransferred t = (FunctionTransferred) event;
            if (held != null && !held.equalsIgnoreCase(t.fromOrganisation().strip())) {
                throw RuleViolation.conflict("function-not-held-by-source", "Funktionen ligger hos " + held + " när "
                        + t.effectiveDate() + " gäller, inte hos " + t.fromOrganisation().strip());
            }
            if (last != null && t.effectiveDate().isBefore(last)) {
                throw RuleViolation.conflict("effective-date-before-last-change",
                        "Flytten den " + t.effectiveDate() + " kan inte gälla före den förra flytten " + last);
            }
            held = t.toOrganisation().strip();
            last = t.effectiveDate();
        }
        Corrections.append(Corrections.recorded(cmd, functionId, original), cmd);
    }

    @EventSourcingHandler
    void on(EntryCorrected event) {
        entries.record(event);
        refold();
    }

    @EventSourcingHandler
    void on(FunctionTransferred event, @MessageIdentifier String eventId) {
        entries.record(eventId, event);
        refold();
    }

    private void refold() {
        organisation = null;
        lastTransfer = null;
        for (Object event : entries.events()) {
            FunctionTransferred t = (FunctionTransferred) event;
            functionId = t.functionId();
            organisation = t.toOrganisation();
            lastTransfer = t.effectiveDate();
        }
    }
}
