package se.styrregistret.bench;

import org.axonframework.common.transaction.Transaction;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.messaging.MetaData;
import org.springframework.context.ConfigurableApplicationContext;
import se.styrregistret.command.CommandServiceApplication;
import se.styrregistret.kernel.budget.AllocationDistributed;
import se.styrregistret.kernel.budget.AllocationId;
import se.styrregistret.kernel.budget.AllocationPart;
import se.styrregistret.kernel.budget.BudgetAllocated;
import se.styrregistret.kernel.budget.BudgetFrameId;
import se.styrregistret.kernel.budget.BudgetFrameOpened;
import se.styrregistret.kernel.budget.FundingSource;
import se.styrregistret.kernel.budget.Recipient;
import se.styrregistret.kernel.budget.RecipientKind;
import se.styrregistret.kernel.common.DecisionReference;
import se.styrregistret.kernel.governance.FieldChange;
import se.styrregistret.kernel.governance.GovernanceBodyAmended;
import se.styrregistret.kernel.governance.GovernanceBodyDissolved;
import se.styrregistret.kernel.governance.GovernanceBodyEstablished;
import se.styrregistret.kernel.governance.GovernanceBodyId;
import se.styrregistret.kernel.governance.Level;
import se.styrregistret.kernel.governance.Member;
import se.styrregistret.kernel.governance.MemberAppointed;
import se.styrregistret.kernel.governance.MemberRemoved;
import se.styrregistret.kernel.governance.Scope;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * Writes a large, realistic event log through the command-service's own event storage engine (its
 * serializer, its tables, its global sequence), bypassing HTTP, the aggregates' decisions and the
 * command side's lookup tables (which only serve new commands, and none targets a generated body),
 * but keeping every stream consistent: members are appointed to bodies that exist, removed only
 * when present, frames are never over-drawn, distributions sum to what they distribute. About 300
 * bodies are active at any time while bodies come and go, each with at most {@value #MAX_MEMBERS}
 * members; the calendar advances one day per 100 events, so a million events span decades of fiscal years.
 */
final class EventLogGenerator implements AutoCloseable {

    private static final int BATCH = 500;

    /** The generated log's shape, as the report states it. */
    static final String SHAPE = "Shape of the generated log: about 300 bodies active at any time in 10 districts (3 % of events "
            + "establish one, 3 % dissolve one), each with at most 14 members; 44 % member changes, 8 % amendments, 2 % budget frames, "
            + "25 % allocations, 15 % distributions; the calendar advances a day per 100 events, so a fiscal year holds about 36 500 "
            + "events and 14 600 movements (about 1 500 per district): denser than any one municipality's register, while every "
            + "answer the bench asks for stays a municipality's size (a chart of a few hundred bodies, a page of one district's ledger).";
    static final String NATIONAL_SHAPE = "Shape of the generated log: national, the registers of 290 municipalities in one log, "
            + "each with 10 districts (2 900 districts); about 29 000 bodies active at any time (about 10 per district; the first "
            + "29 000 events establish them), each with at most 14 members; then the municipal mix (3 % of events establish a body, "
            + "3 % dissolve one, 44 % member changes, 8 % amendments, 2 % budget frames, 25 % allocations, 15 % distributions); "
            + "the calendar advances a day per 100 events, so a fiscal year holds about 14 600 movements in all, a handful per "
            + "district. Every answer the bench asks for is one district's: its chart page, its ledger page, its summary.";

    /** How many bodies are active at any time, and in which districts: one municipality's, or a nation's. */
    record Shape(int activeBodies, List<String> districts) {
        static final Shape MUNICIPALITY = new Shape(300, List.of(DISTRICTS));
        static final Shape NATIONAL = new Shape(29_000, nationalDistricts());

        private static List<String> nationalDistricts() {
            List<String> districts = new ArrayList<>();
            for (int municipality = 1; municipality <= 290; municipality++) {
                for (String district : DISTRICTS) districts.add("Kommun %03d %s".formatted(municipality, district));
            }
            return List.copyOf(districts);
        }
    }

    /** Members of a body at most: an area team or a steering group has a dozen, not a hundred. */
    private static final int MAX_MEMBERS = 14;
    static final String[] DISTRICTS = {"Berga", "Ryd", "Skäggetorp", "Lambohov", "Johannelund", "Ekholmen",
            "Tornby", "Vasastaden", "Hejdeby", "Linghem"};
    private static final String[] COMMITTEES = {"Kommunstyrelsen", "Social- och omsorgsnämnden", "Kultur- och fritidsnämnden",
            "Bildningsnämnden", "Samhällsbyggnadsnämnden"};
    private static final String[] ROLES = {"Kommunpolis", "Stadsdelssamordnare", "Fältsekreterare", "Rektor",
            "Socialsekreterare", "Räddningstjänsten", "Bostadsbolagets områdeschef", "Fritidsgårdsföreståndare"};
    private static final String[] FREQUENCIES = {"Varannan vecka", "En gång i månaden", "Fyra gånger per år"};

    private static final class Body {
        final String id;
        final String name;
        final String district;
        final List<String> mandate;
        final List<Member> members = new ArrayList<>();
        String frequency;
        long nextSequence;

        Body(String id, String name, String district, List<String> mandate, String frequency) {
            this.id = id;
            this.name = name;
            this.district = district;
            this.mandate = mandate;
            this.frequency = frequency;
        }
    }

    private record Frame(String id, String committee, int year, long[] remaining) {
    }

    private record Undistributed(String id, int year, long amount, FundingSource source, Recipient recipient) {
    }

    private final Shape shape;
    private final ConfigurableApplicationContext context;
    private final EventStorageEngine storage;
    private final TransactionManager transactions;
    private final SplittableRandom random;
    private final List<Body> active = new ArrayList<>();
    private final List<Frame> frames = new ArrayList<>();
    private final List<Undistributed> undistributed = new ArrayList<>();
    private long written;
    private long counter;

    EventLogGenerator(BenchDatabase db, long seed, Shape shape) {
        this.shape = shape;
        List<String> args = new ArrayList<>(db.springArgs());
        args.addAll(List.of("--server.port=0", "--spring.main.banner-mode=off", "--logging.level.root=WARN",
                "--spring.application.name=bench-generator",
                // one round trip per batch of inserts instead of one per event
                "--spring.jpa.properties.hibernate.jdbc.batch_size=" + BATCH));
        this.context = CommandServiceApplication.builder().registerShutdownHook(false).run(args.toArray(String[]::new));
        this.storage = context.getBean(EventStorageEngine.class);
        this.transactions = context.getBean(TransactionManager.class);
        this.random = new SplittableRandom(seed);
    }

    /** Appends {@code count} events, {@value BATCH} per transaction. */
    void append(long count) {
        long left = count;
        while (left > 0) {
            int n = (int) Math.min(BATCH, left);
            List<EventMessage<?>> batch = new ArrayList<>(n);
            while (batch.size() < n) batch.add(next());
            Transaction transaction = transactions.startTransaction();
            try {
                storage.appendEvents(batch);
                transaction.commit();
            } catch (RuntimeException e) {
                transaction.rollback();
                throw e;
            }
            left -= n;
        }
    }

    private LocalDate today() {
        return LocalDate.of(2000, 1, 1).plusDays(written / 100);
    }

    private EventMessage<?> next() {
        int dice = random.nextInt(100);
        if (active.size() < shape.activeBodies() || dice < 3) return establish();
        if (dice < 6) return dissolve();
        if (dice < 40) return appoint();
        if (dice < 50) {
            EventMessage<?> removal = removeMember();
            if (removal != null) return removal;
            return appoint();
        }
        if (dice < 58) return amend();
        if (dice < 60 || frames.isEmpty()) return openFrame();
        if (dice < 85) return allocate();
        if (!undistributed.isEmpty()) return distribute();
        return allocate();
    }

    private EventMessage<?> establish() {
        String district = shape.districts().get(random.nextInt(shape.districts().size()));
        long n = ++counter;
        Body body = new Body("gen-" + n, "Områdesteam " + district + " " + n, district,
                List.of("Samordna det trygghetsskapande och brottsförebyggande arbetet i " + district,
                        "Ta fram en gemensam lägesbild och föreslå insatser till samordningsgruppen",
                        "Följa upp handlingsplanens insatser i stadsdelen"),
                FREQUENCIES[random.nextInt(FREQUENCIES.length)]);
        for (int i = 0; i < 5; i++) body.members.add(new Member(ROLES[i] + " " + n, null));
        active.add(body);
        return event(body, new GovernanceBodyEstablished(GovernanceBodyId.of(body.id), body.name, "OT " + n, Level.OPERATIONAL,
                Scope.district(district), body.mandate, "Stadsdelssamordnare", body.frequency,
                List.of("Analytiker", "Kommunikatör"), List.copyOf(body.members), today(), decision()));
    }

    private EventMessage<?> dissolve() {
        Body body = active.remove(random.nextInt(active.size()));
        return event(body, new GovernanceBodyDissolved(GovernanceBodyId.of(body.id),
                "Uppdraget övergår till ett nytt områdesteam", today(), decision()));
    }

    private EventMessage<?> appoint() {
        Body body = active.get(random.nextInt(active.size()));
        if (body.members.size() >= MAX_MEMBERS) {
            // a group of a realistic size: a new member takes a leaving one's place
            Member leaving = body.members.remove(random.nextInt(body.members.size()));
            return event(body, new MemberRemoved(GovernanceBodyId.of(body.id), leaving, today(), decision()));
        }
        Member member = new Member(ROLES[random.nextInt(ROLES.length)] + " " + (++counter), "Namn " + counter);
        body.members.add(member);
        return event(body, new MemberAppointed(GovernanceBodyId.of(body.id), member, today(), decision()));
    }

    private EventMessage<?> removeMember() {
        Body body = active.get(random.nextInt(active.size()));
        if (body.members.size() <= 3) return null;
        Member member = body.members.remove(random.nextInt(body.members.size()));
        return event(body, new MemberRemoved(GovernanceBodyId.of(body.id), member, today(), decision()));
    }

    private EventMessage<?> amend() {
        Body body = active.get(random.nextInt(active.size()));
        String before = body.frequency;
        String after = FREQUENCIES[(List.of(FREQUENCIES).indexOf(before) + 1) % FREQUENCIES.length];
        body.frequency = after;
        return event(body, new GovernanceBodyAmended(GovernanceBodyId.of(body.id),
                List.of(new FieldChange("meetingFrequency", before, after)), body.name, body.mandate,
                "Stadsdelssamordnare", after, List.of("Analytiker", "Kommunikatör"), today(), decision()));
    }

    private EventMessage<?> openFrame() {
        int year = today().getYear();
        long amount = 20_000_000L + 1_000_000L * random.nextInt(30);
        Frame frame = new Frame("frame-" + (++counter), COMMITTEES[random.nextInt(COMMITTEES.length)], year, new long[]{amount});
        frames.add(frame);
        if (frames.size() > 20) frames.remove(0);
        return event("BudgetFrame", frame.id, 0, new BudgetFrameOpened(BudgetFrameId.of(frame.id), frame.committee, year,
                amount, "Kommunfullmäktiges budget " + year, today(), decision()));
    }

    private EventMessage<?> allocate() {
        int year = today().getYear();
        long amount = 10_000L * (1 + random.nextInt(300));
        Frame frame = frames.get(random.nextInt(frames.size()));
        FundingSource source;
        if (frame.year == year && frame.remaining[0] >= amount) {
            frame.remaining[0] -= amount;
            source = FundingSource.frame(BudgetFrameId.of(frame.id), frame.committee + "s budgetram " + year);
        } else {
            source = FundingSource.resourceFunds("KS resursfond " + year);
        }
        String id = "alloc-" + (++counter);
        Recipient recipient;
        if (random.nextBoolean()) {
            recipient = Recipient.committee(COMMITTEES[random.nextInt(COMMITTEES.length)]);
            undistributed.add(new Undistributed(id, year, amount, source, recipient));
            if (undistributed.size() > 200) undistributed.remove(0);
        } else {
            Body body = active.get(random.nextInt(active.size()));
            recipient = new Recipient(RecipientKind.AREA_TEAM, GovernanceBodyId.of(body.id), body.name, body.district);
        }
        return event("Allocation", id, 0, new BudgetAllocated(AllocationId.of(id), year, amount, source, recipient,
                "Trygghetsskapande åtgärder", today(), decision()));
    }

    private EventMessage<?> distribute() {
        Undistributed allocation = undistributed.remove(random.nextInt(undistributed.size()));
        int parts = 2 + random.nextInt(2);
        List<AllocationPart> split = new ArrayList<>();
        long left = allocation.amount();
        for (int i = 0; i < parts; i++) {
            Body body = active.get(random.nextInt(active.size()));
            long amount = i == parts - 1 ? left : allocation.amount() / parts;
            left -= amount;
            split.add(new AllocationPart(new Recipient(RecipientKind.AREA_TEAM, GovernanceBodyId.of(body.id), body.name,
                    body.district), amount, "Del till " + body.name));
        }
        return event("Allocation", allocation.id(), 1, new AllocationDistributed(AllocationId.of(allocation.id()),
                allocation.year(), allocation.amount(), allocation.source(), allocation.recipient(), split, today(), decision()));
    }

    private EventMessage<?> event(Body body, Object payload) {
        return event("GovernanceBody", body.id, body.nextSequence++, payload);
    }

    private EventMessage<?> event(String type, String aggregateId, long sequence, Object payload) {
        written++;
        String correlation = UUID.randomUUID().toString();
        return new GenericDomainEventMessage<>(type, aggregateId, sequence, payload,
                MetaData.from(Map.of("recordedBy", "registrar", "correlationId", correlation, "traceId", correlation)));
    }

    private DecisionReference decision() {
        LocalDate date = today();
        return new DecisionReference("KS " + date.getYear() + "-" + (100 + random.nextInt(900)), "§ " + (1 + random.nextInt(300)),
                date, random.nextInt(4) == 0 ? "Kommundirektören" : "Kommunstyrelsen");
    }

    @Override
    public void close() {
        context.close();
    }
}
