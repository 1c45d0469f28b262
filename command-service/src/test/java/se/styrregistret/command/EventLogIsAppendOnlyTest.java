package se.styrregistret.command;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessException;
import se.styrregistret.command.support.CommandServiceTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EventLogIsAppendOnlyTest extends CommandServiceTest {

    @BeforeEach
    void givenAnEventInTheLog() {
        // a name of its own per test: active bodies' names are unique, and every test posts one
        var response = post("/api/governance-bodies", """
                {"name":"EST-gruppen – Effektiv samordning för trygghet %s","level":"OPERATIONAL",
                 "scope":{"kind":"MUNICIPALITY"},"effectiveDate":"2020-01-20",
                 "decision":{"caseNumber":"KS 2019-1003","decisionDate":"2020-01-20","decidedBy":"Kommunstyrelsen"}}"""
                .formatted(java.util.UUID.randomUUID()));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    }

    @Test
    void stores_payloads_as_readable_json_with_a_gapless_global_index() {
        String json = jdbc.queryForObject("""
                select convert_from(payload, 'UTF8') from axon.domain_event_entry
                order by global_index desc limit 1""", String.class);
        assertThat(json).contains("\"name\":\"EST-gruppen – Effektiv samordning för trygghet ");
        Integer increment = jdbc.queryForObject("""
                select increment_by from pg_sequences
                where schemaname = 'axon' and sequencename = 'domain_event_entry_global_index_seq'""", Integer.class);
        assertThat(increment).isEqualTo(1);
    }

    @Test
    void refuses_update() {
        long before = eventCount();
        assertThatThrownBy(() -> jdbc.update("update axon.domain_event_entry set payload_type = 'forged'"))
                .isInstanceOf(DataAccessException.class)
                .rootCause().hasMessageContaining("append-only");
        assertThat(jdbc.queryForObject("select count(*) from axon.domain_event_entry where payload_type = 'forged'",
                Long.class)).isZero();
        assertThat(eventCount()).isEqualTo(before);
    }

    @Test
    void refuses_delete() {
        long before = eventCount();
        assertThatThrownBy(() -> jdbc.update("delete from axon.domain_event_entry"))
                .isInstanceOf(DataAccessException.class)
                .rootCause().hasMessageContaining("append-only");
        assertThat(eventCount()).isEqualTo(before);
    }

    @Test
    void refuses_truncate() {
        long before = eventCount();
        assertThatThrownBy(() -> jdbc.execute("truncate axon.domain_event_entry"))
                .isInstanceOf(DataAccessException.class)
                .rootCause().hasMessageContaining("append-only");
        assertThat(eventCount()).isEqualTo(before);
    }
}
