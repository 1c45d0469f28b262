package se.styrregistret.query.audit;

import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.serialization.Serializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import se.styrregistret.kernel.common.DecisionReference;
import se.styrregistret.kernel.governance.GovernanceBodyEstablished;
import se.styrregistret.kernel.governance.GovernanceBodyId;
import se.styrregistret.kernel.governance.Level;
import se.styrregistret.kernel.governance.Member;
import se.styrregistret.kernel.governance.MemberAppointed;
import se.styrregistret.kernel.governance.Scope;
import se.styrregistret.query.support.Http;
import se.styrregistret.query.support.QueryServiceTest;
import se.styrregistret.support.Revisions;
import tools.jackson.databind.JsonNode;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The tamper-evident audit log: one Merkle leaf per event, kept for good; a change to a stored event
 * made as a database superuser (the append-only trigger off) is found at its revision, also after
 * every projection was rebuilt; signed checkpoints and RFC 9162 proofs check out.
 */
class AuditLogTest extends QueryServiceTest {

    static final DecisionReference KS_2019_1003 =
            new DecisionReference("KS 2019-1003", null, LocalDate.of(2020, 1, 20), "Kommunstyrelsen");
    static final HexFormat HEX = HexFormat.of();
    static final List<String> PROJECTIONS = List.of("orgchart", "ledger", "agreements", "districts", "actionplans", "audit", "audit-log");

    @Autowired
    Serializer serializer;

    /** Establishes a body and appoints a member; answers the second event's revision. */
    long establish(String name) {
        GovernanceBodyId id = GovernanceBodyId.of(UUID.randomUUID().toString());
        append("GovernanceBody", id.value(), new GovernanceBodyEstablished(id, name, null, Level.OPERATIONAL,
                Scope.municipality(), List.of(), null, null, List.of(), List.of(), LocalDate.of(2020, 1, 20), KS_2019_1003));
        return append("GovernanceBody", id.value(), new MemberAppointed(id, new Member("Kommunpolis", null),
                LocalDate.of(2020, 1, 20), KS_2019_1003));
    }

    JsonNode verification() {
        var response = Http.get(port, "/api/audit-trail/verification", "auditor");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return Http.json(response);
    }

    /** The event at this revision as the audit log reads it: through Axon's event store, not its tables. */
    LoggedEvent logged(long revision) throws InterruptedException {
        try (BlockingStream<TrackedEventMessage<?>> events = eventStore.openStream(null)) {
            while (events.hasNextAvailable(5, TimeUnit.SECONDS)) {
                TrackedEventMessage<?> message = events.nextAvailable();
                if (Revisions.ofEvent(message.trackingToken()) == revision) return LoggedEvent.of(message, revision, serializer);
            }
        }
        throw new AssertionError("revision " + revision + " is not in the log");
    }

    void tamper(String sql, Object... args) {
        jdbc.execute("alter table axon.domain_event_entry disable trigger domain_event_entry_append_only");
        try {
            jdbc.update(sql, args);
        } finally {
            jdbc.execute("alter table axon.domain_event_entry enable trigger domain_event_entry_append_only");
        }
    }

    void rename(long revision, String from, String to) {
        tamper("update axon.domain_event_entry set payload = convert_to(replace(convert_from(payload, 'UTF8'), ?, ?), 'UTF8') "
                + "where global_index = ?", from, to, revision);
    }

    @Test
    void every_event_has_its_leaf_and_the_tree_heads_are_the_roots_of_the_leaves() throws InterruptedException {
        long revision = establish("Bladgruppen");
        awaitProjection(AuditLog.NAME, revision);

        Map<String, Object> leaf = jdbc.queryForMap("select leaf_index, leaf_hash from projection.audit_log_leaf where revision = ?", revision);
        assertThat((byte[]) leaf.get("leaf_hash")).isEqualTo(logged(revision).leafHash());
        long size = ((Number) leaf.get("leaf_index")).longValue() + 1;
        List<byte[]> leaves = jdbc.queryForList("select leaf_hash from projection.audit_log_leaf where leaf_index < ? order by leaf_index",
                byte[].class, size);
        byte[] head = jdbc.queryForObject("select root_hash from projection.audit_log_head where tree_size = ?", byte[].class, size);
        assertThat(head).isEqualTo(MerkleTree.root(leaves));
    }

    @Test
    void leaves_and_tree_heads_refuse_to_be_changed_or_removed() {
        long revision = establish("Orubbliga gruppen");
        awaitProjection(AuditLog.NAME, revision);
        assertThat(refused("update projection.audit_log_leaf set leaf_hash = leaf_hash where revision = " + revision)).isTrue();
        assertThat(refused("delete from projection.audit_log_head")).isTrue();
        assertThat(refused("truncate projection.audit_log_leaf")).isTrue();
    }

