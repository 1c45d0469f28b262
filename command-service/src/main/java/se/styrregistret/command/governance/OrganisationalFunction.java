package se.styrregistret.command.governance;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import se.styrregistret.command.common.RuleViolation;
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

    @EventSourcingHandler
    void on(FunctionTransferred event) {
        functionId = event.functionId();
        organisation = event.toOrganisation();
        lastTransfer = event.effectiveDate();
    }
}
