package se.styrregistret.bench;

import io.axoniq.axonserver.connector.AxonServerConnection;
import io.axoniq.axonserver.connector.AxonServerConnectionFactory;
import io.axoniq.axonserver.connector.event.AggregateEventStream;
import io.axoniq.axonserver.connector.impl.ServerAddress;
import io.axoniq.axonserver.grpc.event.Event;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The log when it lives in Axon Server ({@code --axon-server}): read and appended through Axon Server's own client
 * (the connector the services use underneath Axon Framework), so the bench checks the command path's events and
 * measures Axon Server's append rate without going through either service.
 */
final class AxonServerLog implements AutoCloseable {

    private static final String CONTEXT = "default";

    private final String address;
    private final AxonServerConnectionFactory factory;
    private final AxonServerConnection connection;

    AxonServerLog(String address) {
        this.address = address;
        int colon = address.lastIndexOf(':');
        if (colon < 1) throw new IllegalArgumentException("--axon-server is host:port (its gRPC port), not " + address);
        AxonServerConnectionFactory.Builder builder = AxonServerConnectionFactory.forClient("styrregistret-bench")
                .routingServers(new ServerAddress(address.substring(0, colon), Integer.parseInt(address.substring(colon + 1))));
        // the token the services send (AXON_SERVER_TOKEN), for a server with access control
        String token = System.getenv("AXON_SERVER_TOKEN");
        if (token != null && !token.isBlank()) builder.token(token);
        this.factory = builder.build();
        try {
            this.connection = factory.connect(CONTEXT);
        } catch (RuntimeException e) {
            factory.shutdown();
            throw e;
        }
    }

    /**
     * Refuses a log that holds events: Axon Server SE cannot delete any, a fresh database's query-service would
     * replay them all while the command path is measured, and a run's raw appends (hundreds of thousands of copies
     * of a real event) would land in the next run's projections.
     */
    void requireEmpty() {
        long last;
        try {
            // the index of the log's last event: -1 on an empty log
            last = connection.eventChannel().getLastToken().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            if (e instanceof InterruptedException) Thread.currentThread().interrupt();
            throw new IllegalStateException("could not read the head of Axon Server's log at " + address, e);
        }
        if (last >= 0) {
            throw new IllegalStateException("the Axon Server at " + address + " holds events already (" + (last + 1)
                    + "); the run needs an empty one: start a fresh server (SE cannot delete events)");
        }
    }

    String address() {
        return address;
    }

    /** The events of one aggregate, as Axon Server holds them. */
    List<Event> eventsOf(String aggregateId) {
        AggregateEventStream stream = connection.eventChannel().openAggregateStream(aggregateId, false);
        return stream.asStream().toList();
    }

    /** Each accepted command's event, found by its aggregate, type and the marker only its payload holds. */
    LogCheck check(List<CommandClient.Accepted> accepted) {
        int missing = 0;
        int duplicated = 0;
        for (CommandClient.Accepted a : accepted) {
            long n = matching(a).size();
            if (n == 0) missing++;
            if (n > 1) duplicated++;
        }
        return new LogCheck(accepted.size(), missing, duplicated);
    }

    private List<Event> matching(CommandClient.Accepted a) {
        return eventsOf(a.aggregateId()).stream()
                .filter(e -> e.getPayload().getType().equals(a.eventType())
                        && e.getPayload().getData().toString(StandardCharsets.UTF_8).contains(a.marker()))
                .toList();
    }

    /**
     * An event the command path wrote, of the average payload size among the first accepted commands' events: the
     * raw appends copy it (its type, payload and metadata), so they write what a command writes and nothing more.
     */
    Event sample(List<CommandClient.Accepted> accepted) {
        List<Event> events = new ArrayList<>();
        for (CommandClient.Accepted a : accepted.subList(0, Math.min(200, accepted.size()))) events.addAll(matching(a));
        if (events.isEmpty()) throw new IllegalStateException("no event of the command path found in Axon Server at " + address);
        double average = events.stream().mapToInt(e -> e.getPayload().getData().size()).average().orElse(0);
        return events.stream().min(Comparator.comparingDouble(e -> Math.abs(e.getPayload().getData().size() - average)))
                .orElseThrow();
    }

    /**
     * A client that appends one copy of {@code sample} per call, each in a transaction of its own, to an aggregate of
     * its own. After a failure it moves to a new aggregate: an append that timed out here may have been stored there,
     * and every later one on the same sequence would then be refused.
     */
    Load.Client appender(Event sample) {
        return new Load.Client() {
            private String aggregate = UUID.randomUUID().toString();
            private long sequence;

            @Override
            public Load.Call call() {
                Event event = sample.toBuilder().setMessageIdentifier(UUID.randomUUID().toString())
                        .setAggregateIdentifier(aggregate).setAggregateSequenceNumber(sequence)
                        .setTimestamp(System.currentTimeMillis()).build();
                try {
                    connection.eventChannel().appendEvents(event).get(Http.REQUEST_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
                    sequence++;
                    return new Load.Call(Load.Outcome.OK, 0);
                } catch (TimeoutException e) {
                    restart();
                    return new Load.Call(Load.Outcome.TIMEOUT, 0);
                } catch (Exception e) {
                    if (e instanceof InterruptedException) Thread.currentThread().interrupt();
                    restart();
                    return new Load.Call(Load.Outcome.FAILED, 0);
                }
            }

            private void restart() {
                aggregate = UUID.randomUUID().toString();
                sequence = 0;
            }
        };
    }

    @Override
    public void close() {
        connection.disconnect();
        factory.shutdown();
    }
}
