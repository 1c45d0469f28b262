package se.styrregistret.query.audit;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import se.styrregistret.support.web.InvalidInput;
import se.styrregistret.query.web.NotFound;

import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

/**
 * The tamper-evident audit log over HTTP, for auditors: signed checkpoints and the public key to
 * check them with, RFC 9162 inclusion and consistency proofs, the leaves with the data each covers
 * (what the command-line verifier recomputes), and a checkpoint's verification for convenience.
 */
@RestController
class AuditLogController {

    private static final HexFormat HEX = HexFormat.of();

    private final AuditCheckpoints checkpoints;
    private final AuditLogProofs proofs;

    AuditLogController(AuditCheckpoints checkpoints, AuditLogProofs proofs) {
        this.checkpoints = checkpoints;
        this.proofs = proofs;
    }

    record PublicKey(String algorithm, String keyId, String publicKey, String format) {
    }

    record CheckpointSummary(long treeSize, String rootHash, String signedAt, String keyId, String href) {
    }

    @GetMapping("/api/audit-trail/public-key")
    PublicKey publicKey() {
        return new PublicKey("Ed25519", checkpoints.keyId(), checkpoints.publicKeyBase64(), "X.509 SubjectPublicKeyInfo, base64");
    }

    @GetMapping("/api/audit-trail/checkpoints")
    List<CheckpointSummary> checkpoints() {
        return checkpoints.all().stream().map(AuditLogController::summary).toList();
    }

    /** Signs the current tree head now (or answers the checkpoint that already covers it). */
    @PostMapping("/api/audit-trail/checkpoints")
    ResponseEntity<CheckpointSummary> sign() {
        AuditCheckpoints.Checkpoint checkpoint = checkpoints.checkpoint()
                .orElseThrow(() -> new InvalidInput("treeSize", "revisionsloggen är tom: det finns inget att signera"));
        CheckpointSummary summary = summary(checkpoint);
        return ResponseEntity.created(URI.create(summary.href())).body(summary);
    }

    /** The signed note itself, to keep outside the register. */
    @GetMapping(value = "/api/audit-trail/checkpoints/{treeSize}", produces = MediaType.TEXT_PLAIN_VALUE)
    ResponseEntity<String> checkpoint(@PathVariable long treeSize) {
        AuditCheckpoints.Checkpoint checkpoint = checkpoints.find(treeSize)
                .orElseThrow(() -> new NotFound("Ingen signerad kontrollpunkt för trädstorlek " + treeSize));
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "plain", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"styrregistret-checkpoint-" + treeSize + ".txt\"")
                .body(checkpoint.text());
    }

    /** Checks a checkpoint kept earlier against the log as it is now (the verifier's check, done by the register). */
    @PostMapping(value = "/api/audit-trail/checkpoints/verification", consumes = MediaType.TEXT_PLAIN_VALUE)
    AuditLogProofs.CheckpointVerification verifyCheckpoint(@RequestBody String note) {
        return proofs.verifyCheckpoint(note);
    }

    @GetMapping("/api/audit-trail/{revision}/proof")
    AuditLogProofs.InclusionProof inclusion(@PathVariable long revision, @RequestParam(required = false) Long treeSize) {
        return proofs.inclusion(revision, treeSize);
    }

    @GetMapping("/api/audit-trail/consistency")
    AuditLogProofs.ConsistencyProof consistency(@RequestParam long from, @RequestParam long to) {
        return proofs.consistency(from, to);
    }

    /**
     * Every leaf of the tree of {@code treeSize}, one line each: leaf index, revision, the stored leaf
     * hash (hex) and the data the event in the log now gives for it (base64; "-" if the event is gone).
     */
    @GetMapping(value = "/api/audit-trail/leaves", produces = MediaType.TEXT_PLAIN_VALUE)
    ResponseEntity<StreamingResponseBody> leaves(@RequestParam long treeSize) {
        proofs.requireTreeSize("treeSize", treeSize);
        StreamingResponseBody body = out -> {
            Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            proofs.leaves(treeSize, position -> {
                try {
                    writer.write((position.leafIndex() == null ? "-" : position.leafIndex().toString()) + " " + position.revision() + " "
                            + (position.storedLeaf() == null ? "-" : HEX.formatHex(position.storedLeaf())) + " "
                            + (position.event() == null ? "-" : Base64.getEncoder().encodeToString(position.event().leafData())) + "\n");
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            writer.flush();
        };
        return ResponseEntity.ok().contentType(new MediaType("text", "plain", StandardCharsets.UTF_8)).body(body);
    }

    private static CheckpointSummary summary(AuditCheckpoints.Checkpoint c) {
        return new CheckpointSummary(c.treeSize(), HEX.formatHex(c.rootHash()), c.signedAt().toString(), c.keyId(),
                "/api/audit-trail/checkpoints/" + c.treeSize());
    }
}
