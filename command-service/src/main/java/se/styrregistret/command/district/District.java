package se.styrregistret.command.district;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import se.styrregistret.command.common.RuleViolation;
import se.styrregistret.kernel.common.DecisionReference;
import se.styrregistret.kernel.common.Text;
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

    @EventSourcingHandler
    void on(DistrictRegistered event) {
        key = Districts.key(event.name());
        name = event.name();
    }

    @EventSourcingHandler
    void on(PriorityDistrictDesignated event) {
        priority = true;
    }
}
