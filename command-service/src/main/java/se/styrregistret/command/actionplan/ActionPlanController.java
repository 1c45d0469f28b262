package se.styrregistret.command.actionplan;

import jakarta.validation.Valid;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import se.styrregistret.command.common.CommandAccepted;
import se.styrregistret.kernel.actionplan.ActionPlanId;

import java.net.URI;

@RestController
@RequestMapping("/api/action-plans")
class ActionPlanController {

    private final CommandGateway commands;

    ActionPlanController(CommandGateway commands) {
        this.commands = commands;
    }

    @PostMapping
    ResponseEntity<CommandAccepted> approve(@Valid @RequestBody ActionPlanRequests.Approve request) {
        ActionPlanId id = ActionPlanId.random();
        commands.sendAndWait(request.toCommand(id));
        return ResponseEntity.created(URI.create("/api/action-plans/" + id)).body(new CommandAccepted(id.value()));
    }

    @PostMapping("/{planId}/actions")
    ResponseEntity<CommandAccepted> add(@PathVariable String planId, @Valid @RequestBody ActionPlanRequests.Add request) {
        commands.sendAndWait(request.toCommand(ActionPlanId.of(planId)));
        String actionId = request.action().actionId();
        return ResponseEntity.created(URI.create("/api/action-plans/" + planId + "/actions/" + actionId))
                .body(CommandAccepted.action(planId, actionId));
    }

    @PutMapping("/{planId}/actions/{actionId}")
    CommandAccepted revise(@PathVariable String planId, @PathVariable String actionId,
                    @Valid @RequestBody ActionPlanRequests.Revise request) {
        commands.sendAndWait(request.toCommand(ActionPlanId.of(planId), actionId));
        return CommandAccepted.action(planId, actionId);
    }

    @PostMapping("/{planId}/actions/{actionId}/withdrawal")
    CommandAccepted withdraw(@PathVariable String planId, @PathVariable String actionId,
                      @Valid @RequestBody ActionPlanRequests.Withdraw request) {
        commands.sendAndWait(request.toCommand(ActionPlanId.of(planId), actionId));
        return CommandAccepted.action(planId, actionId);
    }

    @PostMapping("/{planId}/actions/{actionId}/progress")
    CommandAccepted progress(@PathVariable String planId, @PathVariable String actionId,
                      @Valid @RequestBody ActionPlanRequests.Progress request) {
        commands.sendAndWait(request.toCommand(ActionPlanId.of(planId), actionId));
        return CommandAccepted.action(planId, actionId);
    }

    @PostMapping("/{planId}/actions/{actionId}/reopening")
    CommandAccepted reopen(@PathVariable String planId, @PathVariable String actionId,
                    @Valid @RequestBody ActionPlanRequests.Reopen request) {
        commands.sendAndWait(request.toCommand(ActionPlanId.of(planId), actionId));
        return CommandAccepted.action(planId, actionId);
    }

    @PostMapping("/{planId}/actions/{actionId}/bodies")
    CommandAccepted link(@PathVariable String planId, @PathVariable String actionId,
                  @Valid @RequestBody ActionPlanRequests.Link request) {
        commands.sendAndWait(request.toCommand(ActionPlanId.of(planId), actionId));
        return CommandAccepted.action(planId, actionId);
    }
}
