package se.styrregistret.bench;

import se.styrregistret.bench.BenchReport.Check;
import se.styrregistret.bench.BenchReport.Environment;
import se.styrregistret.bench.BenchReport.Target;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Writes a run's findings twice: as data (JSON, the records as they are) and as prose with tables
 * (Markdown). The Markdown follows the run: each phase's part where it ran, so a check is listed
 * beside what it checked.
 */
final class Report {

    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private final StringBuilder markdown = new StringBuilder();
    /** The generated log's shape as the report states it (the national run's own). */
    private String shape = EventLogGenerator.SHAPE;

    private Report() {
    }

    static void write(Path dir, BenchReport report) {
        try {
            Files.createDirectories(dir);
            Files.writeString(dir.resolve("report.md"), markdown(report));
            Files.writeString(dir.resolve("report.json"), json(report));
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the report to " + dir, e);
        }
    }

    static String json(BenchReport report) {
        return JSON.writeValueAsString(report) + "\n";
    }

    static String markdown(BenchReport r) {
        Report md = new Report();
        if ("national only".equals(r.mode())) md.shape = EventLogGenerator.NATIONAL_SHAPE;
        md.markdown.append("# Styrregistret benchmark (").append(r.mode()).append(" run, ").append(r.date()).append(")\n");
        if (r.environment() != null) md.environment(r.environment(), r.quick(), r.mode());
        if (r.smallLog() != null) md.generated(r.smallLog());
        if (r.asOf() != null && r.asOf().small() != null) {
            md.check(r.asOf().small().check());
            md.check(r.asOf().small().contentCheck());
        }
        if (r.faultKillQueryService() != null) md.queryServiceKill(r.faultKillQueryService());
        if (r.commandPath() != null) md.commandPath(r.commandPath());
        if (r.rawLimit() != null) md.rawLimit(r.rawLimit());
        if (r.faultKillCommandService() != null) md.commandServiceKill(r.faultKillCommandService());
        if (r.scaleOutOnItsOwnLog()) md.scaleOut(r.scaleOutLog(), r.scaleOut(), r.environment() == null ? "?" : Integer.toString(r.environment().cpus()));
        if (r.largeLog() != null) md.generated(r.largeLog());
        if (r.catchUp1() != null) md.catchUp(r.catchUp1());
        if (r.asOf() != null && r.asOf().large() != null) {
            md.check(r.asOf().large().check());
            md.check(r.asOf().large().contentCheck());
        }
        if (r.asOf() != null && !r.asOf().comparison().isEmpty()) md.asOf(r.asOf());
        if (r.asOf() != null && r.asOf().small() == null && r.asOf().large() != null) md.asOfAlone(r.asOf().large(), r.mode());
        if (r.scaleOut() != null && !r.scaleOutOnItsOwnLog()) r.scaleOut().forEach(md::catchUp);
        if (r.faultDatabaseRestart() != null) md.databaseRestart(r.faultDatabaseRestart());
        if (r.memory() != null) md.memory(r.memory(), r.environment() == null ? "?" : r.environment().serviceHeap());
        if (r.failure() != null) md.check(r.failure());
        md.line("").line("Run time: %.0f s.".formatted(r.seconds()));
        return md.markdown.toString();
    }

    // ---------------------------------------------------------------- the phases

    private void environment(Environment env, boolean quick, String mode) {
        line("Mode: **" + (quick ? "quick (smoke test: counts and errors only, figures meaningless)" : mode)
                + "**. " + env.cpus() + " CPUs, " + env.java() + ", " + env.os() + ".");
        line("Database: " + env.database() + "; " + env.databaseSettings() + ". Each service: its own JVM, -Xmx" + env.serviceHeap() + ".");
        if (env.axonServer() != null) {
            line("Event log: **Axon Server at " + env.axonServer() + "** (both services in the `axonserver` profile: the log, "
                    + "commands and queries through Axon Server; projections, lookups and tokens in the database above). The "
                    + "command path starts on Axon Server's log as it is (the generator writes the database's log, so none is generated).");
        }
    }

    private void generated(LogGeneration.Result log) {
        if (log.events() == 0) {
            line("The log already holds %,d events (the runs before wrote them); none generated.".formatted(log.logHolds()));
            return;
        }
        line("Generated %,d events through the event store API in %.1f s (%.0f events/s); the log now holds %,d.%s"
                .formatted(log.events(), log.seconds(), log.perSecond(), log.logHolds(), log.queryServiceStopped()
                        ? " The query-service was stopped meanwhile: the cold catch-up that follows builds everything from nothing."
                        : ""));
        line(shape);
    }

