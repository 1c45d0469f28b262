package se.styrregistret.command.config;

import org.junit.jupiter.api.Test;
import se.styrregistret.command.support.CommandServiceTest;
import se.styrregistret.command.support.TestPostgres;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Events enter the log one transaction at a time: a revision never becomes visible before a lower one. */
class AppendsInCommitOrderTest extends CommandServiceTest {

    @Test
    void a_command_appends_only_after_the_transaction_appending_before_it_has_ended_and_gets_a_later_revision() throws Exception {
        long before = eventCount();
        CompletableFuture<HttpResponse<String>> answer;
        long drawnByTheOther;
        try (Connection other = DriverManager.getConnection(TestPostgres.jdbcUrl()); Statement s = other.createStatement()) {
            // given: another transaction in the middle of its append (it holds the append lock and has drawn a revision)
            other.setAutoCommit(false);
            s.execute("select pg_advisory_xact_lock(" + AppendsInCommitOrder.LOCK + ")");
            try (ResultSet rs = s.executeQuery("select nextval('axon.domain_event_entry_global_index_seq')")) {
                rs.next();
                drawnByTheOther = rs.getLong(1);
            }

            // when: a command comes meanwhile
            answer = CompletableFuture.supplyAsync(() -> post("/api/governance-bodies", """
                    {"name":"Trygghetsråd i kö","level":"ADVISORY","scope":{"kind":"MUNICIPALITY"},"effectiveDate":"2020-01-20",
                     "decision":{"caseNumber":"KS 2019-1003","decisionDate":"2020-01-20","decidedBy":"Kommunstyrelsen"}}"""));

            // then: it waits for the append lock, and appends nothing, while the other transaction is open
            awaitAWaiterOnTheAppendLock();
            assertThat(answer).isNotDone();
            // having written its lookup rows first: the lock covers the append and the commit, not the lookups
            assertThat(jdbc.queryForObject("""
                    select count(*) from pg_stat_activity a join pg_locks l on l.pid = a.pid
                     where l.locktype = 'advisory' and not l.granted and a.backend_xid is not null
                       and ((l.classid::bigint << 32) | l.objid::bigint) = ?""", Long.class, AppendsInCommitOrder.LOCK))
                    .as("the waiting command's transaction has written (its lookups) before it waits").isEqualTo(1);
            assertThat(eventCount()).isEqualTo(before);
            other.commit();
        }
        HttpResponse<String> created = answer.get(30, TimeUnit.SECONDS);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(eventCount()).isEqualTo(before + 1);
        Long index = jdbc.queryForObject("select max(global_index) from axon.domain_event_entry", Long.class);
        assertThat(index).isGreaterThan(drawnByTheOther);
    }

    private void awaitAWaiterOnTheAppendLock() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            Long waiting = jdbc.queryForObject("""
                    select count(*) from pg_locks where locktype = 'advisory' and not granted
                      and ((classid::bigint << 32) | objid::bigint) = ?""", Long.class, AppendsInCommitOrder.LOCK);
            if (waiting != null && waiting > 0) return;
            Thread.sleep(20);
        }
        throw new AssertionError("no command waited for the append lock within 30 s");
    }
}
