package se.styrregistret.standalone;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import se.styrregistret.query.audit.Archive;
import se.styrregistret.query.audit.LogArchive;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The archive, end to end: the 2007–2022 history and a few hundred commands exported (over HTTP and
 * as the launcher writes it), restored into an empty register, which then answers every query as the
 * original does and holds an intact audit log with the same Merkle root; damaged archives are refused
 * and change nothing. The restored register always runs the default mode (the restore writes into
 * PostgreSQL's log), whatever mode the original runs in.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ArchiveEndToEndTest {

    @RegisterExtension
    static final RunningRegister original = new RunningRegister();
    static long head;
    static Path archive;

    @TempDir
    static Path dir;

    @BeforeAll
    static void a_register_with_its_history_and_a_few_hundred_commands() {
        Standalone.loadHistory(original.system());
        for (int i = 1; i <= 120; i++) {
            String id = "arkivtest-%03d".formatted(i);
            created(HttpJson.post(original.commandUrl() + "/api/governance-bodies", """
                    {"id":"%s","name":"Arkivtestgrupp %d – Skäggetorp","level":"OPERATIONAL",
                     "scope":{"kind":"DISTRICT","district":"Skäggetorp"},"mandate":["Samordna insatser, år %d"],
                     "effectiveDate":"2022-02-01","decision":{"caseNumber":"KS 2022-%d","decisionDate":"2022-02-01","decidedBy":"Kommunstyrelsen"}}"""
                    .formatted(id, i, 2022, i)));
            created(HttpJson.post(original.commandUrl() + "/api/governance-bodies/" + id + "/members", """
                    {"role":"Samordnare","holder":"Åsa Öberg %d","effectiveDate":"2022-03-01",
                     "decision":{"decisionDate":"2022-03-01","decidedBy":"Kommundirektören"}}""".formatted(i)));
            if (i % 3 == 0) {
                created(HttpJson.post(original.commandUrl() + "/api/governance-bodies/" + id + "/dissolution", """
                        {"reason":"Uppdraget slutfört","effectiveDate":"2022-12-31",
                         "decision":{"decisionDate":"2022-12-20","decidedBy":"Kommunstyrelsen"}}"""));
            }
        }
        head = EndToEnd.logHead(original.system());
        // the audit log has read everything, and a checkpoint of it is signed, before the export
        HttpJson.await(original.queryUrl() + "/api/audit-trail/verification?minRevision=" + head,
                v -> v.path("status").asString().equals("INTACT") && v.path("checkedUpTo").asLong() == head,
                Duration.ofSeconds(60), "auditor");
        HttpResponse<String> signed = HttpJson.post(original.queryUrl() + "/api/audit-trail/checkpoints", "", "auditor");
        assertThat(signed.statusCode()).as(signed.body()).isBetween(200, 201);
    }

    @Test
    @Order(1)
    void an_administrator_downloads_the_whole_log_as_a_self_describing_archive() throws Exception {
        HttpResponse<Path> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(original.queryUrl() + "/api/admin/export"))
                .header("Authorization", basic("admin")).GET().build(), HttpResponse.BodyHandlers.ofFile(dir.resolve("download.zip")));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/zip"));
        assertThat(response.headers().firstValue("Content-Disposition")).hasValueSatisfying(d -> assertThat(d).contains("attachment", ".zip"));
        archive = response.body();

        Archive.Manifest manifest = Archive.verify(archive);
        JsonNode verification = HttpJson.json(HttpJson.get(original.queryUrl() + "/api/audit-trail/verification", "auditor"));
        assertThat(manifest.events()).isEqualTo(verification.path("treeSize").asLong()).isGreaterThan(300);
        assertThat(manifest.lastRevision()).isEqualTo(head);
        assertThat(manifest.merkle().rootHash()).isEqualTo(verification.path("rootHash").asString());
        assertThat(manifest.checkpoint()).isNotNull();
        assertThat(manifest.checkpoint().matches()).isTrue();
        assertThat(manifest.checkpoint().treeSize()).isEqualTo(manifest.events());
        assertThat(manifest.eventTypes()).extracting(Archive.SchemaCount::type)
                .contains("se.styrregistret.kernel.governance.GovernanceBodyEstablished", "se.styrregistret.kernel.budget.BudgetAllocated");
        try (ZipFile zip = new ZipFile(archive.toFile())) {
            assertThat(zip.stream().map(ZipEntry::getName)).containsExactlyInAnyOrder(
                    "events.jsonl", "manifest.json", "checkpoint.txt", "sammanfattning.txt", "SHA256SUMS");
            String summary = read(zip, "sammanfattning.txt");
            assertThat(summary).contains("Händelser: " + manifest.events(), manifest.merkle().rootHash(), "sha256sum -c SHA256SUMS");
            String firstLine = read(zip, "events.jsonl").lines().findFirst().orElseThrow();
            // the payload is JSON a person can read, not an escaped string
            assertThat(firstLine).startsWith("{\"revision\":").contains("\"payload\":{\"");
        }
        // the archive is the whole log: for administrators only
        assertThat(HttpJson.get(original.queryUrl() + "/api/admin/export", "auditor").statusCode()).isEqualTo(403);
    }

    @Test
    @Order(2)
    void the_launcher_writes_the_same_events_as_the_download() throws Exception {
        Path written = dir.resolve("launcher.zip");
        Archive.Manifest manifest = original.system().queryContext().getBean(LogArchive.class).writeTo(written);

        assertThat(manifest.merkle()).isEqualTo(Archive.verify(archive).merkle());
        try (ZipFile a = new ZipFile(archive.toFile()); ZipFile b = new ZipFile(written.toFile())) {
            assertThat(read(b, "events.jsonl")).isEqualTo(read(a, "events.jsonl"));
        }
        assertThat(Standalone.Options.parse("--export=" + written).exportTo()).isEqualTo(written);
        assertThat(Standalone.Options.parse("--restore=" + written).loadHistory()).isFalse();
    }

    @Test
    @Order(3)
    void a_restored_register_answers_as_the_original_and_its_audit_log_has_the_same_root() {
        Archive.Manifest manifest = Archive.verify(archive);
        try (RunningSystem restored = Standalone.start(Standalone.Options.ephemeral(),
                command -> ArchiveRestore.restore(command, archive))) {
            assertThat(EndToEnd.logHead(restored)).isEqualTo(head);
            for (String query : List.of("/api/org-chart", "/api/org-chart?asOfRevision=20", "/api/org-chart?asOfDate=2020-06-30",
                    "/api/org-chart?asOfRevision=" + (head - 50), "/api/governance-bodies/arkivtest-003", "/api/timeline",
                    "/api/budget/ledger", "/api/budget/summary", "/api/budget/summary?fiscalYear=2021", "/api/agreements",
                    "/api/districts/Skäggetorp", "/api/function-transfers", "/api/revisions/10/diff/30",
                    "/api/audit-trail?size=1000", "/api/audit-trail?page=1&size=200&eventType=MemberAppointed")) {
                String separator = query.contains("?") ? "&" : "?";
                JsonNode expected = HttpJson.json(HttpJson.get(original.queryUrl() + query + separator + "minRevision=" + head, "auditor"));
                JsonNode actual = HttpJson.json(HttpJson.get(restored.queryUrl() + query + separator + "minRevision=" + head, "auditor"));
                assertThat(actual).as(query).isEqualTo(expected);
            }
            JsonNode verification = HttpJson.await(restored.queryUrl() + "/api/audit-trail/verification",
                    v -> v.path("checkedUpTo").asLong() == head, Duration.ofSeconds(60), "auditor");
            assertThat(verification.path("status").asString()).isEqualTo("INTACT");
            assertThat(verification.path("rootHash").asString()).isEqualTo(manifest.merkle().rootHash());

            // the command side's lookups were rebuilt from the restored log: known ids are taken, new ones are free
            HttpResponse<String> again = HttpJson.post(restored.commandUrl() + "/api/governance-bodies", """
                    {"id":"arkivtest-001","name":"Dubblett","level":"OPERATIONAL","scope":{"kind":"MUNICIPALITY"},
                     "effectiveDate":"2023-01-01","decision":{"decisionDate":"2023-01-01","decidedBy":"Kommunstyrelsen"}}""");
            assertThat(again.statusCode()).as(again.body()).isEqualTo(409);
            created(HttpJson.post(restored.commandUrl() + "/api/governance-bodies", """
                    {"id":"efter-aterlasning","name":"Ny grupp efter återläsning","level":"OPERATIONAL","scope":{"kind":"MUNICIPALITY"},
                     "effectiveDate":"2023-01-01","decision":{"decisionDate":"2023-01-01","decidedBy":"Kommunstyrelsen"}}"""));
            assertThat(EndToEnd.logHead(restored)).isGreaterThan(head);
        }
    }

    @Test
    @Order(4)
    void a_truncated_archive_is_refused_before_anything_is_written() throws IOException {
        byte[] whole = Files.readAllBytes(archive);
        Path truncated = Files.write(dir.resolve("truncated.zip"), java.util.Arrays.copyOf(whole, whole.length / 2));

        assertThatThrownBy(() -> Archive.verify(truncated)).isInstanceOf(Archive.Damaged.class).hasMessageContaining("truncated");
    }

    @Test
    @Order(5)
    void an_event_changed_in_the_archive_is_refused_even_with_its_checksums_recomputed() throws IOException {
        java.util.function.Consumer<List<String>> renameTheDecider = lines -> {
            int at = 40 + lines.subList(40, lines.size()).stream().takeWhile(l -> !l.contains("Kommunstyrelsen")).toList().size();
            lines.set(at, lines.get(at).replace("Kommunstyrelsen", "Kommunfullmäktige"));
        };
        Path changed = rewrite("changed.zip", renameTheDecider, false);
        assertThatThrownBy(() -> Archive.verify(changed)).isInstanceOf(Archive.Damaged.class).hasMessageContaining("checksum");

        Path forged = rewrite("forged.zip", renameTheDecider, true);
        assertThatThrownBy(() -> Archive.verify(forged)).isInstanceOf(Archive.Damaged.class).hasMessageContaining("leaf hash");

        Path shortened = rewrite("shortened.zip", lines -> lines.remove(lines.size() - 1), true);
        assertThatThrownBy(() -> Archive.verify(shortened)).isInstanceOf(Archive.Damaged.class).hasMessageContaining("incomplete");
    }

    @Test
    @Order(6)
    void a_restore_into_a_register_that_holds_events_is_refused_and_changes_nothing() {
        long before = EndToEnd.logHead(original.system());
        JdbcTemplate jdbc = new JdbcTemplate(original.system().dataSource());
        if (EndToEnd.axonServerMode()) {
            assertThatThrownBy(() -> ArchiveRestore.restore(original.system().commandContext(), archive)).hasMessageContaining("PostgreSQL event log");
        } else {
            long rows = jdbc.queryForObject("select count(*) from axon.domain_event_entry", Long.class);
            assertThatThrownBy(() -> ArchiveRestore.restore(original.system().commandContext(), archive)).hasMessageContaining("needs an empty register");
            assertThat(jdbc.queryForObject("select count(*) from axon.domain_event_entry", Long.class)).isEqualTo(rows);
        }
        assertThat(EndToEnd.logHead(original.system())).isEqualTo(before);
    }

    // ---------- helpers ----------

    /** A copy of the archive with events.jsonl edited; with {@code consistent}, checksums recomputed as a forger would. */
    private static Path rewrite(String name, java.util.function.Consumer<List<String>> edit, boolean consistent) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipFile zip = new ZipFile(archive.toFile())) {
            for (ZipEntry e : zip.stream().toList()) {
                try (InputStream in = zip.getInputStream(e)) {
                    entries.put(e.getName(), in.readAllBytes());
                }
            }
        }
        List<String> lines = new ArrayList<>(new String(entries.get("events.jsonl"), StandardCharsets.UTF_8).lines().toList());
        edit.accept(lines);
        byte[] events = (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8);
        entries.put("events.jsonl", events);
        if (consistent) {
            String oldSum = sha256(originalEvents());
            String manifest = new String(entries.get("manifest.json"), StandardCharsets.UTF_8).replace(oldSum, sha256(events));
            entries.put("manifest.json", manifest.getBytes(StandardCharsets.UTF_8));
            StringBuilder sums = new StringBuilder();
            for (String file : List.of("events.jsonl", "manifest.json", "checkpoint.txt", "sammanfattning.txt")) {
                sums.append(sha256(entries.get(file))).append("  ").append(file).append('\n');
            }
            entries.put("SHA256SUMS", sums.toString().getBytes(StandardCharsets.UTF_8));
        }
        Path target = dir.resolve(name);
        try (OutputStream out = Files.newOutputStream(target); ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey()));
                zip.write(e.getValue());
                zip.closeEntry();
            }
        }
        return target;
    }

    /** The original events.jsonl of the archive (before the edit). */
    private static byte[] originalEvents() throws IOException {
        try (ZipFile zip = new ZipFile(archive.toFile()); InputStream in = zip.getInputStream(zip.getEntry("events.jsonl"))) {
            return in.readAllBytes();
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String read(ZipFile zip, String name) throws IOException {
        try (InputStream in = zip.getInputStream(zip.getEntry(name))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static String basic(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8));
    }

    private static void created(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isBetween(200, 201);
    }
}
