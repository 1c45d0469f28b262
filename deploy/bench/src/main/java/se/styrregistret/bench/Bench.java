package se.styrregistret.bench;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The benchmark and fault harness. One command, one report (Markdown and JSON):
 * <pre>
 *   java -jar deploy/bench/target/styrregistret-bench.jar [--quick] [--out=target/bench]
 *        [--jdbc-url=jdbc:postgresql://127.0.0.1:5432/postgres]   (default: an embedded PostgreSQL of its own)
 *        [--command-jar=PATH] [--query-jar=PATH]                  (default: the jars the build made)
 *        [--events=1000000] [--small-events=10000] [--seconds=60] [--clients=1,8,32] [--queries=100]
 *        [--only=catch-up]   (only the log, one cold catch-up, as-of latency and memory: for projection work)
 * </pre>
 * Both services run as their own processes over one database. Targets are reported, never
 * asserted; correctness (counts, no errors, the fault runs) is, and a failed check fails the run.
 */
public final class Bench {

    private final Settings settings;
    private final Report report = new Report();
    private final Path logs;
    private final long seed = 20261130L;
    private BenchDatabase db;
    private ServiceProcess command;
    private ServiceProcess query;
    private EventLogGenerator generator;
    private Map<String, String> cleanFingerprint;

    Bench(Settings settings) {
        this.settings = settings;
        this.logs = settings.out().resolve("logs");
    }

    public static void main(String[] args) {
        System.setProperty("axoniq.update-checker.disabled", "true");
        // the embedded database logs every line of its server's output at INFO
        ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger("io.zonky")).setLevel(ch.qos.logback.classic.Level.WARN);
        Settings settings = Settings.parse(args);
        // Ctrl+C: the services are processes of their own and would outlive the harness
        Runtime.getRuntime().addShutdownHook(new Thread(ServiceProcess::closeAll, "bench-shutdown"));
        Report report = new Bench(settings).run();
        System.out.println("Report: " + settings.out().toAbsolutePath().resolve("report.md"));
        if (!report.failures().isEmpty()) {
            System.err.println("FAILED checks: " + report.failures());
            System.exit(1);
        }
    }

    Report run() {
        Instant begin = Instant.now();
        String runId = Long.toString(System.currentTimeMillis() % 1_000_000, 36);
        report.put("mode", mode());
        report.put("startedAt", begin.toString());
        try {
            db = settings.jdbcUrl() == null ? BenchDatabase.embedded(settings.out().resolve("pgdata"))
                    : BenchDatabase.external(settings.jdbcUrl());
            environment();
            command = startCommandService();
            query = startQueryService("query-service");
            generator = new EventLogGenerator(db, seed);

            if ("catch-up".equals(settings.only())) {
                // for working on the projections: a log of --events, one cold catch-up, as-of latency, memory
                appendUpTo(settings.events());
                catchUp(1);
                asOfLatency(Projections.head(db), settings.queries());
                memory();
                return report;
            }

            appendUpTo(settings.smallEvents());
            long smallHead = Projections.head(db);
            Projections.awaitCaughtUp(db, smallHead, Instant.now(), Duration.ofMinutes(5));
            Map<String, Object> asOfSmall = asOfLatency(smallHead, settings.queries());
            faultKillQueryServiceDuringCatchUp();

            commandPath(runId);
            rawLimit();
            faultKillCommandService(runId);

            appendUpTo(settings.events());
            catchUp(1);
            Map<String, Object> asOfLarge = asOfLatency(Projections.head(db), settings.queries());
            asOfSummary(asOfSmall, asOfLarge);
            catchUp(2);
            faultDatabaseRestart(runId);
            memory();
        } catch (Exception e) {
            report.check("the run completed", false, e.toString());
            e.printStackTrace();
        } finally {
            report.put("seconds", Duration.between(begin, Instant.now()).toMillis() / 1000.0);
            report.line("").line("Run time: %.0f s.".formatted(Duration.between(begin, Instant.now()).toMillis() / 1000.0));
            closeAll();
            report.write(settings.out(), "Styrregistret benchmark (" + mode() + " run, "
                    + LocalDate.now() + ")");
        }
        return report;
    }

    private String mode() {
        return settings.mode();
    }

    // ---------------------------------------------------------------- environment

    private void environment() {
        Map<String, Object> env = new LinkedHashMap<>();
        env.put("cpus", Runtime.getRuntime().availableProcessors());
        env.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
        env.put("os", System.getProperty("os.name") + " " + System.getProperty("os.arch"));
        env.put("database", db.describe());
        env.put("databaseSettings", db.settings());
        env.put("serviceHeap", settings.heap());
        report.put("environment", env);
        report.line("Mode: **" + (settings.quick() ? "quick (smoke test: counts and errors only, figures meaningless)" : "full")
                + "**. " + env.get("cpus") + " CPUs, " + env.get("java") + ", " + env.get("os") + ".");
        report.line("Database: " + db.describe() + "; " + db.settings() + ". Each service: its own JVM, -Xmx" + settings.heap() + ".");
    }

    private ServiceProcess startCommandService() {
        return ServiceProcess.start("command-service", settings.commandJar(), settings.heap(), serviceArgs(), logs,
                Duration.ofMinutes(3));
    }

    private ServiceProcess startQueryService(String name) {
        return ServiceProcess.start(name, settings.queryJar(), settings.heap(), serviceArgs(), logs, Duration.ofMinutes(3));
    }

    private List<String> serviceArgs() {
        List<String> args = new ArrayList<>(db.springArgs());
        args.add("--spring.main.banner-mode=off");
        return args;
    }

    private void appendUpTo(long events) throws SQLException {
        long missing = events - Projections.eventCount(db);
        if (missing <= 0) return;
        Instant start = Instant.now();
        generator.append(missing);
        double seconds = Duration.between(start, Instant.now()).toMillis() / 1000.0;
        report.line("Generated %,d events through the event store API in %.1f s (%.0f events/s); the log now holds %,d."
                .formatted(missing, seconds, missing / seconds, Projections.eventCount(db)));
    }

    // ---------------------------------------------------------------- 1. the command path, 2. the raw limit

    private final Map<Integer, Load.Result> commandResults = new LinkedHashMap<>();

    private void commandPath(String runId) throws SQLException {
        report.heading("1. Command path over HTTP");
        report.line("Closed loop, each client sends its next command when the last is answered, for %.0f s per concurrency. Mix: 25 %% establish a body (mandate, three members), 45 %% appoint a member, 30 %% allocate money to a body; each client on its own bodies."
                .formatted(settings.seconds()));
        List<List<Object>> rows = new ArrayList<>();
        List<Map<String, Object>> json = new ArrayList<>();
        List<CommandClient> all = new ArrayList<>();
        // a fresh JVM interprets before it compiles: warm the path up first, as a running service would be
        double warmUp = settings.quick() ? 1 : 15;
        Load.run(8, Load.seconds(warmUp), i -> new CommandClient(command::url, new CommandMix(runId + "w", i, seed - i)), all);
        report.line("Warm-up: %.0f s at 8 clients before the measured runs.".formatted(warmUp));
        for (int clients : settings.clients()) {
            List<CommandClient> created = new ArrayList<>();
            Load.Result r = Load.run(clients, Load.seconds(settings.seconds()),
                    i -> new CommandClient(command::url, new CommandMix(runId + "p" + clients, i, seed + i)), created);
            all.addAll(created);
            commandResults.put(clients, r);
            rows.add(List.of(clients, r.ok(), r.perSecond(), r.p50Millis(), r.p99Millis(), r.rejected() + r.failed() + r.timeouts()));
            json.add(result(r));
        }
        report.table(List.of("clients", "accepted", "commands/s", "p50 ms", "p99 ms", "not accepted"), rows);
        report.put("commandPath", json);
        long notAccepted = commandResults.values().stream().mapToLong(r -> r.rejected() + r.failed() + r.timeouts()).sum();
        report.check("every command of the load was accepted", notAccepted == 0,
                notAccepted == 0 ? "" : notAccepted + " not accepted: " + commandResults.values().stream().map(Load.Result::byStatus).toList()
                        + "; for example " + examples(all));
        LogCheck check = inLog(all.stream().flatMap(c -> c.accepted().stream()).toList());
        report.check("every accepted command has exactly one event in the log", check.missing() == 0 && check.duplicated() == 0,
                check.toString());
    }

    private static Map<Integer, String> examples(List<CommandClient> clients) {
        Map<Integer, String> examples = new java.util.TreeMap<>();
        clients.forEach(c -> c.examples().forEach(examples::putIfAbsent));
        return examples;
    }

    private void rawLimit() throws SQLException {
        report.heading("2. PostgreSQL's own limit, same run");
        byte[][] sample = sampleEvent();
        report.line(("Single-row INSERT + COMMIT of an event-sized row (payload %d B, metadata %d B: the average of the events the "
                + "command path just wrote) into a copy of the event table (same constraints and indexes, one-at-a-time global "
                + "sequence), one connection per client, %.0f s per concurrency.").formatted(sample[0].length, sample[1].length,
                settings.seconds()));
        RawInsertClient.createTable(db);
        List<List<Object>> rows = new ArrayList<>();
        List<Map<String, Object>> json = new ArrayList<>();
        for (int clients : settings.clients()) {
            List<RawInsertClient> created = new ArrayList<>();
            Load.Result r = Load.run(clients, Load.seconds(settings.seconds()), i -> new RawInsertClient(db, sample[0], sample[1]), created);
            created.forEach(RawInsertClient::close);
            Load.Result cmd = commandResults.get(clients);
            double ratio = cmd.perSecond() / r.perSecond();
            rows.add(List.of(clients, r.perSecond(), r.p50Millis(), r.p99Millis(), cmd.perSecond(), ratio,
                    clients == 32 ? (ratio >= 0.5 ? "met (≥ 0.5)" : "missed (≥ 0.5)") : ""));
            Map<String, Object> entry = result(r);
            entry.put("commandPathRatio", ratio);
            json.add(entry);
            report.check("raw inserts at " + clients + " clients without errors", r.failed() == 0, r.failed() + " failed");
        }
        report.table(List.of("clients", "raw inserts/s", "p50 ms", "p99 ms", "command path/s", "ratio", "target"), rows);
        report.put("rawInsert", json);
        report.line(breakdownOfCommandPath());
    }

    /** Where a command's time goes, from the command-service's own timers. */
    private String breakdownOfCommandPath() {
        Http.Answer metrics = Http.get(command.url() + "/actuator/prometheus", "admin");
        if (!metrics.ok()) return "";
        StringBuilder text = new StringBuilder("Inside the command-service (its `styrregistret.commands` timer: command bus to "
                + "committed events, per command type) — the rest of the HTTP latency is HTTP, security, JSON and the idempotency check:\n\n");
        java.util.regex.Matcher m = java.util.regex.Pattern.compile(
                "^styrregistret_commands_seconds_(count|sum)\\{([^}]*)} ([0-9.Ee+-]+)$", java.util.regex.Pattern.MULTILINE)
                .matcher(metrics.body());
        Map<String, double[]> byType = new LinkedHashMap<>();
        while (m.find()) {
            java.util.regex.Matcher type = java.util.regex.Pattern.compile("command=\"([^\"]+)\"").matcher(m.group(2));
            String key = (type.find() ? type.group(1) : "?") + (m.group(2).contains("outcome=\"") ? " " + m.group(2).replaceAll(".*outcome=\"([^\"]+)\".*", "$1") : "");
            double[] v = byType.computeIfAbsent(key, k -> new double[2]);
            v[m.group(1).equals("count") ? 0 : 1] += Double.parseDouble(m.group(3));
        }
        byType.forEach((k, v) -> text.append("- ").append(k).append(": ").append((long) v[0]).append(" commands, mean ")
                .append(String.format(Locale.ROOT, "%.2f ms", v[0] == 0 ? 0 : 1000 * v[1] / v[0])).append('\n'));
        report.put("commandTimers", byType.entrySet().stream().collect(java.util.stream.Collectors.toMap(Map.Entry::getKey,
                e -> Map.of("count", (long) e.getValue()[0], "meanMillis", e.getValue()[0] == 0 ? 0 : 1000 * e.getValue()[1] / e.getValue()[0]))));
        return text.toString();
    }

    private byte[][] sampleEvent() throws SQLException {
        try (Connection c = db.connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery("""
                select avg(octet_length(payload))::int, avg(octet_length(meta_data))::int from axon.domain_event_entry
                where convert_from(meta_data, 'UTF8')::jsonb ->> 'recordedBy' = 'registrar'""")) {
            rs.next();
            byte[] payload = new byte[Math.max(200, rs.getInt(1))];
            byte[] meta = new byte[Math.max(100, rs.getInt(2))];
            SplittableRandom random = new SplittableRandom(seed);
            for (int i = 0; i < payload.length; i++) payload[i] = (byte) (32 + random.nextInt(90));
            for (int i = 0; i < meta.length; i++) meta[i] = (byte) (32 + random.nextInt(90));
            return new byte[][]{payload, meta};
        }
    }

    private static Map<String, Object> result(Load.Result r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("clients", r.clients());
        m.put("seconds", r.seconds());
        m.put("accepted", r.ok());
        m.put("perSecond", r.perSecond());
        m.put("p50Millis", r.p50Millis());
        m.put("p99Millis", r.p99Millis());
        m.put("rejected", r.rejected());
        m.put("failed", r.failed());
        m.put("timeouts", r.timeouts());
        m.put("byStatus", r.byStatus());
        return m;
    }

    // ---------------------------------------------------------------- every accepted command in the log, once

    record LogCheck(int accepted, int missing, int duplicated) {
        @Override
        public String toString() {
            return "%d accepted, %d missing from the log, %d more than once".formatted(accepted, missing, duplicated);
        }
    }

    private LogCheck inLog(List<CommandClient.Accepted> accepted) throws SQLException {
        int missing = 0;
        int duplicated = 0;
        try (Connection c = db.connect(); PreparedStatement ps = c.prepareStatement("""
                select count(*) from axon.domain_event_entry
                where aggregate_identifier = ? and payload_type = ? and position(? in convert_from(payload, 'UTF8')) > 0""")) {
            for (CommandClient.Accepted a : accepted) {
                ps.setString(1, a.aggregateId());
                ps.setString(2, a.eventType());
                ps.setString(3, a.marker());
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    long n = rs.getLong(1);
                    if (n == 0) missing++;
                    if (n > 1) duplicated++;
                }
            }
        }
        return new LogCheck(accepted.size(), missing, duplicated);
    }

    // ---------------------------------------------------------------- 3. catch-up

    private final Map<Integer, Double> catchUpRates = new LinkedHashMap<>();

    private void catchUp(int instances) throws SQLException {
        if (instances == 1) {
            report.heading("3. Catch-up of a cold query-service");
            report.line("The projections wiped and their tokens dropped; then the query-service(s) started and timed from process "
                    + "start until every projection (orgchart, actionplans, districts, ledger, agreements, audit, audit-log) has reached the head of the log.");
        }
        query.close();
        Projections.wipe(db);
        long head = Projections.head(db);
        long events = Projections.eventCount(db);
        Instant start = Instant.now();
        List<ServiceProcess> started = new ArrayList<>();
        for (int i = 0; i < instances; i++) {
            started.add(ServiceProcess.launch("query-service-" + (i + 1), settings.queryJar(), settings.heap(), serviceArgs(), logs,
                    ServiceProcess.freePort()));
        }
        for (ServiceProcess q : started) q.awaitReady(Duration.ofMinutes(3));
        double ready = Duration.between(start, Instant.now()).toMillis() / 1000.0;
        Map<String, Double> perProcessor = Projections.awaitCaughtUp(db, head, start, Duration.ofMinutes(120));
        double seconds = perProcessor.values().stream().mapToDouble(Double::doubleValue).max().orElse(0);
        double rate = events / seconds;
        double processingRate = events / Math.max(0.001, seconds - ready);
        catchUpRates.put(instances, rate);
        double vacuum = Projections.vacuum(db);
        Map<String, String> fingerprint = Projections.fingerprint(db);
        if (instances == 1) {
            cleanFingerprint = fingerprint;
        } else {
            report.check("two instances build the same projections as one", fingerprint.equals(cleanFingerprint),
                    fingerprint.equals(cleanFingerprint) ? "" : "one: " + cleanFingerprint + "; two: " + fingerprint);
        }
        report.check(instances + " instance(s): no event left in a dead-letter queue", deadLetters() == 0, deadLetters() + " dead letters");
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("instances", instances);
        json.put("events", events);
        json.put("secondsToReady", ready);
        json.put("secondsToCaughtUp", seconds);
        json.put("eventsPerSecond", rate);
        json.put("eventsPerSecondAfterStartup", processingRate);
        json.put("perProcessorSeconds", perProcessor);
        json.put("vacuumAnalyzeSeconds", vacuum);
        json.put("targetEventsPerSecond", 20_000);
        json.put("targetMet", rate >= 20_000);
        report.put("catchUp" + instances, json);
        report.line("");
        report.line("**%d instance(s)**: %,d events in %.1f s from process start (%.1f s of it starting up) = **%.0f events/s** (%.0f events/s once started; target ≥ 20 000: %s). Per projection, seconds from process start until it reached the head: %s."
                .formatted(instances, events, seconds, ready, rate, processingRate, rate >= 20_000 ? "met" : "missed", perProcessor));
        report.line("Then VACUUM (ANALYZE) of the projection tables, as after any rebuild (deploy/OPERATIONS.md): %.1f s."
                .formatted(vacuum));
        // the first instance stays as the query-service for what follows; a second is stopped
        query = started.get(0);
        for (int i = 1; i < started.size(); i++) started.get(i).close();
    }

    private long deadLetters() throws SQLException {
        try (Connection c = db.connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select count(*) from axon.dead_letter_entry")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    // ---------------------------------------------------------------- 4. as-of latency

    private Map<String, Object> asOfLatency(long head, int queries) throws SQLException {
        SplittableRandom random = new SplittableRandom(seed + head);
        Map<String, Latencies> byQuery = new LinkedHashMap<>();
        int errors = 0;
        int warmUp = Math.min(50, queries);
        try (Connection c = db.connect(); PreparedStatement latestYear = c.prepareStatement("""
                select fiscal_year from projection.budget_ledger_entry where revision <= ?
                order by revision desc limit 1""")) {
            for (int i = 0; i < warmUp + queries; i++) {
                long revision = 1 + random.nextLong(head);
                // the fiscal year of the last movement recorded by that revision: what a reader of that day
                // would ask for (looked up outside the timing)
                latestYear.setLong(1, revision);
                int year;
                try (ResultSet rs = latestYear.executeQuery()) {
                    year = rs.next() ? rs.getInt(1) : 2000;
                }
                Map<String, String> urls = new LinkedHashMap<>();
                urls.put("org chart", "/api/org-chart?asOfRevision=" + revision);
                urls.put("budget summary", "/api/budget/summary?fiscalYear=" + year + "&asOfRevision=" + revision);
                urls.put("budget ledger", "/api/budget/ledger?fiscalYear=" + year + "&asOfRevision=" + revision);
                for (Map.Entry<String, String> u : urls.entrySet()) {
                    long start = System.nanoTime();
                    Http.Answer answer = Http.get(query.url() + u.getValue(), "reader");
                    long took = System.nanoTime() - start;
                    if (!answer.ok() || answer.json().path("revision").asLong() != revision) errors++;
                    if (i >= warmUp) byQuery.computeIfAbsent(u.getKey(), k -> new Latencies()).add(took);
                }
            }
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("events", head);
        json.put("errors", errors);
        byQuery.forEach((k, v) -> json.put(k, Map.of("queries", v.count(), "p50Millis", v.percentileMillis(0.5),
                "p99Millis", v.percentileMillis(0.99))));
        report.check("as-of queries at %,d events: every answer 200 and of the revision asked for".formatted(head), errors == 0,
                errors + " wrong answers");
        return json;
    }

    private void asOfSummary(Map<String, Object> small, Map<String, Object> large) {
        report.heading("4. As-of latency");
        report.line(("One reader, %d queries of each kind at random revisions (after %d warm-up rounds), each answer checked to "
                + "name the revision asked for. The ledger and summary ask for the fiscal year of the last movement recorded by that revision.")
                .formatted(settings.queries(), Math.min(50, settings.queries())));
        List<List<Object>> rows = new ArrayList<>();
        for (String kind : List.of("org chart", "budget summary", "budget ledger")) {
            @SuppressWarnings("unchecked") Map<String, Object> s = (Map<String, Object>) small.get(kind);
            @SuppressWarnings("unchecked") Map<String, Object> l = (Map<String, Object>) large.get(kind);
            double p99Small = (double) s.get("p99Millis");
            double p99Large = (double) l.get("p99Millis");
            boolean met = p99Large <= 20 && p99Large <= 1.5 * p99Small;
            rows.add(List.of(kind, s.get("p50Millis"), p99Small, l.get("p50Millis"), p99Large, p99Large / p99Small,
                    met ? "met" : "missed"));
        }
        report.table(List.of("query", "p50 ms @ " + small.get("events"), "p99 ms @ " + small.get("events"),
                "p50 ms @ " + large.get("events"), "p99 ms @ " + large.get("events"), "p99 ratio", "target (p99 ≤ 20 ms, ≤ 1.5×)"), rows);
        report.put("asOf", Map.of("small", small, "large", large));
    }

    // ---------------------------------------------------------------- fault runs

    private void faultKillCommandService(String runId) throws SQLException {
        report.heading("Fault: kill -9 of the command-service during load");
        int clients = 8;
        double before = settings.quick() ? 2 : 5;
        double after = settings.quick() ? 3 : 10;
        List<CommandClient> created = new ArrayList<>();
        int port = command.port();
        double[] downSeconds = new double[1];
        Load.Result r = Load.run(clients, () -> {
            ServiceProcess.sleep((long) (before * 1000));
            long killedAt = System.nanoTime();
            command.kill9();
            command = ServiceProcess.launch("command-service", settings.commandJar(), settings.heap(), serviceArgs(), logs, port);
            command.awaitReady(Duration.ofMinutes(3));
            downSeconds[0] = (System.nanoTime() - killedAt) / 1e9;
            ServiceProcess.sleep((long) (after * 1000));
        }, i -> new CommandClient(() -> "http://localhost:" + port, new CommandMix(runId + "k", i, seed + 100 + i)), created);
        List<CommandClient.Accepted> accepted = created.stream().flatMap(c -> c.accepted().stream()).toList();
        LogCheck check = inLog(accepted);
        long unanswered = r.failed() + r.timeouts();
        report.line(("%d clients for %.0f s; SIGKILL after %.0f s, restarted on the same port, ready again %.1f s after the kill. "
                + "%,d commands accepted (2xx); %,d attempts found nobody listening or lost their connection (%s).")
                .formatted(clients, r.seconds(), before, downSeconds[0], r.ok(), unanswered, r.byStatus()));
        report.check("every command answered 2xx has its event in the log, none twice", check.missing() == 0 && check.duplicated() == 0,
                check.toString());
        report.check("no command was refused: only unanswered while down (" + examples(created) + ")", r.rejected() == 0,
                r.rejected() + " refused");
        report.check("commands were accepted again after the restart", acceptedAfterRestart(created), "");
        report.put("faultKillCommandService", Map.of("accepted", r.ok(), "unanswered", unanswered, "byStatus", r.byStatus(),
                "secondsDown", downSeconds[0], "missing", check.missing(), "duplicated", check.duplicated()));
    }

    private static boolean acceptedAfterRestart(List<CommandClient> clients) {
        // the last call of each client, made after the restart, was accepted
        return clients.stream().allMatch(c -> !c.sent().isEmpty() && c.sent().get(c.sent().size() - 1).status() / 100 == 2);
    }

    private void faultKillQueryServiceDuringCatchUp() throws SQLException {
        report.heading("Fault: kill -9 of the query-service during catch-up");
        // the projections as the running service built them, event by event from an empty start
        long head = Projections.head(db);
        Map<String, String> clean = Projections.fingerprint(db);
        query.close();
        Projections.wipe(db);
        // not waiting for readiness: the processors start before the web server answers
        ServiceProcess victim = ServiceProcess.launch("query-service", settings.queryJar(), settings.heap(), serviceArgs(), logs,
                ServiceProcess.freePort());
        // kill it as soon as the first projection has committed a batch: a catch-up of a small log takes
        // only seconds, and waiting for a later point risked the kill landing after its end
        Instant deadline = Instant.now().plus(Duration.ofMinutes(10));
        long reached = 0;
        while (Instant.now().isBefore(deadline)) {
            Map<String, Long> positions = Projections.tokenPositions(db);
            if (Projections.PROCESSORS.stream().anyMatch(p -> positions.getOrDefault(p, -1L) > 0)) {
                reached = Projections.PROCESSORS.stream().mapToLong(p -> positions.getOrDefault(p, -1L)).min().orElse(-1);
                break;
            }
            ServiceProcess.sleep(20);
        }
        victim.kill9();
        Map<String, Long> atKill = Projections.tokenPositions(db);
        long slowestAtKill = Projections.PROCESSORS.stream().mapToLong(p -> atKill.getOrDefault(p, -1L)).min().orElse(-1);
        report.check("the kill came in the middle of the catch-up", slowestAtKill < head,
                "slowest projection at " + slowestAtKill + " of " + head);
        query = ServiceProcess.start("query-service", settings.queryJar(), settings.heap(), serviceArgs(), logs, Duration.ofMinutes(3));
        Projections.awaitCaughtUp(db, head, Instant.now(), Duration.ofMinutes(30));
        Map<String, String> fingerprint = Projections.fingerprint(db);
        report.line(("Projections wiped under a log of %,d events and rebuilt by a cold query-service; SIGKILL when the slowest projection "
                + "had reached %,d (positions then: %s); restarted; caught up again.").formatted(head, reached, atKill));
        report.check("after kill -9 and restart the projections equal a clean build", fingerprint.equals(clean),
                fingerprint.equals(clean) ? fingerprint.size() + " tables compared" : "clean: " + clean + "; after: " + fingerprint);
        report.put("faultKillQueryService", Map.of("head", head, "killedAt", atKill, "equalsCleanBuild", fingerprint.equals(clean)));
    }

    private void faultDatabaseRestart(String runId) throws SQLException {
        report.heading("Fault: PostgreSQL restart during load");
        if (!db.restartable()) {
            report.line("Skipped: the run uses a server it did not start (--jdbc-url); the harness restarts only its own embedded PostgreSQL.");
            report.put("faultDatabaseRestart", "skipped");
            return;
        }
        int clients = 8;
        double before = settings.quick() ? 2 : 5;
        double down = settings.quick() ? 4 : 10;
        double after = settings.quick() ? 10 : 20;
        List<CommandClient> created = new ArrayList<>();
        long[] window = new long[2];
        Load.Result r = Load.run(clients, () -> {
            ServiceProcess.sleep((long) (before * 1000));
            window[0] = System.nanoTime();
            db.stop();
            ServiceProcess.sleep((long) (down * 1000));
            db.start();
            window[1] = System.nanoTime();
            ServiceProcess.sleep((long) (after * 1000));
        }, i -> new CommandClient(command::url, new CommandMix(runId + "d", i, seed + 200 + i)), created);
        List<CommandClient.Sent> sent = created.stream().flatMap(c -> c.sent().stream()).toList();
        // sent while the database was down: a 503 problem, or accepted if it came back in time; never a hang or a 500
        List<CommandClient.Sent> during = sent.stream().filter(s -> s.startNanos() >= window[0] && s.startNanos() < window[1]).toList();
        long during503 = during.stream().filter(s -> s.status() == 503 && s.problem()).count();
        long duringOk = during.stream().filter(s -> s.status() / 100 == 2).count();
        // a rule's answer (4xx problem) in the instant the database shuts down: counted and reported (deploy/OPERATIONS.md)
        long duringRule = during.stream().filter(s -> s.status() / 100 == 4 && s.problem()).count();
        long hangs = sent.stream().filter(CommandClient.Sent::timedOut).count();
        long fiveHundreds = sent.stream().filter(s -> s.status() == 500).count();
        long firstOkAfter = sent.stream().filter(s -> s.startNanos() >= window[1] && s.status() / 100 == 2)
                .mapToLong(CommandClient.Sent::endNanos).min().orElse(-1);
        double recovery = firstOkAfter < 0 ? Double.NaN : (firstOkAfter - window[1]) / 1e9;
        double slowest503 = during.stream().filter(s -> s.status() == 503).mapToLong(s -> s.endNanos() - s.startNanos()).max().orElse(0) / 1e9;
        LogCheck check = inLog(created.stream().flatMap(c -> c.accepted().stream()).toList());
        report.line(("%d clients; PostgreSQL stopped after %.0f s for %.0f s, then started again. %d commands sent while it was down: "
                + "%d answered 503 with a problem body (the slowest after %.1f s), %d accepted once it was back, %d answered with a rule's "
                + "problem; answers over the run: %s. "
                + "First command sent after the restart accepted %.1f s after the database was back.")
                .formatted(clients, before, down, during.size(), during503, slowest503, duringOk, duringRule, r.byStatus(), recovery));
        report.check("commands during the outage fail with 503 problem bodies (never a 500, a non-problem body or a hang)",
                !during.isEmpty() && during503 > 0 && during503 + duringOk + duringRule == during.size(),
                during503 + " × 503 + " + duringOk + " accepted + " + duringRule + " rule answers of " + during.size() + "; "
                        + examples(created));
        report.check("no request hung (none waited " + Http.REQUEST_TIMEOUT.toSeconds() + " s) and none got a 500", hangs == 0 && fiveHundreds == 0,
                hangs + " hangs, " + fiveHundreds + " × 500");
        report.check("the command-service recovered without manual action", firstOkAfter > 0, "");
        report.check("every command answered 2xx has its event in the log, none twice", check.missing() == 0 && check.duplicated() == 0,
                check.toString());
        long head = Projections.head(db);
        boolean projected;
        try {
            Projections.awaitCaughtUp(db, head, Instant.now(), Duration.ofMinutes(5));
            projected = true;
        } catch (IllegalStateException e) {
            projected = false;
        }
        report.check("the query-service recovered without manual action and projected everything", projected, "head " + head);
        report.check("no event left in a dead-letter queue after the outage", deadLetters() == 0, deadLetters() + " dead letters");
        Http.Answer chart = Http.get(query.url() + "/api/org-chart", "reader");
        report.check("the query-service answers again", chart.ok(), "status " + chart.status());
        report.put("faultDatabaseRestart", Map.of("sentWhileDown", during.size(), "answered503WhileDown", during503, "hangs", hangs,
                "status500", fiveHundreds, "secondsToFirstAcceptedAfterRestart", recovery, "byStatus", r.byStatus()));
    }

    // ---------------------------------------------------------------- 5. memory

    private void memory() {
        report.heading("5. Memory at the end of the run");
        List<List<Object>> rows = new ArrayList<>();
        Map<String, Object> json = new LinkedHashMap<>();
        for (ServiceProcess s : List.of(command, query)) {
            String name = s == command ? "command-service" : "query-service";
            long heap = s.heapUsedBytes();
            long rss = s.rssBytes();
            rows.add(List.of(name, Report.mib(heap), Report.mib(rss)));
            json.put(name, Map.of("heapUsedBytes", heap, "rssBytes", rss));
        }
        report.table(List.of("service", "heap used", "RSS"), rows);
        report.put("memory", json);
    }

    private void closeAll() {
        ServiceProcess.closeAll();
        for (AutoCloseable c : new AutoCloseable[]{generator, db}) {
            if (c == null) continue;
            try {
                c.close();
            } catch (Exception e) {
                System.err.println("while closing: " + e);
            }
        }
    }
}