    private void commandPath(CommandPath.Result path) {
        heading("1. Command path over HTTP");
        line("Closed loop, each client sends its next command when the last is answered, for %.0f s per concurrency. Mix: 25 %% establish a body (mandate, three members; once the client has %d active bodies, its oldest is dissolved instead), 45 %% appoint a member, 30 %% allocate money to a body; each client on its own bodies. Decisions move forward a day every %d command(s) per client and money is booked in the fiscal year of its decision, so the chart stays a municipality's size (at most %d × clients active bodies) and a year holds a year's movements."
                .formatted(path.secondsEach(), CommandMix.ACTIVE_PER_CLIENT, CommandMix.COMMANDS_PER_DAY, CommandMix.ACTIVE_PER_CLIENT));
        line("Warm-up at %d clients before the measured runs: %s.".formatted(CommandPath.WARM_UP_CLIENTS, path.warmUp().describe()));
        table(List.of("clients", "accepted", "commands/s", "p50 ms", "p99 ms", "not accepted"), path.runs().stream()
                .map(r -> List.<Object>of(r.clients(), r.ok(), r.perSecond(), r.p50Millis(), r.p99Millis(), r.notOk())).toList());
        path.checks().forEach(this::check);
    }

    private void rawLimit(RawLimit.Result raw) {
        if (raw.axonServerAppend() != null) {
            heading("2. Axon Server's own append rate, same run");
            line(("One event per append, each in a transaction of its own and acknowledged by Axon Server: a copy of an event "
                    + "the command path just wrote, of their average size (payload %d B, metadata %d B), each client on an "
                    + "aggregate of its own, through Axon Server's own client (the connector the services use) over one "
                    + "connection to %s, %.0f s per concurrency, with both services stopped (subscribed to the same log, they "
                    + "would read and project each appended event while it is measured). Axon Server acknowledges an append "
                    + "before forcing it to disk (it forces its files on a schedule of its own, `force-interval`), where "
                    + "PostgreSQL's commit waits for its fsync: the two baselines differ in durability.").formatted(raw.payloadBytes(), raw.metaDataBytes(), raw.axonServerAppend(),
                    raw.secondsEach()));
        } else {
            heading("2. PostgreSQL's own limit, same run");
            line(("Single-row INSERT + COMMIT of an event-sized row (payload %d B, metadata %d B: the average of the events the "
                    + "command path just wrote) into a copy of the event table (same constraints and indexes, one-at-a-time global "
                    + "sequence), one connection per client, %.0f s per concurrency.").formatted(raw.payloadBytes(), raw.metaDataBytes(),
                    raw.secondsEach()));
        }
        raw.checks().forEach(this::check);
        table(List.of("clients", raw.axonServerAppend() == null ? "raw inserts/s" : "raw appends/s", "p50 ms", "p99 ms", "command path/s", "ratio", "target"), raw.rawInsert().stream()
                .map(row -> {
                    Target target = row.target();
                    return List.<Object>of(row.raw().clients(), row.raw().perSecond(), row.raw().p50Millis(), row.raw().p99Millis(),
                            row.commandPathPerSecond(), row.commandPathRatio(),
                            target == null ? "" : target.verdict() + " (" + target.goal() + ")");
                }).toList());
        StringBuilder timers = new StringBuilder();
        if (raw.commandTimers() != null) {
            timers.append("Inside the command-service (its `styrregistret.commands` timer: command bus to committed events, per "
                    + "command type) — the rest of the HTTP latency is HTTP, security, JSON and the idempotency check:\n\n");
            raw.commandTimers().forEach((type, t) -> timers.append("- ").append(type).append(": ").append(t.count())
                    .append(" commands, mean ").append(String.format(Locale.ROOT, "%.2f ms", t.meanMillis())).append('\n'));
        }
        line(timers.toString());
    }

    private void catchUp(CatchUp.Result c) {
        if (c.instances() == 1 && c.segments() == 1) {
            heading("3. Catch-up of a cold query-service");
            line("The projections wiped and their tokens dropped; then the query-service(s) started and timed from process "
                    + "start until every projection (" + String.join(", ", Projections.PROCESSORS) + ") has reached the head of the log.");
        }
        if (c.instances() > 1 || c.segments() > 1) {
            line("Scale-out: every projection's processor with %d segments (`%s`; the audit log's Merkle tree stays one segment: it "
                    .formatted(c.segments(), Services.SEGMENTS_PROPERTY)
                    + "must see every event in log order), shared by %d instance(s). The services, the database and the harness "
                    .formatted(c.instances())
                    + "share the machine's CPUs (above): a second segment or instance adds threads, not processors.");
        }
        catchUpFigures(c);
    }

