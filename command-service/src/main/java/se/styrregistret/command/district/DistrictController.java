package se.styrregistret.command.district;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import se.styrregistret.command.common.CommandAccepted;
import se.styrregistret.kernel.common.DecisionReference;
import se.styrregistret.kernel.district.DesignatePriorityDistrict;
import se.styrregistret.kernel.district.PictureKind;
import se.styrregistret.kernel.district.RegisterDistrict;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

@RestController
@RequestMapping("/api/districts")
class DistrictController {

    private final CommandGateway commands;
    private final DistrictLookup districts;

    DistrictController(CommandGateway commands, DistrictLookup districts) {
        this.commands = commands;
        this.districts = districts;
    }

    @PostMapping
    ResponseEntity<CommandAccepted> register(@Valid @RequestBody RegisterDistrictRequest request) {
        String name = commands.sendAndWait(new RegisterDistrict(request.name(), request.municipality(),
                request.decision(), request.effectiveDate()));
        return ResponseEntity.created(URI.create("/api/districts/" + path(name))).body(new CommandAccepted(name));
    }

    @PostMapping("/{district}/priority-designation")
    CommandAccepted designate(@PathVariable String district, @Valid @RequestBody DesignationRequest request) {
        String name = commands.sendAndWait(new DesignatePriorityDistrict(district, request.decision(), request.effectiveDate()));
        return new CommandAccepted(name);
    }

    @PostMapping("/{district}/pictures")
    ResponseEntity<PictureAccepted> record(@PathVariable String district,
                                           @Valid @RequestBody RecordDistrictPictureRequest request) {
        String name = districts.canonical(district).orElseThrow(() -> new ResponseStatusException(
                HttpStatus.NOT_FOUND, "Okänd stadsdel " + district + ": registrera den först (POST /api/districts)"));
        Integer version = commands.sendAndWait(request.toCommand(name));
        return ResponseEntity.created(URI.create("/api/districts/" + path(name)))
                .body(new PictureAccepted(name, request.kind(), version == null ? 0 : version));
    }

    private static String path(String name) {
        return URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
    }

    record PictureAccepted(String district, PictureKind kind, int version) {
    }

    /** The HTTP body of {@code POST /api/districts}. */
    record RegisterDistrictRequest(
            @NotBlank @Size(max = 100) String name,
            @Size(max = 100) String municipality,
            @NotNull LocalDate effectiveDate,
            @NotNull @Valid DecisionReference decision) {
    }

    /** The HTTP body of {@code POST /api/districts/{district}/priority-designation}. */
    record DesignationRequest(
            @NotNull LocalDate effectiveDate,
            @NotNull @Valid DecisionReference decision) {
    }
}
