package se.styrregistret.bench;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.IntFunction;

/** Closed-loop load: N clients, each sending its next request as soon as the last one is answered. */
final class Load {

    private Load() {
    }

    enum Outcome { OK, REJECTED, FAILED, TIMEOUT }

    /** One client's work; called from that client's thread only. */
    interface Client {
        /** Does one request; returns how it ended and its HTTP status (0 without an answer). */
        Call call();
    }

    record Call(Outcome outcome, int status) {
        static Call of(Http.Answer answer) {
            if (answer.timedOut()) return new Call(Outcome.TIMEOUT, 0);
            if (answer.failure() != null) return new Call(Outcome.FAILED, 0);
            if (answer.ok()) return new Call(Outcome.OK, answer.status());
            return new Call(answer.status() < 500 ? Outcome.REJECTED : Outcome.FAILED, answer.status());
        }
    }

    /** One load run's figures; in the report's JSON the OK calls are "accepted". */
    @JsonPropertyOrder({"clients", "seconds", "accepted", "perSecond", "p50Millis", "p99Millis", "rejected", "failed", "timeouts",
            "byStatus"})
    record Result(int clients, double seconds, @JsonProperty("accepted") long ok, long rejected, long failed, long timeouts,
                  double perSecond, double p50Millis, double p99Millis, Map<String, Long> byStatus) {

        /** Calls that were not OK: refused, failed or timed out. */
        long notOk() {
            return rejected + failed + timeouts;
        }
    }

    static <C extends Client> Result run(int clients, Duration duration, IntFunction<C> newClient, List<C> created) {
        return run(clients, () -> ServiceProcess.sleep(duration.toMillis()), newClient, created);
    }

    /** Clients run while {@code during} runs on the calling thread (a fault's script, or a sleep). */
    static <C extends Client> Result run(int clients, Runnable during, IntFunction<C> newClient, List<C> created) {
        List<Thread> threads = new ArrayList<>();
        List<long[]> counts = new ArrayList<>();
        List<Latencies> latencies = new ArrayList<>();
        List<Map<String, Long>> statuses = new ArrayList<>();
        AtomicBoolean stop = new AtomicBoolean();
        for (int i = 0; i < clients; i++) {
            C client = newClient.apply(i);
            created.add(client);
            long[] count = new long[Outcome.values().length];
            Latencies lat = new Latencies();
            Map<String, Long> byStatus = new TreeMap<>();
            counts.add(count);
            latencies.add(lat);
            statuses.add(byStatus);
            threads.add(new Thread(() -> {
                while (!stop.get()) {
                    long start = System.nanoTime();
                    Call call = client.call();
                    long took = System.nanoTime() - start;
                    count[call.outcome().ordinal()]++;
                    byStatus.merge(call.status() == 0 ? "no answer" : String.valueOf(call.status()), 1L, Long::sum);
                    if (call.outcome() == Outcome.OK) lat.add(took);
                }
            }, "bench-client-" + i));
        }
        long begin = System.nanoTime();
        threads.forEach(Thread::start);
        try {
            during.run();
        } finally {
            stop.set(true);
        }
        for (Thread t : threads) {
            try {
                t.join(Http.REQUEST_TIMEOUT.toMillis() + 5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        double seconds = (System.nanoTime() - begin) / 1e9;
        long[] total = new long[Outcome.values().length];
        Latencies all = new Latencies();
        Map<String, Long> byStatus = new TreeMap<>();
        for (int i = 0; i < clients; i++) {
            for (int o = 0; o < total.length; o++) total[o] += counts.get(i)[o];
            all.addAll(latencies.get(i));
            statuses.get(i).forEach((k, v) -> byStatus.merge(k, v, Long::sum));
        }
        long ok = total[Outcome.OK.ordinal()];
        return new Result(clients, seconds, ok, total[Outcome.REJECTED.ordinal()], total[Outcome.FAILED.ordinal()],
                total[Outcome.TIMEOUT.ordinal()], ok / seconds, all.percentileMillis(0.50), all.percentileMillis(0.99), byStatus);
    }

    static Duration seconds(double s) {
        return Duration.ofMillis((long) (s * 1000));
    }
}
