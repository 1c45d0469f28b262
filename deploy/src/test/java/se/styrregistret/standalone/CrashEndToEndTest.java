package se.styrregistret.standalone;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * "Nothing lost, for decades": a new user's register, the standalone launcher with its embedded
 * PostgreSQL, started as a process of its own, is killed with SIGKILL (the JVM, the postmaster and
 * every backend at once) while registrars write to it, then started again on the same data
 * directory. Every command answered 2xx must have its event in the log, none twice, and the
 * projections the restarted query-service holds must equal a rebuild from the log.
 * <p>
 * It runs in the default mode whatever the environment says: the embedded register is what a
 * new user gets, and what this test is about. Launcher logs: {@code target/crash-test/}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CrashEndToEndTest {

    static final int CLIENTS = 4;
    /** "Some hundreds" of answered commands before the kill, so the log holds more than a start-up's worth. */
    static final int KILL_AFTER_ACCEPTED = 400;
    static final Duration READY_WITHIN = Duration.ofMinutes(3);
    static final List<String> PROJECTIONS = List.of("orgchart", "ledger", "agreements", "districts", "actionplans", "audit", "audit-log");
    /** Rows that depend on when, not only on what (signing times, a re-read's findings): as the benchmark leaves them out. */
    static final List<String> NOT_FINGERPRINTED = List.of("audit_checkpoint", "audit_log_mismatch");

    static final String GOVERNANCE = "se.styrregistret.kernel.governance.";
    static final String BUDGET = "se.styrregistret.kernel.budget.";

    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();

    static Path dataDir;
    static Path logs;
    static Launcher first;
    static Launcher restarted;
    static final List<Sent> sent = Collections.synchronizedList(new ArrayList<>());
    static Killed killed;

    /** What the kill met: how many commands had been answered 2xx, how many were on their way, what died (by name). */
    record Killed(int acceptedBefore, int inFlight, List<String> processes, Duration loadFor, Duration downFor) {
    }

    // ------------------------------------------------------------------ given: a register killed under load, started again

    @BeforeAll
    static void aRegisterKilledWithItsDatabaseUnderLoadAndStartedAgain() throws Exception {
        dataDir = Files.createTempDirectory("styrregistret-crash");
        logs = Files.createDirectories(Path.of("target", "crash-test"));
        int commandPort = freePort();
        int queryPort = freePort();
        int dbPort = freePort();
        String run = Long.toString(System.currentTimeMillis(), 36);

        first = Launcher.start(dataDir, commandPort, queryPort, dbPort, logs.resolve("launcher-before-the-kill.log"));
        first.awaitReady();
        assertDurableCommits(dbPort);

        AtomicBoolean stop = new AtomicBoolean();
        AtomicInteger accepted = new AtomicInteger();
        AtomicInteger inFlight = new AtomicInteger();
        List<Thread> registrars = new ArrayList<>();
        Instant loadStarted = Instant.now();
        for (int i = 1; i <= CLIENTS; i++) {
            Registrar registrar = new Registrar(first.commandUrl(), run, i, stop, accepted, inFlight);
            Thread thread = new Thread(registrar, "registrar-" + i);
            thread.setDaemon(true); // a failure before the kill leaves no thread behind to hold the test JVM
            thread.start();
            registrars.add(thread);
        }
        Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
        while (accepted.get() < KILL_AFTER_ACCEPTED && Instant.now().isBefore(deadline) && first.process.isAlive()) {
            Thread.sleep(10);
        }
        int acceptedBefore = accepted.get();
        int inFlightAtKill = inFlight.get();
        Instant killedAt = Instant.now();
        List<String> victims;
        try {
            victims = first.killWholeTree();
        } finally {
            stop.set(true);
        }
        for (Thread thread : registrars) thread.join(Duration.ofSeconds(30).toMillis());
        assertThat(acceptedBefore).as("commands answered 2xx before the kill (see %s)", first.log)
                .isGreaterThanOrEqualTo(KILL_AFTER_ACCEPTED);
        // the database went down with the JVM: the postmaster and its backends, not only the services
        assertThat(victims).as("killed").filteredOn(name -> name.equals("postgres")).hasSizeGreaterThan(1);

        restarted = Launcher.start(dataDir, commandPort, queryPort, dbPort, logs.resolve("launcher-after-the-kill.log"));
        restarted.awaitReady();
        killed = new Killed(acceptedBefore, inFlightAtKill, victims, Duration.between(loadStarted, killedAt),
                Duration.between(killedAt, Instant.now()));
        Map<String, Long> byName = new TreeMap<>(victims.stream().collect(Collectors.groupingBy(name -> name, Collectors.counting())));
        System.out.printf("Crash test: %d commands answered 2xx in %.1f s by %d registrars, %d on their way when %d processes"
                        + " were killed with SIGKILL %s; up again after %.1f s.%n", acceptedBefore, killed.loadFor.toMillis() / 1000.0,
                CLIENTS, inFlightAtKill, victims.size(), byName, killed.downFor.toMillis() / 1000.0);
    }

    @AfterAll
    static void stopEverythingThisTestStartedAndDeleteTheDataDirectory() throws Exception {
        try {
            if (restarted != null) restarted.stop();
        } finally {
            try {
                // only if a failure came before the kill: the first launcher's tree is still running
                if (first != null && first.process.isAlive()) first.killWholeTree();
            } finally {
                if (dataDir != null) deleteRecursively(dataDir);
            }
        }
    }

    // ------------------------------------------------------------------ then

    @Test
    @Order(1)
    void every_command_answered_2xx_before_the_kill_has_its_event_in_the_log_exactly_once() throws Exception {
        List<Event> log = readLog();
        List<Sent> answered2xx = accepted();

        List<String> missing = new ArrayList<>();
        List<String> twice = new ArrayList<>();
        List<String> beyondItsRevision = new ArrayList<>();
        List<String> withoutRevision = new ArrayList<>();
        for (Sent s : answered2xx) {
            if (s.revision == null || !s.revision.equals(s.revisionHeader)) {
                withoutRevision.add(s.describe() + ": body " + s.revision + ", header " + s.revisionHeader);
            }
            List<Event> events = eventsOf(log, s.command);
            if (events.isEmpty()) missing.add(s.describe());
            if (events.size() > 1) twice.add(s.describe() + " → " + events);
            // the answer's revision is the log's head after the commit: its own event is at or below it
            if (events.size() == 1 && s.revision != null && events.get(0).globalIndex > s.revision) {
                beyondItsRevision.add(s.describe() + " answered revision " + s.revision + ", event at " + events.get(0).globalIndex);
            }
        }

        assertThat(answered2xx).hasSizeGreaterThanOrEqualTo(KILL_AFTER_ACCEPTED);
        assertThat(missing).as("answered 2xx, not in the log after the restart").isEmpty();
        assertThat(twice).as("answered 2xx, in the log more than once").isEmpty();
        assertThat(beyondItsRevision).as("events after the revision their answer gave").isEmpty();
        // every command answer carries the log's revision, in the body and the header alike (README, "Read your writes")
        assertThat(withoutRevision).as("2xx answers without the same revision in body and header").isEmpty();
        // the load is one a registrar could send: nothing was refused, answers were 2xx or lost in the kill
        assertThat(sent).filteredOn(s -> s.status >= 400 && s.status < 500).extracting(Sent::describe).isEmpty();
    }

    @Test
    @Order(2)
    void no_event_is_in_the_log_twice_and_a_command_cut_off_by_the_kill_has_its_event_exactly_when_its_key_is_decided() throws Exception {
        List<String> duplicateIds = strings("""
                select event_identifier || ' ×' || count(*) from axon.domain_event_entry
                group by event_identifier having count(*) > 1""");
        List<String> duplicatePositions = strings("""
                select aggregate_identifier || '#' || sequence_number || ' ×' || count(*) from axon.domain_event_entry
                where type is not null group by aggregate_identifier, sequence_number having count(*) > 1""");
        assertThat(duplicateIds).as("event identifiers in the log more than once").isEmpty();
        assertThat(duplicatePositions).as("(aggregate, sequence) in the log more than once").isEmpty();

        // a command without an answer may or may not have committed; the key's decided mark says which (IdempotencyDecision)
        List<Event> log = readLog();
        Map<String, Boolean> decided = decidedKeys();
        List<String> inconsistent = new ArrayList<>();
        List<Sent> cutOff = sent.stream().filter(s -> s.status / 100 != 2).toList();
        for (Sent s : cutOff) {
            int events = eventsOf(log, s.command).size();
            boolean isDecided = decided.getOrDefault(s.command.key, false);
            if (events > 1 || (events == 1) != isDecided) {
                inconsistent.add(s.describe() + ": " + events + " event(s), key " + (isDecided ? "decided" : "not decided"));
            }
        }
        assertThat(inconsistent).as("commands cut off by the kill").isEmpty();
        System.out.printf("Crash test: %d commands got no answer (cut off or sent while it was down), %d of them committed.%n",
                cutOff.size(), cutOff.stream().filter(s -> decided.getOrDefault(s.command.key, false)).count());
    }

    @Test
    @Order(3)
    void every_command_answered_2xx_replays_its_first_answer_after_the_restart_and_appends_nothing() throws Exception {
        long eventsBefore = count("select count(*) from axon.domain_event_entry");
        List<String> notReplayed = new ArrayList<>();
        for (Sent s : accepted()) {
            Sent again = send(restarted.commandUrl(), s.command);
            if (again.status != s.status || !again.replayed || !s.id.equals(again.id)) {
                notReplayed.add(s.describe() + " → again " + again.status + (again.replayed ? " (replayed) " : " ") + again.body);
            }
        }
        assertThat(notReplayed).as("retries with the key of a command answered 2xx").isEmpty();
        assertThat(count("select count(*) from axon.domain_event_entry")).isEqualTo(eventsBefore);
    }

    @Test
    @Order(4)
    void a_command_cut_off_by_the_kill_and_sent_again_with_its_key_is_in_the_log_at_most_once() throws Exception {
        // what a client does with a request that got no answer: send it again, with the same key
        List<Sent> retried = new ArrayList<>();
        for (Sent s : sent.stream().filter(s -> s.status / 100 != 2).toList()) retried.add(send(restarted.commandUrl(), s.command));

        List<Event> log = readLog();
        List<String> wrong = new ArrayList<>();
        for (Sent again : retried) {
            int events = eventsOf(log, again.command).size();
            // 2xx: it runs now, or its first answer is replayed; 409: it committed but its answer was lost, or it is
            // still in progress until its key is taken up again (IdempotencyFilter.ABANDONED_AFTER)
            boolean answered = again.status / 100 == 2 || again.status == 409;
            if (!answered || events > 1 || (again.status / 100 == 2 && events != 1)) {
                wrong.add(again.describe() + ": " + events + " event(s); " + again.body);
            }
        }
        assertThat(wrong).as("cut off by the kill, sent again").isEmpty();
    }

    @Test
    @Order(5)
    void the_query_side_shows_every_body_and_member_answered_2xx() {
        Map<String, List<String>> rolesByBody = new LinkedHashMap<>();
        for (Sent s : accepted()) {
            if (s.command.kind.equals("establish")) rolesByBody.putIfAbsent(s.command.aggregateId, new ArrayList<>());
        }
        for (Sent s : accepted()) {
            if (s.command.kind.equals("appoint")) rolesByBody.get(s.command.aggregateId).add(s.command.marker);
        }
        long head = maxRevisionAnswered();
        List<String> notShown = new ArrayList<>();
        rolesByBody.forEach((body, roles) -> {
            HttpResponse<String> answer = HttpJson.get(restarted.queryUrl() + "/api/governance-bodies/" + body + "?minRevision=" + head);
            if (answer.statusCode() != 200) {
                notShown.add(body + ": " + answer.statusCode() + " " + answer.body());
            } else {
                roles.stream().filter(role -> !answer.body().contains(role)).forEach(role -> notShown.add(body + ": member " + role));
            }
        });
        assertThat(rolesByBody).isNotEmpty();
        assertThat(notShown).as("accepted before the kill, not shown by the restarted query-service").isEmpty();
    }

    @Test
    @Order(6)
    void the_projections_after_the_restart_equal_a_rebuild_from_the_log() throws Exception {
        long head = count("select coalesce(max(global_index), 0) from axon.domain_event_entry");
        awaitCaughtUp(head);
        Map<String, String> afterTheRestart = fingerprint();
        // the audit trail has a row per event: the events it lacks name what the restarted projections skipped
        List<String> notInTheTrail = strings("""
                select e.global_index || ' ' || e.payload_type || ' ' || e.aggregate_identifier || '#' || e.sequence_number
                       || ' ' || e.time_stamp from axon.domain_event_entry e
                where not exists (select 1 from projection.audit_event a where a.revision = e.global_index)
                order by e.global_index""");

        long rebuildStarted = System.nanoTime();
        for (String projection : PROJECTIONS) {
            HttpResponse<String> rebuild = HttpJson.post(restarted.queryUrl() + "/api/admin/projections/" + projection + "/rebuild", "", "admin");
            assertThat(rebuild.statusCode()).as(projection + ": " + rebuild.body()).isEqualTo(202);
        }
        awaitCaughtUp(head);
        Map<String, String> rebuilt = fingerprint();

        assertThat(afterTheRestart.values()).as("the projections hold the load").anyMatch(f -> !f.startsWith("0 rows"));
        assertThat(notInTheTrail).as("events in the log the audit trail did not show after the restart").isEmpty();
        assertThat(afterTheRestart).as("projections after the restart (left) against a rebuild from the log").isEqualTo(rebuilt);
        System.out.printf("Crash test: %d projection tables equal a rebuild of %d events (rebuilt in %.1f s).%n",
                rebuilt.size(), head, (System.nanoTime() - rebuildStarted) / 1e9);
    }

    @Test
    @Order(7)
    void the_register_accepts_commands_again_after_the_restart() {
        Registrar registrar = new Registrar(restarted.commandUrl(), "after", 1, new AtomicBoolean(), new AtomicInteger(), new AtomicInteger());
        Sent established = send(restarted.commandUrl(), registrar.establish());
        assertThat(established.status).as(established.body).isEqualTo(201);
        registrar.bodies.add(established.id);
        Sent appointed = send(restarted.commandUrl(), registrar.appoint());
        assertThat(appointed.status).as(appointed.body).isEqualTo(200);
        Sent frame = send(restarted.commandUrl(), registrar.openFrame());
        assertThat(frame.status).as(frame.body).isEqualTo(201);
        registrar.frameId = frame.id;
        Sent allocated = send(restarted.commandUrl(), registrar.allocate());
        assertThat(allocated.status).as(allocated.body).isEqualTo(201);

        // and reads them back: read your writes with the revision the answer gave
        HttpResponse<String> body = HttpJson.get(restarted.queryUrl() + "/api/governance-bodies/" + established.id
                + "?minRevision=" + appointed.revision);
        assertThat(body.statusCode()).as(body.body()).isEqualTo(200);
        assertThat(body.body()).contains(appointed.command.marker);
        // every read waits for its projections to read that far, also those that have no use for these events
        long district = Math.max(allocated.revision, HttpJson.registerDistrict(restarted.commandUrl(), "Skäggetorp"));
        for (String query : List.of("/api/budget/summary?fiscalYear=2025", "/api/timeline", "/api/districts/Sk%C3%A4ggetorp",
                "/api/agreements", "/api/org-chart")) {
            HttpResponse<String> read = HttpJson.get(restarted.queryUrl() + query + (query.contains("?") ? "&" : "?")
                    + "minRevision=" + (query.startsWith("/api/districts") ? district : allocated.revision));
            assertThat(read.statusCode()).as(query + ": " + read.body()).isEqualTo(200);
        }
    }

    // ------------------------------------------------------------------ the load: registrars, each on its own bodies and frame

    /** One command as sent: where, what, its Idempotency-Key, and how to find its event (a marker only it contains). */
    record Command(String kind, String path, String json, String key, String eventType, String aggregateId, String marker) {
    }

    /** A command and its answer; status 0: no answer (the connection died or nobody listened). */
    static final class Sent {
        final Command command;
        final int status;
        final String body;
        final String id;
        final Long revision;
        final Long revisionHeader;
        final boolean replayed;

        Sent(Command command, int status, String body, String id, Long revision, Long revisionHeader, boolean replayed) {
            this.command = command;
            this.status = status;
            this.body = body;
            this.id = id;
            this.revision = revision;
            this.revisionHeader = revisionHeader;
            this.replayed = replayed;
        }

        String describe() {
            return command.kind + " " + command.key + " (" + status + (id == null ? "" : ", " + id) + ")";
        }
    }

    /** A registrar's day: a budget frame, bodies with members, money from the frame to the bodies. */
    static final class Registrar implements Runnable {
        final String url;
        final String prefix;
        final AtomicBoolean stop;
        final AtomicInteger accepted;
        final AtomicInteger inFlight;
        final SplittableRandom random;
        final List<String> bodies = new ArrayList<>();
        String frameId;
        int counter;

        Registrar(String url, String run, int client, AtomicBoolean stop, AtomicInteger accepted, AtomicInteger inFlight) {
            this.url = url;
            this.prefix = "crash-" + run + "-c" + client;
            this.stop = stop;
            this.accepted = accepted;
            this.inFlight = inFlight;
            this.random = new SplittableRandom(client);
        }

        @Override
        public void run() {
            while (!stop.get()) {
                Command command = next();
                inFlight.incrementAndGet();
                Sent answer = send(url, command);
                inFlight.decrementAndGet();
                sent.add(answer);
                if (answer.status / 100 == 2) {
                    accepted.incrementAndGet();
                    if (command.kind.equals("establish")) bodies.add(command.aggregateId);
                    if (command.kind.equals("frame")) frameId = answer.id;
                } else if (answer.status == 0) {
                    sleep(20); // nobody listening any more: do not spin
                }
            }
        }

        Command next() {
            if (frameId == null) return openFrame();
            int dice = random.nextInt(100);
            if (bodies.isEmpty() || dice < 30) return establish();
            if (dice < 70) return appoint();
            return allocate();
        }

        String key() {
            return prefix + "-" + (++counter);
        }

        Command establish() {
            String key = key();
            String json = """
                    {"id":"%s","name":"Områdesteam (%s)","level":"OPERATIONAL","scope":{"kind":"DISTRICT","district":"Skäggetorp"},
                     "mandate":["Samordna det trygghetsskapande arbetet i Skäggetorp"],
                     "members":[{"role":"Kommunpolis"},{"role":"Stadsdelssamordnare"}],%s}""".formatted(key, key, decision("2025-01-01"));
            return new Command("establish", "/api/governance-bodies", json, key, GOVERNANCE + "GovernanceBodyEstablished", key,
                    "(" + key + ")");
        }

        Command appoint() {
            String key = key();
            String body = bodies.get(random.nextInt(bodies.size()));
            String role = "Fältsekreterare (" + key + ")";
            String json = """
                    {"role":"%s","holder":"Namn %d",%s}""".formatted(role, counter, decision("2025-02-01"));
            return new Command("appoint", "/api/governance-bodies/" + body + "/members", json, key, GOVERNANCE + "MemberAppointed",
                    body, role);
        }

        Command openFrame() {
            String key = key();
            String json = """
                    {"committee":"Kommunstyrelsen (%s)","fiscalYear":2025,"amountSek":1000000000000,%s}"""
                    .formatted(key, decision("2025-01-01"));
            return new Command("frame", "/api/budget/frames", json, key, BUDGET + "BudgetFrameOpened", null, "(" + key + ")");
        }

        Command allocate() {
            String key = key();
            String body = bodies.get(random.nextInt(bodies.size()));
            String json = """
                    {"fiscalYear":2025,"amountSek":%d,"source":{"kind":"FRAME","frameId":"%s","name":"Kommunstyrelsens budgetram 2025"},
                     "recipient":{"kind":"GOVERNANCE_BODY","bodyId":"%s","name":"Områdesteam"},
                     "purpose":"Trygghetsskapande åtgärder (%s)",%s}"""
                    .formatted(10_000L * (1 + random.nextInt(100)), frameId, body, key, decision("2025-02-01"));
            return new Command("allocate", "/api/budget/allocations", json, key, BUDGET + "BudgetAllocated", null, "(" + key + ")");
        }

        String decision(String date) {
            return """
                    "effectiveDate":"%s","decision":{"caseNumber":"KS 2025-%d","decisionDate":"%s","decidedBy":"Kommunstyrelsen"}"""
                    .formatted(date, 100 + random.nextInt(900), date);
        }
    }

    /** POSTs a command as the registrar with its Idempotency-Key. */
    static Sent send(String url, Command command) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url + command.path))
                .timeout(Duration.ofSeconds(60))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("registrar:registrar".getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", command.key)
                .POST(HttpRequest.BodyPublishers.ofString(command.json)).build();
        try {
            HttpResponse<String> answer = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            String id = null;
            Long revision = null;
            if (answer.statusCode() / 100 == 2) {
                JsonNode json = HttpJson.json(answer);
                id = json.path("id").isString() ? json.path("id").asString() : null;
                revision = json.path("revision").isNumber() ? json.path("revision").asLong() : null;
            }
            Long header = answer.headers().firstValue("Styrregistret-Revision").map(Long::valueOf).orElse(null);
            boolean replayed = answer.headers().firstValue("Idempotency-Replayed").map("true"::equals).orElse(false);
            return new Sent(command, answer.statusCode(), answer.body(), id, revision, header, replayed);
        } catch (IOException e) {
            return new Sent(command, 0, e.toString(), null, null, null, false);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static List<Sent> accepted() {
        synchronized (sent) {
            return sent.stream().filter(s -> s.status / 100 == 2).toList();
        }
    }

    static long maxRevisionAnswered() {
        return accepted().stream().map(s -> s.revision).filter(r -> r != null).mapToLong(Long::longValue).max().orElse(0);
    }

    // ------------------------------------------------------------------ the log and the projections, read with SQL

    record Event(long globalIndex, String eventId, String aggregateId, long sequence, String type, String payload) {
        @Override
        public String toString() {
            return "#" + globalIndex + " " + aggregateId + "/" + sequence;
        }
    }

    static Connection database() throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://localhost:" + restarted.dbPort + "/postgres", "postgres", "");
    }

    /** The whole log (a few thousand events), so each command's event is found by its marker in one pass. */
    static List<Event> readLog() throws SQLException {
        List<Event> events = new ArrayList<>();
        try (Connection c = database(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery("""
                select global_index, event_identifier, aggregate_identifier, sequence_number, payload_type,
                       convert_from(payload, 'UTF8') from axon.domain_event_entry order by global_index""")) {
            while (rs.next()) {
                events.add(new Event(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4), rs.getString(5), rs.getString(6)));
            }
        }
        return events;
    }

    static List<Event> eventsOf(List<Event> log, Command command) {
        return log.stream().filter(e -> e.type.equals(command.eventType))
                .filter(e -> command.aggregateId == null || command.aggregateId.equals(e.aggregateId))
                .filter(e -> e.payload.contains(command.marker)).toList();
    }

    static Map<String, Boolean> decidedKeys() throws SQLException {
        Map<String, Boolean> decided = new HashMap<>();
        try (Connection c = database(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "select idem_key, decided_at is not null from registry.idempotency_key where principal = 'registrar'")) {
            while (rs.next()) decided.put(rs.getString(1), rs.getBoolean(2));
        }
        return decided;
    }

    static long count(String sql) throws SQLException {
        try (Connection c = database(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static List<String> strings(String sql) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection c = database(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) rows.add(rs.getString(1));
        }
        return rows;
    }

    /** A register that loses nothing to a power cut commits durably; zonky's defaults do not, the launcher's must. */
    static void assertDurableCommits(int dbPort) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://localhost:" + dbPort + "/postgres", "postgres", "");
             Statement s = c.createStatement()) {
            for (String setting : List.of("fsync", "synchronous_commit", "full_page_writes")) {
                try (ResultSet rs = s.executeQuery("show " + setting)) {
                    rs.next();
                    assertThat(rs.getString(1)).as(setting).isEqualTo("on");
                }
            }
        }
    }

    /** Every projection has read the log to {@code head}, is running, not replaying, and parked nothing. */
    static void awaitCaughtUp(long head) {
        for (String projection : PROJECTIONS) {
            HttpJson.await(restarted.queryUrl() + "/api/admin/projections/" + projection,
                    s -> s.path("running").asBoolean() && !s.path("error").asBoolean() && !s.path("replaying").asBoolean()
                            && s.path("caughtUp").asBoolean() && s.path("position").isNumber() && s.path("position").asLong() >= head,
                    Duration.ofMinutes(2), "admin");
            JsonNode status = HttpJson.json(HttpJson.get(restarted.queryUrl() + "/api/admin/projections/" + projection, "admin"));
            assertThat(status.path("parked").isNumber() ? status.path("parked").asLong() : 0).as(projection + " parked events: " + status).isZero();
        }
    }

    /**
     * Per projection table: row count and an order-independent sum of row hashes, surrogate ids left
     * out (a rebuild numbers rows anew); the benchmark's fingerprint (deploy/bench Projections).
     */
    static Map<String, String> fingerprint() throws SQLException {
        Map<String, String> fingerprints = new LinkedHashMap<>();
        try (Connection c = database(); Statement s = c.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("""
                    select table_name from information_schema.tables
                    where table_schema = 'projection' and table_type = 'BASE TABLE' and table_name not like 'flyway%'
                    order by table_name""")) {
                while (rs.next()) tables.add(rs.getString(1));
            }
            for (String table : tables) {
                if (NOT_FINGERPRINTED.contains(table)) continue;
                List<String> columns = new ArrayList<>();
                try (ResultSet rs = s.executeQuery("""
                        select column_name from information_schema.columns
                        where table_schema = 'projection' and table_name = '%s' and column_name <> 'id'
                        order by ordinal_position""".formatted(table))) {
                    while (rs.next()) columns.add("\"" + rs.getString(1) + "\"");
                }
                String row = "concat_ws('|', " + String.join(", ", columns) + ")";
                try (ResultSet rs = s.executeQuery("select count(*), coalesce(sum(('x' || substr(md5(" + row
                        + "), 1, 16))::bit(64)::bigint::numeric), 0) from projection." + table)) {
                    rs.next();
                    fingerprints.put(table, rs.getLong(1) + " rows, hash " + rs.getBigDecimal(2).toPlainString());
                }
            }
        }
        return fingerprints;
    }

    // ------------------------------------------------------------------ the launcher as a process of its own

    /** {@code java -cp <this JVM's class path> Standalone ...}, with the JVM the tests run in; what it starts, it can kill. */
    static final class Launcher {
        final Process process;
        final Path dataDir;
        final int commandPort;
        final int queryPort;
        final int dbPort;
        final Path log;

        private Launcher(Process process, Path dataDir, int commandPort, int queryPort, int dbPort, Path log) {
            this.process = process;
            this.dataDir = dataDir;
            this.commandPort = commandPort;
            this.queryPort = queryPort;
            this.dbPort = dbPort;
            this.log = log;
        }

        static Launcher start(Path dataDir, int commandPort, int queryPort, int dbPort, Path log) throws IOException {
            String java = ProcessHandle.current().info().command().orElseThrow(() -> new IllegalStateException("no path to this JVM"));
            // surefire may run the tests from a manifest-only jar; it names the real class path here
            String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
            // C1 only: both services start in about half the time, and the test is about what survives, not speed
            ProcessBuilder builder = new ProcessBuilder(java, "-Xmx1g", "-XX:TieredStopAtLevel=1", "-cp", classPath, Standalone.class.getName(),
                    "--data-dir=" + dataDir, "--command-port=" + commandPort, "--query-port=" + queryPort, "--db-port=" + dbPort,
                    "--no-history", "--logging.level.se.styrregistret.command.handled=ERROR")
                    .redirectErrorStream(true).redirectOutput(log.toFile());
            builder.environment().put("AXONIQ_UPDATE_CHECKER_DISABLED", "true");
            return new Launcher(builder.start(), dataDir, commandPort, queryPort, dbPort, log);
        }

        String commandUrl() {
            return "http://localhost:" + commandPort;
        }

        String queryUrl() {
            return "http://localhost:" + queryPort;
        }

        /** Both services answer their readiness probe (the command-service's includes the database and its lookups). */
        void awaitReady() throws IOException {
            Instant deadline = Instant.now().plus(READY_WITHIN);
            while (Instant.now().isBefore(deadline)) {
                if (!process.isAlive()) {
                    throw new AssertionError("the launcher exited with " + process.exitValue() + " before it was ready; its output ends:\n"
                            + tail(log, 60));
                }
                if (ready(commandUrl()) && ready(queryUrl())) return;
                sleep(250);
            }
            throw new AssertionError("the launcher was not ready within " + READY_WITHIN + "; its output ends:\n" + tail(log, 60));
        }

        private static boolean ready(String url) {
            try {
                HttpResponse<Void> answer = HTTP.send(HttpRequest.newBuilder(URI.create(url + "/actuator/health/readiness"))
                        .timeout(Duration.ofSeconds(5)).GET().build(), HttpResponse.BodyHandlers.discarding());
                return answer.statusCode() == 200;
            } catch (IOException notYet) {
                return false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        /**
         * SIGKILL to the whole tree at once: the JVM and its descendants, and the postmaster with its
         * backends. zonky starts PostgreSQL through pg_ctl, which detaches the postmaster from the JVM,
         * so it is found through its data directory's postmaster.pid. Returns what was killed.
         */
        List<String> killWholeTree() throws Exception {
            Map<Long, ProcessHandle> tree = new LinkedHashMap<>();
            ProcessHandle jvm = process.toHandle();
            tree.put(jvm.pid(), jvm);
            jvm.descendants().forEach(p -> tree.put(p.pid(), p));
            postmaster().ifPresent(postmaster -> {
                tree.put(postmaster.pid(), postmaster);
                postmaster.descendants().forEach(p -> tree.put(p.pid(), p));
            });
            List<String> names = new ArrayList<>();
            for (ProcessHandle p : tree.values()) names.add(name(p));
            tree.values().forEach(ProcessHandle::destroyForcibly);
            Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
            for (ProcessHandle p : tree.values()) {
                while (alive(p)) {
                    if (Instant.now().isAfter(deadline)) throw new AssertionError("still alive 30 s after SIGKILL: " + p.pid());
                    sleep(20);
                }
            }
            if (process.isAlive()) process.waitFor(30, TimeUnit.SECONDS);
            return names;
        }

        /** The postmaster of this data directory, if it runs; the command line must name the directory (pids are reused). */
        Optional<ProcessHandle> postmaster() throws IOException {
            Path pidFile = dataDir.resolve("postmaster.pid");
            if (!Files.exists(pidFile)) return Optional.empty();
            List<String> lines = Files.readAllLines(pidFile);
            if (lines.isEmpty() || lines.get(0).isBlank()) return Optional.empty();
            return ProcessHandle.of(Long.parseLong(lines.get(0).strip()))
                    .filter(p -> p.info().commandLine().map(line -> line.contains(dataDir.toString())).orElse(false));
        }

        /** Stopped as a user stops it (SIGTERM: its shutdown hook closes both services and stops PostgreSQL). */
        void stop() throws Exception {
            Optional<ProcessHandle> postmaster = postmaster();
            process.destroy();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                killWholeTree();
                throw new AssertionError("the launcher did not stop within 60 s of SIGTERM; killed it");
            }
            if (postmaster.isPresent() && alive(postmaster.get())) {
                postmaster.get().destroyForcibly();
                throw new AssertionError("the launcher stopped but left its PostgreSQL running; killed it");
            }
        }

        /**
         * Alive and not a zombie: a killed postmaster or backend, its parent gone too, waits for init to
         * collect it (here up to two seconds), and is gone for us; its process id is not free until then.
         */
        private static boolean alive(ProcessHandle p) {
            if (!p.isAlive()) return false;
            try {
                String stat = Files.readString(Path.of("/proc", Long.toString(p.pid()), "stat"));
                return stat.charAt(stat.lastIndexOf(')') + 2) != 'Z';
            } catch (IOException | RuntimeException gone) {
                return false;
            }
        }

        private static String name(ProcessHandle p) {
            return p.info().command().map(c -> Path.of(c).getFileName().toString()).orElse("?");
        }
    }

    // ------------------------------------------------------------------ small things

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static String tail(Path file, int lines) {
        try {
            List<String> all = Files.readAllLines(file, StandardCharsets.UTF_8);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException | UncheckedIOException e) {
            return "(unreadable: " + e + ")";
        }
    }

    static void deleteRecursively(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
    }
}
