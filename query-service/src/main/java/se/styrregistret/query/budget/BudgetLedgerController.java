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
import se.styrregistret.query.revision.BeyondTheHead;
import se.styrregistret.query.web.CsvTable;
import se.styrregistret.support.web.InvalidInput;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.stream.Stream;

/** The budget ledger's read side: movements, totals and a CSV export; every answer names its revision. */
@RestController
@RequestMapping("/api/budget")
@Tag(name = "Budget", description = "Budgetreskontran: rörelser, summor, återstående ramar, hänvisade poster")
class BudgetLedgerController {

    static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);
    static final String REVISION_HEADER = "X-Styrregistret-Revision";

    private final QueryGateway queries;

    BudgetLedgerController(QueryGateway queries) {
        this.queries = queries;
    }

    @GetMapping("/ledger")
    @Operation(summary = "Reskontran: en rad per rörelse (källa → mottagare, år, belopp, beslut, revision) med löpande saldo")
    BudgetLedger ledger(@Parameter(description = "budgetår; utelämnat = alla år") @RequestParam(required = false) Integer fiscalYear,
                        @RequestParam(required = false) Long asOfRevision,
                        @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOfDate) {
        requireRevision(asOfRevision);
        BudgetLedger ledger = queries.query(new FindBudgetLedger(fiscalYear, asOfRevision, asOfDate), ResponseTypes.instanceOf(BudgetLedger.class)).join();
        return BeyondTheHead.check(asOfRevision, ledger.revision(), ledger);
    }

    @GetMapping("/summary")
    @Operation(summary = "Summor per mottagare, stadsdel, källa och år; återstående ramar; öppna hänvisade poster")
    BudgetSummary summary(@Parameter(description = "budgetår; utelämnat = alla år") @RequestParam(required = false) Integer fiscalYear,
                          @RequestParam(required = false) Long asOfRevision,
                          @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOfDate) {
        requireRevision(asOfRevision);
        BudgetSummary summary = queries.query(new FindBudgetSummary(fiscalYear, asOfRevision, asOfDate), ResponseTypes.instanceOf(BudgetSummary.class)).join();
        return BeyondTheHead.check(asOfRevision, summary.revision(), summary);
    }

    private static void requireRevision(Long asOfRevision) {
        if (asOfRevision != null && asOfRevision < 0) {
            throw new InvalidInput("asOfRevision", "en revision är 0 eller större");
        }
    }

    @GetMapping(value = "/ledger.csv", produces = "text/csv;charset=UTF-8")
    @Operation(summary = "Reskontran som CSV (UTF-8, rubrikrad, kommaseparerad); revisionen i huvudet " + REVISION_HEADER)
    ResponseEntity<String> ledgerCsv(@RequestParam(required = false) Integer fiscalYear,
                                     @RequestParam(required = false) Long asOfRevision,
                                     @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOfDate) {
        BudgetLedger ledger = ledger(fiscalYear, asOfRevision, asOfDate);
        CsvTable csv = new CsvTable("revision", "effective_date", "fiscal_year", "entry_type", "item_id",
                "source_kind", "source_id", "source_name", "recipient_kind", "recipient_id", "recipient_name", "district",
                "amount_sek", "amount_tkr", "running_balance_sek", "purpose", "decision_case", "decision_paragraph",
                "decision_date", "decided_by");
        for (BudgetLedger.Entry e : ledger.entries()) {
            csv.row(Stream.of(e.revision(), e.effectiveDate(), e.fiscalYear(), e.entryType(), e.itemId(), e.sourceKind(),
                    e.sourceId(), e.sourceName(), e.recipientKind(), e.recipientId(), e.recipientName(), e.district(),
                    e.amountSek(), e.amountTkr(), e.runningBalanceSek(), e.purpose(), e.decision().caseNumber(),
                    e.decision().paragraph(), e.decision().decisionDate(), e.decision().decidedBy()));
        }
        return ResponseEntity.ok().contentType(CSV).header(REVISION_HEADER, Long.toString(ledger.revision()))
                .body(csv.toString());
    }
}
