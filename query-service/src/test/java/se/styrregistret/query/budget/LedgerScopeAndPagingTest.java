package se.styrregistret.query.budget;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import se.styrregistret.kernel.budget.AllocationDistributed;
import se.styrregistret.kernel.budget.AllocationId;
import se.styrregistret.kernel.budget.AllocationPart;
import se.styrregistret.kernel.budget.BudgetAllocated;
import se.styrregistret.kernel.budget.FinancingReferred;
import se.styrregistret.kernel.budget.FindBudgetLedger;
import se.styrregistret.kernel.budget.FindBudgetSummary;
import se.styrregistret.kernel.budget.FundingSource;
import se.styrregistret.kernel.budget.Recipient;
import se.styrregistret.kernel.budget.RecipientKind;
import se.styrregistret.kernel.budget.ReferralId;
import se.styrregistret.kernel.budget.ReferralSettled;
import se.styrregistret.kernel.common.DecisionReference;
import se.styrregistret.kernel.governance.GovernanceBodyEstablished;
import se.styrregistret.kernel.governance.GovernanceBodyId;
import se.styrregistret.kernel.governance.Level;
import se.styrregistret.kernel.governance.Scope;
import se.styrregistret.query.support.Http;
import se.styrregistret.query.support.QueryServiceTest;
import tools.jackson.databind.JsonNode;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The ledger narrowed to a district and paged: the rows, their order and their count are the database's; the
 * totals row and the running columns are over every matching row, whichever page is asked for.
 */
class LedgerScopeAndPagingTest extends QueryServiceTest {

    static final DecisionReference KS = new DecisionReference(null, null, LocalDate.of(2021, 3, 1), "Kommunstyrelsen");
    static final LocalDate MARCH = LocalDate.of(2021, 3, 1);
    static final Recipient SON = Recipient.committee("Social- och omsorgsnämnden");
    static final FundingSource KS_FUNDS = FundingSource.resourceFunds("KS resursfond");
    /** A fiscal year of its own for each test (the database is shared by the test classes and the tests). */
    static final AtomicInteger YEARS = new AtomicInteger(2100);

    final int year = YEARS.getAndIncrement();

    @Autowired
    LedgerQueries queries;

    final String tag = UUID.randomUUID().toString().substring(0, 8);
    final String tornby = "Tornby " + tag;
    final String ryd = "Ryd " + tag;

    static Recipient areaTeam(String district) {
        return new Recipient(RecipientKind.AREA_TEAM, GovernanceBodyId.of("team-" + UUID.randomUUID()), "Områdesteam " + district,
                district);
    }

    long allocate(long amount, Recipient recipient) {
        AllocationId id = AllocationId.of(UUID.randomUUID().toString());
        return append("Allocation", id.value(), new BudgetAllocated(id, year, amount, KS_FUNDS, recipient, "Trygghet", MARCH, KS));
    }

    /**
     * Tornby's movements, in log order: money to its area team, to a body scoped in Tornby (the recipient names no
     * district), a part of a distribution, a referral to its area team, money recorded for "TORNBY" in capitals, and
     * the referral's settlement (which names no recipient). Ryd and the committee get money too.
     */
    record Ledger(long head, long referred, List<Long> tornbyMoney, int rowsOfTheYear) {
    }

