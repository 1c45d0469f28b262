package se.styrregistret.command.budget;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import se.styrregistret.command.common.CommandAccepted;
import se.styrregistret.kernel.budget.AllocationId;
import se.styrregistret.kernel.budget.BudgetFrameId;
import se.styrregistret.kernel.budget.GrantId;
import se.styrregistret.kernel.budget.ReferralId;

import java.net.URI;

/**
 * The budget ledger's write side. Every command cites its decision; amounts are whole kronor.
 * Input errors answer 400 naming the field; broken rules 409 (the register's state is the reason,
 * e.g. {@code frame-exceeded}) or 422 (the command itself, e.g. {@code distribution-sum-exact}).
 */
@RestController
@RequestMapping("/api/budget")
@Tag(name = "Budget", description = "Budgetramar, anslag, bidrag, fördelningar, återföringar och hänvisad finansiering")
@ApiResponse(responseCode = "400", description = "ogiltig indata; problem-kroppen anger fältet (field)")
@ApiResponse(responseCode = "409", description = "en regel bryts av registrets läge; problem-kroppen anger regeln (rule)")
@ApiResponse(responseCode = "422", description = "kommandot bryter en regel; problem-kroppen anger regeln (rule)")
class BudgetController {

    private final CommandGateway commands;

    BudgetController(CommandGateway commands) {
        this.commands = commands;
    }

    @PostMapping("/frames")
    @Operation(summary = "Öppna en nämnds budgetram för ett budgetår")
    ResponseEntity<CommandAccepted> openFrame(@Valid @RequestBody BudgetRequests.OpenFrame request) {
        BudgetFrameId id = BudgetFrameId.random();
        commands.sendAndWait(request.toCommand(id));
        return created("/api/budget/frames/" + id, id.value());
    }

    @PostMapping("/frames/{frameId}/extensions")
    @Operation(summary = "Utöka en budgetram, med angiven finansiering")
    ResponseEntity<CommandAccepted> extendFrame(@PathVariable String frameId, @Valid @RequestBody BudgetRequests.ExtendFrame request) {
        commands.sendAndWait(request.toCommand(BudgetFrameId.of(frameId)));
        return ResponseEntity.ok(new CommandAccepted(frameId));
    }

    @PostMapping("/allocations")
    @Operation(summary = "Anslå pengar från en källa (ram, resursmedel, bidrag) till en mottagare",
            description = "Ett anslag från en ram eller ett bidrag får inte överstiga vad som återstår av det (regel frame-exceeded / grant-exceeded); "
                    + "ett upplöst eller ersatt organ kan inte få pengar (recipient-not-active).")
    ResponseEntity<CommandAccepted> allocate(@Valid @RequestBody BudgetRequests.Allocate request) {
        AllocationId id = AllocationId.random();
        commands.sendAndWait(request.toCommand(id));
        return created("/api/budget/allocations/" + id, id.value());
    }

    @PostMapping("/allocations/{allocationId}/distribution")
    @Operation(summary = "Fördela ett anslag på mottagare; delarna ska summera exakt till helheten (distribution-sum-exact)")
    ResponseEntity<CommandAccepted> distribute(@PathVariable String allocationId, @Valid @RequestBody BudgetRequests.Distribute request) {
        commands.sendAndWait(request.toCommand(AllocationId.of(allocationId)));
        return ResponseEntity.ok(new CommandAccepted(allocationId));
    }

    @PostMapping("/allocations/{allocationId}/reversal")
    @Operation(summary = "Återför (en del av) ett anslag; högst vad som återstår av det (reversal-exceeds-allocation)")
    ResponseEntity<CommandAccepted> reverse(@PathVariable String allocationId, @Valid @RequestBody BudgetRequests.Reverse request) {
        commands.sendAndWait(request.toCommand(AllocationId.of(allocationId)));
        return ResponseEntity.ok(new CommandAccepted(allocationId));
    }

    @PostMapping("/grants")
    @Operation(summary = "Registrera ett externt bidrag med bidragsgivare och år")
    ResponseEntity<CommandAccepted> registerGrant(@Valid @RequestBody BudgetRequests.Grant request) {
        GrantId id = GrantId.random();
        commands.sendAndWait(request.toCommand(id));
        return created("/api/budget/grants/" + id, id.value());
    }

    @PostMapping("/referrals")
    @Operation(summary = "Hänvisa finansiering till en senare budgetprocess; inga pengar flyttas, en öppen post kvarstår")
    ResponseEntity<CommandAccepted> refer(@Valid @RequestBody BudgetRequests.Refer request) {
        ReferralId id = ReferralId.random();
        commands.sendAndWait(request.toCommand(id));
        return created("/api/budget/referrals/" + id, id.value());
    }

    @PostMapping("/referrals/{referralId}/settlement")
    @Operation(summary = "Avgör en hänvisad finansiering")
    ResponseEntity<CommandAccepted> settle(@PathVariable String referralId, @Valid @RequestBody BudgetRequests.Settle request) {
        commands.sendAndWait(request.toCommand(ReferralId.of(referralId)));
        return ResponseEntity.ok(new CommandAccepted(referralId));
    }

    private static ResponseEntity<CommandAccepted> created(String location, String id) {
        return ResponseEntity.created(URI.create(location)).body(new CommandAccepted(id));
    }
}
