package se.styrregistret.command.agreement;

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
import se.styrregistret.kernel.agreement.AgreementId;
import se.styrregistret.kernel.agreement.AgreementRecorded;
import se.styrregistret.kernel.agreement.RecordAgreement;
import se.styrregistret.kernel.common.Text;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** An agreement the municipality entered into by a decision: parties, period, commitments. */
@Aggregate(commandTargetResolver = "versionedTargetResolver")
public class Agreement {

    @AggregateIdentifier
    private AgreementId agreementId;
    private final Entries entries = new Entries();

    protected Agreement() {
        // for Axon
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(RecordAgreement cmd) {
        if (agreementId != null) {
            throw RuleViolation.conflict("agreement-already-recorded", "Överenskommelsen " + cmd.agreementId() + " finns redan");
        }
        if (cmd.decision() == null || cmd.effectiveDate() == null) {
            throw RuleViolation.unprocessable("decision-required", "Varje ändring måste hänvisa till ett beslut och ett datum");
        }
        if (cmd.kind() == null || Text.isBlank(cmd.title())) {
            throw RuleViolation.unprocessable("title-required", "En överenskommelse har ett slag och en titel");
        }
        if (cmd.parties().size() < 2) {
            throw RuleViolation.unprocessable("parties-required", "En överenskommelse har minst två parter");
        }
        if (cmd.periodFrom() != null && cmd.periodTo() != null && cmd.periodFrom() > cmd.periodTo()) {
            throw RuleViolation.unprocessable("period-reversed", "Perioden slutar före den börjar");
        }
        // the command's period (periodFrom/periodTo, as in the API) is the event's firstYear/lastYear
        apply(new AgreementRecorded(cmd.agreementId(), cmd.kind(), cmd.title().strip(), cmd.parties(), cmd.periodFrom(),
                cmd.periodTo(), cmd.commitments(), Text.blankToNull(cmd.signatory()), Text.blankToNull(cmd.note()),
                cmd.effectiveDate(), cmd.decision()));
    }


    // ---- corrections

    @CommandHandler(commandName = "se.styrregistret.kernel.correction.CorrectEntry@Agreement")
    void handle(CorrectEntry cmd) {
        Corrections.requireCorrectable(cmd, entries.find(cmd.correctedEventId()), entries.corrected());
        Object original = entries.find(cmd.correctedEventId()).orElseThrow();
        if (cmd.replacement() instanceof AgreementRecorded corrected) {
            if (corrected.parties() == null || corrected.parties().size() < 2) {
                throw RuleViolation.unprocessable("parties-required", "En överenskommelse har minst två parter").at("changes.parties");
            }
            if (corrected.firstYear() != null && corrected.lastYear() != null && corrected.firstYear() > corrected.lastYear()) {
                throw RuleViolation.unprocessable("period-reversed", "Perioden slutar före den börjar");
            }
            if (Text.isBlank(corrected.title())) {
                throw RuleViolation.unprocessable("title-required", "En överenskommelse har en titel").at("changes.title");
            }
        }
        Corrections.append(Corrections.recorded(cmd, agreementId.value(), original), cmd);
    }

    @EventSourcingHandler
    void on(EntryCorrected event) {
        entries.record(event);
        refold();
    }

    @EventSourcingHandler
    void on(AgreementRecorded event, @MessageIdentifier String eventId) {
        entries.record(eventId, event);
        refold();
    }

    private void refold() {
        for (Object event : entries.events()) {
            if (event instanceof AgreementRecorded e) agreementId = e.agreementId();
        }
    }
}
