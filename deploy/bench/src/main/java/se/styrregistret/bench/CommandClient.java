package se.styrregistret.bench;

import java.util.ArrayList;
import java.util.List;

/** A registrar's client on the command API: sends the mix, remembers what was accepted. */
final class CommandClient implements Load.Client {

    /** An accepted command, the aggregate it names and a string only its event contains. */
    record Accepted(String eventType, String aggregateId, String marker) {
    }

    private final java.util.function.Supplier<String> baseUrl;
    private final CommandMix mix;
    private final List<Accepted> accepted = new ArrayList<>();
    private final List<Sent> sent = new ArrayList<>();
    private final java.util.Map<Integer, String> examples = new java.util.TreeMap<>();

    /** When a call started and ended (System.nanoTime), its status (0: no answer) and whether the body was a problem. */
    record Sent(long startNanos, long endNanos, int status, boolean problem, boolean timedOut) {
    }

    CommandClient(java.util.function.Supplier<String> baseUrl, CommandMix mix) {
        this.baseUrl = baseUrl;
        this.mix = mix;
    }

    @Override
    public Load.Call call() {
        CommandMix.Command command = mix.next();
        long start = System.nanoTime();
        Http.Answer answer = Http.post(baseUrl.get() + command.path(), command.json(), "registrar");
        sent.add(new Sent(start, System.nanoTime(), answer.status(), answer.isProblem(), answer.timedOut()));
        if (answer.ok()) {
            String id = command.expectedId() != null ? command.expectedId() : answer.json().path("id").asString();
            accepted.add(new Accepted(command.eventType(), id, command.marker() != null ? command.marker() : id));
            mix.accepted(command);
        } else if (answer.failure() == null) {
            mix.notAccepted(command);
            examples.putIfAbsent(answer.status(), command.kind() + " → " + answer.body());
        } else {
            mix.notAccepted(command);
            ServiceProcess.sleep(20); // nobody listening (restarting): do not spin
        }
        return Load.Call.of(answer);
    }

    /** The first answer of each status other than 2xx: what was refused, and why. */
    java.util.Map<Integer, String> examples() {
        return examples;
    }

    /** The first answer of each status other than 2xx over all {@code clients}. */
    static java.util.Map<Integer, String> examples(List<CommandClient> clients) {
        java.util.Map<Integer, String> examples = new java.util.TreeMap<>();
        clients.forEach(c -> c.examples().forEach(examples::putIfAbsent));
        return examples;
    }

    /** Every command the {@code clients} had accepted. */
    static List<Accepted> accepted(List<CommandClient> clients) {
        return clients.stream().flatMap(c -> c.accepted().stream()).toList();
    }

    List<Sent> sent() {
        return sent;
    }

    List<Accepted> accepted() {
        return accepted;
    }
}
