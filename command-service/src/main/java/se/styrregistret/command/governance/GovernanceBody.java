package se.styrregistret.command.governance;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import se.styrregistret.command.common.RuleViolation;
import se.styrregistret.kernel.common.Text;
import se.styrregistret.kernel.governance.EstablishGovernanceBody;
import se.styrregistret.kernel.governance.GovernanceBodyEstablished;
import se.styrregistret.kernel.governance.GovernanceBodyId;

import java.time.LocalDate;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** A governance body's life: established, amended, replaced or dissolved, each by a decision. */
@Aggregate
public class GovernanceBody {

    @AggregateIdentifier
    private GovernanceBodyId bodyId;
    private LocalDate effectiveFrom;

    protected GovernanceBody() {
        // for Axon
    }

    // CREATE_IF_MISSING lets the handler see an existing body and refuse a second establishment by name of rule
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(EstablishGovernanceBody cmd) {
        if (bodyId != null) {
            throw RuleViolation.conflict("body-already-established",
                    "Organet " + cmd.bodyId() + " är redan inrättat");
        }
        if (Text.isBlank(cmd.name())) {
            throw RuleViolation.unprocessable("name-required", "Ett organ måste ha ett namn");
        }
        if (cmd.decision() == null) {
            throw RuleViolation.unprocessable("decision-required", "Varje ändring måste hänvisa till ett beslut");
        }
        if (cmd.level() == null) {
            throw RuleViolation.unprocessable("level-required", "Ett organ måste ha en nivå");
        }
        if (cmd.scope() == null || !cmd.scope().isConsistent()) {
            throw RuleViolation.unprocessable("scope-inconsistent",
                    "Ett stadsdelsorgan måste ange stadsdel, och bara det");
        }
        if (cmd.effectiveDate() == null) {
            throw RuleViolation.unprocessable("effective-date-required", "Ett beslut måste ha ett datum då det gäller från");
        }
        apply(new GovernanceBodyEstablished(cmd.bodyId(), cmd.name(), cmd.shortName(), cmd.level(), cmd.scope(),
                cmd.mandate(), cmd.convener(), cmd.meetingFrequency(), cmd.supportingResources(), cmd.members(),
                cmd.effectiveDate(), cmd.decision()));
    }

    @EventSourcingHandler
    void on(GovernanceBodyEstablished event) {
        bodyId = event.bodyId();
        effectiveFrom = event.effectiveDate();
    }
}
