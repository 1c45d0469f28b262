package se.styrregistret.bench;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import se.styrregistret.bench.BenchReport.Check;
import se.styrregistret.bench.BenchReport.Target;

import io.axoniq.axonserver.grpc.event.Event;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Phase 2: PostgreSQL's own limit in the same run, raw INSERT + COMMIT of event-sized rows at the
 * same concurrencies, next to the command path's figures (the input from phase 1); then where a
 * command's time goes, from the command-service's own timers.
 */
final class RawLimit {

    /** The command path's share of the raw rate that counts: at 32 clients, at least a quarter (issue 22). */
    static final int TARGET_CLIENTS = 32;
    static final double TARGET_RATIO = 0.25;

    private static final Pattern COMMAND_TIMER = Pattern.compile(
            "^styrregistret_commands_seconds_(count|sum)\\{([^}]*)} ([0-9.Ee+-]+)$", Pattern.MULTILINE);
    private static final Pattern COMMAND_TAG = Pattern.compile("command=\"([^\"]+)\"");

    /** One concurrency: the raw inserts' figures and the command path's rate as a share of them. */
    @JsonPropertyOrder({"raw", "commandPathRatio"})
    record Row(@JsonUnwrapped Load.Result raw, @JsonIgnore double commandPathPerSecond, double commandPathRatio) {

        /** At {@value #TARGET_CLIENTS} clients the ratio has a target; at other concurrencies none (null). */
        Target target() {
            return raw.clients() == TARGET_CLIENTS ? new Target("≥ " + TARGET_RATIO, commandPathRatio >= TARGET_RATIO) : null;
        }
    }

    /** The command-service's {@code styrregistret.commands} timer for one command type and outcome. */
    @JsonPropertyOrder({"count", "meanMillis"})
    record CommandTimer(long count, double meanMillis) {
    }

    /**
     * In the JSON "rawInsert" and "commandTimers" (null when the metrics did not answer), and "axonServerAppend": the
     * Axon Server whose appends the rows measure, absent when they measure PostgreSQL's INSERT + COMMIT; the
     * event-sized sample and the seconds per concurrency only in the prose.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Result(@JsonIgnore int payloadBytes, @JsonIgnore int metaDataBytes, @JsonIgnore double secondsEach,
                  List<Row> rawInsert, Map<String, CommandTimer> commandTimers, @JsonIgnore List<Check> checks,
                  String axonServerAppend) {
    }

    private final Settings settings;
    private final BenchDatabase db;
    private final Services services;
    private final long seed;
    private final AxonServerLog axonServer;

    /** {@code axonServer}: the log's Axon Server, whose own append rate is then the baseline (null: PostgreSQL's). */
    RawLimit(Settings settings, BenchDatabase db, Services services, long seed, AxonServerLog axonServer) {
        this.axonServer = axonServer;
        this.settings = settings;
        this.db = db;
        this.services = services;
        this.seed = seed;
    }

    Result run(CommandPath.Result commandPath) throws SQLException {
        if (axonServer != null) return runOnAxonServer(commandPath);
        byte[][] sample = sampleEvent();
        RawInsertClient.createTable(db);
        List<Row> rows = new ArrayList<>();
        List<Check> checks = new ArrayList<>();
        for (int clients : settings.clients()) {
            List<RawInsertClient> created = new ArrayList<>();
            Load.Result r = Load.run(clients, Load.seconds(settings.seconds()), i -> new RawInsertClient(db, sample[0], sample[1]), created);
            created.forEach(RawInsertClient::close);
            double command = commandPath.at(clients).perSecond();
            rows.add(new Row(r, command, command / r.perSecond()));
            checks.add(new Check("raw inserts at " + clients + " clients without errors", r.failed() == 0, r.failed() + " failed"));
        }
        return new Result(sample[0].length, sample[1].length, settings.seconds(), rows, commandTimers(), checks, null);
    }

    /**
     * Axon Server's own rate for what the command path must do at least once per command: append one event, a copy
     * of one the command path wrote (type, payload, metadata), in a transaction of its own, confirmed, through Axon
     * Server's client over one connection (as each service has one). No HTTP, no JSON, no aggregate, no PostgreSQL.
     * Both services are stopped first: subscribed to the same log, they would read and project every appended event
     * while it is measured (PostgreSQL's raw rows go to a table of their own, which no service reads).
     */
    private Result runOnAxonServer(CommandPath.Result commandPath) {
        Event sample = axonServer.sample(commandPath.accepted());
        Map<String, CommandTimer> timers = commandTimers();
        services.command().close();
        services.query().close();
        List<Row> rows = new ArrayList<>();
        List<Check> checks = new ArrayList<>();
        for (int clients : settings.clients()) {
            Load.Result r = Load.run(clients, Load.seconds(settings.seconds()), i -> axonServer.appender(sample), new ArrayList<>());
            double command = commandPath.at(clients).perSecond();
            rows.add(new Row(r, command, command / r.perSecond()));
            checks.add(new Check("raw appends to Axon Server at " + clients + " clients without errors", r.notOk() == 0,
                    r.failed() + " failed, " + r.timeouts() + " timed out"));
        }
        // as Axon Server holds it: each entry's key and its value's encoded size
        int metaData = sample.getMetaDataMap().entrySet().stream()
                .mapToInt(e -> e.getKey().getBytes(java.nio.charset.StandardCharsets.UTF_8).length + e.getValue().getSerializedSize())
                .sum();
        return new Result(sample.getPayload().getData().size(), metaData, settings.seconds(), rows, timers, checks,
                axonServer.address());
    }

    /** Where a command's time goes, from the command-service's own timers; null when its metrics do not answer. */
    private Map<String, CommandTimer> commandTimers() {
        Http.Answer metrics = Http.get(services.command().url() + "/actuator/prometheus", "admin");
        if (!metrics.ok()) return null;
        Matcher m = COMMAND_TIMER.matcher(metrics.body());
        Map<String, double[]> byType = new LinkedHashMap<>();
        while (m.find()) {
            Matcher type = COMMAND_TAG.matcher(m.group(2));
            String key = (type.find() ? type.group(1) : "?") + (m.group(2).contains("outcome=\"") ? " " + m.group(2).replaceAll(".*outcome=\"([^\"]+)\".*", "$1") : "");
            double[] v = byType.computeIfAbsent(key, k -> new double[2]);
            v[m.group(1).equals("count") ? 0 : 1] += Double.parseDouble(m.group(3));
        }
        Map<String, CommandTimer> timers = new LinkedHashMap<>();
        byType.forEach((k, v) -> timers.put(k, new CommandTimer((long) v[0], v[0] == 0 ? 0 : 1000 * v[1] / v[0])));
        return timers;
    }

    /** Random printable bytes the size of the average event the command path just wrote (payload, metadata). */
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
}
