package se.styrregistret.bench;

import se.styrregistret.bench.BenchReport.Check;
import se.styrregistret.bench.BenchReport.Environment;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * A report fixture for the renderer: the figures of an earlier full run (2026-11-30, kept as
 * src/test/resources/report-fixture.json) as a typed {@link BenchReport}, its figures and checks
 * from the JSON and the few figures only its Markdown states (the event sample's size, the fault
 * runs' timings) written here. The Markdown it renders to is report-fixture.md. Not the current
 * example report (deploy/bench/example-report.*, a run of today's code): {@code ExampleReportTest}
 * checks that one.
 */
final class ReportFixture {

    static final Path JSON = Path.of("src/test/resources/report-fixture.json");
    static final Path MARKDOWN = Path.of("src/test/resources/report-fixture.md");
    /** Every warm-up of the fixture: two rounds, settled. */
    static final WarmUp.Result WARM_UP = new WarmUp.Result(20.4, 2, true,
            new java.util.LinkedHashMap<>(Map.of("query-service", 0.012)));

    private ReportFixture() {
    }

    static JsonNode json() throws IOException {
        return JsonMapper.shared().readTree(Files.readString(JSON));
    }

    static BenchReport typed() throws IOException {
        JsonNode j = json();
        List<Check> checks = new ArrayList<>();
        for (JsonNode c : j.get("checks")) checks.add(new Check(c.get("check").asString(), c.get("passed").asBoolean(), c.get("detail").asString()));

        JsonNode env = j.get("environment");
        Environment environment = new Environment(env.get("cpus").asInt(), env.get("java").asString(), env.get("os").asString(),
                env.get("database").asString(), map(env.get("databaseSettings"), JsonNode::asString, new LinkedHashMap<>()),
                env.get("serviceHeap").asString(), null);

        JsonNode qk = j.get("faultKillQueryService");
        Faults.QueryServiceKill queryKill = new Faults.QueryServiceKill(qk.get("head").asLong(),
                map(qk.get("killedAt"), JsonNode::asLong, new TreeMap<>()), qk.get("equalsCleanBuild").asBoolean(), -1,
                checks.get(2), checks.get(3));

        List<Load.Result> commandRuns = new ArrayList<>();
        for (JsonNode r : j.get("commandPath")) commandRuns.add(load(r));
        CommandPath.Result commandPath = new CommandPath.Result(60, WARM_UP, commandRuns, List.of(), checks.subList(4, 6));

        List<RawLimit.Row> rows = new ArrayList<>();
        for (JsonNode r : j.get("rawInsert")) {
            Load.Result raw = load(r);
            rows.add(new RawLimit.Row(raw, commandPath.at(raw.clients()).perSecond(), r.get("commandPathRatio").asDouble()));
        }
        // sorted: the Markdown lists them in the order of the service's metrics, the JSON in no order
        Map<String, RawLimit.CommandTimer> timers = new TreeMap<>();
        j.get("commandTimers").properties().forEach(e -> timers.put(e.getKey(),
                new RawLimit.CommandTimer(e.getValue().get("count").asLong(), e.getValue().get("meanMillis").asDouble())));
        RawLimit.Result rawLimit = new RawLimit.Result(465, 130, 60, rows, timers, checks.subList(6, 9), null);

        JsonNode ck = j.get("faultKillCommandService");
        Faults.CommandServiceKill commandKill = new Faults.CommandServiceKill(ck.get("accepted").asLong(),
                ck.get("unanswered").asLong(), map(ck.get("byStatus"), JsonNode::asLong, new TreeMap<>()),
                ck.get("secondsDown").asDouble(), ck.get("missing").asInt(), ck.get("duplicated").asInt(), 8, 28, 5,
                checks.subList(9, 12));

        JsonNode as = j.get("asOf");
        AsOfLatency.Result asOf = new AsOfLatency.Result(measurement(as.get("small")), measurement(as.get("large")));

        JsonNode dr = j.get("faultDatabaseRestart");
        Faults.DatabaseRestart restart = new Faults.DatabaseRestart.Restarted(dr.get("sentWhileDown").asInt(),
                dr.get("answered503WhileDown").asLong(), dr.get("hangs").asLong(), dr.get("status500").asLong(),
                dr.get("secondsToFirstAcceptedAfterRestart").asDouble(), map(dr.get("byStatus"), JsonNode::asLong, new TreeMap<>()),
                8, 5, 10, 3.0, 7, 0, checks.subList(17, 24));

        JsonNode mem = j.get("memory");
        Memory.Result memory = new Memory.Result(usage(mem.get("command-service")), usage(mem.get("query-service")), List.of());

        return new BenchReport(j.get("mode").asString(), false, LocalDate.of(2026, 11, 30), j.get("startedAt").asString(), environment,
                log(j.get("smallLog")), queryKill, commandPath, rawLimit, commandKill, null,
                log(j.get("largeLog")), catchUp(j.get("catchUp1"), checks.subList(12, 13)), asOf,
                List.of(catchUp(j.get("scaleOut").get(0), checks.subList(15, 17))), restart, memory, null, j.get("seconds").asDouble());
    }

    private static LogGeneration.Result log(JsonNode l) {
        return new LogGeneration.Result(l.get("events").asLong(), l.get("seconds").asDouble(), l.get("logHolds").asLong(),
                l.path("queryServiceStopped").asBoolean(false));
    }

    private static Load.Result load(JsonNode r) {
        return new Load.Result(r.get("clients").asInt(), r.get("seconds").asDouble(), r.get("accepted").asLong(),
                r.get("rejected").asLong(), r.get("failed").asLong(), r.get("timeouts").asLong(), r.get("perSecond").asDouble(),
                r.get("p50Millis").asDouble(), r.get("p99Millis").asDouble(), map(r.get("byStatus"), JsonNode::asLong, new TreeMap<>()));
    }

    private static CatchUp.Result catchUp(JsonNode c, List<Check> checks) {
        return new CatchUp.Result(c.get("instances").asInt(), c.get("segments").asInt(), c.get("events").asLong(), c.get("secondsToReady").asDouble(),
                c.get("secondsToCaughtUp").asDouble(), c.get("eventsPerSecond").asDouble(), c.get("eventsPerSecondAfterStartup").asDouble(),
                map(c.get("perProcessorSeconds"), JsonNode::asDouble, new TreeMap<>()), c.get("vacuumAnalyzeSeconds").asDouble(),
                c.get("targetEventsPerSecond").asInt(), c.get("targetMet").asBoolean(), Map.of(), checks);
    }

    private static AsOfLatency.Measurement measurement(JsonNode m) {
        List<String> mismatches = new ArrayList<>();
        m.path("contentMismatches").forEach(x -> mismatches.add(x.asString()));
        return new AsOfLatency.Measurement(m.get("events").asLong(), m.get("errors").asInt(), m.path("contentSamples").asInt(),
                mismatches, figures(m.get("org chart")),
                figures(m.get("budget summary")), figures(m.get("budget ledger")), 100, WARM_UP);
    }

    private static AsOfLatency.Figures figures(JsonNode f) {
        return new AsOfLatency.Figures(f.get("queries").asInt(), f.get("p50Millis").asDouble(), f.get("p99Millis").asDouble());
    }

    private static Memory.Usage usage(JsonNode u) {
        return new Memory.Usage(u.get("heapUsedBytes").asLong(), u.get("rssBytes").asLong(), u.path("peakHeapUsedBytes").asLong(-1));
    }

    private static <V> Map<String, V> map(JsonNode object, Function<JsonNode, V> value, Map<String, V> into) {
        object.properties().forEach(e -> into.put(e.getKey(), value.apply(e.getValue())));
        return into;
    }
}
