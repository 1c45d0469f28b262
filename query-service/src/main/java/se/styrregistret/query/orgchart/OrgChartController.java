package se.styrregistret.query.orgchart;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
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
import se.styrregistret.kernel.governance.ScopeKind;
import se.styrregistret.query.revision.BeyondTheHead;
import se.styrregistret.query.web.NotFound;
import se.styrregistret.query.web.Paging;
import se.styrregistret.support.web.InvalidInput;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

@RestController
@Tag(name = "Organisation", description = "Organisationsschemat, organen och funktionsöverföringar")
class OrgChartController {

    private final QueryGateway queries;

    OrgChartController(QueryGateway queries) {
        this.queries = queries;
    }

    /** The chart now, or as of a revision and/or an effective date; narrowed to a district or a kind of scope; one page. */
    @GetMapping("/api/org-chart")
    @Operation(summary = "Organisationsschemat: organen per nivå, nu eller per ändring nr och/eller datum, "
            + "för en stadsdel eller ett slag av omfattning, en sida i taget (nivå, namn, id)")
    OrgChart orgChart(@Parameter(description = "som registret visade vid denna ändring nr; utelämnat = senaste")
                      @RequestParam(required = false) Long asOfRevision,
                      @Parameter(description = "det som gällde detta datum (ÅÅÅÅ-MM-DD); utelämnat = i dag")
                      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOfDate,
                      @Parameter(description = "bara organ vars omfattning är denna stadsdel (namnet jämförs utan hänsyn "
                              + "till stora och små bokstäver); en stadsdel utan organ ger ett tomt svar")
                      @RequestParam(required = false) String district,
                      @Parameter(description = "bara organ med denna omfattning: MUNICIPALITY (kommunen), DISTRICT "
                              + "(stadsdel) eller COUNTY (länet)", schema = @Schema(allowableValues = {"MUNICIPALITY", "DISTRICT", "COUNTY"}))
                      @RequestParam(required = false) String scopeKind,
                      @Parameter(description = "sidan, räknad från 0") @RequestParam(defaultValue = "0") int page,
                      @Parameter(description = "organ per sida, 1–" + FindOrgChart.MAX_PAGE_SIZE)
                      @RequestParam(defaultValue = "" + FindOrgChart.DEFAULT_PAGE_SIZE) int size) {
        if (asOfRevision != null && asOfRevision < 0) {
            throw new InvalidInput("asOfRevision", "en revision är 0 eller större");
        }
        Paging.check(page, size, FindOrgChart.MAX_PAGE_SIZE);
        OrgChart chart = queries.query(new FindOrgChart(asOfRevision, asOfDate, district, scopeKind(scopeKind), page, size),
                ResponseTypes.instanceOf(OrgChart.class)).join();
        return BeyondTheHead.check(asOfRevision, chart.revision(), chart);
    }

    /** A kind of scope by its name, in any case; empty for none. */
    private static ScopeKind scopeKind(String name) {
        if (name == null || name.isBlank()) return null;
        return Arrays.stream(ScopeKind.values()).filter(k -> k.name().equalsIgnoreCase(name.strip())).findFirst()
                .orElseThrow(() -> new InvalidInput("scopeKind", "okänt slag av omfattning; välj en av "
                        + Arrays.stream(ScopeKind.values()).map(Enum::name).collect(Collectors.joining(", "))));
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
