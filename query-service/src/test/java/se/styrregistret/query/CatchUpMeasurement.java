package se.styrregistret.query;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import se.styrregistret.kernel.actionplan.ActionLinkedToBody;
import se.styrregistret.kernel.actionplan.ActionPlanApproved;
import se.styrregistret.kernel.actionplan.ActionPlanId;
import se.styrregistret.kernel.actionplan.ActionProgressReported;
import se.styrregistret.kernel.actionplan.ActionRevised;
import se.styrregistret.kernel.actionplan.DevelopmentArea;
import se.styrregistret.kernel.actionplan.Perspective;
import se.styrregistret.kernel.actionplan.PlannedAction;
import se.styrregistret.kernel.actionplan.ProgressStatus;
import se.styrregistret.kernel.agreement.AgreementId;
import se.styrregistret.kernel.agreement.AgreementKind;
import se.styrregistret.kernel.agreement.AgreementRecorded;
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
import se.styrregistret.kernel.district.DistrictPictureRecorded;
import se.styrregistret.kernel.district.PictureKind;
import se.styrregistret.kernel.governance.FieldChange;
import se.styrregistret.kernel.governance.GovernanceBodyAmended;
import se.styrregistret.kernel.governance.GovernanceBodyDissolved;
import se.styrregistret.kernel.governance.GovernanceBodyEstablished;
import se.styrregistret.kernel.governance.GovernanceBodyId;
import se.styrregistret.kernel.governance.Level;
import se.styrregistret.kernel.governance.Member;
import se.styrregistret.kernel.governance.MemberAppointed;
import se.styrregistret.kernel.governance.MemberRemoved;
import se.styrregistret.kernel.governance.ReportingLineSet;
import se.styrregistret.kernel.governance.Scope;
import se.styrregistret.query.revision.ProjectionRevisions;
import se.styrregistret.query.support.QueryServiceTest;

import javax.sql.DataSource;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A measurement, not a test (its name keeps it out of the default run, and it runs only with
 * {@code -Dmeasure=true}; it asserts nothing): a cold catch-up of a realistic log through each
 * projection alone, on the embedded PostgreSQL, reporting events/s and where the time goes
 * (JDBC statements by kind and table, and the time spent in them).
 * <pre>
 * ./mvnw -o -q -pl shared-kernel,service-support,query-service test -Dtest=CatchUpMeasurement \
 *     -Dsurefire.failIfNoSpecifiedTests=false -Dmeasure=true [-Dmeasure.events=20000]
 * </pre>
 */
@EnabledIfSystemProperty(named = "measure", matches = "true")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "spring.config.name=query-service")
class CatchUpMeasurement {

