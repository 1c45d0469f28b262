package se.styrregistret.standalone;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import se.styrregistret.command.CommandServiceApplication;
import se.styrregistret.query.QueryServiceApplication;
import se.styrregistret.query.audit.Archive;
import se.styrregistret.query.audit.LogArchive;
import se.styrregistret.standalone.history.HistoryLoader;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

/**
 * Runs the whole register in one JVM: an embedded PostgreSQL (unless a datasource URL is given
 * the usual Spring way), then the command-service, then the query-service. Options:
 * <pre>
 *   --command-port=8081  --query-port=8082
 *   --data-dir=PATH      where the embedded database keeps its files (default ~/.styrregistret/pgdata)
 *   --db-port=N          the embedded database's port (default: a free one)
 *   --spring.datasource.url=jdbc:postgresql://host:5432/db  (or SPRING_DATASOURCE_URL): use that database instead
 *   --no-history         do not load Linköping's 2007–2022 decisions (loaded by default; loading is idempotent)
 *   --export=FILE        write the whole log as an archive (ZIP; see the query-service's Archive) and stop
 *   --restore=FILE       check an archive and load it into an empty register, then run as usual
 * </pre>
 * Any other {@code --name=value} goes to both services.
 */
public final class Standalone {

    private Standalone() {
    }

