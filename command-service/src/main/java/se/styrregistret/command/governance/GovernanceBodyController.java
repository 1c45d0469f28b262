package se.styrregistret.command.governance;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import se.styrregistret.command.common.CommandAccepted;
import se.styrregistret.command.common.Ids;
import se.styrregistret.kernel.common.DecisionReference;
import se.styrregistret.kernel.governance.AmendGovernanceBody;
import se.styrregistret.kernel.governance.AppointMember;
import se.styrregistret.kernel.governance.DissolveGovernanceBody;
import se.styrregistret.kernel.governance.GovernanceBodyId;
import se.styrregistret.kernel.governance.Member;
import se.styrregistret.kernel.governance.RemoveMember;
import se.styrregistret.kernel.governance.SetReportingLine;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;

/** HTTP for a governance body's life. Maps requests to commands; the aggregate decides. */
@RestController
@RequestMapping("/api/governance-bodies")
class GovernanceBodyController {

    private final CommandGateway commands;

    GovernanceBodyController(CommandGateway commands) {
        this.commands = commands;
    }

    @PostMapping
    ResponseEntity<CommandAccepted> establish(@Valid @RequestBody EstablishGovernanceBodyRequest request) {
        GovernanceBodyId id = GovernanceBodyId.of(Ids.orNew(request.id()));
        commands.sendAndWait(request.toCommand(id));
        return created(id);
    }

    @PostMapping("/{id}/amendments")
    CommandAccepted amend(@PathVariable String id, @Valid @RequestBody AmendRequest request) {
        GovernanceBodyId bodyId = body(id);
        commands.sendAndWait(new AmendGovernanceBody(bodyId, request.name(), request.mandate(), request.convener(),
                request.meetingFrequency(), request.supportingResources(), request.effectiveDate(), request.decision()));
        return new CommandAccepted(bodyId.value());
    }

    @PostMapping("/{id}/members")
    CommandAccepted appoint(@PathVariable String id, @Valid @RequestBody AppointRequest request) {
        GovernanceBodyId bodyId = body(id);
        commands.sendAndWait(new AppointMember(bodyId, new Member(request.role(), request.holder()),
                request.effectiveDate(), request.decision()));
        return new CommandAccepted(bodyId.value());
    }

    @PostMapping("/{id}/member-removals")
    CommandAccepted remove(@PathVariable String id, @Valid @RequestBody RemoveRequest request) {
        GovernanceBodyId bodyId = body(id);
        commands.sendAndWait(new RemoveMember(bodyId, request.role(), request.effectiveDate(), request.decision()));
        return new CommandAccepted(bodyId.value());
    }

    @PostMapping("/{id}/reporting-line")
    CommandAccepted reportTo(@PathVariable String id, @Valid @RequestBody ReportingLineRequest request) {
        GovernanceBodyId bodyId = body(id);
        GovernanceBodyId target = request.reportsTo() == null ? null : GovernanceBodyId.of(request.reportsTo());
        commands.sendAndWait(new SetReportingLine(bodyId, target, request.effectiveDate(), request.decision()));
        return new CommandAccepted(bodyId.value());
    }

    @PostMapping("/{id}/dissolution")
    CommandAccepted dissolve(@PathVariable String id, @Valid @RequestBody DissolveRequest request) {
        GovernanceBodyId bodyId = body(id);
        commands.sendAndWait(new DissolveGovernanceBody(bodyId, request.reason(), request.effectiveDate(), request.decision()));
        return new CommandAccepted(bodyId.value());
    }

    static ResponseEntity<CommandAccepted> created(GovernanceBodyId id) {
        return ResponseEntity.created(URI.create("/api/governance-bodies/" + id)).body(new CommandAccepted(id.value()));
    }

    private static GovernanceBodyId body(String id) {
        return GovernanceBodyId.of(Ids.require("id", id));
    }

    record AmendRequest(
            @Size(max = 300) String name,
            @Size(max = 100) List<@NotBlank @Size(max = 1000) String> mandate,
            @Size(max = 300) String convener,
            @Size(max = 200) String meetingFrequency,
            @Size(max = 50) List<@NotBlank @Size(max = 300) String> supportingResources,
            @NotNull LocalDate effectiveDate,
            @NotNull @Valid DecisionReference decision) {
    }

    record AppointRequest(
            @NotBlank @Size(max = 200) String role,
            @Size(max = 200) String holder,
            @NotNull LocalDate effectiveDate,
            @NotNull @Valid DecisionReference decision) {
    }

    record RemoveRequest(
            @NotBlank @Size(max = 200) String role,
            @NotNull LocalDate effectiveDate,
            @NotNull @Valid DecisionReference decision) {
    }

    /** {@code reportsTo} null ends the body's reporting line. */
    record ReportingLineRequest(
            @Pattern(regexp = Ids.PATTERN) String reportsTo,
            @NotNull LocalDate effectiveDate,
            @NotNull @Valid DecisionReference decision) {
    }

    record DissolveRequest(
            @Size(max = 1000) String reason,
            @NotNull LocalDate effectiveDate,
            @NotNull @Valid DecisionReference decision) {
    }
}
