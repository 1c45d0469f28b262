package se.styrregistret.command.governance;

import jakarta.validation.Valid;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import se.styrregistret.kernel.governance.EstablishGovernanceBody;
import se.styrregistret.kernel.governance.GovernanceBodyId;

import java.net.URI;

@RestController
@RequestMapping("/api/governance-bodies")
class GovernanceBodyController {

    private final CommandGateway commands;

    GovernanceBodyController(CommandGateway commands) {
        this.commands = commands;
    }

    @PostMapping
    ResponseEntity<CommandAccepted> establish(@Valid @RequestBody EstablishGovernanceBodyRequest request) {
        GovernanceBodyId id = GovernanceBodyId.random();
        EstablishGovernanceBody command = request.toCommand(id);
        commands.sendAndWait(command);
        return ResponseEntity.created(URI.create("/api/governance-bodies/" + id))
                .body(new CommandAccepted(id.value()));
    }

    record CommandAccepted(String id) {
    }
}
