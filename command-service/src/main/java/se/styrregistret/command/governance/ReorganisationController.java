package se.styrregistret.command.governance;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import se.styrregistret.command.common.CommandAccepted;
import se.styrregistret.command.common.Ids;
import se.styrregistret.kernel.common.DecisionReference;
import se.styrregistret.kernel.governance.EstablishAreaTeam;
import se.styrregistret.kernel.governance.GovernanceBodyId;
import se.styrregistret.kernel.governance.ReplaceGovernanceBody;
import se.styrregistret.kernel.governance.ReplaceLiBra;
import se.styrregistret.kernel.governance.TransferFunction;

import java.time.LocalDate;
import java.util.List;

/** HTTP for decisions that reshape the organisation: replacements, area teams, transfers. */
@RestController
class ReorganisationController {

    private final CommandGateway commands;

    ReorganisationController(CommandGateway commands) {
        this.commands = commands;
    }

    @PostMapping("/api/replacements")
    CommandAccepted replace(@Valid @RequestBody ReplacementRequest request) {
        commands.sendAndWait(new ReplaceGovernanceBody(ids(request.predecessors()), ids(request.successors()),
                request.note(), request.effectiveDate(), request.decision()));
        return new CommandAccepted(String.join(",", request.predecessors()));
    }

    @PostMapping("/api/libra-replacement")
    CommandAccepted replaceLiBra(@Valid @RequestBody LiBraReplacementRequest request) {
        commands.sendAndWait(new ReplaceLiBra(GovernanceBodyId.of(request.libra()),
                GovernanceBodyId.of(request.politicalSteeringGroup()), GovernanceBodyId.of(request.lopGroup()),
                GovernanceBodyId.of(request.coordinationGroup()), request.rescindedDecision(), request.note(),
                request.effectiveDate(), request.decision()));
        return new CommandAccepted(request.libra());
    }

    @PostMapping("/api/area-teams")
    ResponseEntity<CommandAccepted> establishAreaTeam(@Valid @RequestBody AreaTeamRequest request) {
        GovernanceBodyId id = GovernanceBodyId.of(Ids.orNew(request.id()));
        commands.sendAndWait(new EstablishAreaTeam(id, request.name(), request.district(), request.hostOrganisation(),
                request.commissioningCommittee(), request.teamLeaders(), request.safetyWardens(), request.purpose(),
                request.effectiveDate(), request.decision()));
        return GovernanceBodyController.created(id);
    }

    @PostMapping("/api/function-transfers")
    CommandAccepted transferFunction(@Valid @RequestBody FunctionTransferRequest request) {
        commands.sendAndWait(new TransferFunction(request.functionId(), request.function(), request.fromOrganisation(),
                request.toOrganisation(), request.effectiveDate(), request.decision()));
        return new CommandAccepted(request.functionId());
    }

    private static List<GovernanceBodyId> ids(List<String> ids) {
        return ids.stream().map(GovernanceBodyId::of).toList();
    }

    record ReplacementRequest(
            @NotEmpty @Size(max = 20) List<@NotNull @Pattern(regexp = Ids.PATTERN) String> predecessors,
            @NotEmpty @Size(max = 20) List<@NotNull @Pattern(regexp = Ids.PATTERN) String> successors,
            @Size(max = 2000) String note,
            @NotNull LocalDate effectiveDate,
            @NotNull @Valid DecisionReference decision) {
    }

    record LiBraReplacementRequest(
            @NotNull @Pattern(regexp = Ids.PATTERN) String libra,
            @NotNull @Pattern(regexp = Ids.PATTERN) String politicalSteeringGroup,
            @NotNull @Pattern(regexp = Ids.PATTERN) String lopGroup,
            @NotNull @Pattern(regexp = Ids.PATTERN) String coordinationGroup,
            @NotNull @Valid DecisionReference rescindedDecision,
            @Size(max = 2000) String note,
            @NotNull LocalDate effectiveDate,
            @NotNull @Valid DecisionReference decision) {
    }

    record AreaTeamRequest(
            @Pattern(regexp = Ids.PATTERN) String id,
            @Size(max = 300) String name,
            @NotBlank @Size(max = 100) String district,
            @Size(max = 300) String hostOrganisation,
            @Size(max = 300) String commissioningCommittee,
            @NotNull @Min(0) @Max(1000) Integer teamLeaders,
            @NotNull @Min(0) @Max(1000) Integer safetyWardens,
            @Size(max = 2000) String purpose,
            @NotNull LocalDate effectiveDate,
            @NotNull @Valid DecisionReference decision) {
    }

    record FunctionTransferRequest(
            @NotNull @Pattern(regexp = Ids.PATTERN) String functionId,
            @NotBlank @Size(max = 300) String function,
            @NotBlank @Size(max = 300) String fromOrganisation,
            @NotBlank @Size(max = 300) String toOrganisation,
            @NotNull LocalDate effectiveDate,
            @NotNull @Valid DecisionReference decision) {
    }
}
