package se.styrregistret.query.config;

import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.springframework.jdbc.core.JdbcTemplate;
import se.styrregistret.kernel.actionplan.ActionAdded;
import se.styrregistret.kernel.actionplan.ActionLinkedToBody;
import se.styrregistret.kernel.actionplan.ActionPlanApproved;
import se.styrregistret.kernel.actionplan.ActionPlanId;
import se.styrregistret.kernel.actionplan.ActionProgressReported;
import se.styrregistret.kernel.actionplan.ActionReopened;
import se.styrregistret.kernel.actionplan.ActionRevised;
import se.styrregistret.kernel.actionplan.ActionWithdrawn;
import se.styrregistret.kernel.actionplan.DevelopmentArea;
import se.styrregistret.kernel.actionplan.PlannedAction;
import se.styrregistret.kernel.actionplan.ProgressStatus;
import se.styrregistret.kernel.agreement.AgreementId;
import se.styrregistret.kernel.agreement.AgreementKind;
import se.styrregistret.kernel.agreement.AgreementRecorded;
import se.styrregistret.kernel.budget.AllocationDistributed;
import se.styrregistret.kernel.budget.AllocationId;
import se.styrregistret.kernel.budget.AllocationPart;
import se.styrregistret.kernel.budget.AllocationReversed;
import se.styrregistret.kernel.budget.BudgetAllocated;
import se.styrregistret.kernel.budget.BudgetFrameExtended;
import se.styrregistret.kernel.budget.BudgetFrameId;
import se.styrregistret.kernel.budget.BudgetFrameOpened;
import se.styrregistret.kernel.budget.FinancingReferred;
import se.styrregistret.kernel.budget.FundingSource;
import se.styrregistret.kernel.budget.GrantId;
import se.styrregistret.kernel.budget.GrantRegistered;
import se.styrregistret.kernel.budget.Recipient;
import se.styrregistret.kernel.budget.RecipientKind;
import se.styrregistret.kernel.budget.ReferralId;
import se.styrregistret.kernel.budget.ReferralSettled;
import se.styrregistret.kernel.common.DecisionReference;
import se.styrregistret.kernel.correction.EntryCorrected;
import se.styrregistret.kernel.district.DistrictPictureRecorded;
import se.styrregistret.kernel.district.DistrictRegistered;
import se.styrregistret.kernel.district.Districts;
import se.styrregistret.kernel.district.PictureKind;
import se.styrregistret.kernel.district.PriorityDistrictDesignated;
import se.styrregistret.kernel.governance.AreaTeamEstablished;
import se.styrregistret.kernel.governance.EstablishingDecisionRescinded;
import se.styrregistret.kernel.governance.FieldChange;
import se.styrregistret.kernel.governance.FunctionTransferred;
import se.styrregistret.kernel.governance.GovernanceBodyAmended;
import se.styrregistret.kernel.governance.GovernanceBodyDissolved;
import se.styrregistret.kernel.governance.GovernanceBodyEstablished;
import se.styrregistret.kernel.governance.GovernanceBodyId;
import se.styrregistret.kernel.governance.GovernanceBodyReplaced;
import se.styrregistret.kernel.governance.GovernanceBodySucceeded;
import se.styrregistret.kernel.governance.Level;
import se.styrregistret.kernel.governance.Member;
import se.styrregistret.kernel.governance.MemberAppointed;
import se.styrregistret.kernel.governance.MemberRemoved;
import se.styrregistret.kernel.governance.ReportingLineSet;
import se.styrregistret.kernel.governance.Scope;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A register's history made up from a seed, in the shape the command-service appends it: bodies established,
 * renamed, staffed, reporting to each other, replaced by successors, dissolved and rescinded; area teams in
 * registered districts; function transfers between organisations; frames, allocations to bodies and area teams,
 * distributions, reversals, grants and referrals; action plans whose actions are linked to bodies; district
 * pictures; agreements; and corrections and annulments of all kinds. Aggregates are interleaved at random, so
 * a segment that applies one aggregate's events runs ahead of or behind the events of the aggregates they name.
 */
final class MixedHistory {

    private static final List<String> DISTRICTS = List.of("Berga", "Ryd", "Skäggetorp", "Lambohov");
    private static final LocalDate START = LocalDate.of(2019, 1, 1);

    private final EventStore store;
    private final JdbcTemplate jdbc;
    private final Random random;
    private final Map<String, Long> sequences = new HashMap<>();

