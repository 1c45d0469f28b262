package se.styrregistret.query.orgchart;

import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import se.styrregistret.kernel.governance.FindOrgChart;
import se.styrregistret.kernel.governance.OrgChart;

import java.time.LocalDate;

@RestController
class OrgChartController {

    private final QueryGateway queries;

    OrgChartController(QueryGateway queries) {
        this.queries = queries;
    }

    @GetMapping("/api/org-chart")
    OrgChart orgChart(@RequestParam(required = false) Long asOfRevision,
                      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOfDate) {
        return queries.query(new FindOrgChart(asOfRevision, asOfDate), ResponseTypes.instanceOf(OrgChart.class)).join();
    }
}
