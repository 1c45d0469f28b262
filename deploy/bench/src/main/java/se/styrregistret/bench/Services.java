package se.styrregistret.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The two services the run measures, each its own process over the run's database. Phases that
 * kill or replace one (the fault runs, a cold catch-up) do it here, so every later phase talks to
 * the instance that is running now.
 */
final class Services {

    /** The query-service's setting for its projections' segments (a new processor's token rows take it). */
    static final String SEGMENTS_PROPERTY = "styrregistret.projections.segments";

    private static final Duration READY_WITHIN = Duration.ofMinutes(3);

    private final Settings settings;
    private final BenchDatabase db;
    private final Path logs;
    private ServiceProcess command;
    private ServiceProcess query;

    Services(Settings settings, BenchDatabase db) {
        this.settings = settings;
        this.db = db;
        this.logs = settings.out().resolve("logs");
    }

    private final java.util.concurrent.ConcurrentMap<String, Long> peakHeap = new java.util.concurrent.ConcurrentHashMap<>();

    /** Starts both services and returns once both are ready; from then on their heap is sampled every second. */
    void start() {
        command = ServiceProcess.start("command-service", settings.commandJar(), settings.heap(), springArgs(), logs, READY_WITHIN);
        query = startQuery("query-service");
        Thread sampler = new Thread(this::sampleHeap, "bench-heap-sampler");
        sampler.setDaemon(true);
        sampler.start();
    }

    /**
     * The largest heap in use seen so far per service (over every instance it had: restarts, a second
     * query-service), sampled once a second from the services' own metrics; -1 when never read.
     */
    long peakHeapBytes(String service) {
        return peakHeap.getOrDefault(service, -1L);
    }

    private void sampleHeap() {
        while (true) {
            for (ServiceProcess s : new ServiceProcess[]{command, query}) {
                if (s == null) continue;
                long used = s.heapUsedBytes();
                if (used > 0) peakHeap.merge(s == command ? "command-service" : "query-service", used, Math::max);
            }
            ServiceProcess.sleep(1000);
        }
    }

    /** Where every service process of the run writes its log. */
    Path logs() {
        return logs;
    }

    ServiceProcess command() {
        return command;
    }

    ServiceProcess query() {
        return query;
    }

    /** A query-service on a free port; returns once it is ready. */
    ServiceProcess startQuery(String name) {
        return ServiceProcess.start(name, settings.queryJar(), settings.heap(), springArgs(), logs, READY_WITHIN);
    }

    /** A query-service on a free port, not waited for: its processors start before its web server answers. */
    ServiceProcess launchQuery(String name, int segments) {
        List<String> args = springArgs();
        args.add("--" + SEGMENTS_PROPERTY + "=" + segments);
        // each segment's batch holds a connection while it runs (6 projections with segments), and answers need theirs
        if (segments > 1) args.add("--spring.datasource.hikari.maximum-pool-size=" + (6 * segments + 4));
        return ServiceProcess.launch(name, settings.queryJar(), settings.heap(), args, logs, ServiceProcess.freePort());
    }

    /** From now on {@code replacement} is the query-service the phases talk to. */
    void useQuery(ServiceProcess replacement) {
        query = replacement;
    }

    /** SIGKILL of the command-service and a new one on the same port; returns once that one is ready. */
    void killAndRestartCommand() {
        int port = command.port();
        command.kill9();
        command = ServiceProcess.launch("command-service", settings.commandJar(), settings.heap(), springArgs(), logs, port);
        command.awaitReady(READY_WITHIN);
    }

    private List<String> springArgs() {
        List<String> args = new ArrayList<>(db.springArgs());
        args.add("--spring.main.banner-mode=off");
        if (settings.axonServer() != null) {
            // the log, commands and queries through Axon Server; projections, lookups and tokens stay in the database
            args.add("--spring.profiles.active=axonserver");
            args.add("--axon.axonserver.servers=" + settings.axonServer());
        }
        return args;
    }
}