    /** A body as the history knows it, to make its later events fit. */
    private static final class Body {
        final String id;
        String name;
        final LocalDate established;
        boolean ended;
        boolean rescinded;
        String reportsTo;
        String district;
        final List<String> roles = new ArrayList<>();
        /** Its entries a correction may name (amendments and members): event id, revision, event. */
        final List<Entry> correctable = new ArrayList<>();

        Body(String id, String name, LocalDate established) {
            this.id = id;
            this.name = name;
            this.established = established;
        }
    }

    private record Entry(String eventId, long revision, Object event) {
    }

    private final List<Body> bodies = new ArrayList<>();
    private final List<Body> areaTeams = new ArrayList<>();
    private final Map<String, List<Entry>> allocations = new LinkedHashMap<>();
    private final Map<String, Integer> allocationYear = new HashMap<>();
    private final List<String> frames = new ArrayList<>();
    private final List<String> openReferrals = new ArrayList<>();
    private final Map<String, Map<String, ProgressStatus>> plans = new LinkedHashMap<>();
    private final Map<String, List<Entry>> transfers = new LinkedHashMap<>();
    private final Map<String, List<Entry>> pictures = new LinkedHashMap<>();
    private final Map<String, Integer> pictureVersions = new HashMap<>();
    private final List<Entry> agreements = new ArrayList<>();
    private int serial;
    long corrections;
    long crossAggregate;

    MixedHistory(EventStore store, JdbcTemplate jdbc, long seed) {
        this.store = store;
        this.jdbc = jdbc;
        this.random = new Random(seed);
    }

    /** Appends about {@code steps} events (a few more: a replacement is three) and returns the last revision. */
    long write(int steps) {
        for (String district : DISTRICTS) {
            append("District", Districts.key(district), new DistrictRegistered(district, "Linköping", START, decision(START)), null);
        }
        append("District", Districts.key("Berga"), new PriorityDistrictDesignated("Berga", START.plusDays(30), decision(START)), null);
        append("District", Districts.key("Skäggetorp"), new PriorityDistrictDesignated("Skäggetorp", START.plusDays(30),
                decision(START)), null);
        for (int i = 0; i < 8; i++) establish(null);
        long last = 0;
        for (int step = 0; step < steps; step++) {
            last = step(random.nextInt(100));
        }
        return last;
    }

    private long step(int pick) {
        if (pick < 6) return bodies.size() < 80 ? establish(null) : rename();
        if (pick < 9) return areaTeam();
        if (pick < 16) return rename();
        if (pick < 24) return member();
        if (pick < 31) return reportingLine();
        if (pick < 34) return replace();
        if (pick < 36) return dissolveOrRescind();
        if (pick < 41) return correctBody();
        if (pick < 46) return transfer();
        if (pick < 62) return money();
        if (pick < 78) return plan();
        if (pick < 86) return picture();
        if (pick < 90) return agreement();
        return member();
    }

    // --- governance

    private long establish(String predecessorName) {
        String id = "gb-" + (++serial);
        LocalDate date = date(0, 900);
        boolean inDistrict = random.nextInt(3) == 0;
        String name = (predecessorName == null ? "Organ " : "Efterträdare till " + predecessorName + " ") + serial;
        Body body = new Body(id, name, date);
        bodies.add(body);
        return append("GovernanceBody", id, new GovernanceBodyEstablished(GovernanceBodyId.of(id), name, "O" + serial,
                Level.values()[random.nextInt(4)], inDistrict ? Scope.district(district()) : Scope.municipality(),
                List.of("Samordna arbetet " + serial), "Sammankallande " + serial, "Varje månad", List.of(),
                List.of(new Member("Ordförande", "Person " + serial)), date, decision(date)), null);
    }

    private long areaTeam() {
        String id = "team-" + (++serial);
        String district = district();
        LocalDate date = date(0, 900);
        Body team = new Body(id, "Områdesteam " + district + " " + serial, date);
        team.district = district;
        bodies.add(team);
        areaTeams.add(team);
        return append("GovernanceBody", id, new AreaTeamEstablished(GovernanceBodyId.of(id), team.name, district,
                "Socialförvaltningen", "Social- och omsorgsnämnden", 1 + random.nextInt(3), random.nextInt(4),
                "Trygghet i " + district, date, decision(date)), null);
    }

    private long rename() {
        Body b = active();
        String name = "Omdöpt " + b.id + " " + (++serial);
        GovernanceBodyAmended event = new GovernanceBodyAmended(GovernanceBodyId.of(b.id),
                List.of(new FieldChange("name", b.name, name)), name, List.of("Samordna arbetet"), "Sammankallande",
                "Varje månad", List.of(), after(b), decision(after(b)));
        b.name = name;
        return correctable(b, event);
    }

