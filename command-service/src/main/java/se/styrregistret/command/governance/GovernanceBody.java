package se.styrregistret.command.governance;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import se.styrregistret.command.common.RuleViolation;
import se.styrregistret.kernel.common.DecisionReference;
import se.styrregistret.kernel.common.Text;
import se.styrregistret.kernel.governance.AmendGovernanceBody;
import se.styrregistret.kernel.governance.AppointMember;
import se.styrregistret.kernel.governance.AreaTeamEstablished;
import se.styrregistret.kernel.governance.DissolveGovernanceBody;
import se.styrregistret.kernel.governance.EstablishAreaTeam;
import se.styrregistret.kernel.governance.EstablishGovernanceBody;
import se.styrregistret.kernel.governance.EstablishingDecisionRescinded;
import se.styrregistret.kernel.governance.FieldChange;
import se.styrregistret.kernel.governance.GovernanceBodyAmended;
import se.styrregistret.kernel.governance.GovernanceBodyDissolved;
import se.styrregistret.kernel.governance.GovernanceBodyEstablished;
import se.styrregistret.kernel.governance.GovernanceBodyId;
import se.styrregistret.kernel.governance.GovernanceBodyReplaced;
import se.styrregistret.kernel.governance.GovernanceBodySucceeded;
import se.styrregistret.kernel.governance.Member;
import se.styrregistret.kernel.governance.MemberAppointed;
import se.styrregistret.kernel.governance.MemberRemoved;
import se.styrregistret.kernel.governance.RemoveMember;
import se.styrregistret.kernel.governance.ReportingLineSet;
import se.styrregistret.kernel.governance.SetReportingLine;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A governance body's life: established, amended, members in and out, reporting line, replaced
 * or dissolved, each change citing its decision and effective date.
 *
 * <p>Effective dates on one body only move forward: each change takes effect on or after the
 * previous one. That keeps every body's history one unbroken line on both clocks, which the
 * versioned read models rely on.
 */
@Aggregate(commandTargetResolver = "versionedTargetResolver")
public class GovernanceBody {

    enum Status { ACTIVE, DISSOLVED, REPLACED }

    @AggregateIdentifier
    private GovernanceBodyId bodyId;
    private String name;
    private Status status;
    private LocalDate effectiveFrom;
    private LocalDate lastChange;
    private List<String> mandate;
    private String convener;
    private String meetingFrequency;
    private List<String> supportingResources;
    private List<Member> members;
    private GovernanceBodyId reportsTo;
    private boolean establishingDecisionRescinded;

    protected GovernanceBody() {
        // for Axon
    }

    // CREATE_IF_MISSING lets the handler see an existing body and refuse a second establishment by name of rule
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(EstablishGovernanceBody cmd, BodyLookup bodies) {
        establish(cmd, bodies);
    }

