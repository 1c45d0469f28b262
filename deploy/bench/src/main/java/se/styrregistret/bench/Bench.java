package se.styrregistret.bench;

import se.styrregistret.bench.BenchReport.Check;
import se.styrregistret.bench.BenchReport.Environment;

import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The benchmark and fault harness. One command, one report (Markdown and JSON):
 * <pre>
 *   java -jar deploy/bench/target/styrregistret-bench.jar [--quick] [--out=target/bench]
 *        [--jdbc-url=jdbc:postgresql://127.0.0.1:5432/postgres]   (default: an embedded PostgreSQL of its own)
 *        [--command-jar=PATH] [--query-jar=PATH]                  (default: the jars the build made)
 *        [--events=1000000] [--small-events=10000] [--scale-out-events=50000] [--seconds=20] [--clients=1,8,32]
 *        [--queries=100]
 *        [--only=catch-up]   (only the log, one cold catch-up, as-of latency and memory: for projection work)
 *        [--only=command-path]   (only the small log, the command path, raw inserts and memory: for command-side work)
 *        [--only=national]   (a log of many municipalities' registers, one cold catch-up, as-of latency of one
 *                             district's answers, memory)
 * </pre>
 * Both services run as their own processes over one database. Targets are reported, never
 * asserted; correctness (counts, no errors, the fault runs) is, and a failed check fails the run.
 * <p>
 * This class runs the phases in order ({@link LogGeneration}, {@link AsOfLatency}, {@link Faults},
 * {@link CommandPath}, {@link RawLimit}, {@link CatchUp}, {@link Memory}), handing each what it needs
 * from the ones before, and gives their results to the {@link Report}.
 */
public final class Bench {

    private static final long SEED = 20261130L;

    private final Settings settings;

    Bench(Settings settings) {
        this.settings = settings;
    }

    public static void main(String[] args) {
        System.setProperty("axoniq.update-checker.disabled", "true");
        // the embedded database logs every line of its server's output at INFO
        ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger("io.zonky")).setLevel(ch.qos.logback.classic.Level.WARN);
        Settings settings = Settings.parse(args);
        // Ctrl+C: the services are processes of their own and would outlive the harness
        Runtime.getRuntime().addShutdownHook(new Thread(ServiceProcess::closeAll, "bench-shutdown"));
        BenchReport report = new Bench(settings).run();
        System.out.println("Report: " + settings.out().toAbsolutePath().resolve("report.md"));
        if (!report.failures().isEmpty()) {
            System.err.println("FAILED checks: " + report.failures());
            System.exit(1);
        }
    }

    /** What the phases found so far: a run that fails leaves the phases after the failure null. */
    private static final class Found {
        Environment environment;
        LogGeneration.Result smallLog;
        AsOfLatency.Measurement asOfSmall;
        Faults.QueryServiceKill faultKillQueryService;
        CommandPath.Result commandPath;
        RawLimit.Result rawLimit;
        Faults.CommandServiceKill faultKillCommandService;
        LogGeneration.Result scaleOutLog;
        LogGeneration.Result largeLog;
        CatchUp.Result catchUp1;
        AsOfLatency.Measurement asOfLarge;
        List<CatchUp.Result> scaleOut;
        Faults.DatabaseRestart faultDatabaseRestart;
        Memory.Result memory;
        Check failure;
    }

    BenchReport run() {
        Instant begin = Instant.now();
        String runId = Long.toString(System.currentTimeMillis() % 1_000_000, 36);
        Found found = new Found();
        BenchDatabase db = null;
        LogGeneration log = null;
        AxonServerLog axonServer = null;
        BenchReport report = null;
        try {
            db = settings.jdbcUrl() == null ? BenchDatabase.embedded(settings.out().resolve("pgdata"))
                    : BenchDatabase.external(settings.jdbcUrl(), settings.keepDatabase());
            found.environment = Environment.of(db, settings);
            // the log in Axon Server: the command path starts on its empty log (the generator writes the database's);
            // a log with events is refused (AxonServerLog.requireEmpty)
            if (settings.axonServer() != null) {
                axonServer = new AxonServerLog(settings.axonServer());
                axonServer.requireEmpty();
            }
            Services services = new Services(settings, db);
            services.start();
            EventLogGenerator.Shape shape = settings.nationalOnly() ? EventLogGenerator.Shape.NATIONAL : EventLogGenerator.Shape.MUNICIPALITY;
            if (axonServer == null) log = new LogGeneration(db, SEED, shape);
            // a municipality's reader asks for the whole chart; a national register's reader for one district's
            AsOfLatency asOf = new AsOfLatency(settings, db, services, SEED, shape.districts(), settings.nationalOnly());
            CatchUp catchUp = new CatchUp(db, services);

            if (settings.catchUpOnly() || settings.nationalOnly()) {
                // for working on the projections: a log of --events, one cold catch-up, as-of latency, memory
                found.largeLog = appendCold(log, services, settings.events());
                found.catchUp1 = catchUp.run(1, 1, null);
                found.asOfLarge = asOf.measure(Projections.head(db));
                found.memory = Memory.measure(services);
            } else if (settings.commandPathOnly()) {
                if (log != null) found.smallLog = log.appendUpTo(settings.smallEvents());
                found.commandPath = new CommandPath(settings, db, services, runId, SEED, axonServer).run();
                // on Axon Server the raw appends run with the services stopped (see RawLimit): their memory first
                if (axonServer != null) found.memory = Memory.measure(services);
                found.rawLimit = new RawLimit(settings, db, services, SEED, axonServer).run(found.commandPath);
                if (axonServer == null) found.memory = Memory.measure(services);
            } else {
                Faults faults = new Faults(settings, db, services, runId, SEED);
                found.smallLog = log.appendUpTo(settings.smallEvents());
                long smallHead = Projections.head(db);
                Projections.awaitCaughtUp(db, smallHead, Instant.now(), Duration.ofMinutes(5));
                found.asOfSmall = asOf.measure(smallHead);
                found.faultKillQueryService = faults.killQueryServiceDuringCatchUp();

                found.commandPath = new CommandPath(settings, db, services, runId, SEED, null).run();
                found.rawLimit = new RawLimit(settings, db, services, SEED, null).run(found.commandPath);
                found.faultKillCommandService = faults.killCommandServiceUnderLoad();

                found.scaleOut = new ArrayList<>();
                if (settings.scaleOutOnItsOwnLog()) {
                    // segments and instances compared on a shorter log, each against its own one-segment baseline
                    found.scaleOutLog = appendCold(log, services, settings.scaleOutEvents());
                    CatchUp.Result baseline = catchUp.run(1, 1, null);
                    found.scaleOut.add(baseline);
                    found.scaleOut.add(catchUp.run(1, 2, baseline));
                    found.scaleOut.add(catchUp.run(2, 2, baseline));
                }
                found.largeLog = appendCold(log, services, settings.events());
                found.catchUp1 = catchUp.run(1, 1, null);
                found.asOfLarge = asOf.measure(Projections.head(db));
                if (!settings.scaleOutOnItsOwnLog()) {
                    found.scaleOut.add(catchUp.run(1, 2, found.catchUp1));
                    found.scaleOut.add(catchUp.run(2, 2, found.catchUp1));
                }
                found.faultDatabaseRestart = faults.restartDatabaseUnderLoad();
                found.memory = Memory.measure(services);
            }
        } catch (Exception e) {
            found.failure = new Check("the run completed", false, e.toString());
            e.printStackTrace();
        } finally {
            double seconds = Duration.between(begin, Instant.now()).toMillis() / 1000.0;
            closeAll(log, axonServer, db);
            report = report(found, begin, seconds);
            Report.write(settings.out(), report);
        }
        return report;
    }

    /**
     * Tops the log up to {@code events} with the query-service stopped: the projections it would build meanwhile are
     * wiped by the cold catch-up that follows (which starts it again), so it would only take the generator's CPU.
     */
    private static LogGeneration.Result appendCold(LogGeneration log, Services services, long events) throws SQLException {
        services.query().close();
        return log.appendUpTo(events, true);
    }

    private BenchReport report(Found f, Instant begin, double seconds) {
        AsOfLatency.Result asOf = f.asOfSmall == null && f.asOfLarge == null ? null : new AsOfLatency.Result(f.asOfSmall, f.asOfLarge);
        return new BenchReport(settings.mode(), settings.quick(), LocalDate.now(), begin.toString(), f.environment, f.smallLog,
                f.faultKillQueryService, f.commandPath, f.rawLimit, f.faultKillCommandService, f.scaleOutLog, f.largeLog, f.catchUp1, asOf,
                f.scaleOut, f.faultDatabaseRestart, f.memory, f.failure, seconds);
    }

    private static void closeAll(AutoCloseable... resources) {
        ServiceProcess.closeAll();
        for (AutoCloseable c : resources) {
            if (c == null) continue;
            try {
                c.close();
            } catch (Exception e) {
                System.err.println("while closing: " + e);
            }
        }
    }
}
