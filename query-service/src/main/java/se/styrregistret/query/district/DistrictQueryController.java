package se.styrregistret.query.district;

import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import se.styrregistret.kernel.district.FindDistrict;
import se.styrregistret.kernel.district.FindDistricts;
import se.styrregistret.query.revision.BeyondTheHead;
import se.styrregistret.support.web.InvalidInput;

import java.time.LocalDate;

@RestController
class DistrictQueryController {

    private final QueryGateway queries;
    private final RegisteredDistricts registered;

    DistrictQueryController(QueryGateway queries, RegisteredDistricts registered) {
        this.queries = queries;
        this.registered = registered;
    }

    /** The registered districts, each with its priority designation and the decisions that made them so. */
    @GetMapping("/api/districts")
    DistrictList districts(@RequestParam(required = false) Long asOfRevision) {
        if (asOfRevision != null && asOfRevision < 0) {
            throw new InvalidInput("asOfRevision", "en revision är 0 eller större");
        }
        DistrictList list = queries.query(new FindDistricts(asOfRevision), ResponseTypes.instanceOf(DistrictList.class)).join();
        return BeyondTheHead.check(asOfRevision, list.revision(), list);
    }

    /** The reporting view of one registered district; the name is matched case-insensitively. */
    @GetMapping("/api/districts/{district}")
    ResponseEntity<DistrictView> district(@PathVariable String district,
                          @RequestParam(required = false) Long asOfRevision,
                          @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOfDate) {
        if (asOfRevision != null && asOfRevision < 0) {
            throw new InvalidInput("asOfRevision", "en revision är 0 eller större");
        }
        String name = registered.canonical(district).orElseThrow(() -> new ResponseStatusException(
                HttpStatus.NOT_FOUND, "Okänd stadsdel '" + district.strip() + "': ingen stadsdel med det namnet är registrerad"));
        DistrictView view = queries.query(new FindDistrict(name, asOfRevision, asOfDate), ResponseTypes.instanceOf(DistrictView.class)).join();
        if (view == null) return ResponseEntity.ok().build();
        ResponseEntity.BodyBuilder ok = ResponseEntity.ok();
        // the district's pictures' version: the ETag a picture command's If-Match names
        if (view.version() != null) ok.eTag("\"" + view.version() + "\"");
        return ok.body(BeyondTheHead.check(asOfRevision, view.revision(), view));
    }
}
