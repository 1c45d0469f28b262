package se.styrregistret.query.budget;

import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import se.styrregistret.kernel.budget.AllocationDistributed;
import se.styrregistret.kernel.budget.AllocationId;
import se.styrregistret.kernel.budget.AllocationPart;
import se.styrregistret.kernel.budget.AllocationReversed;
import se.styrregistret.kernel.budget.BudgetAllocated;
import se.styrregistret.kernel.budget.BudgetFrameExtended;
import se.styrregistret.kernel.budget.BudgetFrameId;
import se.styrregistret.kernel.budget.BudgetFrameOpened;
import se.styrregistret.kernel.budget.FinancingReferred;
import se.styrregistret.kernel.budget.FindBudgetLedger;
import se.styrregistret.kernel.budget.FindBudgetSummary;
import se.styrregistret.kernel.budget.FundingSource;
import se.styrregistret.kernel.budget.GrantId;
import se.styrregistret.kernel.budget.GrantRegistered;
import se.styrregistret.kernel.budget.Recipient;
import se.styrregistret.kernel.budget.RecipientKind;
import se.styrregistret.kernel.budget.ReferralId;
import se.styrregistret.kernel.budget.ReferralSettled;
import se.styrregistret.kernel.common.DecisionReference;
import se.styrregistret.kernel.correction.EntryCorrected;
import se.styrregistret.kernel.governance.GovernanceBodyId;
import se.styrregistret.query.support.QueryServiceTest;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class LedgerProjectionTest extends QueryServiceTest {

    static final DecisionReference KS_MARCH = new DecisionReference(null, null, LocalDate.of(2021, 3, 1), "Kommunstyrelsen");
    static final DecisionReference KS_AUGUST = new DecisionReference(null, null, LocalDate.of(2021, 8, 17), "Kommunstyrelsen");
    static final LocalDate MARCH = LocalDate.of(2021, 3, 1);
    static final Recipient SON = Recipient.committee("Social- och omsorgsnämnden");

    @Autowired
    LedgerQueries queries;

    static Recipient areaTeam(String district) {
        return new Recipient(RecipientKind.AREA_TEAM, GovernanceBodyId.of("team-" + district + "-" + UUID.randomUUID()),
                "Områdesteam " + district, district);
    }

    static String id() {
        return UUID.randomUUID().toString();
    }

    long allocate(AllocationId id, int year, long amount, FundingSource source, Recipient recipient) {
        return append("Allocation", id.value(), new BudgetAllocated(id, year, amount, source, recipient, "Områdesteam", MARCH, KS_MARCH));
    }

    long distribute(AllocationId id, int year, long whole, FundingSource source, Recipient by, List<AllocationPart> parts) {
        return append("Allocation", id.value(), new AllocationDistributed(id, year, whole, source, by, parts, MARCH, KS_MARCH));
    }

    @Test
    void the_2021_figures_give_8620_tkr_to_the_area_teams_of_which_2100_tkr_is_a_state_grant() throws Exception {
        int year = 2021;
        Recipient berga = areaTeam("Berga");
        Recipient ryd = areaTeam("Ryd");
        Recipient skaggetorp = areaTeam("Skäggetorp");
        FundingSource ks = FundingSource.resourceFunds("Kommunstyrelsen 2021");
        GrantId grantId = GrantId.of(id());
        FundingSource grant = FundingSource.grant(grantId, "Delegationen mot segregation");

        // area teams: KS 2 520 tkr + 4 000 tkr, state grant 2 100 tkr, each passed on by Social- och omsorgsnämnden
        AllocationId coordinators = AllocationId.of(id());
        AllocationId safety = AllocationId.of(id());
        AllocationId state = AllocationId.of(id());
        append("Grant", grantId.value(), new GrantRegistered(grantId, "Delegationen mot segregation", year, 2_100_000,
                "Områdesteam", MARCH, KS_MARCH));
        allocate(coordinators, year, 2_520_000, ks, SON);
        allocate(safety, year, 4_000_000, ks, SON);
        allocate(state, year, 2_100_000, grant, SON);
        distribute(coordinators, year, 2_520_000, ks, SON, parts(berga, ryd, skaggetorp, 840_000, 840_000, 840_000));
        distribute(safety, year, 4_000_000, ks, SON, parts(berga, ryd, skaggetorp, 1_334_000, 1_333_000, 1_333_000));
        long beforeFrame = distribute(state, year, 2_100_000, grant, SON, parts(berga, ryd, skaggetorp, 700_000, 700_000, 700_000));

        // the KS frame: +3 mnkr from KS resource funds, allocated and split among committees
        BudgetFrameId frameId = BudgetFrameId.of(id());
        FundingSource frame = FundingSource.frame(frameId, "Kommunstyrelsens budgetram 2021");
        append("BudgetFrame", frameId.value(), new BudgetFrameOpened(frameId, "Kommunstyrelsen", year, 0, null, MARCH, KS_AUGUST));
        append("BudgetFrame", frameId.value(), new BudgetFrameExtended(frameId, "Kommunstyrelsen", year, 3_000_000,
                "KS resursfond 2021", LocalDate.of(2021, 8, 17), KS_AUGUST));
        AllocationId expanded = AllocationId.of(id());
        Recipient ksCommittees = Recipient.committee("Kommunstyrelsen (att fördela mellan nämnder)");
        allocate(expanded, year, 3_000_000, frame, ksCommittees);
        distribute(expanded, year, 3_000_000, frame, ksCommittees, List.of(
                new AllocationPart(Recipient.committee("Social- och omsorgsnämnden"), 1_500_000, "Fältsocialt arbete"),
                new AllocationPart(Recipient.committee("Kultur- och fritidsnämnden"), 1_000_000, "Fritid kopplad till skolnärvaro"),
                new AllocationPart(Recipient.committee("Kommunstyrelsen"), 500_000, "Väktare")));

        // 2022 referred to Budgetberedningen
        ReferralId referral = ReferralId.of(id());
        long head = append("Referral", referral.value(), new FinancingReferred(referral, 2022, "Områdesteamens finansiering 2022",
                "Budgetberedningen", SON, null, MARCH, KS_MARCH));
        awaitProjection(LedgerProjection.NAME, head);

        BudgetSummary summary = queries.handle(new FindBudgetSummary(year, null));
        assertThat(summary.revision()).isGreaterThanOrEqualTo(head);
        assertThat(total(summary.byRecipientKind(), "AREA_TEAM")).isEqualTo(8_620_000);
        assertThat(total(summary.byRecipientKindAndSourceKind(), "AREA_TEAM/GRANT")).isEqualTo(2_100_000);
        assertThat(total(summary.byRecipientKindAndSourceKind(), "AREA_TEAM/RESOURCE_FUNDS")).isEqualTo(6_520_000);
        assertThat(total(summary.byRecipientKind(), "COMMITTEE")).isEqualTo(3_000_000);
        assertThat(total(summary.byDistrict(), "Skäggetorp")).isEqualTo(840_000 + 1_333_000 + 700_000);
        assertThat(total(summary.byDistrict(), "Berga")).isEqualTo(840_000 + 1_334_000 + 700_000);
        assertThat(total(summary.byRecipient(), SON.key())).as("passed on in full").isEqualTo(1_500_000);
        assertThat(total(summary.bySource(), grantId.value())).isEqualTo(2_100_000);
        assertThat(total(summary.bySource(), frameId.value())).isEqualTo(3_000_000);
        assertThat(total(summary.byYear(), "2021")).isEqualTo(summary.totalSek());
        assertThat(summary.byRecipientKind().stream().filter(t -> t.key().equals("AREA_TEAM")).findFirst().orElseThrow().amountTkr())
                .isEqualTo("8 620 tkr");
        BudgetSummary.Frame ksFrame = summary.frames().stream().filter(f -> f.frameId().equals(frameId.value())).findFirst().orElseThrow();
        assertThat(ksFrame.extendedSek()).isEqualTo(3_000_000);
        assertThat(ksFrame.allocatedSek()).isEqualTo(3_000_000);
        assertThat(ksFrame.remainingSek()).isZero();
        // the frame as it stood before its allocation
        BudgetSummary beforeAllocation = queries.handle(new FindBudgetSummary(year, beforeFrame + 2));
        assertThat(beforeAllocation.frames()).filteredOn(f -> f.frameId().equals(frameId.value()))
                .singleElement().satisfies(f -> assertThat(f.remainingSek()).isEqualTo(3_000_000));
        assertThat(total(beforeAllocation.byRecipientKind(), "COMMITTEE")).isZero();

        // the referral is an open item of 2022, not money of 2021
        assertThat(summary.openReferrals()).noneMatch(r -> r.referralId().equals(referral.value()));
        BudgetSummary summary2022 = queries.handle(new FindBudgetSummary(2022, null));
        assertThat(summary2022.openReferrals()).anySatisfy(r -> {
            assertThat(r.referralId()).isEqualTo(referral.value());
            assertThat(r.referredTo()).isEqualTo("Budgetberedningen");
        });

        // rows: one per movement, at the event's revision and effective date
        Integer rows = jdbc.queryForObject("select count(*) from projection.budget_ledger_entry where item_id = ?",
                Integer.class, expanded.value());
        assertThat(rows).isEqualTo(1 + 1 + 3);
        var extension = jdbc.queryForMap("select * from projection.budget_ledger_entry where item_id = ? and entry_type = 'FRAME_EXTENDED'",
                frameId.value());
        assertThat(extension.get("amount_sek")).isEqualTo(3_000_000L);
        assertThat(extension.get("source_name")).isEqualTo("KS resursfond 2021");
        assertThat(extension.get("effective_date").toString()).isEqualTo("2021-08-17");

        // the ledger's running balance ends at the total
        BudgetLedger ledger = queries.handle(new FindBudgetLedger(year, null));
        assertThat(ledger.entries()).isNotEmpty();
        assertThat(ledger.entries().get(ledger.entries().size() - 1).runningBalanceSek()).isEqualTo(summary.totalSek());

        // and over HTTP: JSON and CSV, UTF-8, with a header row
        HttpResponse<String> csv = get("/api/budget/ledger.csv?fiscalYear=2021");
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv").containsIgnoringCase("utf-8");
        assertThat(csv.body()).startsWith("\uFEFF");
        String[] lines = csv.body().substring(1).split("\r\n");
        assertThat(lines[0]).startsWith("Ändring nr;Gäller från;Budgetår;Post;Källa;");
        // a header, the entries and the totals row; amounts in tkr with a decimal comma
        assertThat(lines.length).isEqualTo(ledger.entries().size() + 2);
        assertThat(lines[lines.length - 1]).contains(";;Summa;");
        assertThat(csv.body()).contains("Områdesteam Skäggetorp").contains("Skäggetorp");
        HttpResponse<String> json = get("/api/budget/summary?fiscalYear=2021");
        assertThat(json.statusCode()).isEqualTo(200);
        assertThat(json.body()).contains("\"revision\"").contains("8 620 tkr");

        // settling the referral closes the open item; as of before, it is still open
        long settled = append("Referral", referral.value(), new ReferralSettled(referral, 2022, "Finansierat i budget 2022", null,
                LocalDate.of(2021, 11, 30), KS_AUGUST));
        awaitProjection(LedgerProjection.NAME, settled);
        assertThat(queries.handle(new FindBudgetSummary(2022, null)).openReferrals())
                .noneMatch(r -> r.referralId().equals(referral.value()));
        assertThat(queries.handle(new FindBudgetSummary(2022, head)).openReferrals())
                .anyMatch(r -> r.referralId().equals(referral.value()));
    }

    @Test
    void a_reversal_is_a_new_negative_entry_and_earlier_revisions_still_show_the_original() {
        int year = 2030;
        AllocationId id = AllocationId.of(id());
        FundingSource ks = FundingSource.resourceFunds("KS resursfond 2030");
        long allocated = allocate(id, year, 1_000_000, ks, SON);
        long reversed = append("Allocation", id.value(), new AllocationReversed(id, year, 400_000, ks, SON, "Fel belopp", MARCH, KS_AUGUST));
        awaitProjection(LedgerProjection.NAME, reversed);

        BudgetSummary now = queries.handle(new FindBudgetSummary(year, null));
        BudgetSummary then = queries.handle(new FindBudgetSummary(year, allocated));
        assertThat(now.totalSek()).isEqualTo(600_000);
        assertThat(now.totalTkr()).isEqualTo("600 tkr");
        assertThat(then.totalSek()).isEqualTo(1_000_000);
        assertThat(then.revision()).isEqualTo(allocated);
        BudgetLedger ledger = queries.handle(new FindBudgetLedger(year, null));
        assertThat(ledger.entries()).extracting(BudgetLedger.Entry::entryType).containsExactly("ALLOCATION", "REVERSAL");
        assertThat(ledger.entries()).extracting(BudgetLedger.Entry::amountSek).containsExactly(1_000_000L, -400_000L);
        assertThat(ledger.entries()).extracting(BudgetLedger.Entry::runningBalanceSek).containsExactly(1_000_000L, 600_000L);
    }

    @Test
    void a_corrected_amount_counts_from_the_correction_and_earlier_revisions_still_show_what_was_recorded() {
        int year = 2031;
        AllocationId id = AllocationId.of(id());
        FundingSource ks = FundingSource.resourceFunds("KS resursfond 2031");
        long allocated = allocate(id, year, 3_200_000, ks, SON);
        long corrected = append("Allocation", id.value(), new EntryCorrected(id.value(), eventIdAt(allocated), allocated,
                "BudgetAllocated", false, "Beslutet anger 3 100 000 kr", KS_AUGUST));
        long replaced = append("Allocation", id.value(), new BudgetAllocated(id, year, 3_100_000, ks, SON, "Områdesteam",
                MARCH, KS_MARCH), MetaData.with("recordedBy", "test-registrar").and(EntryCorrected.CORRECTS, eventIdAt(allocated)));
        awaitProjection(LedgerProjection.NAME, replaced);

        assertThat(queries.handle(new FindBudgetSummary(year, allocated)).totalSek()).isEqualTo(3_200_000);
        assertThat(queries.handle(new FindBudgetSummary(year, corrected)).totalSek())
                .as("the correction counts from its replacement on").isEqualTo(3_200_000);
        assertThat(queries.handle(new FindBudgetSummary(year, replaced)).totalSek()).isEqualTo(3_100_000);
        assertThat(queries.handle(new FindBudgetLedger(year, null)).entries())
                .extracting(BudgetLedger.Entry::amountSek).containsExactly(3_100_000L);
        assertThat(queries.handle(new FindBudgetLedger(year, allocated)).entries())
                .extracting(BudgetLedger.Entry::amountSek).containsExactly(3_200_000L);
    }

    @Test
    void an_annulled_allocation_no_longer_counts_from_the_annulment() {
        int year = 2032;
        AllocationId id = AllocationId.of(id());
        FundingSource ks = FundingSource.resourceFunds("KS resursfond 2032");
        long allocated = allocate(id, year, 500_000, ks, SON);
        long annulled = append("Allocation", id.value(), new EntryCorrected(id.value(), eventIdAt(allocated), allocated,
                "BudgetAllocated", true, "Registrerad två gånger", null));
        awaitProjection(LedgerProjection.NAME, annulled);

        assertThat(queries.handle(new FindBudgetSummary(year, allocated)).totalSek()).isEqualTo(500_000);
        assertThat(queries.handle(new FindBudgetSummary(year, annulled)).totalSek()).isZero();
        assertThat(queries.handle(new FindBudgetLedger(year, annulled)).entries()).isEmpty();
    }

    static List<AllocationPart> parts(Recipient a, Recipient b, Recipient c, long x, long y, long z) {
        return List.of(new AllocationPart(a, x, null), new AllocationPart(b, y, null), new AllocationPart(c, z, null));
    }

    static long total(List<BudgetSummary.Total> totals, String key) {
        return totals.stream().filter(t -> t.key().equals(key)).mapToLong(BudgetSummary.Total::amountSek).sum();
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).header("Authorization", READER).GET().build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}
