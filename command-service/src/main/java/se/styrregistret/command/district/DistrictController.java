package se.styrregistret.command.district;

import jakarta.validation.Valid;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import se.styrregistret.kernel.district.PictureKind;
import se.styrregistret.kernel.district.PriorityDistricts;

import java.net.URI;

@RestController
@RequestMapping("/api/districts")
class DistrictController {

    private final CommandGateway commands;

    DistrictController(CommandGateway commands) {
        this.commands = commands;
    }

    @PostMapping("/{district}/pictures")
    ResponseEntity<PictureAccepted> record(@PathVariable String district,
                                           @Valid @RequestBody RecordDistrictPictureRequest request) {
        String name = PriorityDistricts.canonical(district).orElseThrow(() -> new ResponseStatusException(
                HttpStatus.NOT_FOUND, "Okänd stadsdel " + district + "; kända: " + PriorityDistricts.ALL));
        Integer version = commands.sendAndWait(request.toCommand(name));
        return ResponseEntity.created(URI.create("/api/districts/" + name))
                .body(new PictureAccepted(name, request.kind(), version == null ? 0 : version));
    }

    record PictureAccepted(String district, PictureKind kind, int version) {
    }
}