    boolean refused(String sql) {
        try {
            jdbc.execute(sql);
            return false;
        } catch (RuntimeException e) {
            return e.getMessage().contains("append-only");
        }
    }

    @Test
    void an_altered_event_is_found_at_its_revision_also_after_every_projection_was_rebuilt() throws Exception {
        long target = establish("Originalgruppen") - 1; // the establishing event, which names the body
        long after = establish("Senare gruppen");
        awaitProjection(AuditLog.NAME, after);
        awaitProjection(AuditProjection.NAME, after);
        JsonNode intact = verification();
        assertThat(intact.path("status").asString()).as(intact.toString()).isEqualTo("INTACT");
        assertThat(intact.path("intact").asBoolean()).isTrue();
        assertThat(intact.path("checkedUpTo").asLong()).isEqualTo(intact.path("logHead").asLong()).isGreaterThanOrEqualTo(after);
        String checkpoint = signCheckpoint();

        rename(target, "Originalgruppen", "Förfalskade gruppen");
        try {
            JsonNode broken = verification();
            assertThat(broken.path("intact").asBoolean()).as(broken.toString()).isFalse();
            assertThat(broken.path("status").asString()).isEqualTo("ALTERED");
            assertThat(broken.path("firstMismatch").asLong()).isEqualTo(target);
            assertThat(broken.path("mismatches").get(0).path("kind").asString()).isEqualTo("altered");
            assertCheckpointBrokenAt(checkpoint, target);

            // a rebuild of every projection re-reads the log: the trail now shows the forged name, but the
            // audit log keeps its leaves, checks the events against them and records what no longer matches
            for (String projection : PROJECTIONS) {
                var rebuild = Http.post(port, "/api/admin/projections/" + projection + "/rebuild", "admin");
                assertThat(rebuild.statusCode()).as(projection + ": " + rebuild.body()).isEqualTo(202);
            }
            awaitProjection(AuditLog.NAME, after);
            awaitProjection(AuditProjection.NAME, after);
            JsonNode afterRebuild = verification();
            assertThat(afterRebuild.path("intact").asBoolean()).as(afterRebuild.toString()).isFalse();
            assertThat(afterRebuild.path("firstMismatch").asLong()).isEqualTo(target);
            assertThat(jdbc.queryForObject("select count(*) from projection.audit_log_mismatch where revision = ?", Long.class, target))
                    .as("the replay recorded the mismatch").isPositive();
            assertCheckpointBrokenAt(checkpoint, target);
        } finally {
            rename(target, "Förfalskade gruppen", "Originalgruppen");
        }
        // the event is as it was: the log checks out again against the leaves, yet the replay's finding stays on record
        assertThat(checkCheckpoint(checkpoint).path("intact").asBoolean()).isTrue();
        assertThat(verification().path("mismatches").toString()).contains("upptäckt när loggen lästes om");
    }

