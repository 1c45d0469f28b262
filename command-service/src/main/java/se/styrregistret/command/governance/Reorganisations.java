package se.styrregistret.command.governance;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.Repository;
import org.springframework.stereotype.Component;
import se.styrregistret.command.common.RuleViolation;
import se.styrregistret.kernel.common.DecisionReference;
import se.styrregistret.kernel.governance.GovernanceBodyId;
import se.styrregistret.kernel.governance.ReplaceGovernanceBody;
import se.styrregistret.kernel.governance.ReplaceLiBra;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Decisions that change several bodies at once. Every body is loaded and changed in one unit of
 * work, so the events of all of them are committed together or, when any rule fails, none is.
 */
@Component
class Reorganisations {

    private final Repository<GovernanceBody> bodies;

    Reorganisations(Repository<GovernanceBody> bodies) {
        this.bodies = bodies;
    }

    @CommandHandler
    void handle(ReplaceGovernanceBody cmd) {
        replace(cmd.predecessors(), cmd.successors(), cmd.note(), cmd.effectiveDate(), cmd.decision());
    }

    @CommandHandler
    void handle(ReplaceLiBra cmd) {
        if (cmd.libra() == null || cmd.politicalSteeringGroup() == null || cmd.lopGroup() == null
                || cmd.coordinationGroup() == null) {
            throw RuleViolation.unprocessable("bodies-required",
                    "Ange LiBrå, den politiska styrgruppen, LOP-gruppen och samordningsgruppen");
        }
        Set<GovernanceBodyId> distinct = new HashSet<>(List.of(cmd.libra(), cmd.politicalSteeringGroup(),
                cmd.lopGroup(), cmd.coordinationGroup()));
        if (distinct.size() != 4) {
            throw RuleViolation.unprocessable("bodies-distinct", "De fyra organen måste vara olika");
        }
        load(cmd.libra()).execute(b -> b.rescindEstablishingDecision(cmd.rescindedDecision(), cmd.effectiveDate(), cmd.decision()));
        replace(List.of(cmd.libra()), List.of(cmd.politicalSteeringGroup()), cmd.note(), cmd.effectiveDate(), cmd.decision());
        replace(List.of(cmd.lopGroup()), List.of(cmd.coordinationGroup()), cmd.note(), cmd.effectiveDate(), cmd.decision());
    }

    private void replace(List<GovernanceBodyId> predecessors, List<GovernanceBodyId> successors, String note,
                         LocalDate effectiveDate, DecisionReference decision) {
        if (predecessors.isEmpty() || successors.isEmpty()) {
            throw RuleViolation.unprocessable("replacement-needs-both-sides",
                    "En ersättning har minst en föregångare och minst en efterträdare");
        }
        Set<GovernanceBodyId> overlap = new HashSet<>(predecessors);
        overlap.retainAll(successors);
        if (!overlap.isEmpty() || new HashSet<>(predecessors).size() != predecessors.size()
                || new HashSet<>(successors).size() != successors.size()) {
            throw RuleViolation.unprocessable("replacement-bodies-distinct",
                    "Ett organ kan inte ersätta sig självt eller nämnas två gånger");
        }
        for (GovernanceBodyId predecessor : predecessors) {
            load(predecessor).execute(b -> b.replaceBy(successors, note, effectiveDate, decision));
        }
        for (GovernanceBodyId successor : successors) {
            load(successor).execute(b -> b.succeed(predecessors, note, effectiveDate, decision));
        }
    }

    private Aggregate<GovernanceBody> load(GovernanceBodyId id) {
        return bodies.load(id.value());
    }
}
