package se.styrregistret.query.actionplan;

import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import se.styrregistret.kernel.actionplan.ActionPlanId;
import se.styrregistret.kernel.actionplan.FindActionPlan;

@RestController
class ActionPlanQueryController {

    private final QueryGateway queries;

    ActionPlanQueryController(QueryGateway queries) {
        this.queries = queries;
    }

    /** One plan, with its version as the ETag a command's If-Match may name. */
    @GetMapping("/api/action-plans/{planId}")
    ResponseEntity<ActionPlanView> plan(@PathVariable String planId) {
        if (planId.isBlank() || planId.length() > 64) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "Ogiltigt plan-id");
        }
        ActionPlanView plan = queries.query(new FindActionPlan(ActionPlanId.of(planId)),
                        ResponseTypes.optionalInstanceOf(ActionPlanView.class))
                .join()
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
                        "Det finns ingen åtgärdsplan " + planId + " i registret"));
        ResponseEntity.BodyBuilder ok = ResponseEntity.ok();
        if (plan.version() != null) ok.eTag("\"" + plan.version() + "\"");
        return ok.body(plan);
    }
}
