package se.styrregistret.bench;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The query side's projections, seen from outside: their progress, a fingerprint of their tables, a wipe. */
final class Projections {

    static final List<String> PROCESSORS = List.of("orgchart", "actionplans", "districts", "ledger", "agreements", "audit", "audit-log");

    /** Tables whose rows depend on when, not only on what (signing times, findings of a re-read): not in the fingerprint. */
    static final List<String> NOT_FINGERPRINTED = List.of("projection.audit_checkpoint", "projection.audit_log_mismatch");

    private Projections() {
    }

    static long head(BenchDatabase db) throws SQLException {
        try (Connection c = db.connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select coalesce(max(global_index), 0) from axon.domain_event_entry")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static long eventCount(BenchDatabase db) throws SQLException {
        try (Connection c = db.connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select count(*) from axon.domain_event_entry")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /**
     * Waits until every processor has reached {@code head}, asking whichever instance answers (with
     * two instances, each reports the segments it owns; the token table is the shared truth).
     * Returns, per processor, the seconds from {@code since} until it reached the head.
     */
    static Map<String, Double> awaitCaughtUp(BenchDatabase db, long head, Instant since, Duration timeout) throws SQLException {
        Map<String, Double> reached = new TreeMap<>();
        Instant deadline = Instant.now().plus(timeout);
        while (reached.size() < PROCESSORS.size()) {
            Map<String, Long> positions = tokenPositions(db);
            for (String p : PROCESSORS) {
                if (!reached.containsKey(p) && positions.getOrDefault(p, -1L) >= head) {
                    reached.put(p, Duration.between(since, Instant.now()).toMillis() / 1000.0);
                }
            }
            if (reached.size() == PROCESSORS.size()) break;
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("projections not caught up with " + head + " within " + timeout + ": " + positions);
            }
            ServiceProcess.sleep(200);
        }
        return reached;
    }

    /** Events parked in the query side's dead-letter queue. */
    static long deadLetters(BenchDatabase db) throws SQLException {
        try (Connection c = db.connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select count(*) from axon.dead_letter_entry")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** The lowest position over a processor's segments, read from the shared token store. */
    static Map<String, Long> tokenPositions(BenchDatabase db) throws SQLException {
        Map<String, Long> positions = new TreeMap<>();
        try (Connection c = db.connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("""
                     select processor_name, min(coalesce(t ->> 'index', t ->> 'globalIndex', t -> 'currentToken' ->> 'index',
                                                         t -> 'currentToken' ->> 'globalIndex', '-1')::bigint)
                     from (select processor_name, convert_from(token, 'UTF8')::jsonb as t from axon.token_entry
                           where token is not null) tokens
                     group by processor_name""")) {
            while (rs.next()) positions.put(rs.getString(1), rs.getLong(2));
        }
        return positions;
    }

    /** Every projection table emptied and every token dropped: the next query-service starts cold. */
    static void wipe(BenchDatabase db) throws SQLException {
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            List<String> tables = projectionTables(c);
            // the audit log refuses TRUNCATE (it is append-only); the harness owns this database and
            // starts the query side from nothing on purpose, so it switches the guard off for its session
            s.execute("set session_replication_role = replica");
            s.execute("truncate " + String.join(", ", tables));
            s.execute("set session_replication_role = default");
            s.execute("delete from axon.token_entry");
            s.execute("delete from axon.dead_letter_entry");
        }
    }

    /**
     * VACUUM (ANALYZE) of every projection table, as after any rebuild (OPERATIONS.md): a catch-up
     * closes every version row it opens, and until autovacuum comes by, the dead row versions it
     * leaves slow the as-of indexes down many times over. Returns the seconds it took.
     */
    static double vacuum(BenchDatabase db) throws SQLException {
        long start = System.nanoTime();
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            c.setAutoCommit(true);
            for (String table : projectionTables(c)) s.execute("vacuum (analyze) " + table);
        }
        return (System.nanoTime() - start) / 1e9;
    }

    /**
     * A fingerprint per projection table: row count and an order-independent sum of 64-bit row
     * hashes, surrogate ids left out (a rebuild numbers rows anew), so two builds of the same log compare equal.
     */
    static Map<String, String> fingerprint(BenchDatabase db) throws SQLException {
        Map<String, String> fingerprints = new LinkedHashMap<>();
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            for (String table : projectionTables(c)) {
                if (NOT_FINGERPRINTED.contains(table)) continue;
                List<String> columns = new ArrayList<>();
                try (ResultSet rs = s.executeQuery("""
                        select column_name from information_schema.columns
                        where table_schema = 'projection' and table_name = '%s' and column_name <> 'id'
                        order by ordinal_position""".formatted(table.substring("projection.".length())))) {
                    while (rs.next()) columns.add("\"" + rs.getString(1) + "\"");
                }
                String row = "concat_ws('|', " + String.join(", ", columns) + ")";
                try (ResultSet rs = s.executeQuery("select count(*), coalesce(sum(('x' || substr(md5(" + row
                        + "), 1, 16))::bit(64)::bigint::numeric), 0) from " + table)) {
                    rs.next();
                    fingerprints.put(table, rs.getLong(1) + " rows, hash " + rs.getBigDecimal(2).toPlainString());
                }
            }
        }
        return fingerprints;
    }

    private static List<String> projectionTables(Connection c) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("""
                select table_name from information_schema.tables
                where table_schema = 'projection' and table_type = 'BASE TABLE' and table_name not like 'flyway%'
                order by table_name""")) {
            while (rs.next()) tables.add("projection." + rs.getString(1));
        }
        return tables;
    }
}