    static final List<String> PROJECTIONS = List.of("orgchart", "ledger", "actionplans", "districts", "agreements", "audit");
    static final DecisionReference KS = new DecisionReference("KS 2021-100", "§ 12", LocalDate.of(2021, 3, 1), "Kommunstyrelsen");

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        String url = QueryServiceTest.freshDatabase("measure_catch_up");
        registry.add("spring.datasource.url", () -> url);
        registry.add("spring.datasource.username", () -> "postgres");
    }

    @Autowired
    EventStore eventStore;
    @Autowired
    EventProcessingConfiguration processing;
    @Autowired
    ProjectionRevisions revisions;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void a_cold_catch_up_of_each_projection() {
        processing.eventProcessors().values().forEach(p -> p.shutDown());
        List<EventMessage<?>> log = history(Integer.getInteger("measure.events", 20_000));
        for (int i = 0; i < log.size(); i += 250) eventStore.publish(log.subList(i, Math.min(log.size(), i + 250)));
        jdbc.execute("analyze axon.domain_event_entry");
        long head = jdbc.queryForObject("select max(global_index) from axon.domain_event_entry", Long.class);
        StringBuilder report = new StringBuilder("\n=== cold catch-up of %,d events, each projection alone ===\n"
                .formatted(log.size()));
        Jdbc.notCounted = Thread.currentThread(); // the polling below is not the projection's work
        for (String projection : PROJECTIONS) {
            Jdbc.reset();
            long start = System.nanoTime();
            processor(projection).start();
            while (revisions.current(projection) < head) sleep();
            double seconds = (System.nanoTime() - start) / 1e9;
            processor(projection).shutDown();
            report.append("%-12s %6.1f s  %7.0f events/s  in JDBC %5.1f s: %s%n".formatted(projection, seconds,
                    log.size() / seconds, Jdbc.nanos.get() / 1e9, Jdbc.summary()));
        }
        System.out.println(report);
    }

    private StreamingEventProcessor processor(String name) {
        return processing.eventProcessor(name, StreamingEventProcessor.class).orElseThrow();
    }

    private static void sleep() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    // --- the log: bodies established, amended, members in and out, reporting lines, dissolutions; frames,
    // allocations and distributions; action plans with progress; district pictures; agreements

    private static List<EventMessage<?>> history(int events) {
        double scale = events / 18_000.0;
        Random random = new Random(42);
        List<Object[]> creations = new ArrayList<>();
        List<Object[]> changes = new ArrayList<>();
        List<Object[]> endings = new ArrayList<>();
        List<String> districts = List.of("Ryd", "Skäggetorp", "Berga", "Lambohov", "Ekholmen", "Johannelund");
        LocalDate day = LocalDate.of(2021, 3, 1);

        List<GovernanceBodyId> bodies = new ArrayList<>();
        for (int b = 0; b < (int) (1000 * scale); b++) {
            GovernanceBodyId id = GovernanceBodyId.of("body-" + b);
            bodies.add(id);
            Scope scope = b % 3 == 0 ? Scope.district(districts.get(b % districts.size())) : Scope.municipality();
            creations.add(event("GovernanceBody", id.value(), new GovernanceBodyEstablished(id, "Organ " + b, "O" + b,
                    Level.values()[b % Level.values().length], scope, List.of("Samordna", "Följa upp"), "Kommundirektören",
                    "4 gånger per år", List.of("Kansliet"), List.of(new Member("Ordförande", "Person " + b)), day, KS)));
            for (int a = 0; a < 2; a++) {
                changes.add(event("GovernanceBody", id.value(), new GovernanceBodyAmended(id,
                        List.of(new FieldChange("name", "Organ " + b, "Organ " + b + "." + a)), "Organ " + b + "." + a,
                        List.of("Samordna", "Följa upp", "Uppdrag " + a), "Kommundirektören", "6 gånger per år",
                        List.of("Kansliet"), day.plusDays(10 + a), KS)));
            }
            for (int m = 0; m < 3; m++) {
                changes.add(event("GovernanceBody", id.value(), new MemberAppointed(id, new Member("Roll " + m, "Person " + m),
                        day.plusDays(20 + m), KS)));
            }
            if (b > 0) {
                changes.add(event("GovernanceBody", id.value(), new ReportingLineSet(id, bodies.get(random.nextInt(b)), null,
                        day.plusDays(30), KS)));
            }
            endings.add(event("GovernanceBody", id.value(), new MemberRemoved(id, new Member("Roll 0", "Person 0"),
                    day.plusDays(40), KS)));
            if (b % 5 == 4) {
                endings.add(event("GovernanceBody", id.value(), new GovernanceBodyDissolved(id, "Uppdraget slutfört",
                        day.plusDays(50), KS)));
            }
        }

        List<FundingSource> frames = new ArrayList<>();
        for (int f = 0; f < (int) (50 * scale); f++) {
            BudgetFrameId id = BudgetFrameId.of("frame-" + f);
            frames.add(FundingSource.frame(id, "Ram " + f));
            creations.add(event("BudgetFrame", id.value(), new BudgetFrameOpened(id, "Nämnd " + f, 2021 + f % 3,
                    100_000_000, null, day, KS)));
        }
        for (int a = 0; a < (int) (4000 * scale); a++) {
            AllocationId id = AllocationId.of("allocation-" + a);
            String district = districts.get(a % districts.size());
            changes.add(event("Allocation", id.value(), new BudgetAllocated(id, 2021 + a % 3, 10_000 + a,
                    frames.get(a % frames.size()), new Recipient(RecipientKind.AREA_TEAM, null, "Områdesteam " + district, district),
                    "Insats " + a, day.plusDays(a % 300), KS)));
        }
        for (int d = 0; d < (int) (500 * scale); d++) {
            AllocationId id = AllocationId.of("distribution-" + d);
            changes.add(event("Allocation", id.value(), new AllocationDistributed(id, 2021, 300_000, frames.get(d % frames.size()),
                    Recipient.committee("Kommunstyrelsen"), List.of(
                    new AllocationPart(Recipient.committee("Socialnämnden"), 100_000, "Fältarbete"),
                    new AllocationPart(Recipient.committee("Kultur- och fritidsnämnden"), 100_000, "Fritid"),
                    new AllocationPart(Recipient.committee("Utbildningsnämnden"), 100_000, "Skolnärvaro")),
                    day.plusDays(d % 300), KS)));
        }

        for (int p = 0; p < (int) (40 * scale); p++) {
            ActionPlanId id = ActionPlanId.of("plan-" + p);
            List<PlannedAction> actions = new ArrayList<>();
            for (int a = 0; a < 25; a++) {
                actions.add(new PlannedAction("A" + a, "Åtgärd " + a, 1 + a % 5, List.of("Socialnämnden"),
                        List.of(districts.get(a % districts.size()))));
            }
            creations.add(event("ActionPlan", id.value(), new ActionPlanApproved(id, "Plan " + p, "2021–2024",
                    "Kommunfullmäktige", 5, 2, 25, List.of(new DevelopmentArea(1, "Trygghet"), new DevelopmentArea(2, "Skola")),
                    List.of(new Perspective(1, "Barnrätt")), actions, day, KS)));
            for (PlannedAction a : actions) {
                changes.add(event("ActionPlan", id.value(), new ActionProgressReported(id, a.actionId(), ProgressStatus.PLANNED,
                        ProgressStatus.STARTED, "Påbörjad", day.plusDays(60), KS)));
                changes.add(event("ActionPlan", id.value(), new ActionRevised(id, new PlannedAction(a.actionId(),
                        a.title() + " (reviderad)", a.developmentArea(), a.responsible(), a.districts()), day.plusDays(70), KS)));
                changes.add(event("ActionPlan", id.value(), new ActionLinkedToBody(id, a.actionId(),
                        bodies.get(random.nextInt(bodies.size())), day.plusDays(80), KS)));
                endings.add(event("ActionPlan", id.value(), new ActionProgressReported(id, a.actionId(), ProgressStatus.STARTED,
                        ProgressStatus.DONE, "Genomförd", day.plusDays(200), KS)));
            }
        }

        List<Object[]> pictures = new ArrayList<>();
        for (int v = 1; v <= (int) (15 * scale); v++) {
            for (String district : districts) {
                for (PictureKind kind : PictureKind.values()) {
                    pictures.add(event("DistrictPictures", district, new DistrictPictureRecorded(district,
                            kind, v, kind.displayName() + " " + district + " version " + v, day.plusDays(v), KS)));
                }
            }
        }
        for (int a = 0; a < (int) (300 * scale); a++) {
            AgreementId id = AgreementId.of("agreement-" + a);
            creations.add(event("Agreement", id.value(), new AgreementRecorded(id, AgreementKind.values()[a % 3], "Avtal " + a,
                    List.of("Kommunen", "Polisen"), 2021, 2024, List.of("Trygghetsvandringar", "Lägesbilder"), "KSO", null,
                    day, KS)));
        }

        // a log interleaves aggregates; each aggregate's own events keep their order (phase by phase)
        Collections.shuffle(creations, random);
        Collections.shuffle(changes, random);
        Collections.shuffle(endings, random);
        // a district's pictures are one aggregate: its versions stay in order, spread over the changes
        int at = 0;
        for (Object[] picture : pictures) {
            at += random.nextInt(Math.max(1, 2 * (changes.size() - at) / Math.max(1, pictures.size())));
            changes.add(Math.min(at, changes.size()), picture);
            at++;
        }
        Map<String, Long> sequences = new HashMap<>();
        List<EventMessage<?>> log = new ArrayList<>();
        for (List<Object[]> phase : List.of(creations, changes, endings)) {
            for (Object[] e : phase) {
                long seq = sequences.merge((String) e[1], 1L, Long::sum) - 1;
                log.add(new GenericDomainEventMessage<>((String) e[0], (String) e[1], seq, e[2],
                        MetaData.with("recordedBy", "measurement")));
            }
        }
        return log;
    }

    private static Object[] event(String type, String aggregateId, Object payload) {
        return new Object[]{type, aggregateId, payload};
    }

    // --- where the time goes: every JDBC statement executed, by kind and table, and the time in them

    @TestConfiguration
    static class CountingDataSource {
        @Bean
        static BeanPostProcessor countStatements() {
            return new BeanPostProcessor() {
                @Override
                public Object postProcessAfterInitialization(Object bean, String name) {
                    return bean instanceof DataSource ds ? Jdbc.proxy(ds, DataSource.class, null) : bean;
                }
            };
        }
    }

    static final class Jdbc implements InvocationHandler {
        static final AtomicLong nanos = new AtomicLong();
        static final Map<String, AtomicLong> executions = new ConcurrentHashMap<>();
        static volatile Thread notCounted;

        private final Object target;
        private final String sql;

        private Jdbc(Object target, String sql) {
            this.target = target;
            this.sql = sql;
        }

        static void reset() {
            nanos.set(0);
            executions.clear();
        }

        static String summary() {
            return new TreeMap<>(executions).toString();
        }

        @SuppressWarnings("unchecked")
        static <T> T proxy(Object target, Class<T> type, String sql) {
            return (T) Proxy.newProxyInstance(Jdbc.class.getClassLoader(), new Class<?>[]{type}, new Jdbc(target, sql));
        }

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            String name = method.getName();
            boolean execute = target instanceof Statement && name.startsWith("execute")
                    && Thread.currentThread() != notCounted;
            long start = execute ? System.nanoTime() : 0;
            Object result;
            try {
                result = method.invoke(target, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
            if (execute) {
                nanos.addAndGet(System.nanoTime() - start);
                String text = sql != null ? sql : args != null && args.length > 0 && args[0] instanceof String s ? s : "?";
                String kind = text.strip().split("\\s+", 2)[0].toLowerCase();
                String where = text.contains("projection.") ? "projection" : "axon";
                executions.computeIfAbsent(where + " " + kind + (name.equals("executeBatch") ? " (batch)" : ""),
                        k -> new AtomicLong()).incrementAndGet();
            }
            if (result instanceof Connection c) return proxy(c, Connection.class, null);
            if (result instanceof CallableStatement s) return proxy(s, CallableStatement.class, (String) args[0]);
            if (result instanceof PreparedStatement s) return proxy(s, PreparedStatement.class, (String) args[0]);
            if (result instanceof Statement s) return proxy(s, Statement.class, null);
            return result;
        }
    }
}