    /**
     * Segments and instances compared on a log shorter than the full one, each run against the one-instance,
     * one-segment baseline that comes first.
     */
    private void scaleOut(LogGeneration.Result log, List<CatchUp.Result> runs, String cpus) {
        heading("Scale-out: segments and instances, at %,d events".formatted(runs.get(0).events()));
        if (log != null) generated(log);
        line(("The same cold catch-up as in section 3, on this shorter log, first with one instance and one segment per "
                + "processor, then every projection's processor split into %d segments (`%s`; the audit log's Merkle tree "
                + "stays one segment: it must see every event in log order) on one instance, then shared by two instances; "
                + "each build compared with the first. The services, the database and the harness share the machine's %s "
                + "CPUs: a second segment or instance adds threads, not processors, so on this machine it can only show "
                + "that the work divides correctly and what the coordination costs.")
                .formatted(runs.get(runs.size() - 1).segments(), Services.SEGMENTS_PROPERTY, cpus));
        for (CatchUp.Result c : runs) catchUpFigures(c);
    }

    private void catchUpFigures(CatchUp.Result c) {
        c.checks().forEach(this::check);
        line("");
        line("**%d instance(s), %d segment(s) per processor**: %,d events in %.1f s from process start (%.1f s of it starting up) = **%.0f events/s** (%.0f events/s once started; target ≥ %s: %s). Per projection, seconds from process start until it reached the head: %s."
                .formatted(c.instances(), c.segments(), c.events(), c.secondsToCaughtUp(), c.secondsToReady(), c.eventsPerSecond(),
                        c.eventsPerSecondAfterStartup(), String.format(Locale.ROOT, "%,d", c.targetEventsPerSecond()).replace(',', ' '),
                        c.targetMet() ? "met" : "missed", c.perProcessorSeconds()));
        line("Then VACUUM (ANALYZE) of the projection tables, as after any rebuild (deploy/OPERATIONS.md): %.1f s."
                .formatted(c.vacuumAnalyzeSeconds()));
    }

    private void asOf(AsOfLatency.Result asOf) {
        heading("4. As-of latency");
        line(("One reader, %d queries of each kind at random revisions (after a warm-up of the same queries: %s), each answer checked to "
                + "name the revision asked for. The org chart: the whole chart, its first page (up to 500 bodies: the chart of a municipality); "
                + "the ledger: the first page (%d rows) of one district's fiscal year; the summary: one district's fiscal year. The fiscal "
                + "year is that of the last movement recorded by that revision, the district one of the load's, at random.")
                .formatted(asOf.large().queries(), "at " + asOf.small().events() + " events " + asOf.small().warmUp().describe()
                        + "; at " + asOf.large().events() + " events " + asOf.large().warmUp().describe(), AsOfLatency.LEDGER_PAGE));
        long small = asOf.small().events();
        long large = asOf.large().events();
        table(List.of("query", "p50 ms @ " + small, "p99 ms @ " + small, "p50 ms @ " + large, "p99 ms @ " + large, "p99 ratio",
                "target (" + AsOfLatency.TARGET + ")"), asOf.comparison().stream()
                .map(c -> List.<Object>of(c.query().label, c.small().p50Millis(), c.small().p99Millis(), c.large().p50Millis(),
                        c.large().p99Millis(), c.p99Ratio(), c.target().verdict())).toList());
    }

    /** A run that measured as-of latency at one log only (catch-up only, national only): its figures against the 20 ms. */
    private void asOfAlone(AsOfLatency.Measurement m, String mode) {
        heading("4. As-of latency");
        line(("One reader, %d queries of each kind at random revisions (after a warm-up of the same queries: %s), each answer checked to "
                + "name the revision asked for. The org chart: %s; the ledger: the first page (%d rows) of one district's fiscal "
                + "year; the summary: one district's fiscal year. The fiscal year is that of the last movement recorded by that "
                + "revision, the district one of the load's, at random.").formatted(m.queries(), m.warmUp().describe(),
                "national only".equals(mode) ? "one district's chart, its first page" : "the whole chart, its first page (up to 500 bodies)",
                AsOfLatency.LEDGER_PAGE));
        table(List.of("query", "p50 ms @ " + m.events(), "p99 ms @ " + m.events(), "target (p99 ≤ " + (int) AsOfLatency.TARGET_P99_MILLIS + " ms)"),
                List.of(AsOfLatency.Query.values()).stream().map(q -> List.<Object>of(q.label, m.figures(q).p50Millis(),
                        m.figures(q).p99Millis(), m.figures(q).p99Millis() <= AsOfLatency.TARGET_P99_MILLIS ? "met" : "missed")).toList());
    }

