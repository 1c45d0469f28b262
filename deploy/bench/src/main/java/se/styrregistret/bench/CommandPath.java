package se.styrregistret.bench;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonValue;
import se.styrregistret.bench.BenchReport.Check;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Phase 1: the command path over HTTP, closed loop at each concurrency of the settings, against the
 * running command-service. Needs the settings, the database (to find every accepted command's
 * event) and the services.
 */
final class CommandPath {

    /** The measured runs, one per concurrency (the report's JSON is just that list), and the checks. */
    record Result(@JsonIgnore double secondsEach, @JsonIgnore double warmUpSeconds, @JsonValue List<Load.Result> runs,
                  @JsonIgnore List<CommandClient.Accepted> accepted, @JsonIgnore List<Check> checks) {

        /** The run at {@code clients} concurrent clients. */
        Load.Result at(int clients) {
            return runs.stream().filter(r -> r.clients() == clients).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("no command-path run at " + clients + " clients"));
        }
    }

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
        // a fresh JVM interprets before it compiles: warm the path up first, as a running service would be
        double warmUp = settings.quick() ? 1 : 15;
        Load.run(8, Load.seconds(warmUp), i -> new CommandClient(command::url, new CommandMix(runId + "w", i, seed - i)), all);
        List<Load.Result> runs = new ArrayList<>();
        for (int clients : settings.clients()) {
            List<CommandClient> created = new ArrayList<>();
            runs.add(Load.run(clients, Load.seconds(settings.seconds()),
                    i -> new CommandClient(command::url, new CommandMix(runId + "p" + clients, i, seed + i)), created));
            all.addAll(created);
        }
        long notAccepted = runs.stream().mapToLong(Load.Result::notOk).sum();
        List<CommandClient.Accepted> accepted = CommandClient.accepted(all);
        LogCheck inLog = axonServer == null ? LogCheck.of(db, accepted) : axonServer.check(accepted);
        return new Result(settings.seconds(), warmUp, runs, accepted, List.of(
                new Check("every command of the load was accepted", notAccepted == 0,
                        notAccepted == 0 ? "" : notAccepted + " not accepted: " + runs.stream().map(Load.Result::byStatus).toList()
                                + "; for example " + CommandClient.examples(all)),
                new Check("every accepted command has exactly one event in the log", inLog.passed(), inLog.toString())));
    }
}
