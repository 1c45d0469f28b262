package se.styrregistret.bench;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/** When a warm-up counts as settled, and how it ends (the compile clocks here are the test's own counters). */
class WarmUpTest {

    @Test
    void a_jvm_is_settled_when_it_compiled_at_most_five_percent_of_the_round() {
        Map<String, Double> shares = WarmUp.shares(Map.of("command-service", 1_000L, "harness", 500L),
                Map.of("command-service", 1_400L, "harness", 520L), 10_000);

        assertThat(shares).containsEntry("command-service", 0.04).containsEntry("harness", 0.002);
        assertThat(WarmUp.settled(shares)).isTrue();
        assertThat(WarmUp.settled(Map.of("command-service", 0.04, "query-service", 0.06))).isFalse();
    }

    @Test
    void a_compile_time_that_cannot_be_read_is_never_taken_for_settled() {
        Map<String, Double> shares = WarmUp.shares(Map.of("query-service", -1L), Map.of("query-service", 2_000L), 10_000);

        assertThat(shares).containsEntry("query-service", -1.0);
        assertThat(WarmUp.settled(shares)).isFalse();
        assertThat(WarmUp.settled(Map.of())).isFalse();
    }

    @Test
    void rounds_run_until_the_compilers_settle() {
        AtomicInteger round = new AtomicInteger();
        // compiling 100 %, 50 %, then 1 % of each 20 ms round
        long[] compiled = {0};
        LongSupplier clock = () -> compiled[0];
        WarmUp.Result result = WarmUp.untilSettled(Duration.ofMillis(20), Duration.ofSeconds(30), compilers(clock), length -> {
            sleep(length);
            compiled[0] += switch (round.incrementAndGet()) {
                case 1 -> 20;
                case 2 -> 10;
                default -> 0;
            };
        });

        assertThat(result.settled()).isTrue();
        assertThat(result.rounds()).isEqualTo(3);
        assertThat(result.describe()).contains("3 round(s)", "until the JIT compilers had settled", "command-service 0 %");
    }

    @Test
    void a_warm_up_that_does_not_settle_stops_at_its_bound_and_says_so() {
        long[] compiled = {0};
        WarmUp.Result result = WarmUp.untilSettled(Duration.ofMillis(20), Duration.ofMillis(100), compilers(() -> compiled[0]), length -> {
            sleep(length);
            compiled[0] += 40; // more compiling than wall clock: two compiler threads busy
        });

        assertThat(result.settled()).isFalse();
        assertThat(result.rounds()).isBetween(1, 7);
        assertThat(result.describe()).contains("stopped at its bound before the JIT compilers had settled");
    }

    @Test
    void a_services_compile_time_is_read_from_its_prometheus_metrics() {
        String metrics = """
                # HELP jvm_compilation_time_ms_total The approximate accumulated elapsed time spent in compilation
                # TYPE jvm_compilation_time_ms_total counter
                jvm_compilation_time_ms_total{application="command-service",compiler="HotSpot 64-Bit Tiered Compilers"} 23846.0
                """;

        assertThat(WarmUp.parseCompileMillis(metrics)).isEqualTo(23_846);
        assertThat(WarmUp.parseCompileMillis("jvm_threads_live_threads 40.0")).isEqualTo(-1);
        assertThat(WarmUp.harnessCompileMillis()).isPositive();
    }

    private static Map<String, LongSupplier> compilers(LongSupplier clock) {
        Map<String, LongSupplier> compilers = new LinkedHashMap<>();
        compilers.put("command-service", clock);
        return compilers;
    }

    private static void sleep(Duration d) {
        ServiceProcess.sleep(d.toMillis());
    }
}