    Ledger givenMovementsInTwoDistricts() {
        registerDistricts(tornby);
        GovernanceBodyId group = GovernanceBodyId.of("grupp-" + UUID.randomUUID());
        long groupEstablished = append("GovernanceBody", group.value(), new GovernanceBodyEstablished(group,
                "Trygghetsgrupp " + tag, null, Level.OPERATIONAL, Scope.district(tornby), List.of("Samordna"),
                "Kommundirektören", null, List.of(), List.of(), MARCH, KS));
        awaitProjection("orgchart", groupEstablished);
        Recipient tornbyTeam = areaTeam(tornby);
        Recipient rydTeam = areaTeam(ryd);

        allocate(900_000, tornbyTeam);
        allocate(500_000, rydTeam);
        allocate(300_000, new Recipient(RecipientKind.GOVERNANCE_BODY, group, "Trygghetsgrupp " + tag, null));
        AllocationId passedOn = AllocationId.of(UUID.randomUUID().toString());
        append("Allocation", passedOn.value(), new BudgetAllocated(passedOn, year, 1_000_000, KS_FUNDS, SON, "Trygghet", MARCH, KS));
        append("Allocation", passedOn.value(), new AllocationDistributed(passedOn, year, 1_000_000, KS_FUNDS, SON, List.of(
                new AllocationPart(tornbyTeam, 200_000, "Fältarbete"), new AllocationPart(rydTeam, 800_000, "Fältarbete")),
                MARCH, KS));
        ReferralId referral = ReferralId.of(UUID.randomUUID().toString());
        long referred = append("Referral", referral.value(), new FinancingReferred(referral, year, "Områdesteamets lokaler",
                "Budgetberedningen", tornbyTeam, null, MARCH, KS));
        allocate(100_000, areaTeam(tornby.toUpperCase(Locale.ROOT)));
        long head = append("Referral", referral.value(), new ReferralSettled(referral, year, "Finansieras inom ramen", null,
                LocalDate.of(2021, 11, 30), KS));
        awaitProjection(LedgerProjection.NAME, head);
        // of the year: four allocations, the committee's allocation, its distribution (three rows), the referral,
        // the last allocation and the settlement
        return new Ledger(head, referred, List.of(900_000L, 300_000L, 200_000L, 100_000L), 4 + 3 + 1 + 1 + 1);
    }

    FindBudgetLedger ledger(Long asOfRevision, String district, int page, int size) {
        return new FindBudgetLedger(year, asOfRevision, null, district, page, size);
    }

    @Test
    void given_movements_in_two_districts_when_asked_for_one_then_only_the_movements_concerning_it_come_with_its_totals() {
        Ledger given = givenMovementsInTwoDistricts();

        BudgetLedger tornbys = queries.handle(ledger(null, tornby.toLowerCase(Locale.ROOT), 0, FindBudgetLedger.DEFAULT_PAGE_SIZE));

        assertThat(tornbys.district()).as("the registered spelling").isEqualTo(tornby);
        assertThat(tornbys.entries()).extracting(BudgetLedger.Entry::entryType).containsExactly(
                "ALLOCATION", "ALLOCATION", "DISTRIBUTION", "REFERRAL", "ALLOCATION", "REFERRAL_SETTLED");
        assertThat(tornbys.entries()).filteredOn(e -> e.movedSek() != null).extracting(BudgetLedger.Entry::movedSek)
                .containsExactlyElementsOf(given.tornbyMoney());
        assertThat(tornbys.entries()).extracting(BudgetLedger.Entry::recipientName)
                .noneMatch(n -> n != null && (n.contains("Ryd") || n.equals(SON.name())));
        assertThat(tornbys.total()).isEqualTo(6);
        assertThat(tornbys.totals().movedSek()).isEqualTo(1_500_000);
        assertThat(tornbys.totals().openReferrals()).as("settled").isZero();
        assertThat(tornbys.entries().get(tornbys.entries().size() - 1).runningBalanceSek()).isEqualTo(1_500_000);

        BudgetLedger ryds = queries.handle(ledger(null, ryd, 0, 10));
        assertThat(ryds.entries()).extracting(BudgetLedger.Entry::movedSek).containsExactly(500_000L, 800_000L);
        assertThat(ryds.total()).isEqualTo(2);

        BudgetLedger nowhere = queries.handle(ledger(null, "Ingenstans " + tag, 0, 10));
        assertThat(nowhere.entries()).isEmpty();
        assertThat(nowhere.total()).isZero();
        assertThat(nowhere.totals().movedSek()).isZero();

        BudgetSummary summary = queries.handle(new FindBudgetSummary(year, null, null, tornby));
        assertThat(summary.district()).isEqualTo(tornby);
        assertThat(summary.totalSek()).isEqualTo(1_500_000);
        assertThat(summary.openReferrals()).isEmpty();
        assertThat(summary.notSplitByDistrictSek()).as("the body's money names no district").isEqualTo(300_000);
    }