    private long member() {
        Body b = active();
        if (!b.roles.isEmpty() && random.nextBoolean()) {
            String role = b.roles.remove(random.nextInt(b.roles.size()));
            return correctable(b, new MemberRemoved(GovernanceBodyId.of(b.id), new Member(role, null), after(b), decision(after(b))));
        }
        String role = "Roll " + random.nextInt(6);
        b.roles.remove(role);
        b.roles.add(role);
        return correctable(b, new MemberAppointed(GovernanceBodyId.of(b.id), new Member(role, "Person " + random.nextInt(50)),
                after(b), decision(after(b))));
    }

    /** A body reports to another: the event is the one body's, and names the other. */
    private long reportingLine() {
        Body b = active();
        Body to = active();
        if (to == b) return member();
        crossAggregate++;
        String previous = b.reportsTo;
        b.reportsTo = to.id;
        return append("GovernanceBody", b.id, new ReportingLineSet(GovernanceBodyId.of(b.id), GovernanceBodyId.of(to.id),
                previous == null ? null : GovernanceBodyId.of(previous), after(b), decision(after(b))), null);
    }

    /** A successor is established and takes over: each body's own event names the other. */
    private long replace() {
        Body predecessor = active();
        establish(predecessor.id);
        Body successor = bodies.get(bodies.size() - 1);
        LocalDate date = after(predecessor).isAfter(successor.established) ? after(predecessor) : successor.established.plusDays(1);
        DecisionReference decision = decision(date);
        predecessor.ended = true;
        crossAggregate += 2;
        append("GovernanceBody", predecessor.id, new GovernanceBodyReplaced(GovernanceBodyId.of(predecessor.id),
                List.of(GovernanceBodyId.of(successor.id)), "Omorganisation " + serial, date, decision), null);
        return append("GovernanceBody", successor.id, new GovernanceBodySucceeded(GovernanceBodyId.of(successor.id),
                List.of(GovernanceBodyId.of(predecessor.id)), "Omorganisation " + serial, date, decision), null);
    }

    private long dissolveOrRescind() {
        Body b = active();
        if (!b.rescinded && random.nextBoolean()) {
            b.rescinded = true;
            return append("GovernanceBody", b.id, new EstablishingDecisionRescinded(GovernanceBodyId.of(b.id),
                    decision(b.established), after(b), decision(after(b))), null);
        }
        b.ended = true;
        return append("GovernanceBody", b.id, new GovernanceBodyDissolved(GovernanceBodyId.of(b.id), "Uppdraget slutfört",
                after(b), decision(after(b))), null);
    }

    /** A body's amendment or member change corrected (a replacement with another date) or annulled. */
    private long correctBody() {
        List<Body> withEntries = bodies.stream().filter(b -> !b.correctable.isEmpty()).toList();
        if (withEntries.isEmpty()) return rename();
        Body b = withEntries.get(random.nextInt(withEntries.size()));
        Entry wrong = b.correctable.remove(random.nextInt(b.correctable.size()));
        boolean annul = random.nextInt(3) == 0;
        corrections++;
        long at = append("GovernanceBody", b.id, new EntryCorrected(b.id, wrong.eventId(), wrong.revision(),
                wrong.event().getClass().getSimpleName(), annul, "Fel i registreringen", null), null);
        if (annul) return at;
        return append("GovernanceBody", b.id, redated(wrong.event(), after(b)), wrong.eventId());
    }

    private static Object redated(Object event, LocalDate date) {
        if (event instanceof GovernanceBodyAmended e) {
            return new GovernanceBodyAmended(e.bodyId(), e.changes(), e.name(), e.mandate(), "Rättad sammankallande",
                    e.meetingFrequency(), e.supportingResources(), date, e.decision());
        }
        if (event instanceof MemberAppointed e) return new MemberAppointed(e.bodyId(), e.member(), date, e.decision());
        if (event instanceof MemberRemoved e) return new MemberRemoved(e.bodyId(), e.member(), date, e.decision());
        throw new IllegalArgumentException(event.toString());
    }

