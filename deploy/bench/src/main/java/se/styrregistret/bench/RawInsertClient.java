package se.styrregistret.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.UUID;

/**
 * PostgreSQL's own limit for what the command path must do at least once per command: one row the
 * size of an event, inserted and committed, with the event table's constraints and a one-at-a-time
 * global sequence, over a connection of its own. No HTTP, no JSON parsing, no aggregate.
 */
final class RawInsertClient implements Load.Client, AutoCloseable {

    private final Connection connection;
    private final PreparedStatement insert;
    private final byte[] payload;
    private final byte[] metaData;
    private long sequence;
    private final String aggregate = UUID.randomUUID().toString();

    RawInsertClient(BenchDatabase db, byte[] payload, byte[] metaData) {
        try {
            this.connection = db.connect();
            connection.setAutoCommit(false);
            this.insert = connection.prepareStatement("""
                    insert into bench_raw.domain_event_entry (global_index, sequence_number, meta_data, payload,
                        aggregate_identifier, event_identifier, payload_type, time_stamp, type)
                    values (nextval('bench_raw.global_index_seq'), ?, ?, ?, ?, ?, ?, ?, ?)""");
        } catch (SQLException e) {
            throw new IllegalStateException("raw client could not connect", e);
        }
        this.payload = payload;
        this.metaData = metaData;
    }

    /** A copy of the event table's shape and constraints (not its append-only triggers) in a schema of its own. */
    static void createTable(BenchDatabase db) throws SQLException {
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            s.execute("drop schema if exists bench_raw cascade");
            s.execute("create schema bench_raw");
            s.execute("create table bench_raw.domain_event_entry (like axon.domain_event_entry including all)");
            s.execute("create sequence bench_raw.global_index_seq cache 1");
        }
    }

    @Override
    public Load.Call call() {
        try {
            insert.setLong(1, sequence++);
            insert.setBytes(2, metaData);
            insert.setBytes(3, payload);
            insert.setString(4, aggregate);
            insert.setString(5, UUID.randomUUID().toString());
            insert.setString(6, "se.styrregistret.kernel.governance.MemberAppointed");
            insert.setString(7, Instant.now().toString());
            insert.setString(8, "GovernanceBody");
            insert.executeUpdate();
            connection.commit();
            return new Load.Call(Load.Outcome.OK, 0);
        } catch (SQLException e) {
            try {
                connection.rollback();
            } catch (SQLException ignored) {
                // the next call reports the broken connection
            }
            return new Load.Call(Load.Outcome.FAILED, 0);
        }
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (SQLException ignored) {
            // closing after the run; nothing left to protect
        }
    }
}
