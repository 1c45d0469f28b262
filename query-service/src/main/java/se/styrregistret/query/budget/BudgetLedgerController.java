package se.styrregistret.query.budget;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import se.styrregistret.kernel.budget.FindBudgetLedger;
import se.styrregistret.kernel.budget.FindBudgetSummary;
import se.styrregistret.query.audit.Provenances;
import se.styrregistret.query.revision.BeyondTheHead;
import se.styrregistret.query.web.CsvTable;
import se.styrregistret.query.web.Paging;
import se.styrregistret.support.web.InvalidInput;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Map;
import java.util.stream.Stream;

/** The budget ledger's read side: movements, totals and a CSV export; every answer names its revision. */
@RestController
@RequestMapping("/api/budget")
@Tag(name = "Budget", description = "Budgetreskontran: rörelser, summor, återstående ramar, hänvisade poster")
class BudgetLedgerController {

    static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);
    static final String REVISION_HEADER = "X-Styrregistret-Revision";

    private final QueryGateway queries;

    private final Provenances provenances;

    BudgetLedgerController(QueryGateway queries, Provenances provenances) {
        this.queries = queries;
        this.provenances = provenances;
    }

    static final String DISTRICT = "bara rörelser som rör denna stadsdel: registrerade på stadsdelen, till ett organ eller "
            + "områdesteam vars omfattning är stadsdelen, och avgöranden av hänvisade poster som rör den (namnet jämförs utan "
            + "hänsyn till stora och små bokstäver); en stadsdel utan rörelser ger ett tomt svar";

    @GetMapping("/ledger")
    @Operation(summary = "Reskontran: en rad per rörelse (källa → mottagare, år, tillgängligt, fördelat, uppskattat, beslut, revision) "
            + "med summarad, en sida i taget i loggens ordning; summaraden och de löpande summorna gäller alla rader som "
            + "matchar, inte bara sidan; total = antalet matchande rader")
    BudgetLedger ledger(@Parameter(description = "budgetår; utelämnat = alla år") @RequestParam(required = false) Integer fiscalYear,
                        @Parameter(description = "som registret visade vid denna ändring nr; utelämnat = senaste")
                        @RequestParam(required = false) Long asOfRevision,
                        @Parameter(description = "bara poster som gäller per detta datum (ÅÅÅÅ-MM-DD): de som börjat gälla då eller tidigare")
                        @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOfDate,
                        @Parameter(description = DISTRICT) @RequestParam(required = false) String district,
                        @Parameter(description = "sidan, räknad från 0") @RequestParam(defaultValue = "0") int page,
                        @Parameter(description = "rader per sida, 1–" + FindBudgetLedger.MAX_PAGE_SIZE)
                        @RequestParam(defaultValue = "" + FindBudgetLedger.DEFAULT_PAGE_SIZE) int size) {
        requireRevision(asOfRevision);
        Paging.check(page, size, FindBudgetLedger.MAX_PAGE_SIZE);
        return ledger(new FindBudgetLedger(fiscalYear, asOfRevision, asOfDate, district, page, size));
    }

    private BudgetLedger ledger(FindBudgetLedger query) {
        BudgetLedger ledger = queries.query(query, ResponseTypes.instanceOf(BudgetLedger.class)).join();
        return BeyondTheHead.check(query.asOfRevision(), ledger.revision(), ledger);
    }

    @GetMapping("/summary")
    @Operation(summary = "Summor per mottagare, stadsdel, källa och år; återstående ramar; öppna hänvisade poster")
    BudgetSummary summary(@Parameter(description = "budgetår; utelämnat = alla år") @RequestParam(required = false) Integer fiscalYear,
                          @Parameter(description = "som registret visade vid denna ändring nr; utelämnat = senaste")
                          @RequestParam(required = false) Long asOfRevision,
                          @Parameter(description = "bara poster som gäller per detta datum (ÅÅÅÅ-MM-DD): de som börjat gälla då eller tidigare")
                          @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOfDate,
                          @Parameter(description = DISTRICT) @RequestParam(required = false) String district) {
        requireRevision(asOfRevision);
        BudgetSummary summary = queries.query(new FindBudgetSummary(fiscalYear, asOfRevision, asOfDate, district),
                ResponseTypes.instanceOf(BudgetSummary.class)).join();
        return BeyondTheHead.check(asOfRevision, summary.revision(), summary);
    }

    private static void requireRevision(Long asOfRevision) {
        if (asOfRevision != null && asOfRevision < 0) {
            throw new InvalidInput("asOfRevision", "ska vara 0 eller större");
        }
    }

    @GetMapping(value = "/ledger.csv", produces = "text/csv;charset=UTF-8")
    @Operation(summary = "Reskontran som CSV för svenska Excel (semikolon, UTF-8 med BOM, svenska rubriker, belopp i tkr med decimalkomma, datum ÅÅÅÅ-MM-DD), alla matchande rader på en gång; revisionen i huvudet " + REVISION_HEADER)
    ResponseEntity<byte[]> ledgerCsv(@Parameter(description = "budgetår; utelämnat = alla år") @RequestParam(required = false) Integer fiscalYear,
                                     @Parameter(description = "som registret visade vid denna ändring nr; utelämnat = senaste")
                                     @RequestParam(required = false) Long asOfRevision,
                                     @Parameter(description = "bara poster som gäller per detta datum (ÅÅÅÅ-MM-DD): de som börjat gälla då eller tidigare")
                                     @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOfDate,
                                     @Parameter(description = DISTRICT) @RequestParam(required = false) String district) {
        requireRevision(asOfRevision);
        BudgetLedger ledger = ledger(FindBudgetLedger.every(fiscalYear, asOfRevision, asOfDate, district));
        CsvTable csv = new CsvTable("Ändring nr", "Gäller från", "Budgetår", "Post", "Källa", "Slag av källa",
                "Hänvisad till", "Mottagare", "Slag av mottagare", "Stadsdel", "Tillgängligt (tkr)", "Fördelat (tkr)",
                "Uppskattat (tkr)", "Fördelat hittills under året (tkr)", "Syfte", "Diarienummer", "Paragraf",
                "Beslutsdatum", "Beslutat av", "Post-id", Provenances.CSV_HEADERS.get(0), Provenances.CSV_HEADERS.get(1),
                Provenances.CSV_HEADERS.get(2), Provenances.CSV_HEADERS.get(3));
        Map<Long, Provenances.Known> sources = provenances.of(ledger.entries().stream().map(BudgetLedger.Entry::revision).toList());
        for (BudgetLedger.Entry e : ledger.entries()) {
            Provenances.Known known = sources.get(e.revision());
            csv.row(Stream.concat(Stream.of(e.revision(), Provenances.effectiveDate(e.effectiveDate(), e.decision(), known), e.fiscalYear(), e.entryTypeLabel(), e.sourceName(),
                    e.sourceKind() == null ? null : e.sourceKind().displayName(), e.referredTo(), e.recipientName(),
                    e.recipientKind() == null ? null : e.recipientKind().displayName(), e.district(),
                    tkr(e.availableSek()), tkr(e.movedSek()), tkr(e.estimatedSek()), tkr(e.allocatedToDateSek()),
                    e.purpose(), e.decision().caseNumber(), e.decision().paragraph(), Provenances.decisionDate(e.decision(), known),
                    e.decision().decidedBy(), e.itemId()), Provenances.csvCells(known).stream()));
        }
        BudgetLedger.Totals t = ledger.totals();
        csv.row(Stream.of(null, null, null, "Summa", null, null, null, null, null, null, tkr(t.availableSek()),
                tkr(t.movedSek()), tkr(t.estimatedSek()), null, t.referralsWithoutEstimate() == 0 ? null
                        : t.referralsWithoutEstimate() + " hänvisade poster utan belopp (okänt)", null, null, null, null, null,
                null, null, null, null));
        return ResponseEntity.ok().contentType(CSV).header(REVISION_HEADER, Long.toString(ledger.revision()))
                .header(org.springframework.http.HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"budget.csv\"")
                .body(csv.bytes());
    }

    /** Kronor as thousands with decimals (a number cell in Swedish Excel); null stays empty (unknown, not 0). */
    private static java.math.BigDecimal tkr(Long sek) {
        if (sek == null) return null;
        java.math.BigDecimal v = java.math.BigDecimal.valueOf(sek).movePointLeft(3).stripTrailingZeros();
        return v.scale() < 0 ? v.setScale(0) : v;
    }
}
