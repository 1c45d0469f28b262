package se.styrregistret.query.orgchart;

import org.junit.jupiter.api.RepeatedTest;
import org.springframework.beans.factory.annotation.Autowired;
import se.styrregistret.kernel.common.DecisionReference;
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
 * known at revision N" equals a brute-force fold of the events with revision ≤ N and effective
 * date ≤ D, applied in (effective date, revision) order.
 */
class AsOfEqualsReplayPropertyTest extends QueryServiceTest {

    static final DecisionReference DECISION = new DecisionReference("KS 2020-1", null, LocalDate.of(2020, 1, 1), "Kommunstyrelsen");

    @Autowired
    OrgChartQueries queries;

    /** One body's state as the brute force sees it. */
    record State(String name, String convener, List<String> roles, boolean active) {
    }

    record Appended(long revision, LocalDate effective, String bodyId, Object event) {
    }

    @RepeatedTest(3)
    void the_versioned_answer_equals_a_fresh_fold_of_the_first_n_events() {
        Random random = new Random();
        long seed = random.nextLong();
        random = new Random(seed);
        String run = UUID.randomUUID().toString().substring(0, 8);
        List<Appended> log = new ArrayList<>();
        Map<String, LocalDate> lastChange = new HashMap<>();
        Map<String, State> live = new HashMap<>();
        for (int step = 0; step < 60; step++) {
            String id = run + "-b" + random.nextInt(6);
            State state = live.get(id);
            LocalDate effective = (lastChange.containsKey(id) ? lastChange.get(id) : LocalDate.of(2020, 1, 1))
                    .plusDays(random.nextInt(60));
            GovernanceBodyId bodyId = GovernanceBodyId.of(id);
            Object event;
            if (state == null) {
                event = new GovernanceBodyEstablished(bodyId, "Organ " + id, null, Level.TACTICAL, Scope.municipality(),
                        List.of(), "Sammankallande 0", null, List.of(), List.of(), effective, DECISION);
            } else if (!state.active()) {
                continue; // an ended body takes no more changes, as the command side rules
            } else {
                int pick = random.nextInt(10);
                if (pick < 4) {
                    String convener = "Sammankallande " + random.nextInt(1000);
                    event = new GovernanceBodyAmended(bodyId, List.of(new FieldChange("convener", state.convener(), convener)),
                            state.name(), List.of(), convener, null, List.of(), effective, DECISION);
                } else if (pick < 7) {
                    event = new MemberAppointed(bodyId, new Member("Roll " + step, null), effective, DECISION);
                } else if (pick < 9 && !state.roles().isEmpty()) {
                    event = new MemberRemoved(bodyId, new Member(state.roles().get(0), null), effective, DECISION);
                } else {
                    event = new GovernanceBodyDissolved(bodyId, null, effective, DECISION);
                }
            }
            long revision = append("GovernanceBody", id, event);
            log.add(new Appended(revision, effective, id, event));
            lastChange.put(id, effective);
            live.put(id, apply(state, event));
        }
        awaitProjection(OrgChartProjection.NAME, log.get(log.size() - 1).revision());

        for (int probe = 0; probe < 25; probe++) {
            Appended at = log.get(random.nextInt(log.size()));
            LocalDate date = LocalDate.of(2020, 1, 1).plusDays(random.nextInt(700));
            Map<String, State> expected = fold(log, at.revision(), date);
            Map<String, State> actual = new TreeMap<>();
            queries.handle(new FindOrgChart(at.revision(), date)).levels().stream()
                    .flatMap(l -> l.bodies().stream())
                    .filter(b -> b.id().value().startsWith(run))
                    .forEach(b -> actual.put(b.id().value(), stateOf(b)));
            assertThat(actual).as("seed %d, revision %d, date %s", seed, at.revision(), date).isEqualTo(expected);
        }
    }

    static Map<String, State> fold(List<Appended> log, long revision, LocalDate date) {
        Map<String, State> states = new HashMap<>();
        log.stream()
                .filter(e -> e.revision() <= revision && !e.effective().isAfter(date))
                .sorted((a, b) -> a.effective().equals(b.effective())
                        ? Long.compare(a.revision(), b.revision()) : a.effective().compareTo(b.effective()))
                .forEach(e -> states.put(e.bodyId(), apply(states.get(e.bodyId()), e.event())));
        Map<String, State> active = new TreeMap<>();
        states.forEach((id, s) -> {
            if (s.active()) active.put(id, s);
        });
        return active;
    }

    static State apply(State s, Object event) {
        if (event instanceof GovernanceBodyEstablished e) return new State(e.name(), e.convener(), List.of(), true);
        if (event instanceof GovernanceBodyAmended e) return new State(e.name(), e.convener(), s.roles(), true);
        if (event instanceof MemberAppointed e) {
            List<String> roles = new ArrayList<>(s.roles());
            roles.add(e.member().role());
            return new State(s.name(), s.convener(), roles, true);
        }
        if (event instanceof MemberRemoved e) {
            List<String> roles = new ArrayList<>(s.roles());
            roles.remove(e.member().role());
            return new State(s.name(), s.convener(), roles, true);
        }
        if (event instanceof GovernanceBodyDissolved) return new State(s.name(), s.convener(), s.roles(), false);
        throw new IllegalArgumentException(event.toString());
    }

    static State stateOf(BodySummary b) {
        return new State(b.name(), b.convener(), b.members().stream().map(Member::role).toList(), true);
    }
}