    @Test
    void a_deleted_event_is_found_missing() {
        long revision = establish("Raderade gruppen");
        awaitProjection(AuditLog.NAME, revision);
        Map<String, Object> row = jdbc.queryForMap("select * from axon.domain_event_entry where global_index = ?", revision);
        try {
            tamper("delete from axon.domain_event_entry where global_index = " + revision);
            JsonNode broken = verification();
            assertThat(broken.path("intact").asBoolean()).isFalse();
            assertThat(broken.path("firstMismatch").asLong()).isEqualTo(revision);
            assertThat(broken.path("mismatches").get(0).path("kind").asString()).isEqualTo("missing");
        } finally {
            jdbc.update("""
                    insert into axon.domain_event_entry (global_index, sequence_number, meta_data, payload, aggregate_identifier,
                        event_identifier, payload_revision, payload_type, time_stamp, type) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                    row.get("global_index"), row.get("sequence_number"), row.get("meta_data"), row.get("payload"),
                    row.get("aggregate_identifier"), row.get("event_identifier"), row.get("payload_revision"),
                    row.get("payload_type"), row.get("time_stamp"), row.get("type"));
        }
        assertThat(verification().path("firstMismatch").isMissingNode() || verification().path("firstMismatch").asLong() != revision).isTrue();
    }

    @Test
    void an_event_the_trail_cannot_store_is_parked_and_shown_as_a_gap_and_the_rest_of_the_log_flows() {
        // what the command API now refuses at the door, but an older log may hold: a NUL in a name
        GovernanceBodyId poisoned = GovernanceBodyId.of(UUID.randomUUID().toString());
        long bad = append("GovernanceBody", poisoned.value(), new GovernanceBodyEstablished(poisoned, "Gift\u0000organ", null,
                Level.OPERATIONAL, Scope.municipality(), List.of(), null, null, List.of(), List.of(), LocalDate.of(2020, 1, 20), KS_2019_1003));
        long after = establish("Gruppen efter giftet");
        awaitProjection(AuditProjection.NAME, after);
        awaitProjection(AuditLog.NAME, after);

        JsonNode trail = Http.json(Http.get(port, "/api/audit-trail?fromRevision=" + bad + "&size=10", "auditor"));
        assertThat(trail.path("entries").get(0).path("revision").asLong()).isGreaterThan(bad);
        assertThat(trail.path("gaps").toString()).contains(String.valueOf(bad));
        JsonNode status = Http.json(Http.get(port, "/api/admin/projections/audit", "admin"));
        assertThat(status.path("parked").asLong()).as(status.toString()).isPositive();
        assertThat(status.path("parkedError").asString()).contains("NUL");
        // and the org chart, which stores the name too, parked it and went on
        awaitProjection("orgchart", after);
        assertThat(status.path("revision").asLong()).isGreaterThanOrEqualTo(after);

        // the tamper-evident log has every event, the parked one too; verification says the trail lacks it
        assertThat(jdbc.queryForObject("select count(*) from projection.audit_log_leaf where revision = ?", Long.class, bad)).isOne();
        JsonNode verification = verification();
        assertThat(verification.path("notInTheTrail").toString()).contains(String.valueOf(bad));
        assertThat(verification.path("checkedUpTo").asLong()).isGreaterThanOrEqualTo(after);

        // a retry while the cause remains keeps it parked: it never silently leaves the trail
        var retry = Http.post(port, "/api/admin/dead-letters/audit/retry", "admin");
        assertThat(retry.statusCode()).as(retry.body()).isBetween(200, 299);
        assertThat(Http.json(Http.get(port, "/api/audit-trail?fromRevision=" + bad + "&size=10", "auditor")).path("gaps").toString())
                .contains(String.valueOf(bad));
    }

    @Test
    void proofs_from_the_api_verify_with_the_rfc_algorithms() {
        long first = establish("Bevisgruppen");
        awaitProjection(AuditLog.NAME, first);
        long size = Http.json(Http.get(port, "/api/audit-trail/" + first + "/proof", "auditor")).path("treeSize").asLong();
        long later = establish("Senare bevisgruppen");
        awaitProjection(AuditLog.NAME, later);

        JsonNode proof = Http.json(Http.get(port, "/api/audit-trail/" + first + "/proof", "auditor"));
        assertThat(MerkleTree.verifyInclusion(HEX.parseHex(proof.path("leafHash").asString()), proof.path("leafIndex").asLong(),
                proof.path("treeSize").asLong(), hashes(proof.path("inclusionProof")), HEX.parseHex(proof.path("rootHash").asString())))
                .as(proof.toString()).isTrue();

        long to = proof.path("treeSize").asLong();
        JsonNode consistency = Http.json(Http.get(port, "/api/audit-trail/consistency?from=" + size + "&to=" + to, "auditor"));
        assertThat(MerkleTree.verifyConsistency(size, to, HEX.parseHex(consistency.path("fromRootHash").asString()),
                HEX.parseHex(consistency.path("toRootHash").asString()), hashes(consistency.path("consistencyProof"))))
                .as(consistency.toString()).isTrue();
        assertThat(consistency.path("fromRootHash").asString()).isEqualTo(HEX.formatHex(
                jdbc.queryForObject("select root_hash from projection.audit_log_head where tree_size = ?", byte[].class, size)));

        var tooLarge = Http.get(port, "/api/audit-trail/" + first + "/proof?treeSize=" + (to + 1000), "auditor");
        assertThat(tooLarge.statusCode()).isEqualTo(400);
        assertThat(Http.json(tooLarge).path("field").asString()).isEqualTo("treeSize");
    }

    @Test
    void the_tree_after_a_rebuild_is_consistent_with_the_tree_before_it() {
        long first = establish("Före ombyggnaden");
        awaitProjection(AuditLog.NAME, first);
        JsonNode before = Http.json(Http.get(port, "/api/audit-trail/" + first + "/proof", "auditor"));
        long sizeBefore = before.path("treeSize").asLong();
        String rootBefore = before.path("rootHash").asString();

        var rebuild = Http.post(port, "/api/admin/projections/audit-log/rebuild", "admin");
        assertThat(rebuild.statusCode()).as(rebuild.body()).isEqualTo(202);
        long later = establish("Efter ombyggnaden");
        awaitProjection(AuditLog.NAME, later);

        JsonNode after = Http.json(Http.get(port, "/api/audit-trail/" + later + "/proof", "auditor"));
        long sizeAfter = after.path("treeSize").asLong();
        assertThat(sizeAfter).isGreaterThan(sizeBefore);
        JsonNode consistency = Http.json(Http.get(port, "/api/audit-trail/consistency?from=" + sizeBefore + "&to=" + sizeAfter, "auditor"));
        assertThat(consistency.path("fromRootHash").asString()).as("the old tree head is unchanged").isEqualTo(rootBefore);
        assertThat(MerkleTree.verifyConsistency(sizeBefore, sizeAfter, HEX.parseHex(rootBefore),
                HEX.parseHex(consistency.path("toRootHash").asString()), hashes(consistency.path("consistencyProof")))).isTrue();
        assertThat(jdbc.queryForObject("select count(*) from projection.audit_log_leaf where revision = ?", Long.class, first))
                .as("a rebuild adds no second leaf").isOne();
    }

    @Test
    void a_checkpoint_is_signed_with_the_published_key() throws Exception {
        long revision = establish("Kontrollpunktsgruppen");
        awaitProjection(AuditLog.NAME, revision);
        String note = signCheckpoint();
        String[] lines = note.split("\n");
        assertThat(lines[0]).isEqualTo(AuditCheckpoints.ORIGIN);
        JsonNode key = Http.json(Http.get(port, "/api/audit-trail/public-key", "auditor"));
        String[] signature = lines[5].split(" ");
        assertThat(signature[2]).isEqualTo(key.path("keyId").asString());
        String body = String.join("\n", List.of(lines).subList(0, 4)) + "\n";
        assertThat(AuditCheckpoints.verify(AuditLogProofs.publicKey(key.path("publicKey").asString()), body,
                Base64.getDecoder().decode(signature[3]))).isTrue();
        assertThat(AuditCheckpoints.verify(AuditLogProofs.publicKey(key.path("publicKey").asString()), body.replace(lines[1], "1"),
                Base64.getDecoder().decode(signature[3]))).isFalse();
        assertThat(checkCheckpoint(note).path("intact").asBoolean()).isTrue();
    }

    @Test
    void a_rebuilt_audit_trail_equals_the_one_it_replaced() {
        long head = establish("Ombyggnadsgruppen");
        awaitProjection(AuditProjection.NAME, head);
        rebuildTheTrail(head); // from the log as it is now (another test may have rebuilt it over a changed event)
        String trailSql = "select revision, event_identifier, aggregate_type, aggregate_id, sequence_number, recorded_at, "
                + "recorded_by, correlation_id, trace_id, effective_date, decision_case, decision_paragraph, decision_date, "
                + "decided_by, event_type, category, affected_ids::text, district, summary, payload::text "
                + "from projection.audit_event order by revision";
        List<Map<String, Object>> trailBefore = jdbc.queryForList(trailSql);
        assertThat(trailBefore).isNotEmpty();

        rebuildTheTrail(head);

        assertThat(jdbc.queryForList(trailSql)).isEqualTo(trailBefore);
        assertThat(Http.json(Http.get(port, "/api/admin/projections/audit", "admin")).path("running").asBoolean()).isTrue();
    }

    void rebuildTheTrail(long head) {
        var rebuild = Http.post(port, "/api/admin/projections/audit/rebuild", "admin");
        assertThat(rebuild.statusCode()).as(rebuild.body()).isEqualTo(202);
        awaitProjection(AuditProjection.NAME, head);
    }

    String signCheckpoint() throws Exception {
        var signed = Http.post(port, "/api/audit-trail/checkpoints", "auditor");
        assertThat(signed.statusCode()).as(signed.body()).isEqualTo(201);
        var note = Http.get(port, Http.json(signed).path("href").asString(), "auditor");
        assertThat(note.statusCode()).isEqualTo(200);
        return note.body();
    }

    JsonNode checkCheckpoint(String note) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/api/audit-trail/checkpoints/verification"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("auditor:auditor".getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "text/plain; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(note)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return Http.json(response);
    }

    void assertCheckpointBrokenAt(String note, long revision) throws Exception {
        JsonNode result = checkCheckpoint(note);
        assertThat(result.path("intact").asBoolean()).as(result.toString()).isFalse();
        assertThat(result.path("signatureValid").asBoolean()).isTrue();
        assertThat(result.path("storedLeavesGiveTheRoot").asBoolean()).isTrue();
        assertThat(result.path("firstChangedRevision").asLong()).isEqualTo(revision);
    }

    static List<byte[]> hashes(JsonNode array) {
        List<byte[]> all = new ArrayList<>();
        array.forEach(h -> all.add(HEX.parseHex(h.asString())));
        return all;
    }
}
