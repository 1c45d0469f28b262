package se.styrregistret.bench;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonValue;
import se.styrregistret.bench.BenchReport.Check;

import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Phase 1: the command path over HTTP, closed loop at each concurrency of the settings, against the
 * running command-service. Needs the settings, the database (to find every accepted command's
 * event) and the services.
 */
final class CommandPath {

    /** The measured runs, one per concurrency (the report's JSON is just that list), and the checks. */
    record Result(@JsonIgnore double secondsEach, @JsonIgnore WarmUp.Result warmUp, @JsonValue List<Load.Result> runs,
                  @JsonIgnore List<CommandClient.Accepted> accepted, @JsonIgnore List<Check> checks) {

        /** The run at {@code clients} concurrent clients. */
        Load.Result at(int clients) {
            return runs.stream().filter(r -> r.clients() == clients).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("no command-path run at " + clients + " clients"));
        }
    }

    /**
     * Clients of the warm-up rounds (the same clients throughout, each on its own bodies). Few, so that the
     * compilers get the CPUs: measured here, they settled after 202 s at 2 clients and 294 s at 8.
     */
    static final int WARM_UP_CLIENTS = 2;
    /** The warm-up's bound. */
    static final Duration WARM_UP_BOUND = Duration.ofMinutes(5);

    private final Settings settings;
    private final BenchDatabase db;
    private final Services services;
    private final String runId;
    private final long seed;
    private final AxonServerLog axonServer;

    /** {@code axonServer}: where the log is when it is not in the database (null: the database's event table). */
    CommandPath(Settings settings, BenchDatabase db, Services services, String runId, long seed, AxonServerLog axonServer) {
        this.axonServer = axonServer;
        this.settings = settings;
        this.db = db;
        this.services = services;
        this.runId = runId;
        this.seed = seed;
    }

    Result run() throws SQLException {
        ServiceProcess command = services.command();
        List<CommandClient> all = new ArrayList<>();
        // a fresh JVM interprets, then compiles for minutes: warm the path up first, as a running service would be
        List<CommandClient> warm = new ArrayList<>();
        for (int i = 0; i < WARM_UP_CLIENTS; i++) warm.add(new CommandClient(command::url, new CommandMix(runId + "w", i, seed - i)));
        all.addAll(warm);
        Map<String, LongSupplier> compilers = new LinkedHashMap<>();
        compilers.put("command-service", () -> WarmUp.compileMillis(command));
        // the query-service projects every command meanwhile, on the same two CPUs
        if (services.query() != null) compilers.put("query-service", () -> WarmUp.compileMillis(services.query()));
        compilers.put("harness", WarmUp::harnessCompileMillis);
        List<Load.Result> warmUpRounds = new ArrayList<>();
        WarmUp.Result warmUp = WarmUp.untilSettled(settings.quick() ? Duration.ofSeconds(1) : Duration.ofSeconds(10),
                settings.quick() ? Duration.ZERO : WARM_UP_BOUND, compilers,
                round -> warmUpRounds.add(Load.run(WARM_UP_CLIENTS, round, warm::get, new ArrayList<>())));
        List<Load.Result> runs = new ArrayList<>();
        for (int clients : settings.clients()) {
            List<CommandClient> created = new ArrayList<>();
            runs.add(Load.run(clients, Load.seconds(settings.seconds()),
                    i -> new CommandClient(command::url, new CommandMix(runId + "p" + clients, i, seed + i)), created));
            all.addAll(created);
        }
        // the warm-up's commands are the load's too: each must be accepted and in the log
        long notAccepted = runs.stream().mapToLong(Load.Result::notOk).sum() + warmUpRounds.stream().mapToLong(Load.Result::notOk).sum();
        List<CommandClient.Accepted> accepted = CommandClient.accepted(all);
        LogCheck inLog = axonServer == null ? LogCheck.of(db, accepted) : axonServer.check(accepted);
        return new Result(settings.seconds(), warmUp, runs, accepted, List.of(
                new Check("every command of the load was accepted", notAccepted == 0,
                        notAccepted == 0 ? "" : notAccepted + " not accepted: " + runs.stream().map(Load.Result::byStatus).toList()
                                + " (warm-up: " + warmUpRounds.stream().map(Load.Result::byStatus).toList() + ")"
                                + "; for example " + CommandClient.examples(all)),
                new Check("every accepted command has exactly one event in the log", inLog.passed(), inLog.toString())));
    }
}
