package se.styrregistret.command.district;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import se.styrregistret.command.common.Corrections;
import se.styrregistret.command.common.Entries;
import se.styrregistret.command.common.RuleViolation;
import se.styrregistret.kernel.common.DecisionReference;
import se.styrregistret.kernel.common.Text;
import se.styrregistret.kernel.correction.CorrectEntry;
import se.styrregistret.kernel.correction.EntryCorrected;
import se.styrregistret.kernel.district.DesignatePriorityDistrict;
import se.styrregistret.kernel.district.DistrictRegistered;
import se.styrregistret.kernel.district.Districts;
import se.styrregistret.kernel.district.PriorityDistrictDesignated;
import se.styrregistret.kernel.district.RegisterDistrict;

import java.time.LocalDate;

/**
 * A district (stadsdel), registered by a decision under its proper name, and whether it has been
 * designated a priority district. Its identifier is the name compared case-insensitively
 * ({@link Districts#key}), so one name is registered once, however it is spelled.
 */
@Aggregate
public class District {

    @AggregateIdentifier
    private String key;
    private String name;
    private boolean priority;
    private final Entries entries = new Entries();

    protected District() {
        // for Axon
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    String handle(RegisterDistrict cmd) {
        String proper = Text.blankToNull(cmd.name() == null ? null : cmd.name().strip());
        if (proper == null) {
            throw RuleViolation.unprocessable("district-name-required", "En stadsdel måste ha ett namn").at("name");
        }
        requireDecision(cmd.decision(), cmd.effectiveDate());
        if (name != null) {
            throw RuleViolation.conflict("district-already-registered", "Stadsdelen " + name + " är redan registrerad");
        }
        AggregateLifecycle.apply(new DistrictRegistered(proper, Text.blankToNull(cmd.municipality() == null ? null : cmd.municipality().strip()),
                cmd.effectiveDate(), cmd.decision()));
        return proper;
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    String handle(DesignatePriorityDistrict cmd) {
        if (name == null) {
            throw RuleViolation.unprocessable("district-unknown",
                    "Okänd stadsdel " + cmd.name() + ": registrera den först (POST /api/districts)");
        }
        requireDecision(cmd.decision(), cmd.effectiveDate());
        if (priority) {
            throw RuleViolation.conflict("district-already-priority", "Stadsdelen " + name + " är redan prioriterad");
        }
        AggregateLifecycle.apply(new PriorityDistrictDesignated(name, cmd.effectiveDate(), cmd.decision()));
        return name;
    }

    private static void requireDecision(DecisionReference decision, LocalDate effectiveDate) {
        if (decision == null) {
            throw RuleViolation.unprocessable("decision-required", "Varje ändring måste hänvisa till ett beslut");
        }
        if (effectiveDate == null) {
            throw RuleViolation.unprocessable("effective-date-required", "Ett beslut måste ha ett datum då det gäller från");
        }
    }

    /**
     * A registration or designation recorded wrongly is corrected (its municipality, date or decision) or, for
     * a designation, annulled. The name is the district's identity (pictures, actions and teams name it): a
     * wrong name is a district to register anew, so it is refused here, as is annulling the registration.
     */
    @CommandHandler(commandName = "se.styrregistret.kernel.correction.CorrectEntry@District")
    void handle(CorrectEntry cmd) {
        Corrections.requireCorrectable(cmd, entries.find(cmd.correctedEventId()), entries.corrected());
        Object original = entries.find(cmd.correctedEventId()).orElseThrow();
        if (original instanceof DistrictRegistered registered) {
            if (cmd.annul()) {
                throw RuleViolation.unprocessable("registration-not-annullable", "Registreringen av stadsdelen " + name
                        + " kan inte strykas: andra poster namnger stadsdelen; rätta i stället dess kommun, datum eller beslut")
                        .at("annul");
            }
            DistrictRegistered corrected = (DistrictRegistered) cmd.replacement();
            if (!registered.name().equals(corrected.name())) {
                throw RuleViolation.unprocessable("district-name-not-correctable", "Namnet är stadsdelens identitet: registrera "
                        + corrected.name() + " som en egen stadsdel").at("changes.name");
            }
            requireDecision(corrected.decision(), corrected.effectiveDate());
        } else if (!cmd.annul()) {
            PriorityDistrictDesignated corrected = (PriorityDistrictDesignated) cmd.replacement();
            requireDecision(corrected.decision(), corrected.effectiveDate());
            if (!name.equals(corrected.name())) {
                throw RuleViolation.unprocessable("district-name-not-correctable", "En prioritering gäller sin stadsdel")
                        .at("changes.name");
            }
        }
        Corrections.append(Corrections.recorded(cmd, key, original), cmd);
    }

    @EventSourcingHandler
    void on(DistrictRegistered event, @MessageIdentifier String eventId) {
        entries.record(eventId, event);
        refold();
    }

    @EventSourcingHandler
    void on(PriorityDistrictDesignated event, @MessageIdentifier String eventId) {
        entries.record(eventId, event);
        refold();
    }

    @EventSourcingHandler
    void on(EntryCorrected event) {
        entries.record(event);
        refold();
    }

    /** The district as its entries that count say: registered under its name, a priority district if designated. */
    private void refold() {
        priority = false;
        for (Object event : entries.events()) {
            if (event instanceof DistrictRegistered e) {
                key = Districts.key(e.name());
                name = e.name();
            } else if (event instanceof PriorityDistrictDesignated) {
                priority = true;
            }
        }
    }
}
