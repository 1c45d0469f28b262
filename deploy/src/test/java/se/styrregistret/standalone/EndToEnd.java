package se.styrregistret.standalone;

import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import se.styrregistret.support.Revisions;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * How the end-to-end tests start the whole system: in the default mode (PostgreSQL holds the log),
 * or, when the environment names an Axon Server, in the {@code axonserver} profile against it.
 * <ul>
 *   <li>{@code STYRREGISTRET_TEST_AXON_SERVER=host:port}: that server, which must hold no events
 *       when a test class starts (every class starts from an empty register);</li>
 *   <li>{@code STYRREGISTRET_TEST_AXON_SERVER_JAR=/path/axonserver.jar}: a fresh Axon Server from that
 *       jar for every test class (a data directory of its own, free ports), stopped after it.</li>
 * </ul>
 * Tests read the log through Axon's event store (as the services do), never its tables, so the
 * same assertions hold in both modes.
 */
final class EndToEnd {

    static final String AXON_SERVER = System.getenv("STYRREGISTRET_TEST_AXON_SERVER");
    static final String AXON_SERVER_JAR = System.getenv("STYRREGISTRET_TEST_AXON_SERVER_JAR");

    private static Process server;
    private static Path serverDir;

    private EndToEnd() {
    }

    static boolean axonServerMode() {
        return notBlank(AXON_SERVER) || notBlank(AXON_SERVER_JAR);
    }

    /** Both services and an embedded database, in the mode the environment asks for. */
    static RunningSystem start(String... extra) {
        if (notBlank(AXON_SERVER_JAR) && !notBlank(AXON_SERVER)) stopServer(); // a fresh one for this class
        List<String> args = new ArrayList<>(Arrays.asList(extra));
        args.addAll(Arrays.asList(serviceArguments()));
        RunningSystem system = Standalone.start(Standalone.Options.ephemeral(args.toArray(String[]::new)));
        if (axonServerMode() && logHead(system) != 0) {
            system.close();
            throw new IllegalStateException("The Axon Server at " + address() + " holds events already; every end-to-end"
                    + " test class starts from an empty register. Give a fresh server per class, or set"
                    + " STYRREGISTRET_TEST_AXON_SERVER_JAR and the tests start one each.");
        }
        return system;
    }

    /** What a further service instance needs to join the same system (the profile and the server's address). */
    static synchronized String[] serviceArguments() {
        if (!axonServerMode()) return new String[0];
        return new String[]{"--spring.profiles.active=axonserver", "--axon.axonserver.servers=" + address()};
    }

    private static synchronized String address() {
        if (notBlank(AXON_SERVER)) return AXON_SERVER;
        if (server == null || !server.isAlive()) startFreshServer();
        return "localhost:" + grpcPort;
    }

    private static int grpcPort;

    private static void startFreshServer() {
        try {
            serverDir = Files.createTempDirectory("styrregistret-axonserver");
            grpcPort = freePort();
            int httpPort = freePort();
            server = new ProcessBuilder("java", "-jar", Path.of(AXON_SERVER_JAR).toAbsolutePath().toString(),
                    "--server.port=" + httpPort, "--server.address=127.0.0.1",
                    "--axoniq.axonserver.port=" + grpcPort, "--axoniq.axonserver.hostname=localhost",
                    "--axoniq.axonserver.event.storage=" + serverDir.resolve("events"),
                    "--axoniq.axonserver.snapshot.storage=" + serverDir.resolve("events"),
                    "--axoniq.axonserver.controldb-path=" + serverDir.resolve("controldb"),
                    "--axoniq.axonserver.pid-file-location=" + serverDir,
                    "--logging.file.name=" + serverDir.resolve("axonserver.log"))
                    .directory(serverDir.toFile())
                    .redirectErrorStream(true).redirectOutput(serverDir.resolve("out.log").toFile())
                    .start();
            Runtime.getRuntime().addShutdownHook(new Thread(EndToEnd::stopServer));
            awaitHealthy(httpPort);
        } catch (IOException e) {
            throw new UncheckedIOException("could not start Axon Server from " + AXON_SERVER_JAR, e);
        }
    }

    private static void awaitHealthy(int httpPort) {
        try {
            Awaitility.await("Axon Server healthy").atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofMillis(500))
                    .ignoreExceptionsInstanceOf(IOException.class) // still starting
                    .until(() -> {
                        if (!server.isAlive()) throw new IllegalStateException("Axon Server exited; see " + serverDir.resolve("out.log"));
                        HttpURLConnection c = (HttpURLConnection) URI.create("http://127.0.0.1:" + httpPort + "/actuator/health").toURL().openConnection();
                        c.setConnectTimeout(1000);
                        return c.getResponseCode() == 200;
                    });
        } catch (ConditionTimeoutException e) {
            throw new IllegalStateException("Axon Server did not become healthy within 4 minutes; see " + serverDir.resolve("out.log"), e);
        }
    }

    private static synchronized void stopServer() {
        if (server == null) return;
        server.destroy();
        try {
            server.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        server = null;
        try (var files = Files.walk(serverDir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // a temporary directory left behind; nothing depends on it
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** The revision of the last event in the log (0 when empty), read through Axon as the services read it. */
    static long logHead(RunningSystem system) {
        return Revisions.readUpTo(system.commandContext().getBean(EventStore.class).createHeadToken());
    }

    /** One aggregate's events, read through Axon. */
    static List<DomainEventMessage<?>> eventsOf(RunningSystem system, String aggregateId) {
        List<DomainEventMessage<?>> events = new ArrayList<>();
        system.commandContext().getBean(EventStore.class).readEvents(aggregateId).forEachRemaining(events::add);
        return events;
    }

    private static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }
}
