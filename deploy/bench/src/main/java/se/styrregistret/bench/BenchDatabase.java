package se.styrregistret.bench;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The PostgreSQL the run measures: an embedded one the harness owns (and may stop and start again
 * for the restart fault run), or a fresh database on a server given by URL (never restarted: the
 * harness stops only what it started).
 */
final class BenchDatabase implements AutoCloseable {

    static final String USER = "postgres";

    private final Path dataDir;
    private final int port;
    private final String externalUrl;
    private final String externalAdminUrl;
    private final String externalName;
    private final boolean keep;
    private EmbeddedPostgres embedded;

    private BenchDatabase(Path dataDir, int port, String externalUrl, String externalAdminUrl, String externalName,
                          boolean keep) {
        this.dataDir = dataDir;
        this.port = port;
        this.externalUrl = externalUrl;
        this.externalAdminUrl = externalAdminUrl;
        this.externalName = externalName;
        this.keep = keep;
    }

    /** A new embedded cluster in {@code dataDir}, durable commits as in production (zonky's defaults turn them off). */
    static BenchDatabase embedded(Path dataDir) {
        deleteRecursively(dataDir);
        BenchDatabase db = new BenchDatabase(dataDir, ServiceProcess.freePort(), null, null, null, false);
        db.start();
        return db;
    }

    /**
     * A fresh database {@code styrregistret_bench} on the server that {@code adminUrl} reaches; {@code keep}
     * leaves it there after the run (to start a service on the same log while working on a query).
     */
    static BenchDatabase external(String adminUrl, boolean keep) {
        String name = "styrregistret_bench";
        try (Connection c = DriverManager.getConnection(adminUrl, USER, ""); Statement s = c.createStatement()) {
            s.execute("drop database if exists " + name + " with (force)");
            s.execute("create database " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("could not create the bench database on " + adminUrl, e);
        }
        String url = adminUrl.replaceFirst("/[^/?]*(\\?.*)?$", "/" + name + "$1");
        return new BenchDatabase(null, 0, url, adminUrl, name, keep);
    }

    String jdbcUrl() {
        return externalUrl != null ? externalUrl : "jdbc:postgresql://localhost:" + port + "/postgres";
    }

    boolean restartable() {
        return externalUrl == null;
    }

    String describe() {
        return restartable() ? "embedded PostgreSQL (harness-owned, port " + port + ")" : "PostgreSQL server at " + jdbcUrl();
    }

    /** The arguments that point a service at this database. */
    List<String> springArgs() {
        return List.of("--spring.datasource.url=" + jdbcUrl(), "--spring.datasource.username=" + USER,
                "--spring.datasource.password=");
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl(), USER, "");
    }

    /** What decides the raw limit: version and the durability settings. */
    Map<String, String> settings() {
        Map<String, String> settings = new LinkedHashMap<>();
        try (Connection c = connect(); Statement s = c.createStatement()) {
            for (String name : List.of("server_version", "fsync", "synchronous_commit", "wal_sync_method", "shared_buffers",
                    "max_connections")) {
                try (ResultSet rs = s.executeQuery("show " + name)) {
                    rs.next();
                    settings.put(name, rs.getString(1));
                }
            }
        } catch (SQLException e) {
            settings.put("error", e.getMessage());
        }
        return settings;
    }

    void start() {
        if (!restartable()) throw new IllegalStateException("the harness does not restart a server it did not start");
        try {
            embedded = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDir)
                    .setCleanDataDirectory(false) // kept across a restart; removed by close()
                    .setPort(port)
                    .setRegisterShutdownHook(true)
                    .setServerConfig("timezone", "UTC")
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("max_connections", "300")
                    .setServerConfig("shared_buffers", "256MB")
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the embedded PostgreSQL", e);
        }
    }

    /** A clean stop (pg_ctl stop, fast mode): every client's connection is cut. */
    void stop() {
        if (embedded == null) return;
        try {
            embedded.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            embedded = null;
        }
    }

    @Override
    public void close() {
        if (restartable()) {
            stop();
            deleteRecursively(dataDir);
        } else if (keep) {
            System.err.println("kept " + externalUrl + " (--keep-database)");
        } else {
            try (Connection c = DriverManager.getConnection(externalAdminUrl, USER, ""); Statement s = c.createStatement()) {
                s.execute("drop database if exists " + externalName + " with (force)");
            } catch (SQLException e) {
                System.err.println("could not drop " + externalName + ": " + e.getMessage());
            }
        }
    }

    private static void deleteRecursively(Path dir) {
        if (dir == null || !Files.exists(dir)) return;
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) Files.delete(p);
        } catch (IOException e) {
            throw new UncheckedIOException("could not delete " + dir, e);
        }
    }
}