    @Test
    void given_ten_rows_when_paged_then_pages_are_disjoint_in_log_order_and_totals_and_running_columns_are_the_whole_ledgers() {
        Ledger given = givenMovementsInTwoDistricts();
        BudgetLedger whole = queries.handle(ledger(given.head(), null, 0, FindBudgetLedger.MAX_PAGE_SIZE));
        assertThat(whole.total()).isEqualTo(given.rowsOfTheYear());

        List<BudgetLedger.Entry> paged = new ArrayList<>();
        for (int page = 0; page < 3; page++) {
            BudgetLedger answer = queries.handle(ledger(given.head(), null, page, 4));
            assertThat(answer.page()).isEqualTo(page);
            assertThat(answer.size()).isEqualTo(4);
            assertThat(answer.total()).isEqualTo(given.rowsOfTheYear());
            assertThat(answer.totals()).as("the totals row is the whole ledger's on every page").isEqualTo(whole.totals());
            assertThat(answer.entries()).hasSize(page < 2 ? 4 : 2);
            if (page > 0) assertThat(answer.entries()).doesNotContainAnyElementsOf(paged);
            paged.addAll(answer.entries());
        }
        assertThat(paged).as("entries, running balances included, as the whole ledger shows them")
                .containsExactlyElementsOf(whole.entries());
        assertThat(queries.handle(ledger(given.head(), null, 3, 4)).entries()).isEmpty();

        // and a district's pages by two: the running columns carry on from the earlier pages
        BudgetLedger first = queries.handle(ledger(null, tornby, 0, 2));
        BudgetLedger second = queries.handle(ledger(null, tornby, 1, 2));
        assertThat(first.entries()).extracting(BudgetLedger.Entry::movedSek).containsExactly(900_000L, 300_000L);
        assertThat(second.entries()).extracting(BudgetLedger.Entry::entryType).containsExactly("DISTRIBUTION", "REFERRAL");
        assertThat(second.entries().get(0).allocatedToDateSek()).isEqualTo(1_400_000);
        assertThat(second.entries().get(1).runningBalanceSek()).isEqualTo(1_400_000);
        assertThat(List.of(first.total(), second.total())).containsOnly(6L);
    }

    @Test
    void given_a_district_as_of_an_earlier_revision_then_the_filter_count_and_open_referrals_are_as_the_register_held_them() {
        Ledger given = givenMovementsInTwoDistricts();

        BudgetLedger then = queries.handle(ledger(given.referred(), tornby, 0, 10));
        BudgetLedger thenSecondPage = queries.handle(ledger(given.referred(), tornby, 1, 3));
        BudgetSummary summaryThen = queries.handle(new FindBudgetSummary(year, given.referred(), null, tornby));

        assertThat(then.revision()).isEqualTo(given.referred());
        assertThat(then.total()).isEqualTo(4);
        assertThat(then.entries()).extracting(BudgetLedger.Entry::entryType)
                .containsExactly("ALLOCATION", "ALLOCATION", "DISTRIBUTION", "REFERRAL");
        assertThat(then.totals().openReferrals()).isEqualTo(1);
        assertThat(then.totals().referralsWithoutEstimate()).isEqualTo(1);
        assertThat(then.totals().movedSek()).isEqualTo(1_400_000);
        assertThat(thenSecondPage.entries()).extracting(BudgetLedger.Entry::entryType).containsExactly("REFERRAL");
        assertThat(thenSecondPage.total()).isEqualTo(4);
        assertThat(summaryThen.openReferrals()).hasSize(1);
        // as of a date before the settlement took effect, the referral is open again
        BudgetLedger onADate = queries.handle(new FindBudgetLedger(year, null, LocalDate.of(2021, 6, 30), tornby, 0, 10));
        assertThat(onADate.total()).isEqualTo(5);
        assertThat(onADate.totals().openReferrals()).isEqualTo(1);
    }

