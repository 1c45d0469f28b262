package se.styrregistret.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One service as its own operating-system process ({@code java -jar}), so it can be killed with
 * SIGKILL like a crashed container. Its output goes to a log file beside the report.
 */
final class ServiceProcess implements AutoCloseable {

    private static final Pattern HEAP_USED = Pattern.compile(
            "^jvm_memory_used_bytes\\{[^}]*area=\"heap\"[^}]*} ([0-9.Ee+-]+)$", Pattern.MULTILINE);

    /** Every process this harness started, so none outlives it whatever fails on the way. */
    private static final List<ServiceProcess> LAUNCHED = new java.util.concurrent.CopyOnWriteArrayList<>();

    private final String name;
    private final Process process;
    private final int port;
    private final Path log;

    private ServiceProcess(String name, Process process, int port, Path log) {
        this.name = name;
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /** Starts {@code jar} on a free port with the given Spring arguments; returns once it is ready. */
    static ServiceProcess start(String name, Path jar, String heap, List<String> springArgs, Path logDir, Duration readyWithin) {
        ServiceProcess service = launch(name, jar, heap, springArgs, logDir, freePort());
        service.awaitReady(readyWithin);
        return service;
    }

    /** Starts the process on {@code port} and returns at once; {@link #awaitReady} waits for it. */
    static ServiceProcess launch(String name, Path jar, String heap, List<String> springArgs, Path logDir, int port) {
        Path log = logDir.resolve(name + "-" + System.currentTimeMillis() + ".log");
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.add("-Xmx" + heap);
        // a service that runs out of heap leaves its heap beside its log, to see what filled it
        command.add("-XX:+HeapDumpOnOutOfMemoryError");
        command.add("-XX:HeapDumpPath=" + logDir.toAbsolutePath());
        command.add("-Daxoniq.update-checker.disabled=true");
        command.add("-jar");
        command.add(jar.toString());
        command.add("--server.port=" + port);
        command.addAll(springArgs);
        try {
            Files.createDirectories(logDir);
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
            builder.environment().put("AXONIQ_UPDATE_CHECKER_DISABLED", "true");
            ServiceProcess service = new ServiceProcess(name, builder.start(), port, log);
            LAUNCHED.add(service);
            return service;
        } catch (IOException e) {
            throw new UncheckedIOException("could not start " + name, e);
        }
    }

    int port() {
        return port;
    }

    String url() {
        return "http://localhost:" + port;
    }

    long pid() {
        return process.pid();
    }

    boolean alive() {
        return process.isAlive();
    }

    void awaitReady(Duration within) {
        Instant deadline = Instant.now().plus(within);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + "; see " + log);
            }
            if (Http.get(url() + "/actuator/health/readiness", null).status() == 200) return;
            sleep(200);
        }
        throw new IllegalStateException(name + " not ready within " + within + "; see " + log);
    }

    /** SIGKILL: no shutdown hook, no flush, no goodbye; what a crash or an OOM kill does. */
    void kill9() {
        process.destroyForcibly();
        waitFor(Duration.ofSeconds(30));
    }

    /** The service's own Prometheus metrics (as the admin user); null when it does not answer with them. */
    String prometheus() {
        Http.Answer answer = Http.get(url() + "/actuator/prometheus", "admin");
        return answer.ok() ? answer.body() : null;
    }

    /** Heap in use, from the service's own Prometheus metrics. */
    long heapUsedBytes() {
        String metrics = prometheus();
        if (metrics == null) return -1;
        Matcher m = HEAP_USED.matcher(metrics);
        double sum = 0;
        while (m.find()) sum += Double.parseDouble(m.group(1));
        return (long) sum;
    }

    /** Resident set size of the process, from the kernel. */
    long rssBytes() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid()), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux, or the process is gone: reported as unknown
        }
        return -1;
    }

    @Override
    public void close() {
        if (!process.isAlive()) return;
        process.destroy(); // SIGTERM: Spring shuts down gracefully, processors release their tokens
        if (!waitFor(Duration.ofSeconds(30))) {
            process.destroyForcibly();
            waitFor(Duration.ofSeconds(10));
        }
    }

    private boolean waitFor(Duration timeout) {
        try {
            return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Stops every process still running (SIGTERM, then SIGKILL). */
    static void closeAll() {
        for (ServiceProcess service : LAUNCHED) service.close();
        LAUNCHED.clear();
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
