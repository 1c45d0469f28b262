package se.styrregistret.command.agreement;

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
import se.styrregistret.kernel.agreement.AgreementId;
import se.styrregistret.kernel.agreement.AgreementKind;
import se.styrregistret.kernel.agreement.RecordAgreement;
import se.styrregistret.kernel.common.DecisionReference;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;

@RestController
class AgreementController {

    private final CommandGateway commands;

    AgreementController(CommandGateway commands) {
        this.commands = commands;
    }

    @PostMapping("/api/agreements")
    ResponseEntity<CommandAccepted> record(@Valid @RequestBody AgreementRequest request) {
        AgreementId id = AgreementId.of(Ids.orNew(request.id()));
        commands.sendAndWait(new RecordAgreement(id, request.kind(), request.title(), request.parties(),
                request.periodFrom(), request.periodTo(), request.commitments(), request.signatory(), request.note(),
                request.effectiveDate(), request.decision()));
        return ResponseEntity.created(URI.create("/api/agreements/" + id)).body(new CommandAccepted(id.value()));
    }

    record AgreementRequest(
            @Pattern(regexp = Ids.PATTERN) String id,
            @NotNull AgreementKind kind,
            @NotBlank @Size(max = 300) String title,
            @NotEmpty @Size(max = 50) List<@NotBlank @Size(max = 300) String> parties,
            @Min(1900) @Max(2200) Integer periodFrom,
            @Min(1900) @Max(2200) Integer periodTo,
            @Size(max = 50) List<@NotBlank @Size(max = 1000) String> commitments,
            @Size(max = 300) String signatory,
            @Size(max = 2000) String note,
            @NotNull LocalDate effectiveDate,
            @NotNull @Valid DecisionReference decision) {
    }
}
