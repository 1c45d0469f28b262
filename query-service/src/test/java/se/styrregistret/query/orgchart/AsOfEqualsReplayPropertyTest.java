package se.styrregistret.query.orgchart;

import org.junit.jupiter.api.RepeatedTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.axonframework.messaging.MetaData;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;
import se.styrregistret.kernel.common.DecisionReference;
import se.styrregistret.kernel.correction.EntryCorrected;
import se.styrregistret.kernel.governance.FieldChange;
import se.styrregistret.kernel.governance.FindOrgChart;
import se.styrregistret.kernel.governance.GovernanceBodyAmended;
import se.styrregistret.kernel.governance.GovernanceBodyDissolved;
import se.styrregistret.kernel.governance.GovernanceBodyEstablished;
import se.styrregistret.kernel.governance.GovernanceBodyId;
import se.styrregistret.kernel.governance.Level;
import se.styrregistret.kernel.governance.Member;
import se.styrregistret.kernel.governance.MemberAppointed;
import se.styrregistret.kernel.governance.MemberRemoved;
import se.styrregistret.kernel.governance.Scope;
import se.styrregistret.query.support.QueryServiceTest;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Property: on a randomised history, the chart answered from the versioned rows "on date D as
 * known at revision N" equals a brute-force fold of the entries the register held at N (recorded
 * at or before N, not yet corrected or annulled by N) with effective date ≤ D, applied in
 * (effective date, revision) order. The histories are recorded out of date order: changes dated
 * before changes already recorded, changes to ended bodies dated before their end, corrections
 * (the entry retracted, its replacement recorded with another date or value, in the corrected
 * entry's place among changes of one date) and annulments.
 */
class AsOfEqualsReplayPropertyTest extends QueryServiceTest {

    static final DecisionReference DECISION = new DecisionReference("KS 2020-1", null, LocalDate.of(2020, 1, 1), "Kommunstyrelsen");
    static final LocalDate START = LocalDate.of(2020, 1, 1);

    @Autowired
    OrgChartQueries queries;

    @Autowired
    JdbcClient db;

    @Autowired
    JsonMapper json;

    /** One body's state as the brute force sees it. */
    record State(String name, String convener, List<String> roles, boolean active) {
    }

    /** An entry of the log; {@code retractedAt} is set when a later correction or annulment retracts it. */
    static final class Appended {
        final long revision;
        final LocalDate effective;
        final String bodyId;
        final Object event;
        final String eventId;
        /** Among changes of one date: the revision of the first entry of its correction chain (itself if none). */
        long order;
        Long retractedAt;

        Appended(long revision, LocalDate effective, String bodyId, Object event, String eventId) {
            this.revision = revision;
            this.effective = effective;
            this.bodyId = bodyId;
            this.event = event;
            this.eventId = eventId;
            this.order = revision;
        }

        boolean heldAt(long n) {
            return revision <= n && (retractedAt == null || retractedAt > n);
        }
    }

    @RepeatedTest(3)
    void the_versioned_answer_equals_a_fresh_fold_of_the_entries_held_at_n() {
        Random random = new Random();
        long seed = random.nextLong();
        random = new Random(seed);
        String run = UUID.randomUUID().toString().substring(0, 8);
        List<Appended> log = new ArrayList<>();
        Map<String, LocalDate> established = new HashMap<>();
        Map<String, LocalDate> ended = new HashMap<>();
        int late = 0;
        int corrections = 0;
        int annulments = 0;
        for (int step = 0; step < 80; step++) {
            int body = random.nextInt(6);
            String id = run + "-b" + body;
            GovernanceBodyId bodyId = GovernanceBodyId.of(id);
            if (!established.containsKey(id)) {
                LocalDate effective = START.plusDays(random.nextInt(200));
                // half the bodies serve a district (the ledger's district filter reads where they are placed)
                Scope scope = body % 2 == 0 ? Scope.district(body == 0 ? "Ryd" : "Skäggetorp") : Scope.municipality();
                record(log, "GovernanceBody", id, new GovernanceBodyEstablished(bodyId, "Organ " + id, null, Level.TACTICAL,
                        scope, List.of(), "Sammankallande 0", null, List.of(), List.of(), effective, DECISION), null);
                established.put(id, effective);
                continue;
            }
            // any date from the establishment on, before the end if the body has ended: often before
            // changes already recorded (a late entry)
            LocalDate from = established.get(id);
            int span = ended.containsKey(id) ? (int) (ended.get(id).toEpochDay() - from.toEpochDay()) : 600;
            if (span <= 1) continue;
            LocalDate effective = from.plusDays(1 + random.nextInt(span - 1));
            LocalDate latestHeld = log.stream().filter(a -> a.bodyId.equals(id) && a.retractedAt == null)
                    .map(a -> a.effective).max(LocalDate::compareTo).orElse(from);
            if (!ended.containsKey(id) && random.nextBoolean()) {
                // as most entries come: on or after the body's latest change (the projection's in-order path)
                effective = latestHeld.plusDays(random.nextInt(3) == 0 ? 0 : 1 + random.nextInt(60));
            }
            int pick = random.nextInt(12);
            List<Appended> correctable = log.stream().filter(a -> a.bodyId.equals(id) && a.retractedAt == null
                    && !(a.event instanceof GovernanceBodyEstablished)).toList();
            if (pick >= 10 && !correctable.isEmpty()) {
                Appended wrong = correctable.get(random.nextInt(correctable.size()));
                boolean annul = pick == 11 || wrong.event instanceof GovernanceBodyDissolved;
                long at = append("GovernanceBody", id, new EntryCorrected(id, wrong.eventId, wrong.revision,
                        wrong.event.getClass().getSimpleName(), annul, "fel i registreringen", null));
                if (annul) {
                    wrong.retractedAt = at;
                    if (wrong.event instanceof GovernanceBodyDissolved) ended.remove(id);
                    annulments++;
                } else {
                    Object replacement = redated(wrong.event, from.plusDays(1 + random.nextInt(300)), random);
                    Appended replaced = record(log, "GovernanceBody", id, replacement, wrong.eventId);
                    replaced.order = wrong.order; // takes the corrected entry's place among changes of its date
                    wrong.retractedAt = replaced.revision;
                    corrections++;
                }
                continue;
            }
            Object event;
            if (pick < 4) {
                String convener = "Sammankallande " + random.nextInt(1000);
                event = new GovernanceBodyAmended(bodyId, List.of(new FieldChange("convener", null, convener)),
                        "Organ " + id, List.of(), convener, null, List.of(), effective, DECISION);
            } else if (pick < 7) {
                event = new MemberAppointed(bodyId, new Member("Roll " + random.nextInt(4), null), effective, DECISION);
            } else if (pick < 9) {
                event = new MemberRemoved(bodyId, new Member("Roll " + random.nextInt(4), null), effective, DECISION);
            } else {
                if (ended.containsKey(id)) continue;
                event = new GovernanceBodyDissolved(bodyId, null, effective, DECISION);
                ended.put(id, effective);
            }
            LocalDate latestKnown = log.stream().filter(a -> a.bodyId.equals(id) && a.retractedAt == null)
                    .map(a -> a.effective).max(LocalDate::compareTo).orElse(from);
            if (effective.isBefore(latestKnown)) late++;
            record(log, "GovernanceBody", id, event, null);
        }
        long head = log.stream().mapToLong(a -> a.revision).max().orElseThrow();
        awaitProjection(OrgChartProjection.NAME, head);
        assertThat(late).as("late entries in seed %d", seed).isPositive();
        assertThat(corrections + annulments).as("corrections in seed %d", seed).isPositive();

        // the rows the chart keeps open are the fold of the entries it keeps, however they were written
        // (entries in date order change only a body's latest version, without a fold)
        for (String id : established.keySet()) {
            List<BodyTimeline.Entry> entries = db.sql("select * from projection.body_change where body_id = ? order by revision")
                    .param(id).query((rs, n) -> OrgChartBatch.entry(rs, json)).list();
            List<List<Object>> open = db.sql("select * from projection.body_version where body_id = ? and revision_to is null")
                    .param(id).query((rs, n) -> BodyVersion.read(rs, json).content(json)).list();
            List<List<Object>> folded = BodyTimeline.fold(entries).stream().map(v -> v.content(json)).toList();
            assertThat(open).as("open versions of %s in seed %d", id, seed).containsExactlyInAnyOrderElementsOf(folded);
        }

        // the districts bodies were placed in, each from the first revision an active version said so
        String bodiesOfRun = run + "-%";
        List<List<Object>> placed = db.sql("""
                        select district_key, body_id, known_from from projection.body_district
                        where body_id like ? order by 1, 2""")
                .param(bodiesOfRun).query((rs, n) -> List.<Object>of(rs.getString(1), rs.getString(2), rs.getLong(3))).list();
        List<List<Object>> placedByVersions = db.sql("""
                        select lower(district), body_id, min(revision_from) from projection.body_version
                        where body_id like ? and status = 'ACTIVE' and scope_kind = 'DISTRICT' group by 1, 2 order by 1, 2""")
                .param(bodiesOfRun).query((rs, n) -> List.<Object>of(rs.getString(1), rs.getString(2), rs.getLong(3))).list();
        assertThat(placed).as("bodies placed in districts, seed %d", seed).isNotEmpty().isEqualTo(placedByVersions);

        List<Long> revisions = new ArrayList<>();
        for (long n = log.get(0).revision; n <= head; n++) revisions.add(n);
        for (int probe = 0; probe < 40; probe++) {
            long n = revisions.get(random.nextInt(revisions.size()));
            LocalDate date = START.plusDays(random.nextInt(900));
            Map<String, State> expected = fold(log, n, date);
            Map<String, State> actual = new TreeMap<>();
            Map<String, Map<String, State>> byDistrict = new TreeMap<>();
            queries.handle(new FindOrgChart(n, date)).levels().stream()
                    .flatMap(l -> l.bodies().stream())
                    .filter(b -> b.id().value().startsWith(run))
                    .forEach(b -> {
                        actual.put(b.id().value(), stateOf(b));
                        if (b.scope().district() != null) {
                            byDistrict.computeIfAbsent(b.scope().district(), d -> new TreeMap<>()).put(b.id().value(), stateOf(b));
                        }
                    });
            assertThat(actual).as("seed %d, revision %d, date %s (%d late, %d corrected, %d annulled)", seed, n, date,
                    late, corrections, annulments).isEqualTo(expected);
            // one district's chart (read through the bodies placed in it) is the whole chart's bodies in that district
            for (String district : List.of("Ryd", "Skäggetorp")) {
                Map<String, State> inDistrict = new TreeMap<>();
                queries.handle(new FindOrgChart(n, date, district, null, 0, FindOrgChart.MAX_PAGE_SIZE)).levels().stream()
                        .flatMap(l -> l.bodies().stream())
                        .filter(b -> b.id().value().startsWith(run))
                        .forEach(b -> inDistrict.put(b.id().value(), stateOf(b)));
                assertThat(inDistrict).as("%s, seed %d, revision %d, date %s", district, seed, n, date)
                        .isEqualTo(byDistrict.getOrDefault(district, Map.of()));
            }
        }
    }

    private Appended record(List<Appended> log, String type, String id, Object event, String corrects) {
        MetaData metaData = MetaData.with("recordedBy", "test-registrar");
        if (corrects != null) metaData = metaData.and(EntryCorrected.CORRECTS, corrects);
        long revision = append(type, id, event, metaData);
        Appended appended = new Appended(revision, BodyTimeline.effectiveDateOf(event), id, event, eventIdAt(revision));
        log.add(appended);
        return appended;
    }

    /** The entry as it should have been recorded: another date, and for an amendment another value. */
    static Object redated(Object event, LocalDate date, Random random) {
        if (event instanceof GovernanceBodyAmended e) {
            String convener = "Rättad sammankallande " + random.nextInt(1000);
            return new GovernanceBodyAmended(e.bodyId(), List.of(new FieldChange("convener", null, convener)), e.name(),
                    e.mandate(), convener, e.meetingFrequency(), e.supportingResources(), date, e.decision());
        }
        if (event instanceof MemberAppointed e) return new MemberAppointed(e.bodyId(), e.member(), date, e.decision());
        if (event instanceof MemberRemoved e) return new MemberRemoved(e.bodyId(), e.member(), date, e.decision());
        throw new IllegalArgumentException(event.toString());
    }

    static Map<String, State> fold(List<Appended> log, long revision, LocalDate date) {
        Map<String, State> states = new HashMap<>();
        log.stream()
                .filter(e -> e.heldAt(revision) && !e.effective.isAfter(date))
                .sorted((a, b) -> a.effective.equals(b.effective)
                        ? Long.compare(a.order, b.order) : a.effective.compareTo(b.effective))
                .forEach(e -> {
                    State s = apply(states.get(e.bodyId), e.event);
                    if (s != null) states.put(e.bodyId, s);
                });
        Map<String, State> active = new TreeMap<>();
        states.forEach((id, s) -> {
            if (s.active()) active.put(id, s);
        });
        return active;
    }

    /** A body's state after one more change; a change before its establishment has nothing to apply to. */
    static State apply(State s, Object event) {
        if (event instanceof GovernanceBodyEstablished e) return new State(e.name(), e.convener(), List.of(), true);
        if (s == null) return null;
        if (event instanceof GovernanceBodyAmended e) return new State(s.name(), e.convener(), s.roles(), s.active());
        if (event instanceof MemberAppointed e) {
            List<String> roles = new ArrayList<>(s.roles());
            roles.remove(e.member().role());
            roles.add(e.member().role());
            return new State(s.name(), s.convener(), roles, s.active());
        }
        if (event instanceof MemberRemoved e) {
            List<String> roles = new ArrayList<>(s.roles());
            roles.remove(e.member().role());
            return new State(s.name(), s.convener(), roles, s.active());
        }
        if (event instanceof GovernanceBodyDissolved) return new State(s.name(), s.convener(), s.roles(), false);
        throw new IllegalArgumentException(event.toString());
    }

    static State stateOf(BodySummary b) {
        return new State(b.name(), b.convener(), b.members().stream().map(Member::role).toList(), true);
    }
}