    private void queryServiceKill(Faults.QueryServiceKill kill) {
        heading("Fault: kill -9 of the query-service during catch-up");
        check(kill.killedMidway());
        line(("Projections wiped under a log of %,d events and rebuilt by a cold query-service; SIGKILL when the slowest projection "
                + "had reached %,d (positions then: %s); restarted; caught up again.").formatted(kill.head(), kill.slowestReached(),
                kill.killedAt()));
        check(kill.equalsClean());
    }

    private void commandServiceKill(Faults.CommandServiceKill kill) {
        heading("Fault: kill -9 of the command-service during load");
        line(("%d clients for %.0f s; SIGKILL after %.0f s, restarted on the same port, ready again %.1f s after the kill. "
                + "%,d commands accepted (2xx); %,d attempts found nobody listening or lost their connection (%s).")
                .formatted(kill.clients(), kill.seconds(), kill.killAfterSeconds(), kill.secondsDown(), kill.accepted(),
                        kill.unanswered(), kill.byStatus()));
        kill.checks().forEach(this::check);
    }

    private void databaseRestart(Faults.DatabaseRestart restart) {
        heading("Fault: PostgreSQL restart during load");
        if (!(restart instanceof Faults.DatabaseRestart.Restarted r)) {
            line("Skipped: the run uses a server it did not start (--jdbc-url); the harness restarts only its own embedded PostgreSQL.");
            return;
        }
        line(("%d clients; PostgreSQL stopped after %.0f s for %.0f s, then started again. %d commands sent while it was down: "
                + "%d answered 503 with a problem body (the slowest after %.1f s), %d accepted once it was back, %d answered with a rule's "
                + "problem; answers over the run: %s. "
                + "First command sent after the restart accepted %.1f s after the database was back.")
                .formatted(r.clients(), r.stopAfterSeconds(), r.downSeconds(), r.sentWhileDown(), r.answered503WhileDown(),
                        r.slowest503Seconds(), r.acceptedWhileDown(), r.ruleAnswersWhileDown(), r.byStatus(),
                        r.secondsToFirstAcceptedAfterRestart()));
        r.checks().forEach(this::check);
    }

    private void memory(Memory.Result memory, String heap) {
        heading("5. Memory");
        line("Each service runs with -Xmx%s. Peak: the largest heap in use sampled once a second over the whole run (every instance of the service); the rest at the end of the run. Target: each service ≤ 512 MiB of heap during the whole run.".formatted(heap));
        List<List<Object>> rows = new ArrayList<>();
        rows.add(List.of("command-service", mib(memory.commandService().peakHeapUsedBytes()), mib(memory.commandService().heapUsedBytes()),
                mib(memory.commandService().rssBytes()), heapTarget(memory.commandService(), memory, "command-service")));
        rows.add(List.of("query-service", mib(memory.queryService().peakHeapUsedBytes()), mib(memory.queryService().heapUsedBytes()),
                mib(memory.queryService().rssBytes()), heapTarget(memory.queryService(), memory, "query-service")));
        table(List.of("service", "peak heap used", "heap used at the end", "RSS at the end", "target (≤ 512 MiB)"), rows);
        check(memory.check());
    }

    private static String heapTarget(Memory.Usage usage, Memory.Result memory, String service) {
        if (memory.outOfMemory().stream().anyMatch(log -> log.startsWith(service))) return "missed (ran out of heap)";
        if (usage.peakHeapUsedBytes() < 0 || usage.heapUsedBytes() < 0) return "unknown";
        return usage.peakHeapUsedBytes() <= 512L * 1024 * 1024 ? "met" : "missed";
    }

    // ---------------------------------------------------------------- Markdown

    private Report heading(String text) {
        markdown.append("\n## ").append(text).append("\n\n");
        return this;
    }

    private Report line(String text) {
        markdown.append(text).append('\n');
        return this;
    }

    private Report table(List<String> header, List<List<Object>> rows) {
        markdown.append("| ").append(String.join(" | ", header)).append(" |\n");
        markdown.append("|").append("---|".repeat(header.size())).append('\n');
        for (List<Object> row : rows) {
            markdown.append("| ").append(String.join(" | ", row.stream().map(Report::cell).toList())).append(" |\n");
        }
        markdown.append('\n');
        return this;
    }

    private void check(Check check) {
        markdown.append("- ").append(check.passed() ? "PASS" : "FAIL").append(": ").append(check.what())
                .append(check.detail() == null || check.detail().isEmpty() ? "" : " (" + check.detail() + ")").append('\n');
    }

    static String cell(Object value) {
        if (value instanceof Double d) return Double.isNaN(d) ? "–" : String.format(Locale.ROOT, d >= 100 ? "%.0f" : "%.2f", d);
        return String.valueOf(value);
    }

    static String mib(long bytes) {
        return bytes < 0 ? "unknown" : String.format(Locale.ROOT, "%.0f MiB", bytes / 1048576.0);
    }
}
