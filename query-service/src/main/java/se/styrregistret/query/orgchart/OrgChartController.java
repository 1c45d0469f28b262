package se.styrregistret.query.orgchart;

import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import se.styrregistret.kernel.governance.FindFunctionTransfers;
import se.styrregistret.kernel.governance.FindGovernanceBody;
import se.styrregistret.kernel.governance.FindOrgChart;
import se.styrregistret.kernel.governance.GovernanceBodyId;
import se.styrregistret.query.revision.BeyondTheHead;
import se.styrregistret.query.web.NotFound;
import se.styrregistret.support.web.InvalidInput;

import java.time.LocalDate;
import java.util.List;

@RestController
class OrgChartController {

    private final QueryGateway queries;

    OrgChartController(QueryGateway queries) {
        this.queries = queries;
    }

    /** The chart now, or as of a revision and/or an effective date. */
    @GetMapping("/api/org-chart")
    OrgChart orgChart(@RequestParam(required = false) Long asOfRevision,
                      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOfDate) {
        if (asOfRevision != null && asOfRevision < 0) {
            throw new InvalidInput("asOfRevision", "en revision är 0 eller större");
        }
        OrgChart chart = queries.query(new FindOrgChart(asOfRevision, asOfDate), ResponseTypes.instanceOf(OrgChart.class)).join();
        return BeyondTheHead.check(asOfRevision, chart.revision(), chart);
    }

    /** One body, with its version as the ETag a command's If-Match may name. */
    @GetMapping("/api/governance-bodies/{id}")
    ResponseEntity<BodyDetails> body(@PathVariable String id) {
        BodyDetails details = queries.query(new FindGovernanceBody(GovernanceBodyId.of(id)),
                ResponseTypes.instanceOf(BodyDetails.class)).join();
        if (details == null) {
            throw new NotFound("Det finns inget organ med id " + id);
        }
        ResponseEntity.BodyBuilder ok = ResponseEntity.ok();
        if (details.version() != null) ok.eTag("\"" + details.version() + "\"");
        return ok.body(details);
    }

    @GetMapping("/api/function-transfers")
    List<FunctionTransferView> functionTransfers() {
        return queries.query(new FindFunctionTransfers(), ResponseTypes.instanceOf(FunctionTransfers.class)).join().transfers();
    }
}
