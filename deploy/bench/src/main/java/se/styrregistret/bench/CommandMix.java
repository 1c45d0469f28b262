package se.styrregistret.bench;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * What a registrar does all day, one client's share of it: establish bodies (with a mandate and
 * members), appoint members to them, allocate money to them, and dissolve a body when a new one
 * takes over. Each client works on its own bodies, so no two clients contend for one aggregate (a
 * contended body would measure retries, not the path).
 * <p>
 * The shape a municipality has: a client keeps at most {@value #ACTIVE_PER_CLIENT} active bodies (its
 * oldest is dissolved before it establishes one more), so the chart stays the size of a municipality's
 * however long the load runs (32 clients: at most 256 bodies); its decisions move forward a day every
 * {@value #COMMANDS_PER_DAY} commands and money is booked in the fiscal year of its decision, so a year
 * holds what a year of decisions holds, not the whole run.
 */
final class CommandMix {

    private static final String[] DISTRICTS = {"Berga", "Ryd", "Skäggetorp", "Lambohov", "Johannelund", "Ekholmen"};
    private static final String[] ROLES = {"Kommunpolis", "Stadsdelssamordnare", "Fältsekreterare", "Rektor",
            "Fritidsgårdsföreståndare", "Socialsekreterare", "Bostadsbolagets områdeschef", "Räddningstjänsten"};

    /**
     * One command: where it goes, what it says, the id a 2xx answer names (null when the server
     * chooses) and a string found only in this command's event, to find it in the log afterwards.
     */
    record Command(String kind, String path, String json, String expectedId, String marker, String eventType) {
    }

    static final int ACTIVE_PER_CLIENT = 8;
    static final int COMMANDS_PER_DAY = 1;

    private final String prefix;
    private final SplittableRandom random;
    private final List<String> bodies = new ArrayList<>();
    private long counter;
    private long commands;

    CommandMix(String runId, int client, long seed) {
        this.prefix = "b" + runId + "-c" + client;
        this.random = new SplittableRandom(seed);
    }

    /** A body joins the client's own once its establishment was accepted, and leaves once its dissolution was. */
    void accepted(Command command) {
        if (command.kind().equals("EstablishGovernanceBody")) bodies.add(command.expectedId());
        if (command.kind().equals("DissolveGovernanceBody")) bodies.remove(command.expectedId());
    }

    /**
     * A dissolution that was not accepted (no answer: the service died with it in flight; or refused) may
     * have ended the body all the same: the client leaves that body alone from then on, as a registrar
     * who lost the answer would look before touching it again. (The last full run found clients stuck on
     * such a body after the command-service's kill, refused with body-has-ended on every later command.)
     */
    void notAccepted(Command command) {
        if (command.kind().equals("DissolveGovernanceBody")) bodies.remove(command.expectedId());
    }

    /** The client's active bodies, oldest first. */
    List<String> bodies() {
        return List.copyOf(bodies);
    }

    Command next() {
        commands++;
        int dice = random.nextInt(100);
        if (bodies.isEmpty() || dice < 25) {
            return bodies.size() >= ACTIVE_PER_CLIENT ? dissolve(bodies.get(0)) : establish();
        }
        if (dice < 70) return appoint();
        return allocate();
    }

    /** A body with a client-chosen id, so the harness can find its event in the log afterwards. */
    Command establish() {
        String id = prefix + "-" + (++counter);
        String district = DISTRICTS[random.nextInt(DISTRICTS.length)];
        String json = """
                {"id":"%s","name":"Områdesteam %s %s","shortName":"OT %s","level":"OPERATIONAL",
                 "scope":{"kind":"DISTRICT","district":"%s"},
                 "mandate":["Samordna det trygghetsskapande och brottsförebyggande arbetet i %s",
                            "Ta fram en gemensam lägesbild och föreslå insatser till den tvärsektoriella samordningsgruppen"],
                 "convener":"Stadsdelssamordnare","meetingFrequency":"Varannan vecka",
                 "members":[{"role":"Kommunpolis"},{"role":"Stadsdelssamordnare"},{"role":"Fältsekreterare"}],
                 %s}""".formatted(id, district, id, counter, district, district, decision());
        return new Command("EstablishGovernanceBody", "/api/governance-bodies", json, id, id,
                "se.styrregistret.kernel.governance.GovernanceBodyEstablished");
    }

    /** The oldest body, dissolved as its work passes to the next one. */
    private Command dissolve(String body) {
        String json = """
                {"reason":"Uppdraget övergår till ett nytt områdesteam",%s}""".formatted(decision());
        return new Command("DissolveGovernanceBody", "/api/governance-bodies/" + body + "/dissolution", json, body, body,
                "se.styrregistret.kernel.governance.GovernanceBodyDissolved");
    }

    private Command appoint() {
        String body = bodies.get(random.nextInt(bodies.size()));
        String role = ROLES[random.nextInt(ROLES.length)] + " " + prefix + "-" + (++counter);
        String json = """
                {"role":"%s","holder":"Namn %d",%s}""".formatted(role, counter, decision());
        // quoted: "Rektor b1-c1-1" must not also match "Rektor b1-c1-10"
        return new Command("AppointMember", "/api/governance-bodies/" + body + "/members", json, body, '"' + role + '"',
                "se.styrregistret.kernel.governance.MemberAppointed");
    }

    private Command allocate() {
        String body = bodies.get(random.nextInt(bodies.size()));
        long amount = 10_000L * (1 + random.nextInt(200));
        int year = today().getYear();
        String json = """
                {"fiscalYear":%d,"amountSek":%d,"source":{"kind":"RESOURCE_FUNDS","name":"KS resursfond %d"},
                 "recipient":{"kind":"GOVERNANCE_BODY","bodyId":"%s","name":"Områdesteam %s"},
                 "purpose":"Trygghetsskapande åtgärder",%s}""".formatted(year, amount, year, body, body, decision());
        return new Command("AllocateBudget", "/api/budget/allocations", json, null, null,
                "se.styrregistret.kernel.budget.BudgetAllocated");
    }

    /** Each client's decisions move forward in time: a member is never appointed before the body's start. */
    private LocalDate today() {
        return LocalDate.of(2025, 1, 1).plusDays(commands / COMMANDS_PER_DAY);
    }

    private String decision() {
        LocalDate date = today();
        return """
                "effectiveDate":"%s","decision":{"caseNumber":"KS 2025-%d","decisionDate":"%s","decidedBy":"Kommunstyrelsen"}"""
                .formatted(date, 100 + random.nextInt(900), date);
    }
}
