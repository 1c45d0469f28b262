package se.styrregistret.standalone;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.jdbc.core.JdbcTemplate;
import se.styrregistret.verifier.AuditVerifier;
import tools.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

/**
 * The auditor's scenario: keep a signed checkpoint of the history, and later prove with the
 * command-line verifier (and the register's own endpoint) that nothing in it changed, or find the
 * revision a database superuser changed, also after every projection was rebuilt.
 */
class AuditVerifierEndToEndTest {

    static final List<String> PROJECTIONS = List.of("orgchart", "ledger", "agreements", "districts", "actionplans", "audit", "audit-log");

    @RegisterExtension
    static final RunningRegister register = new RunningRegister();
    static String checkpoint;
    static String publicKey;

    @BeforeAll
    static void startLoadAndKeepACheckpoint() {
        Standalone.loadHistory(register.system());
        long head = EndToEnd.logHead(register.system());
        // the tamper-evident log and the readable trail are two processors: the scenario reads both
        for (String projection : List.of("audit-log", "audit")) {
            HttpJson.await(register.queryUrl() + "/api/admin/projections/" + projection, s -> s.path("revision").asLong() >= head,
                    Duration.ofSeconds(60), "admin");
        }
        var signed = HttpJson.post(register.queryUrl() + "/api/audit-trail/checkpoints", "", "auditor");
        assertThat(signed.statusCode()).as(signed.body()).isEqualTo(201);
        checkpoint = HttpJson.get(register.queryUrl() + HttpJson.json(signed).path("href").asString(), "auditor").body();
        publicKey = HttpJson.json(HttpJson.get(register.queryUrl() + "/api/audit-trail/public-key", "auditor")).path("publicKey").asString();
    }

    @Test
    void the_verifier_proves_the_history_unchanged_since_the_checkpoint() throws Exception {
        AuditVerifier.Result result = AuditVerifier.verify(checkpoint, publicKey, register.queryUrl(), "auditor:auditor");
        assertThat(result.unchanged()).as(result.message()).isTrue();
        assertThat(result.signatureValid()).isTrue();
        assertThat(result.storedLeavesGiveTheRoot()).isTrue();
        assertThat(result.treeSize()).isEqualTo(EndToEnd.logHead(register.system()));

        // a forged checkpoint (another size, the same signature) is refused
        String[] lines = checkpoint.split("\n");
        String forged = checkpoint.replaceFirst("\n" + lines[1] + "\n", "\n" + (Long.parseLong(lines[1]) - 1) + "\n");
        assertThat(AuditVerifier.verify(forged, publicKey, register.queryUrl(), "auditor:auditor").signatureValid()).isFalse();
    }

    @Test
    void an_amount_changed_by_a_superuser_is_found_at_its_revision_before_and_after_every_rebuild() throws Exception {
        assumeFalse(EndToEnd.axonServerMode(), "Axon Server's log cannot be changed with SQL; this scenario is PostgreSQL's");
        JsonNode allocations = HttpJson.json(HttpJson.get(register.queryUrl() + "/api/audit-trail?eventType=BudgetAllocated", "auditor"));
        long target = allocations.path("entries").get(0).path("revision").asLong();
        JdbcTemplate db = new JdbcTemplate(register.system().dataSource());
        String original = db.queryForObject("select convert_from(payload, 'UTF8') from axon.domain_event_entry where global_index = ?",
                String.class, target);
        String forged = original.replaceFirst("\"amountSek\":\\d+", "\"amountSek\":1");
        assertThat(forged).isNotEqualTo(original);
        tamper(db, forged, target);
        try {
            assertChangedAt(target);
            for (String projection : PROJECTIONS) {
                var rebuild = HttpJson.post(register.queryUrl() + "/api/admin/projections/" + projection + "/rebuild", "", "admin");
                assertThat(rebuild.statusCode()).as(projection + ": " + rebuild.body()).isEqualTo(202);
            }
            long head = EndToEnd.logHead(register.system());
            for (String projection : PROJECTIONS) {
                HttpJson.await(register.queryUrl() + "/api/admin/projections/" + projection, s -> s.path("revision").asLong() >= head,
                        Duration.ofSeconds(60), "admin");
            }
            assertChangedAt(target);

            // the verifier as an auditor runs it: a separate JVM, the single source file, the saved checkpoint
            Path note = Files.createTempFile("checkpoint", ".txt");
            Files.writeString(note, checkpoint);
            Process verifier = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    Path.of("src/main/java/se/styrregistret/verifier/AuditVerifier.java").toAbsolutePath().toString(),
                    "--checkpoint=" + note, "--public-key=" + publicKey, "--url=" + register.queryUrl(), "--user=auditor:auditor")
                    .redirectErrorStream(true).start();
            String output = new String(verifier.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(verifier.waitFor()).as(output).isEqualTo(1);
            assertThat(output).contains("first changed revision: " + target);
        } finally {
            tamper(db, original, target);
        }
        assertThat(AuditVerifier.verify(checkpoint, publicKey, register.queryUrl(), "auditor:auditor").unchanged()).isTrue();
    }

    void assertChangedAt(long target) throws Exception {
        AuditVerifier.Result result = AuditVerifier.verify(checkpoint, publicKey, register.queryUrl(), "auditor:auditor");
        assertThat(result.unchanged()).as(result.message()).isFalse();
        assertThat(result.signatureValid()).isTrue();
        assertThat(result.storedLeavesGiveTheRoot()).isTrue();
        assertThat(result.firstChangedRevision()).isEqualTo(target);
        JsonNode verification = HttpJson.json(HttpJson.get(register.queryUrl() + "/api/audit-trail/verification", "auditor"));
        assertThat(verification.path("intact").asBoolean()).as(verification.toString()).isFalse();
        assertThat(verification.path("firstMismatch").asLong()).isEqualTo(target);
    }

    static void tamper(JdbcTemplate db, String payload, long revision) {
        db.execute("alter table axon.domain_event_entry disable trigger domain_event_entry_append_only");
        try {
            db.update("update axon.domain_event_entry set payload = convert_to(?, 'UTF8') where global_index = ?", payload, revision);
        } finally {
            db.execute("alter table axon.domain_event_entry enable trigger domain_event_entry_append_only");
        }
    }
}