    /** A function moves between organisations (named as bodies are); now and then a transfer is corrected. */
    private long transfer() {
        if (!transfers.isEmpty() && random.nextInt(4) == 0) {
            String function = pickKey(transfers);
            List<Entry> entries = transfers.get(function);
            if (!entries.isEmpty()) {
                Entry wrong = entries.remove(random.nextInt(entries.size()));
                boolean annul = random.nextBoolean();
                corrections++;
                long at = append("OrganisationalFunction", function, new EntryCorrected(function, wrong.eventId(),
                        wrong.revision(), "FunctionTransferred", annul, "Fel mottagare", null), null);
                if (annul) return at;
                FunctionTransferred e = (FunctionTransferred) wrong.event();
                return append("OrganisationalFunction", function, new FunctionTransferred(e.functionId(), e.function(),
                        e.fromOrganisation(), active().name, e.effectiveDate(), e.decision()), wrong.eventId());
            }
        }
        String function = transfers.isEmpty() || random.nextInt(3) == 0 ? "fn-" + (++serial) : pickKey(transfers);
        LocalDate date = date(200, 900);
        crossAggregate++;
        FunctionTransferred event = new FunctionTransferred(function, "Funktion " + function, active().name, active().name,
                date, decision(date));
        long revision = append("OrganisationalFunction", function, event, null);
        transfers.computeIfAbsent(function, k -> new ArrayList<>()).add(new Entry(lastEventId, revision, event));
        return revision;
    }

    // --- money

    private long money() {
        int pick = random.nextInt(10);
        int year = 2020 + random.nextInt(3);
        LocalDate date = LocalDate.of(year, 1 + random.nextInt(12), 1 + random.nextInt(28));
        if (frames.isEmpty() || pick == 0) {
            String frame = "ram-" + (++serial);
            frames.add(frame);
            return append("BudgetFrame", frame, new BudgetFrameOpened(BudgetFrameId.of(frame), "Kommunstyrelsen", year,
                    1_000_000L * (1 + random.nextInt(9)), null, date, decision(date)), null);
        }
        if (pick == 1) {
            String frame = frames.get(random.nextInt(frames.size()));
            return append("BudgetFrame", frame, new BudgetFrameExtended(BudgetFrameId.of(frame), "Kommunstyrelsen", year,
                    100_000L * (1 + random.nextInt(9)), "Resursfonden", date, decision(date)), null);
        }
        if (pick == 2) {
            String grant = "bidrag-" + (++serial);
            return append("Grant", grant, new GrantRegistered(GrantId.of(grant), "Delegationen mot segregation", year,
                    500_000, "Områdesutveckling", date, decision(date)), null);
        }
        if (pick == 3) {
            String referral = "remiss-" + (++serial);
            openReferrals.add(referral);
            return append("Referral", referral, new FinancingReferred(ReferralId.of(referral), year, "Finansiering " + serial,
                    "Budgetberedningen", recipient(), random.nextBoolean() ? 250_000L : null, date, decision(date)), null);
        }
        if (pick == 4 && !openReferrals.isEmpty()) {
            String referral = openReferrals.remove(random.nextInt(openReferrals.size()));
            String allocation = allocations.isEmpty() ? null : pickKey(allocations);
            return append("Referral", referral, new ReferralSettled(ReferralId.of(referral), year, "Finansierat",
                    allocation == null ? null : AllocationId.of(allocation), date, decision(date)), null);
        }
        if (pick >= 7 && !allocations.isEmpty()) {
            String allocation = pickKey(allocations);
            List<Entry> entries = allocations.get(allocation);
            int allocatedIn = allocationYear.get(allocation);
            if (pick == 7) {
                crossAggregate++;
                return append("Allocation", allocation, new AllocationDistributed(AllocationId.of(allocation), allocatedIn, 300_000,
                        FundingSource.resourceFunds("Resursfonden"), recipient(), List.of(new AllocationPart(recipient(), 200_000,
                        "Del 1"), new AllocationPart(recipient(), 100_000, "Del 2")), date, decision(date)), null);
            }
            if (pick == 8) {
                return append("Allocation", allocation, new AllocationReversed(AllocationId.of(allocation), allocatedIn, 50_000,
                        FundingSource.resourceFunds("Resursfonden"), recipient(), "Återbetalning", date, decision(date)), null);
            }
            if (!entries.isEmpty()) {
                Entry wrong = entries.remove(0);
                corrections++;
                return append("Allocation", allocation, new EntryCorrected(allocation, wrong.eventId(), wrong.revision(),
                        "BudgetAllocated", true, "Dubbelregistrerat", null), null);
            }
        }
        String allocation = "anslag-" + (++serial);
        String frame = frames.get(random.nextInt(frames.size()));
        crossAggregate++;
        BudgetAllocated event = new BudgetAllocated(AllocationId.of(allocation), year, 100_000L * (1 + random.nextInt(20)),
                FundingSource.frame(BudgetFrameId.of(frame), "KS ram"), recipient(), "Insats " + serial, date, decision(date));
        long revision = append("Allocation", allocation, event, null);
        allocations.computeIfAbsent(allocation, k -> new ArrayList<>()).add(new Entry(lastEventId, revision, event));
        allocationYear.put(allocation, year);
        return revision;
    }