    public static void main(String[] args) {
        System.setProperty("axoniq.update-checker.disabled", "true");
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            fail(e.getMessage());
            return;
        }
        if (options.restoreFrom() != null) {
            restoreAndRun(options);
            return;
        }
        RunningSystem system;
        try {
            system = start(options);
        } catch (RuntimeException e) {
            fail("Styrregistret did not start: " + rootMessage(e));
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(system::close, "styrregistret-shutdown"));
        if (options.exportTo() != null) {
            export(system, options.exportTo());
            return;
        }
        if (options.loadHistory()) {
            HistoryLoader.Report report;
            try {
                report = loadHistory(system);
            } catch (RuntimeException e) {
                // a register that cannot load its own history is not in a state to be used: stop, say why
                fail("Loading the history 2007–2022 failed, so Styrregistret stops: " + rootMessage(e));
                return;
            }
            System.out.printf("History 2007–2022: %d decisions, %d new, %d already in the register.%n",
                    report.steps(), report.applied(), report.alreadyLoaded());
            if (report.earlierVersion() > 0) {
                System.out.printf("  %d of them were recorded by an earlier version of the data set (before its re-audit"
                        + " against the sources: no provenance); the log keeps them as recorded. See docs/history-data-set.md.%n",
                        report.earlierVersion());
            }
        }
        printRunning(system, options);
    }

    private static void printRunning(RunningSystem system, Options options) {
        System.out.printf("""

                Styrregistret is running.
                  command-service: %s  (OpenAPI: %s/v3/api-docs)
                  query-service:   %s  (OpenAPI: %s/v3/api-docs)
                  database:        %s%s
                Development logins (user/password; set STYRREGISTRET_<USER>_PASSWORD to change):
                  registrar/registrar (writes), auditor/auditor (audit trail), reader/reader, admin/admin
                Stop with Ctrl+C.
                %n""", system.commandUrl(), system.commandUrl(), system.queryUrl(), system.queryUrl(), system.jdbcUrl(),
                options.externalJdbcUrl() == null ? "\n                  durability:      fsync, synchronous_commit and full_page_writes on" : "");
    }

    /**
     * Checks the archive completely before anything starts, then loads it into the (empty) register
     * after the command-service and before the query-service, whose projections then read it as any log.
     */
    private static void restoreAndRun(Options options) {
        Archive.Manifest manifest;
        try {
            manifest = Archive.verify(options.restoreFrom());
        } catch (Archive.Damaged e) {
            fail("The archive " + options.restoreFrom() + " cannot be restored, nothing was written: " + e.getMessage());
            return;
        }
        System.out.printf("Archive %s checked: %d events, revision %s–%s, Merkle root %s.%n", options.restoreFrom(),
                manifest.events(), manifest.firstRevision(), manifest.lastRevision(), manifest.merkle().rootHash());
        RunningSystem system;
        try {
            system = start(options, command -> {
                ArchiveRestore.Result result = ArchiveRestore.restore(command, options.restoreFrom());
                System.out.printf("Restored %d events in %.1f s.%n", result.events(), result.seconds());
            });
        } catch (RuntimeException e) {
            fail("The archive was not restored: " + rootMessage(e));
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(system::close, "styrregistret-shutdown"));
        printRunning(system, options);
    }

    private static void export(RunningSystem system, Path file) {
        try {
            Archive.Manifest manifest = system.queryContext().getBean(LogArchive.class).writeTo(file);
            System.out.printf("Archive written to %s: %d events, revision %s–%s, Merkle root %s%s.%n", file, manifest.events(),
                    manifest.firstRevision(), manifest.lastRevision(), manifest.merkle().rootHash(),
                    manifest.checkpoint() == null ? "" : ", signed checkpoint of " + manifest.checkpoint().treeSize()
                            + (manifest.checkpoint().matches() ? " events included" : " events included, BUT IT DOES NOT MATCH THE LOG"));
        } catch (RuntimeException e) {
            fail("The archive was not written: " + rootMessage(e));
            return;
        }
        System.exit(0);
    }

    /** Prints why and exits non-zero (the shutdown hook, if registered, stops what did start). */
    private static void fail(String message) {
        System.err.println();
        System.err.println(message);
        System.exit(1);
    }

    private static String rootMessage(Throwable e) {
        String message = e.getMessage();
        for (Throwable t = e.getCause(); t != null && t != t.getCause(); t = t.getCause()) {
            if (t.getMessage() != null) message = t.getMessage();
        }
        return message == null ? e.toString() : message;
    }

    /** Loads the bundled history through the command API as the registrar; idempotent. */
    public static HistoryLoader.Report loadHistory(RunningSystem system) {
        String password = System.getenv().getOrDefault("STYRREGISTRET_REGISTRAR_PASSWORD", "registrar");
        HistoryLoader loader = new HistoryLoader(system.commandUrl(), "registrar", password);
        if (recordedBesideAnotherDatabase(system, loader)) {
            System.out.println("History 2007–2022 is in the event log already, recorded beside another database"
                    + " (e.g. a new PostgreSQL beside a used Axon Server): not loaded again.");
            return loader.alreadyInTheLog();
        }
        return loader.loadBundled();
    }

    /**
     * The Idempotency-Keys that make loading repeatable live in PostgreSQL; the log may live in Axon
     * Server. A new PostgreSQL beside a log that holds the history knows none of its keys, and
     * loading again would record every decision twice (or be refused): the history's first body
     * in the log, with no key for it here, means it was loaded before.
     */
    private static boolean recordedBesideAnotherDatabase(RunningSystem system, HistoryLoader loader) {
        EventStore log = system.commandContext().getBean(EventStore.class);
        boolean inTheLog = log.readEvents(loader.firstBodyId()).hasNext();
        Boolean keyKnown = new JdbcTemplate(system.dataSource()).queryForObject(
                "select exists (select 1 from registry.idempotency_key where idem_key = ?)", Boolean.class,
                loader.firstIdempotencyKey());
        return inTheLog && !Boolean.TRUE.equals(keyKnown);
    }

    public static RunningSystem start(Options options) {
        return start(options, command -> {
        });
    }

    /** Starts the system; {@code beforeQueryService} runs with the started command-service (a restore). */
    public static RunningSystem start(Options options, Consumer<ConfigurableApplicationContext> beforeQueryService) {
        EmbeddedPostgres postgres = null;
        String jdbcUrl = options.externalJdbcUrl();
        if (jdbcUrl == null) {
            postgres = startEmbedded(options);
            jdbcUrl = postgres.getJdbcUrl("postgres", "postgres");
        }
        List<String> common = new ArrayList<>(options.passThrough());
        common.add("--spring.datasource.url=" + jdbcUrl);
        if (postgres != null) {
            common.add("--spring.datasource.username=postgres");
            common.add("--spring.datasource.password=");
        }
        ConfigurableApplicationContext command = null;
        try {
            // the command-service first: it migrates Axon's tables, which the query-service validates
            command = CommandServiceApplication.builder()
                    .registerShutdownHook(false)
                    .run(with(common, "--server.port=" + options.commandPort()));
            beforeQueryService.accept(command);
            ConfigurableApplicationContext query = QueryServiceApplication.builder()
                    .registerShutdownHook(false)
                    .run(with(common, "--server.port=" + options.queryPort()));
            return new RunningSystem(postgres, command, query, jdbcUrl);
        } catch (RuntimeException e) {
            if (command != null) command.close();
            closeQuietly(postgres);
            throw e;
        }
    }

    private static EmbeddedPostgres startEmbedded(Options options) {
        try {
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setRegisterShutdownHook(false)
                    .setServerConfig("timezone", "UTC")
                    // zonky starts PostgreSQL for throwaway tests (-F: no fsync; synchronous_commit off); this
                    // database keeps the register for good: every acknowledged decision must survive a power cut
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("full_page_writes", "on");
            if (options.dataDir() != null) {
                removeStaleLockFile(options.dataDir());
                builder.setDataDirectory(options.dataDir()).setCleanDataDirectory(false);
            }
            if (options.dbPort() > 0) {
                builder.setPort(options.dbPort());
            }
            return builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the embedded PostgreSQL", e);
        }
    }

    /**
     * A register killed with kill -9 leaves PostgreSQL's postmaster.pid behind, naming its dead
     * postmaster. PostgreSQL starts anyway if nothing has that process id any more, but refuses
     * ("lock file postmaster.pid already exists") while anything does: the killed postmaster still a
     * zombie its new parent has not reaped yet (the crash test, CrashEndToEndTest, restarted within
     * that second), or the id taken by another program (after a reboot, in a container). So the file is
     * removed when the process it names is a zombie, or is alive and is not a postgres at all. A live
     * postgres, or one that cannot be seen, is left for PostgreSQL to judge; and PostgreSQL still refuses
     * to start beside old backends of this directory, which it finds by the shared memory keyed to the
     * directory, not by this file.
     */
    static void removeStaleLockFile(Path dataDir) {
        Path lockFile = dataDir.resolve("postmaster.pid");
        long pid;
        List<String> lines;
        try {
            if (!Files.exists(lockFile)) return;
            lines = Files.readAllLines(lockFile);
            pid = Math.abs(Long.parseLong(lines.get(0).strip()));
        } catch (IOException | RuntimeException unreadable) {
            return; // PostgreSQL judges a file it cannot use either
        }
        ProcessHandle process = ProcessHandle.of(pid).orElse(null);
        if (process == null) return; // nothing has the id: PostgreSQL removes the file itself
        boolean stale = zombie(pid) || process.info().command()
                .map(command -> !Path.of(command).getFileName().toString().startsWith("postgres")).orElse(false);
        if (!stale) return;
        remove(lockFile, pid);
        // the same postmaster also left its socket's lock file (postmaster.pid's 4th and 5th lines: port,
        // socket directory), which PostgreSQL judges the same way when the register starts on that port again
        if (lines.size() > 4 && !lines.get(3).isBlank() && !lines.get(4).isBlank()) {
            Path socketLock = Path.of(lines.get(4).strip(), ".s.PGSQL." + lines.get(3).strip() + ".lock");
            try {
                if (Files.exists(socketLock) && Math.abs(Long.parseLong(Files.readAllLines(socketLock).get(0).strip())) == pid) {
                    remove(socketLock, pid);
                }
            } catch (IOException | RuntimeException unreadable) {
                // PostgreSQL judges a file it cannot use either
            }
        }
    }

    private static void remove(Path lockFile, long pid) {
        try {
            Files.deleteIfExists(lockFile);
            System.out.printf("Removed %s: it named process %d, which is not a running PostgreSQL (a postmaster killed"
                    + " before, its process id since taken or not yet released).%n", lockFile, pid);
        } catch (IOException e) {
            System.err.println("Could not remove the stale " + lockFile + ": " + e.getMessage());
        }
    }

    /** A process that has ended and waits for its parent to collect it (Linux; elsewhere: not known, so no). */
    private static boolean zombie(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            return stat.charAt(stat.lastIndexOf(')') + 2) == 'Z';
        } catch (IOException | RuntimeException notLinuxOrGone) {
            return false;
        }
    }

    private static String[] with(List<String> common, String extra) {
        List<String> all = new ArrayList<>(common);
        all.add(extra);
        return all.toArray(String[]::new);
    }

    static void closeQuietly(EmbeddedPostgres postgres) {
        if (postgres == null) return;
        try {
            postgres.close();
        } catch (IOException e) {
            System.err.println("embedded PostgreSQL did not stop cleanly: " + e.getMessage());
        }
    }

    /** Launcher options; see the class comment. */
    public record Options(int commandPort, int queryPort, Path dataDir, int dbPort, String externalJdbcUrl,
                          boolean loadHistory, List<String> passThrough, Path exportTo, Path restoreFrom) {

        public static Options parse(String... args) {
            int commandPort = 8081;
            int queryPort = 8082;
            Path dataDir = Path.of(System.getProperty("user.home"), ".styrregistret", "pgdata");
            int dbPort = 0;
            boolean loadHistory = true;
            Path exportTo = null;
            Path restoreFrom = null;
            String jdbcUrl = firstNonBlank(System.getProperty("spring.datasource.url"), System.getenv("SPRING_DATASOURCE_URL"));
            List<String> rest = new ArrayList<>();
            for (String arg : args) {
                String value = arg.contains("=") ? arg.substring(arg.indexOf('=') + 1) : "";
                if (arg.startsWith("--command-port=")) commandPort = Integer.parseInt(value);
                else if (arg.startsWith("--query-port=")) queryPort = Integer.parseInt(value);
                else if (arg.startsWith("--data-dir=")) dataDir = Path.of(value);
                else if (arg.startsWith("--db-port=")) dbPort = Integer.parseInt(value);
                else if (arg.startsWith("--spring.datasource.url=")) jdbcUrl = value;
                else if (arg.equals("--no-history")) loadHistory = false;
                else if (arg.equals("--history")) loadHistory = true;
                else if (arg.startsWith("--export=")) exportTo = Path.of(value);
                else if (arg.startsWith("--restore=")) restoreFrom = Path.of(value);
                else if (arg.startsWith("--")) rest.add(arg);
                else throw new IllegalArgumentException("unknown argument " + arg + "; options are --name=value");
            }
            if (exportTo != null && restoreFrom != null) throw new IllegalArgumentException("--export and --restore cannot be combined");
            // an export writes what is there, a restore brings its own history: neither loads the bundled one
            if (exportTo != null || restoreFrom != null) loadHistory = false;
            return new Options(commandPort, queryPort, dataDir, dbPort, jdbcUrl, loadHistory, List.copyOf(rest), exportTo, restoreFrom);
        }

        /** For tests: free ports, a throwaway database, no history unless {@code --history} is given. */
        public static Options ephemeral(String... extra) {
            List<String> args = new ArrayList<>(Arrays.asList("--command-port=0", "--query-port=0", "--no-history"));
            args.addAll(Arrays.asList(extra));
            Options o = parse(args.toArray(String[]::new));
            return new Options(o.commandPort, o.queryPort, null, o.dbPort, o.externalJdbcUrl, o.loadHistory, o.passThrough,
                    o.exportTo, o.restoreFrom);
        }

        private static String firstNonBlank(String a, String b) {
            if (a != null && !a.isBlank()) return a;
            return b == null || b.isBlank() ? null : b;
        }
    }
}
