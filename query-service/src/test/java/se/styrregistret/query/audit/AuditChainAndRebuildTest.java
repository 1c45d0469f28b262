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
import se.styrregistret.query.revision.Revisions;
import se.styrregistret.query.support.Http;
import se.styrregistret.query.support.QueryServiceTest;
import tools.jackson.databind.JsonNode;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The hash chain shows a stored event changed behind the register's back; a rebuild reproduces the trail. */
class AuditChainAndRebuildTest extends QueryServiceTest {

    static final DecisionReference KS_2019_1003 =
            new DecisionReference("KS 2019-1003", null, LocalDate.of(2020, 1, 20), "Kommunstyrelsen");

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

    @Test
    void each_link_covers_the_previous_one_and_the_stored_event() throws InterruptedException {
        long revision = establish("Kedjegruppen");
        awaitProjection(AuditProjection.NAME, revision);

        Map<String, Object> link = jdbc.queryForMap("select * from projection.audit_hash where revision = ?", revision);
        String previous = jdbc.queryForObject(
                "select hash from projection.audit_hash where revision < ? order by revision desc limit 1", String.class, revision);
        assertThat(link.get("previous_hash")).isEqualTo(previous);
        LoggedEvent logged = logged(revision);
        assertThat(link.get("leaf_hash")).isEqualTo(logged.leafHash()).asString().hasSize(64);
        assertThat(link.get("hash")).isEqualTo(AuditChain.link(previous, logged.leafHash())).asString().hasSize(64);
    }

    @Test
    void an_event_altered_in_the_database_breaks_the_chain_at_its_revision() {
        long target = establish("Originalgruppen") - 1; // the establishing event, named in its payload
        long after = establish("Senare gruppen");
        awaitProjection(AuditProjection.NAME, after);

        JsonNode intact = verification();
        assertThat(intact.path("intact").asBoolean()).as(intact.toString()).isTrue();
        assertThat(intact.path("verifiedUpTo").asLong()).isGreaterThanOrEqualTo(after);

        byte[] original = jdbc.queryForObject("select payload from axon.domain_event_entry where global_index = ?",
                byte[].class, target);
        try {
            // what a superuser could do: switch the append-only trigger off and rewrite history
            tamper("update axon.domain_event_entry set payload = convert_to(replace(convert_from(payload, 'UTF8'), "
                    + "'Originalgruppen', 'Förfalskade gruppen'), 'UTF8') where global_index = " + target);
            JsonNode broken = verification();
            assertThat(broken.path("intact").asBoolean()).as(broken.toString()).isFalse();
            assertThat(broken.path("firstMismatch").asLong()).isEqualTo(target);
            assertThat(broken.has("verifiedUpTo")).isFalse();
        } finally {
            tamper("update axon.domain_event_entry set payload = ? where global_index = " + target, (Object) original);
        }
        assertThat(verification().path("intact").asBoolean()).isTrue();
    }

    @Autowired
    AuditChain chain;

    @Autowired
    Serializer serializer;

    /** The event at this revision as the audit trail reads it: through Axon's event store, not its tables. */
    LoggedEvent logged(long revision) throws InterruptedException {
        try (BlockingStream<TrackedEventMessage<?>> events = eventStore.openStream(null)) {
            while (events.hasNextAvailable(5, TimeUnit.SECONDS)) {
                TrackedEventMessage<?> message = events.nextAvailable();
                if (Revisions.ofEvent(message.trackingToken()) == revision) return LoggedEvent.of(message, revision, serializer);
            }
        }
        throw new AssertionError("revision " + revision + " is not in the log");
    }

    @Test
    void an_event_read_late_below_the_chain_head_is_linked_in_its_place() throws InterruptedException {
        long lower = establish("Sen grupp") - 1;
        long head = establish("Tidig grupp");
        awaitProjection(AuditProjection.NAME, head);
        List<Map<String, Object>> before = jdbc.queryForList(
                "select * from projection.audit_hash where revision >= ? order by revision", lower);

        // as if the event at `lower` had become visible only after the later ones (a gap that filled late)
        jdbc.update("delete from projection.audit_hash where revision = ?", lower);
        chain.extend(logged(head));
        assertThat(verification().path("intact").asBoolean()).isFalse();
        chain.extend(logged(lower));

        assertThat(jdbc.queryForList("select * from projection.audit_hash where revision >= ? order by revision", lower))
                .isEqualTo(before);
        assertThat(verification().path("intact").asBoolean()).isTrue();
    }

    @Test
    void a_deleted_event_breaks_the_chain_too() {
        long revision = establish("Raderade gruppen");
        awaitProjection(AuditProjection.NAME, revision);
        Map<String, Object> row = jdbc.queryForMap("select * from axon.domain_event_entry where global_index = ?", revision);
        try {
            tamper("delete from axon.domain_event_entry where global_index = " + revision);
            JsonNode broken = verification();
            assertThat(broken.path("intact").asBoolean()).isFalse();
            assertThat(broken.path("firstMismatch").asLong()).isEqualTo(revision);
        } finally {
            jdbc.update("""
                    insert into axon.domain_event_entry (global_index, sequence_number, meta_data, payload, aggregate_identifier,
                        event_identifier, payload_revision, payload_type, time_stamp, type) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                    row.get("global_index"), row.get("sequence_number"), row.get("meta_data"), row.get("payload"),
                    row.get("aggregate_identifier"), row.get("event_identifier"), row.get("payload_revision"),
                    row.get("payload_type"), row.get("time_stamp"), row.get("type"));
        }
        assertThat(verification().path("intact").asBoolean()).isTrue();
    }

    void tamper(String sql, Object... args) {
        jdbc.execute("alter table axon.domain_event_entry disable trigger domain_event_entry_append_only");
        try {
            jdbc.update(sql, args);
        } finally {
            jdbc.execute("alter table axon.domain_event_entry enable trigger domain_event_entry_append_only");
        }
    }

    @Test
    void a_rebuilt_audit_trail_equals_the_one_it_replaced() {
        long head = establish("Ombyggnadsgruppen");
        awaitProjection(AuditProjection.NAME, head);
        String trailSql = "select revision, event_identifier, aggregate_type, aggregate_id, sequence_number, recorded_at, "
                + "recorded_by, correlation_id, trace_id, effective_date, decision_case, decision_paragraph, decision_date, "
                + "decided_by, event_type, category, affected_ids::text, district, summary, payload::text "
                + "from projection.audit_event order by revision";
        String chainSql = "select revision, previous_hash, hash from projection.audit_hash order by revision";
        List<Map<String, Object>> trailBefore = jdbc.queryForList(trailSql);
        List<Map<String, Object>> chainBefore = jdbc.queryForList(chainSql);
        assertThat(trailBefore).isNotEmpty();

        var rebuild = Http.post(port, "/api/admin/projections/audit/rebuild", "admin");
        assertThat(rebuild.statusCode()).as(rebuild.body()).isEqualTo(202);
        assertThat(Http.json(rebuild).path("name").asString()).isEqualTo("audit");
        awaitProjection(AuditProjection.NAME, head);

        assertThat(jdbc.queryForList(trailSql)).isEqualTo(trailBefore);
        assertThat(jdbc.queryForList(chainSql)).isEqualTo(chainBefore);
        JsonNode status = Http.json(Http.get(port, "/api/admin/projections/audit", "admin"));
        assertThat(status.path("running").asBoolean()).isTrue();
        assertThat(status.path("revision").asLong()).isGreaterThanOrEqualTo(head);
        assertThat(verification().path("intact").asBoolean()).isTrue();
    }
}