    /** Also part of a compound decision ({@link Reorganisations}), on a body created there. */
    void establish(EstablishGovernanceBody cmd, BodyLookup bodies) {
        requireNew(cmd.bodyId());
        if (Text.isBlank(cmd.name())) {
            throw RuleViolation.unprocessable("name-required", "Ett organ måste ha ett namn");
        }
        requireDecision(cmd.effectiveDate(), cmd.decision());
        if (cmd.level() == null) {
            throw RuleViolation.unprocessable("level-required", "Ett organ måste ha en nivå");
        }
        if (cmd.scope() == null || !cmd.scope().isConsistent()) {
            throw RuleViolation.unprocessable("scope-inconsistent",
                    "Ett stadsdelsorgan måste ange stadsdel, och bara det");
        }
        requireNameFree(cmd.name(), bodies);
        apply(new GovernanceBodyEstablished(cmd.bodyId(), cmd.name(), cmd.shortName(), cmd.level(), cmd.scope(),
                cmd.mandate(), cmd.convener(), cmd.meetingFrequency(), cmd.supportingResources(), cmd.members(),
                cmd.effectiveDate(), cmd.decision()));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(EstablishAreaTeam cmd, BodyLookup bodies) {
        requireNew(cmd.bodyId());
        if (Text.isBlank(cmd.district())) {
            throw RuleViolation.unprocessable("district-required", "Ett områdesteam hör till en stadsdel");
        }
        requireDecision(cmd.effectiveDate(), cmd.decision());
        if (cmd.teamLeaders() < 0 || cmd.safetyWardens() < 0) {
            throw RuleViolation.unprocessable("staff-not-negative", "Antalet teamledare och trygghetsvärdar kan inte vara negativt");
        }
        String name = Text.isBlank(cmd.name()) ? "Områdesteam " + cmd.district().strip() : cmd.name().strip();
        if (bodies.hasActiveAreaTeamIn(cmd.district().strip())) {
            throw RuleViolation.conflict("one-area-team-per-district",
                    "Stadsdelen " + cmd.district().strip() + " har redan ett aktivt områdesteam");
        }
        requireNameFree(name, bodies);
        apply(new AreaTeamEstablished(cmd.bodyId(), name, cmd.district().strip(), Text.blankToNull(cmd.hostOrganisation()),
                Text.blankToNull(cmd.commissioningCommittee()), cmd.teamLeaders(), cmd.safetyWardens(),
                Text.blankToNull(cmd.purpose()), cmd.effectiveDate(), cmd.decision()));
    }

    @CommandHandler
    void handle(AmendGovernanceBody cmd, BodyLookup bodies) {
        requireChangeable(cmd.effectiveDate(), cmd.decision());
        List<FieldChange> changes = new ArrayList<>();
        String newName = Text.blankToNull(cmd.name()) == null ? name : cmd.name().strip();
        if (!newName.equals(name)) {
            requireNameFree(newName, bodies);
            changes.add(new FieldChange("name", name, newName));
        }
        List<String> newMandate = cmd.mandate() == null ? mandate : cmd.mandate();
        if (!newMandate.equals(mandate)) changes.add(new FieldChange("mandate", String.join("; ", mandate), String.join("; ", newMandate)));
        String newConvener = cmd.convener() == null ? convener : Text.blankToNull(cmd.convener());
        if (!Objects.equals(newConvener, convener)) changes.add(new FieldChange("convener", convener, newConvener));
        String newFrequency = cmd.meetingFrequency() == null ? meetingFrequency : Text.blankToNull(cmd.meetingFrequency());
        if (!Objects.equals(newFrequency, meetingFrequency)) changes.add(new FieldChange("meetingFrequency", meetingFrequency, newFrequency));
        List<String> newResources = cmd.supportingResources() == null ? supportingResources : cmd.supportingResources();
        if (!newResources.equals(supportingResources)) {
            changes.add(new FieldChange("supportingResources", String.join("; ", supportingResources), String.join("; ", newResources)));
        }
        if (changes.isEmpty()) {
            throw RuleViolation.unprocessable("nothing-to-change", "Ändringen ändrar ingenting");
        }
        apply(new GovernanceBodyAmended(bodyId, changes, newName, newMandate, newConvener, newFrequency, newResources,
                cmd.effectiveDate(), cmd.decision()));
    }

    @CommandHandler
    void handle(AppointMember cmd) {
        requireChangeable(cmd.effectiveDate(), cmd.decision());
        if (cmd.member() == null || Text.isBlank(cmd.member().role())) {
            throw RuleViolation.unprocessable("role-required", "En ledamot har en roll");
        }
        if (holdsRole(cmd.member().role()).isPresent()) {
            throw RuleViolation.conflict("role-already-held", "Rollen " + cmd.member().role() + " finns redan i organet");
        }
        apply(new MemberAppointed(bodyId, cmd.member(), cmd.effectiveDate(), cmd.decision()));
    }

    @CommandHandler
    void handle(RemoveMember cmd) {
        requireChangeable(cmd.effectiveDate(), cmd.decision());
        Member member = holdsRole(cmd.role()).orElseThrow(() -> RuleViolation.conflict("role-not-held",
                "Rollen " + cmd.role() + " finns inte i organet"));
        apply(new MemberRemoved(bodyId, member, cmd.effectiveDate(), cmd.decision()));
    }

    @CommandHandler
    void handle(SetReportingLine cmd, BodyLookup bodies) {
        requireChangeable(cmd.effectiveDate(), cmd.decision());
        if (Objects.equals(cmd.reportsTo(), reportsTo)) {
            throw RuleViolation.unprocessable("nothing-to-change", "Organet rapporterar redan dit");
        }
        if (cmd.reportsTo() != null) {
            if (!bodies.isActive(cmd.reportsTo())) {
                throw RuleViolation.unprocessable("reporting-target-not-active",
                        "Organet " + cmd.reportsTo() + " finns inte eller har upphört");
            }
            if (bodies.reportingChainOf(cmd.reportsTo()).contains(bodyId) || cmd.reportsTo().equals(bodyId)) {
                throw RuleViolation.conflict("reporting-line-cycle",
                        "Rapporteringsvägen skulle bli en cirkel");
            }
        }
        apply(new ReportingLineSet(bodyId, cmd.reportsTo(), reportsTo, cmd.effectiveDate(), cmd.decision()));
    }

    @CommandHandler
    void handle(DissolveGovernanceBody cmd) {
        dissolve(cmd.reason(), cmd.effectiveDate(), cmd.decision());
    }

    /** Also part of a compound decision: the body ends without a successor. */
    void dissolve(String reason, LocalDate effectiveDate, DecisionReference decision) {
        requireChangeable(effectiveDate, decision);
        apply(new GovernanceBodyDissolved(bodyId, Text.blankToNull(reason), effectiveDate, decision));
    }

    /** Part of a replacement decision: this body ends and its work carries on in the successors. */
    void replaceBy(List<GovernanceBodyId> successors, String note, LocalDate effectiveDate, DecisionReference decision) {
        if (status == Status.REPLACED) {
            throw RuleViolation.conflict("replaced-at-most-once", "Organet " + name + " är redan ersatt");
        }
        requireChangeable(effectiveDate, decision);
        apply(new GovernanceBodyReplaced(bodyId, successors, Text.blankToNull(note), effectiveDate, decision));
    }

    /** Part of a replacement decision: this body takes over the predecessors' work. */
    void succeed(List<GovernanceBodyId> predecessors, String note, LocalDate effectiveDate, DecisionReference decision) {
        requireChangeable(effectiveDate, decision);
        apply(new GovernanceBodySucceeded(bodyId, predecessors, Text.blankToNull(note), effectiveDate, decision));
    }

    /** The decision that set this body up is rescinded (upphävs); the body itself ends by other events. */
    void rescindEstablishingDecision(DecisionReference rescinded, LocalDate effectiveDate, DecisionReference decision) {
        requireDecision(effectiveDate, decision);
        if (establishingDecisionRescinded) {
            throw RuleViolation.conflict("decision-already-rescinded", "Beslutet är redan upphävt");
        }
        if (rescinded == null) {
            throw RuleViolation.unprocessable("rescinded-decision-required", "Ange beslutet som upphävs");
        }
        apply(new EstablishingDecisionRescinded(bodyId, rescinded, effectiveDate, decision));
    }

    // ---- rules shared by the handlers

    private void requireNew(GovernanceBodyId id) {
        if (bodyId != null) {
            throw RuleViolation.conflict("body-already-established", "Organet " + id + " är redan inrättat");
        }
    }

    static void requireDecision(LocalDate effectiveDate, DecisionReference decision) {
        if (decision == null) {
            throw RuleViolation.unprocessable("decision-required", "Varje ändring måste hänvisa till ett beslut");
        }
        if (effectiveDate == null) {
            throw RuleViolation.unprocessable("effective-date-required", "Ett beslut måste ha ett datum då det gäller från");
        }
    }

    private void requireChangeable(LocalDate effectiveDate, DecisionReference decision) {
        requireDecision(effectiveDate, decision);
        if (status != Status.ACTIVE) {
            throw RuleViolation.conflict("body-has-ended",
                    "Organet " + name + " har upphört (" + (status == Status.REPLACED ? "ersatt" : "avvecklat") + ") och kan inte ändras");
        }
        if (effectiveDate.isBefore(effectiveFrom)) {
            throw RuleViolation.unprocessable("effective-date-before-start",
                    "Ändringen kan inte gälla före organets start " + effectiveFrom);
        }
        if (effectiveDate.isBefore(lastChange)) {
            throw RuleViolation.conflict("effective-date-before-last-change",
                    "Ändringen kan inte gälla före organets senaste ändring " + lastChange);
        }
    }

    private static void requireNameFree(String name, BodyLookup bodies) {
        if (bodies.isNameTakenByActiveBody(name)) {
            throw RuleViolation.conflict("name-taken", "Det finns redan ett aktivt organ som heter " + name);
        }
    }

    private Optional<Member> holdsRole(String role) {
        return members.stream().filter(m -> m.role().equalsIgnoreCase(role == null ? "" : role.strip())).findFirst();
    }

    // ---- state

    @EventSourcingHandler
    void on(GovernanceBodyEstablished event) {
        start(event.bodyId(), event.name(), event.effectiveDate());
        mandate = event.mandate();
        convener = event.convener();
        meetingFrequency = event.meetingFrequency();
        supportingResources = event.supportingResources();
        members = new ArrayList<>(event.members());
    }

    @EventSourcingHandler
    void on(AreaTeamEstablished event) {
        start(event.bodyId(), event.name(), event.effectiveDate());
        mandate = event.purpose() == null ? List.of() : List.of(event.purpose());
        supportingResources = List.of();
        members = new ArrayList<>();
    }

    private void start(GovernanceBodyId id, String name, LocalDate effectiveDate) {
        this.bodyId = id;
        this.name = name;
        this.status = Status.ACTIVE;
        this.effectiveFrom = effectiveDate;
        this.lastChange = effectiveDate;
    }

    @EventSourcingHandler
    void on(GovernanceBodyAmended event) {
        name = event.name();
        mandate = event.mandate();
        convener = event.convener();
        meetingFrequency = event.meetingFrequency();
        supportingResources = event.supportingResources();
        lastChange = event.effectiveDate();
    }

    @EventSourcingHandler
    void on(MemberAppointed event) {
        members.add(event.member());
        lastChange = event.effectiveDate();
    }

    @EventSourcingHandler
    void on(MemberRemoved event) {
        members.removeIf(m -> m.role().equalsIgnoreCase(event.member().role()));
        lastChange = event.effectiveDate();
    }

    @EventSourcingHandler
    void on(ReportingLineSet event) {
        reportsTo = event.reportsTo();
        lastChange = event.effectiveDate();
    }

    @EventSourcingHandler
    void on(GovernanceBodyDissolved event) {
        status = Status.DISSOLVED;
        lastChange = event.effectiveDate();
    }

    @EventSourcingHandler
    void on(GovernanceBodyReplaced event) {
        status = Status.REPLACED;
        lastChange = event.effectiveDate();
    }

    @EventSourcingHandler
    void on(GovernanceBodySucceeded event) {
        lastChange = event.effectiveDate();
    }

    @EventSourcingHandler
    void on(EstablishingDecisionRescinded event) {
        establishingDecisionRescinded = true;
    }
}