    @Test
    void given_money_to_a_body_before_the_register_placed_it_in_the_district_then_it_concerns_the_district_from_the_placement_on() {
        registerDistricts(tornby);
        GovernanceBodyId group = GovernanceBodyId.of("grupp-" + UUID.randomUUID());
        Recipient toTheGroup = new Recipient(RecipientKind.GOVERNANCE_BODY, group, "Trygghetsgrupp " + tag, null);
        long granted = allocate(250_000, toTheGroup);
        // the decision that set the group up in Tornby is recorded after the money (a late entry)
        long placed = append("GovernanceBody", group.value(), new GovernanceBodyEstablished(group,
                "Trygghetsgrupp " + tag, null, Level.OPERATIONAL, Scope.district(tornby), List.of("Samordna"),
                "Kommundirektören", null, List.of(), List.of(), MARCH, KS));
        long otherYear = append("Allocation", UUID.randomUUID().toString(), new BudgetAllocated(
                AllocationId.of(UUID.randomUUID().toString()), year + 1000, 70_000, KS_FUNDS, toTheGroup, "Trygghet", MARCH, KS));
        awaitProjection("orgchart", placed);
        awaitProjection(LedgerProjection.NAME, otherYear);

        BudgetLedger before = queries.handle(ledger(placed - 1, tornby, 0, 10));
        BudgetLedger after = queries.handle(ledger(placed, tornby, 0, 10));
        BudgetLedger everyYear = queries.handle(new FindBudgetLedger(null, otherYear, null, tornby, 0, 10));

        assertThat(before.revision()).isGreaterThanOrEqualTo(granted);
        assertThat(before.entries()).as("the register did not yet know the group was Tornby's").isEmpty();
        assertThat(before.totals().movedSek()).isZero();
        assertThat(after.entries()).extracting(BudgetLedger.Entry::movedSek).containsExactly(250_000L);
        assertThat(after.total()).isEqualTo(1);
        assertThat(queries.handle(new FindBudgetSummary(year, placed, null, tornby)).totalSek()).isEqualTo(250_000);
        assertThat(everyYear.entries()).as("without a year: both years' money to the group")
                .extracting(BudgetLedger.Entry::movedSek).containsExactly(250_000L, 70_000L);
        assertThat(queries.handle(new FindBudgetLedger(year + 1000, otherYear, null, tornby, 0, 10)).entries())
                .extracting(BudgetLedger.Entry::movedSek).containsExactly(70_000L);
    }

    @Test
    void given_the_ledger_over_http_then_it_names_its_page_the_csv_honours_the_district_and_bad_paging_is_refused() {
        givenMovementsInTwoDistricts();
        String district = URLEncoder.encode(tornby, StandardCharsets.UTF_8);

        var page = Http.get(port, "/api/budget/ledger?fiscalYear=" + year + "&district=" + district + "&page=1&size=4", "reader");
        assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
        JsonNode answer = Http.json(page);
        assertThat(answer.path("page").asInt()).isEqualTo(1);
        assertThat(answer.path("size").asInt()).isEqualTo(4);
        assertThat(answer.path("total").asLong()).isEqualTo(6);
        assertThat(answer.path("entries")).hasSize(2);
        assertThat(answer.path("totals").path("movedSek").asLong()).isEqualTo(1_500_000);
        // the provenance advice still reads every row
        answer.path("entries").forEach(e -> assertThat(e.path("decision").path("dateText").asString()).isEqualTo("2021-03-01"));

        var defaults = Http.json(Http.get(port, "/api/budget/ledger?fiscalYear=" + year, "reader"));
        assertThat(defaults.path("page").asInt()).isZero();
        assertThat(defaults.path("size").asInt()).isEqualTo(500);
        assertThat(defaults.path("entries")).hasSize(10);

        var summary = Http.get(port, "/api/budget/summary?fiscalYear=" + year + "&district=" + district, "reader");
        assertThat(summary.statusCode()).isEqualTo(200);
        assertThat(Http.json(summary).path("totalSek").asLong()).isEqualTo(1_500_000);

        var csv = Http.get(port, "/api/budget/ledger.csv?fiscalYear=" + year + "&district=" + district, "reader");
        assertThat(csv.statusCode()).isEqualTo(200);
        String[] lines = csv.body().substring(1).split("\r\n");
        assertThat(lines).as("a header, every one of the district's rows (unpaged) and the totals row").hasSize(6 + 2);
        assertThat(csv.body()).doesNotContain("Ryd " + tag);

        for (String[] bad : List.of(new String[]{"page=-1", "page"}, new String[]{"size=0", "size"},
                new String[]{"size=1001", "size"})) {
            var refused = Http.get(port, "/api/budget/ledger?" + bad[0], "reader");
            assertThat(refused.statusCode()).as(bad[0] + ": " + refused.body()).isEqualTo(400);
            assertThat(Http.json(refused).path("field").asString()).as(bad[0]).isEqualTo(bad[1]);
        }
    }
}
