package se.styrregistret.bench;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Warm-up until the JIT compilers have settled, before anything is timed. A fresh service compiles
 * the hot paths of Spring, Axon, Hibernate, Jackson and the JDBC driver for minutes: measured on this
 * machine, the command-service's compilers were busy 80–100 % of the wall clock through four minutes
 * of load at 8 clients (two CPUs shared by three JVMs and PostgreSQL), and the command path's
 * throughput doubled once they had settled. A figure taken before that measures the compiler, not the
 * service its users meet after it has run a while.
 * <p>
 * Rounds of the caller's work run until, in the last round, every watched JVM (the services from
 * their {@code jvm_compilation_time_ms_total}, the harness from its own MXBean) spent less than
 * {@link #SETTLED_SHARE} of the round's wall clock compiling, or until the bound; the report says
 * which, and how much the compilers took in the last round.
 */
final class WarmUp {

    /** Compile time per wall time in one round at or below which a JVM counts as settled. */
    static final double SETTLED_SHARE = 0.05;

    private static final Pattern COMPILE_MILLIS = Pattern.compile(
            "^jvm_compilation_time_ms_total\\{[^}]*} ([0-9.Ee+-]+)$", Pattern.MULTILINE);

    /**
     * How a warm-up ended: {@code rounds} rounds in {@code seconds}; {@code settled} whether the last round's
     * compile share of every watched JVM was at most {@link #SETTLED_SHARE} (false: the bound came first);
     * {@code lastRoundShare} that share per JVM (-1: its compile time could not be read).
     */
    @JsonPropertyOrder({"seconds", "rounds", "settled", "lastRoundShare"})
    record Result(double seconds, int rounds, boolean settled, Map<String, Double> lastRoundShare) {

        /** For the report: "62 s (6 rounds) until the compilers settled (last round: command-service 2 %, …)". */
        String describe() {
            String shares = lastRoundShare.entrySet().stream()
                    .map(e -> e.getKey() + " " + (e.getValue() < 0 ? "unknown" : String.format(Locale.ROOT, "%.0f %%", 100 * e.getValue())))
                    .collect(Collectors.joining(", "));
            return String.format(Locale.ROOT, "%.0f s (%d round(s)) %s (the JIT compilers' time in the last round, per wall time: %s)",
                    seconds, rounds, settled
                            ? "until the JIT compilers had settled, each at most " + Math.round(100 * SETTLED_SHARE) + " %"
                            : "and stopped at its bound before the JIT compilers had settled", shares);
        }
    }

    private WarmUp() {
    }

    /**
     * Runs {@code round} (given the round's length; it returns when the round is over) at least once and
     * again until the compilers of {@code compilers} have settled or {@code bound} has passed.
     */
    static Result untilSettled(Duration roundLength, Duration bound, Map<String, LongSupplier> compilers, Consumer<Duration> round) {
        long begin = System.nanoTime();
        int rounds = 0;
        Map<String, Double> shares;
        boolean settled;
        do {
            Map<String, Long> before = read(compilers);
            long start = System.nanoTime();
            round.accept(roundLength);
            double wallMillis = (System.nanoTime() - start) / 1e6;
            shares = shares(before, read(compilers), wallMillis);
            settled = settled(shares);
            rounds++;
        } while (!settled && System.nanoTime() - begin < bound.toNanos());
        return new Result((System.nanoTime() - begin) / 1e9, rounds, settled, shares);
    }

    /** Each JVM's compile time in the round per wall time; -1 where either reading failed. */
    static Map<String, Double> shares(Map<String, Long> before, Map<String, Long> after, double wallMillis) {
        Map<String, Double> shares = new LinkedHashMap<>();
        before.forEach((jvm, b) -> {
            Long a = after.get(jvm);
            shares.put(jvm, b < 0 || a == null || a < 0 || wallMillis <= 0 ? -1.0 : (a - b) / wallMillis);
        });
        return shares;
    }

    /** Settled: every share known and at most {@link #SETTLED_SHARE}. An unknown share is never taken for settled. */
    static boolean settled(Map<String, Double> shares) {
        return !shares.isEmpty() && shares.values().stream().allMatch(s -> s >= 0 && s <= SETTLED_SHARE);
    }

    private static Map<String, Long> read(Map<String, LongSupplier> compilers) {
        Map<String, Long> millis = new LinkedHashMap<>();
        compilers.forEach((jvm, clock) -> millis.put(jvm, clock.getAsLong()));
        return millis;
    }

    /** The harness's own JIT time (it compiles its HTTP client and load threads at the same time). */
    static long harnessCompileMillis() {
        return ManagementFactory.getCompilationMXBean().getTotalCompilationTime();
    }

    /** A service's JIT time from its Prometheus metrics; -1 if it cannot be read. */
    static long compileMillis(ServiceProcess service) {
        String metrics = service.prometheus();
        return metrics == null ? -1 : parseCompileMillis(metrics);
    }

    static long parseCompileMillis(String prometheus) {
        Matcher m = COMPILE_MILLIS.matcher(prometheus);
        return m.find() ? (long) Double.parseDouble(m.group(1)) : -1;
    }
}
