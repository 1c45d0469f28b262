package se.styrregistret.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * What one run does, from the command line (see {@link Bench}); {@link #quick()} is the smoke test
 * the build runs.
 */
record Settings(boolean quick, Path out, String jdbcUrl, Path commandJar, Path queryJar, long events, long smallEvents,
                long scaleOutEvents,
                double seconds, List<Integer> clients, int queries, String heap, String only, boolean keepDatabase,
                String axonServer) {

    private static final Set<String> KNOWN = Set.of("out", "jdbc-url", "command-jar", "query-jar", "events", "small-events",
            "scale-out-events",
            "seconds", "clients", "queries", "heap", "only", "keep-database", "axon-server");

    Settings {
        clients = List.copyOf(clients);
    }

    static Settings parse(String... args) {
        boolean quick = Arrays.asList(args).contains("--quick");
        Map<String, String> o = new LinkedHashMap<>();
        for (String arg : args) {
            if (arg.equals("--quick")) continue;
            if (!arg.startsWith("--") || !arg.contains("=")) throw new IllegalArgumentException("unknown argument " + arg);
            o.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
        }
        Settings s = new Settings(quick,
                Path.of(o.getOrDefault("out", System.getProperty("bench.out", "target/bench"))),
                o.get("jdbc-url"),
                jar(o.get("command-jar"), "bench.commandJar", "command-service"),
                jar(o.get("query-jar"), "bench.queryJar", "query-service"),
                Long.parseLong(o.getOrDefault("events", quick ? "20000" : "1000000")),
                Long.parseLong(o.getOrDefault("small-events", "10000")),
                Long.parseLong(o.getOrDefault("scale-out-events", quick ? "15000" : "50000")),
                Double.parseDouble(o.getOrDefault("seconds", quick ? "2" : "20")),
                Stream.of(o.getOrDefault("clients", quick ? "1,8" : "1,8,32").split(",")).map(Integer::valueOf).toList(),
                Integer.parseInt(o.getOrDefault("queries", quick ? "40" : "100")),
                o.getOrDefault("heap", "512m"),
                o.get("only"),
                Boolean.parseBoolean(o.getOrDefault("keep-database", "false")),
                o.get("axon-server"));
        if (s.keepDatabase() && s.jdbcUrl() == null) {
            throw new IllegalArgumentException("--keep-database=true keeps a database on a server given by --jdbc-url only");
        }
        if (s.only() != null && !List.of("catch-up", "command-path", "national").contains(s.only())) {
            throw new IllegalArgumentException("--only knows three parts: catch-up, command-path, national");
        }
        if (s.axonServer() != null && !s.commandPathOnly()) {
            // the other parts write and read the log in PostgreSQL by SQL (generator, catch-up, fault checks)
            throw new IllegalArgumentException("--axon-server measures the command path only: add --only=command-path");
        }
        for (String key : o.keySet()) {
            if (!KNOWN.contains(key)) throw new IllegalArgumentException("unknown option --" + key + "; known: " + KNOWN);
        }
        return s;
    }

    /**
     * Whether the scale-out catch-ups (1 and 2 segments, 1 and 2 instances) run on a log of their own
     * length before it grows to {@link #events}: they compare instances and segments with each other,
     * which a shorter log shows as well as the full one at a fraction of the run's time.
     */
    boolean scaleOutOnItsOwnLog() {
        return scaleOutEvents < events;
    }

    /** Only the log, one cold catch-up, as-of latency and memory: for working on the projections. */
    boolean catchUpOnly() {
        return "catch-up".equals(only);
    }

    /** Only the small log, the command path, PostgreSQL's own limit and memory: for working on the command side. */
    boolean commandPathOnly() {
        return "command-path".equals(only);
    }

    /**
     * Only the national shape: a log of --events holding many municipalities' registers, one cold catch-up, as-of
     * latency of one district's chart, ledger page and summary, memory.
     */
    boolean nationalOnly() {
        return "national".equals(only);
    }

    /** How the report names the run: "quick", "full" or "catch-up only"; "… on Axon Server" with {@link #axonServer}. */
    String mode() {
        return (only != null ? only + " only" : quick ? "quick" : "full") + (axonServer != null ? " on Axon Server" : "");
    }

    /** An explicit path, else the build's property, else the jar the build left under the module's target/. */
    private static Path jar(String explicit, String property, String module) {
        if (explicit != null) return Path.of(explicit);
        if (System.getProperty(property) != null) return Path.of(System.getProperty(property));
        for (Path root = Path.of("").toAbsolutePath(); root != null; root = root.getParent()) {
            Path target = root.resolve(module).resolve("target");
            if (Files.isDirectory(target)) {
                try (Stream<Path> files = Files.list(target)) {
                    var found = files.filter(p -> p.getFileName().toString().endsWith("-exec.jar")).findFirst();
                    if (found.isPresent()) return found.get();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        throw new IllegalStateException("no " + module + " jar: build first (./mvnw -q package -DskipTests) or pass --"
                + module.replace("-service", "") + "-jar=PATH");
    }
}
