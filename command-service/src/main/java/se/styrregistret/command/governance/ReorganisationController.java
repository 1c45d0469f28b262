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
import se.styrregistret.kernel.governance.Reorganise;
import se.styrregistret.kernel.governance.Reorganise.Dissolution;
import se.styrregistret.kernel.governance.Reorganise.Establishment;
import se.styrregistret.kernel.governance.Reorganise.Replacement;
import se.styrregistret.kernel.governance.Reorganise.Rescission;
import se.styrregistret.kernel.governance.ReplaceGovernanceBody;
import se.styrregistret.kernel.governance.TransferFunction;

import java.net.URI;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** HTTP for decisions that reshape the organisation: compound reorganisations, replacements, area teams, transfers. */
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

    /**
     * One decision that establishes, rescinds, replaces and dissolves bodies together, all or nothing
     * (see {@link Reorganise}). Answers 201 when it establishes a body (Location: the first one), else
     * 200; the id lists every body it touches, in the order the parts are carried out.
     */
    @PostMapping("/api/reorganisations")
    ResponseEntity<CommandAccepted> reorganise(@Valid @RequestBody ReorganisationRequest request) {
        Reorganise command = request.toCommand();
        commands.sendAndWait(command);
        Set<String> touched = new LinkedHashSet<>();
        command.establishments().forEach(e -> touched.add(e.bodyId().value()));
        command.rescissions().forEach(r -> touched.add(r.bodyId().value()));
        command.replacements().forEach(r -> {
            r.predecessors().forEach(id -> touched.add(id.value()));
            r.successors().forEach(id -> touched.add(id.value()));
        });
        command.dissolutions().forEach(d -> touched.add(d.bodyId().value()));
        CommandAccepted accepted = new CommandAccepted(String.join(",", touched));
        if (command.establishments().isEmpty()) {
            return ResponseEntity.ok(accepted);
        }
        return ResponseEntity.created(URI.create("/api/governance-bodies/" + command.establishments().get(0).bodyId()))
                .body(accepted);
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

    /** The parts are the kernel's; ids are checked here (a new body's is chosen here when the client gives none). */
    record ReorganisationRequest(
            @Size(max = 50) List<@NotNull @Valid Establishment> establishments,
            @Size(max = 50) List<@NotNull @Valid Rescission> rescissions,
            @Size(max = 50) List<@NotNull @Valid Replacement> replacements,
            @Size(max = 50) List<@NotNull @Valid Dissolution> dissolutions,
            @Size(max = 2000) String note,
            @NotNull LocalDate effectiveDate,
            @NotNull @Valid DecisionReference decision) {

        Reorganise toCommand() {
            Reorganise command = new Reorganise(
                    establishments == null ? null : establishments.stream().map(e -> e.bodyId() == null
                            ? e.withBodyId(GovernanceBodyId.random()) : e).toList(),
                    rescissions, replacements, dissolutions, note, effectiveDate, decision);
            for (int i = 0; i < command.establishments().size(); i++) {
                requireId("establishments[" + i + "].bodyId", command.establishments().get(i).bodyId());
            }
            for (int i = 0; i < command.rescissions().size(); i++) {
                requireId("rescissions[" + i + "].bodyId", command.rescissions().get(i).bodyId());
            }
            for (int i = 0; i < command.replacements().size(); i++) {
                Replacement r = command.replacements().get(i);
                for (int j = 0; j < r.predecessors().size(); j++) {
                    requireId("replacements[" + i + "].predecessors[" + j + "]", r.predecessors().get(j));
                }
                for (int j = 0; j < r.successors().size(); j++) {
                    requireId("replacements[" + i + "].successors[" + j + "]", r.successors().get(j));
                }
            }
            for (int i = 0; i < command.dissolutions().size(); i++) {
                requireId("dissolutions[" + i + "].bodyId", command.dissolutions().get(i).bodyId());
            }
            return command;
        }

        private static void requireId(String field, GovernanceBodyId id) {
            Ids.require(field, id.value());
        }
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