    /** A body, an area team (in its district) or a committee: the ledger names the first two by id. */
    private Recipient recipient() {
        int pick = random.nextInt(3);
        if (pick == 0 && !areaTeams.isEmpty()) {
            Body team = areaTeams.get(random.nextInt(areaTeams.size()));
            return new Recipient(RecipientKind.AREA_TEAM, GovernanceBodyId.of(team.id), team.name, team.district);
        }
        if (pick == 1) {
            Body body = active();
            return new Recipient(RecipientKind.GOVERNANCE_BODY, GovernanceBodyId.of(body.id), body.name, null);
        }
        return Recipient.committee("Social- och omsorgsnämnden");
    }

    // --- action plans, pictures, agreements

    private long plan() {
        if (plans.isEmpty() || random.nextInt(12) == 0) {
            String plan = "plan-" + (++serial);
            Map<String, ProgressStatus> actions = new LinkedHashMap<>();
            List<PlannedAction> planned = new ArrayList<>();
            for (int i = 1; i <= 3; i++) {
                planned.add(new PlannedAction(i + ".1", "Åtgärd " + i, i, List.of("Socialförvaltningen"), List.of(district())));
                actions.put(i + ".1", ProgressStatus.PLANNED);
            }
            plans.put(plan, actions);
            LocalDate date = date(100, 500);
            return append("ActionPlan", plan, new ActionPlanApproved(ActionPlanId.of(plan), "Åtgärdsplan " + serial, "2021–2023",
                    "Kommunstyrelsen", 5, 2, 10, List.of(new DevelopmentArea(1, "Trygghet")), List.of(), planned, date,
                    decision(date)), null);
        }
        String plan = pickKey(plans);
        Map<String, ProgressStatus> actions = plans.get(plan);
        ActionPlanId id = ActionPlanId.of(plan);
        LocalDate date = date(500, 900);
        DecisionReference decision = decision(date);
        int pick = random.nextInt(7);
        if (pick == 0) {
            String action = (++serial) + ".2";
            actions.put(action, ProgressStatus.PLANNED);
            return append("ActionPlan", plan, new ActionAdded(id, new PlannedAction(action, "Tillagd " + serial, 2,
                    List.of(), List.of(district())), date, decision), null);
        }
        List<String> open = actions.keySet().stream().toList();
        String action = open.get(random.nextInt(open.size()));
        ProgressStatus status = actions.get(action);
        if (pick == 1) {
            return append("ActionPlan", plan, new ActionRevised(id, new PlannedAction(action, "Reviderad " + serial, 1,
                    List.of("Kultur- och fritidsförvaltningen"), List.of(district())), date, decision), null);
        }
        if (pick == 2) {
            crossAggregate++;
            return append("ActionPlan", plan, new ActionLinkedToBody(id, action, GovernanceBodyId.of(active().id), date,
                    decision), null);
        }
        if (pick == 3 && status == ProgressStatus.DONE) {
            actions.put(action, ProgressStatus.STARTED);
            return append("ActionPlan", plan, new ActionReopened(id, action, status, ProgressStatus.STARTED, "Åter aktuell",
                    date, decision), null);
        }
        if (pick == 4 && actions.size() > 1 && status != ProgressStatus.DONE) {
            actions.remove(action);
            return append("ActionPlan", plan, new ActionWithdrawn(id, action, "Utgår", date, decision), null);
        }
        ProgressStatus next = status == ProgressStatus.PLANNED ? ProgressStatus.STARTED : ProgressStatus.DONE;
        actions.put(action, next);
        ActionProgressReported report = new ActionProgressReported(id, action, status, next, "Lägesrapport " + serial, date,
                decision);
        long revision = append("ActionPlan", plan, report, null);
        if (pick == 5) {
            // the report is corrected: the same report, with another note
            corrections++;
            String reported = lastEventId;
            append("ActionPlan", plan, new EntryCorrected(plan, reported, revision, "ActionProgressReported", false,
                    "Fel anteckning", null), null);
            return append("ActionPlan", plan, new ActionProgressReported(id, action, status, next, "Rättad rapport " + serial,
                    date, decision), reported);
        }
        return revision;
    }

