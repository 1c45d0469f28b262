package se.styrregistret.query.audit;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.time.LocalDate;
import java.time.ZoneId;

/** The archive export over HTTP, for administrators (see {@link Archive} for what it holds). */
@RestController
class ArchiveController {

    private final LogArchive archive;

    ArchiveController(LogArchive archive) {
        this.archive = archive;
    }

    /**
     * Streamed straight to the client, so the log's size never has to fit in memory; written
     * synchronously, so no asynchronous request time limit cuts a long export short.
     */
    @GetMapping("/api/admin/export")
    @Operation(summary = "Hela händelseloggen som arkivfil (ZIP: events.jsonl, manifest.json, signerad kontrollpunkt, sammanfattning, SHA256SUMS)")
    void export(HttpServletResponse response) throws IOException {
        response.setContentType("application/zip");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                .filename("styrregistret-arkiv-" + LocalDate.now(ZoneId.of("Europe/Stockholm")) + ".zip").build().toString());
        archive.writeTo(response.getOutputStream());
        response.flushBuffer();
    }
}
