package se.styrregistret.query.admin;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import se.styrregistret.kernel.actionplan.ActionPlanApproved;
import se.styrregistret.kernel.actionplan.ActionPlanId;
import se.styrregistret.kernel.agreement.AgreementId;
import se.styrregistret.kernel.agreement.AgreementKind;
import se.styrregistret.kernel.agreement.AgreementRecorded;
import se.styrregistret.kernel.budget.BudgetFrameId;
import se.styrregistret.kernel.budget.BudgetFrameOpened;
import se.styrregistret.kernel.common.DecisionReference;
import se.styrregistret.kernel.district.DistrictPictureRecorded;
import se.styrregistret.kernel.district.PictureKind;
import se.styrregistret.kernel.governance.GovernanceBodyEstablished;
import se.styrregistret.kernel.governance.GovernanceBodyId;
import se.styrregistret.kernel.governance.Level;
import se.styrregistret.kernel.governance.Scope;
import se.styrregistret.query.support.Http;
import se.styrregistret.query.support.QueryServiceTest;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * No event can stop a projection: for every processor, an event whose text cannot be stored (a NUL,
 * which an older log may hold though the command API now refuses it) is parked in that processor's
 * dead-letter queue, shown in its status, and the events after it are applied.
 */
class PoisonedEventsTest extends QueryServiceTest {

    static final DecisionReference KS = new DecisionReference("KS 2020-1", null, LocalDate.of(2020, 1, 1), "Kommunstyrelsen");
    static final LocalDate DATE = LocalDate.of(2021, 3, 1);

    record Kind(String type, Function<String, Object> event) {
    }

    static Stream<Arguments> processors() {
        Kind body = new Kind("GovernanceBody", text -> {
            GovernanceBodyId id = GovernanceBodyId.of(UUID.randomUUID().toString());
            return new GovernanceBodyEstablished(id, text, null, Level.ADVISORY, Scope.municipality(), List.of(), null, null,
                    List.of(), List.of(), DATE, KS);
        });
        Kind frame = new Kind("BudgetFrame", text -> new BudgetFrameOpened(BudgetFrameId.of(UUID.randomUUID().toString()), text,
                2021, 1_000, null, DATE, KS));
        Kind picture = new Kind("DistrictPictures", text -> new DistrictPictureRecorded("Ryd-" + UUID.randomUUID(),
                PictureKind.CURRENT_STATE, 1, text, DATE, KS));
        Kind plan = new Kind("ActionPlan", text -> new ActionPlanApproved(ActionPlanId.of(UUID.randomUUID().toString()), text, null,
                "Kommundirektören", 1, 0, 0, List.of(), List.of(), List.of(), DATE, KS));
        Kind agreement = new Kind("Agreement", text -> new AgreementRecorded(AgreementId.of(UUID.randomUUID().toString()),
                AgreementKind.CITIZEN_PROMISE, text, List.of("Polisen", "Kommunen"), 2021, 2022, List.of(), null, null, DATE, KS));
        return Stream.of(Arguments.of("orgchart", body), Arguments.of("ledger", frame), Arguments.of("districts", picture),
                Arguments.of("actionplans", plan), Arguments.of("agreements", agreement), Arguments.of("audit", body));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("processors")
    void an_unstorable_event_is_parked_and_the_projection_goes_on(String processor, Kind kind) {
        Object poisoned = kind.event().apply("Gift\u0000text");
        append(kind.type(), UUID.randomUUID().toString(), poisoned);
        Object fine = kind.event().apply("Vanlig text " + UUID.randomUUID());
        long after = append(kind.type(), UUID.randomUUID().toString(), fine);

        JsonNode status = awaitStatus(processor, s -> s.path("revision").asLong() >= after && s.path("parked").asLong() > 0);
        assertThat(status.path("running").asBoolean()).isTrue();
        assertThat(status.path("error").asBoolean()).isFalse();
        assertThat(status.path("parkedError").asString()).contains("NUL");
        var letters = Http.get(port, "/api/admin/dead-letters/" + processor, "admin");
        assertThat(letters.statusCode()).as(letters.body()).isEqualTo(200);
    }

    JsonNode awaitStatus(String processor, java.util.function.Predicate<JsonNode> until) {
        return await(processor + " parks the event and goes on").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50))
                .until(() -> Http.json(Http.get(port, "/api/admin/projections/" + processor, "admin")), until::test);
    }
}