    private long picture() {
        String district = district();
        if (pictures.containsKey(district) && !pictures.get(district).isEmpty() && random.nextInt(5) == 0) {
            List<Entry> entries = pictures.get(district);
            Entry wrong = entries.remove(random.nextInt(entries.size()));
            corrections++;
            return append("DistrictPictures", district, new EntryCorrected(district, wrong.eventId(), wrong.revision(),
                    "DistrictPictureRecorded", true, "Fel stadsdel", null), null);
        }
        PictureKind kind = PictureKind.values()[random.nextInt(PictureKind.values().length)];
        int version = pictureVersions.merge(district + kind, 1, Integer::sum);
        LocalDate date = date(300, 900);
        DistrictPictureRecorded event = new DistrictPictureRecorded(district, kind, version, kind + " för " + district + " v" + version,
                date, decision(date));
        long revision = append("DistrictPictures", district, event, null);
        pictures.computeIfAbsent(district, k -> new ArrayList<>()).add(new Entry(lastEventId, revision, event));
        return revision;
    }

    private long agreement() {
        if (!agreements.isEmpty() && random.nextInt(3) == 0) {
            Entry wrong = agreements.remove(random.nextInt(agreements.size()));
            AgreementRecorded e = (AgreementRecorded) wrong.event();
            String id = e.agreementId().value();
            corrections++;
            append("Agreement", id, new EntryCorrected(id, wrong.eventId(), wrong.revision(), "AgreementRecorded", false,
                    "Fel period", null), null);
            return append("Agreement", id, new AgreementRecorded(e.agreementId(), e.kind(), e.title(), e.parties(), 2021, 2024,
                    e.commitments(), e.signatory(), e.note(), e.effectiveDate(), e.decision()), wrong.eventId());
        }
        String id = "avtal-" + (++serial);
        LocalDate date = date(0, 900);
        AgreementRecorded event = new AgreementRecorded(AgreementId.of(id), AgreementKind.values()[random.nextInt(3)],
                "Överenskommelse " + serial, List.of("Linköpings kommun", "Polisen"), 2020, 2023, List.of("Samverka"),
                "Kommundirektören", null, date, decision(date));
        long revision = append("Agreement", id, event, null);
        agreements.add(new Entry(lastEventId, revision, event));
        return revision;
    }

    // --- helpers

    private long correctable(Body b, Object event) {
        long revision = append("GovernanceBody", b.id, event, null);
        b.correctable.add(new Entry(lastEventId, revision, event));
        return revision;
    }

    private Body active() {
        List<Body> active = bodies.stream().filter(b -> !b.ended).toList();
        if (active.isEmpty()) {
            establish(null);
            return bodies.get(bodies.size() - 1);
        }
        return active.get(random.nextInt(active.size()));
    }

    /** A date after the body's establishment (the command side refuses earlier ones). */
    private LocalDate after(Body b) {
        return b.established.plusDays(1 + random.nextInt(400));
    }

    private LocalDate date(int from, int to) {
        return START.plusDays(from + random.nextInt(to - from));
    }

    private String district() {
        return DISTRICTS.get(random.nextInt(DISTRICTS.size()));
    }

    private <T> String pickKey(Map<String, T> map) {
        List<String> keys = new ArrayList<>(map.keySet());
        return keys.get(random.nextInt(keys.size()));
    }

    private static DecisionReference decision(LocalDate date) {
        return new DecisionReference("KS " + date.getYear() + "-" + date.getDayOfYear(), "§ 1", date, "Kommunstyrelsen");
    }

    private String lastEventId;

    /** Appends one event, as the command-service would (its aggregate's next sequence number), and returns its revision. */
    private long append(String type, String aggregateId, Object payload, String corrects) {
        MetaData metaData = MetaData.with("recordedBy", "test-registrar");
        if (corrects != null) metaData = metaData.and(EntryCorrected.CORRECTS, corrects);
        long sequence = sequences.merge(aggregateId, 1L, Long::sum) - 1;
        GenericDomainEventMessage<Object> message = new GenericDomainEventMessage<>(type, aggregateId, sequence, payload, metaData);
        store.publish(message);
        lastEventId = message.getIdentifier();
        return jdbc.queryForObject("select global_index from axon.domain_event_entry where event_identifier = ?", Long.class,
                lastEventId);
    }
}
