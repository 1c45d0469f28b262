package se.styrregistret.query.audit;

import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import se.styrregistret.kernel.audit.AuditFilter;
import se.styrregistret.kernel.audit.FindAuditEntry;
import se.styrregistret.kernel.audit.FindAuditTrail;
import se.styrregistret.kernel.audit.FindRevisionDiff;
import se.styrregistret.kernel.audit.FindTimeline;
import se.styrregistret.kernel.audit.VerifyAuditLog;
import se.styrregistret.kernel.common.DecisionReference;
import se.styrregistret.kernel.common.Text;
import se.styrregistret.query.web.CsvTable;
import se.styrregistret.query.web.NotFound;
import se.styrregistret.support.web.InvalidInput;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.stream.Stream;

/** The audit trail (AUDITOR, REGISTRAR, ADMIN), the timeline and revision diffs (any reader). */
@RestController
class AuditController {

    static final String REVISION_HEADER = "X-Styrregistret-Revision";
    static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

    private final QueryGateway queries;
    private final JsonMapper json;

    AuditController(QueryGateway queries, JsonMapper json) {
        this.queries = queries;
        this.json = json;
    }

    @GetMapping("/api/audit-trail")
    AuditTrailPage auditTrail(@RequestParam(required = false) Long fromRevision,
                              @RequestParam(required = false) Long toRevision,
                              @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate recordedFrom,
                              @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate recordedTo,
                              @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate effectiveFrom,
                              @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate effectiveTo,
                              @RequestParam(required = false) String bodyId,
                              @RequestParam(required = false) String caseNumber,
                              @RequestParam(required = false) String eventType,
                              @RequestParam(required = false) String recordedBy,
                              @RequestParam(defaultValue = "0") int page,
                              @RequestParam(defaultValue = "100") int size) {
        AuditFilter filter = filter(fromRevision, toRevision, recordedFrom, recordedTo, effectiveFrom, effectiveTo,
                bodyId, caseNumber, eventType, recordedBy);
        if (page < 0) throw new InvalidInput("page", "får inte vara negativ");
        if (size < 1 || size > FindAuditTrail.MAX_PAGE_SIZE) {
            throw new InvalidInput("size", "ska vara mellan 1 och " + FindAuditTrail.MAX_PAGE_SIZE);
        }
        return page(filter, page, size);
    }

    /** The same rows as CSV (UTF-8, header row, RFC 4180 quoting), every page of them. */
    @GetMapping(value = "/api/audit-trail.csv")
    ResponseEntity<byte[]> auditTrailCsv(@RequestParam(required = false) Long fromRevision,
                                         @RequestParam(required = false) Long toRevision,
                                         @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate recordedFrom,
                                         @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate recordedTo,
                                         @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate effectiveFrom,
                                         @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate effectiveTo,
                                         @RequestParam(required = false) String bodyId,
                                         @RequestParam(required = false) String caseNumber,
                                         @RequestParam(required = false) String eventType,
                                         @RequestParam(required = false) String recordedBy) {
        AuditFilter filter = filter(fromRevision, toRevision, recordedFrom, recordedTo, effectiveFrom, effectiveTo,
                bodyId, caseNumber, eventType, recordedBy);
        CsvTable csv = new CsvTable("revision", "recordedAt", "recordedBy", "correlationId", "traceId", "effectiveDate",
                "caseNumber", "paragraph", "decisionDate", "decidedBy", "eventType", "affectedIds", "district",
                "summary", "payload");
        long reflects = -1;
        for (int page = 0; ; page++) {
            AuditTrailPage answer = page(filter, page, FindAuditTrail.MAX_PAGE_SIZE);
            if (reflects < 0) reflects = answer.revision();
            for (AuditEntry e : answer.entries()) {
                DecisionReference d = e.decision();
                csv.row(Stream.of(e.revision(), e.recordedAt(), e.recordedBy(), e.correlationId(), e.traceId(),
                        e.effectiveDate(), d == null ? null : d.caseNumber(), d == null ? null : d.paragraph(),
                        d == null ? null : d.decisionDate(), d == null ? null : d.decidedBy(), e.eventType(),
                        String.join(" ", e.affectedIds()), e.district(), e.summary(), json.writeValueAsString(e.payload())));
            }
            if ((long) (page + 1) * FindAuditTrail.MAX_PAGE_SIZE >= answer.total() || answer.entries().isEmpty()) break;
        }
        return ResponseEntity.ok()
                .contentType(CSV)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"audit-trail.csv\"")
                .header(REVISION_HEADER, Long.toString(reflects))
                .body(csv.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** Reads the whole log again and checks it against the audit log; says what it could not check. */
    @GetMapping("/api/audit-trail/verification")
    AuditVerification verification() {
        return queries.query(new VerifyAuditLog(), ResponseTypes.instanceOf(AuditVerification.class)).join();
    }

    @GetMapping("/api/audit-trail/{revision}")
    AuditRecord entry(@PathVariable long revision) {
        if (revision < 0) throw new InvalidInput("revision", "får inte vara negativ");
        AuditRecord record = queries.query(new FindAuditEntry(revision), ResponseTypes.instanceOf(AuditRecord.class)).join();
        if (record == null) throw new NotFound("Revision " + revision + " finns inte i granskningsloggen");
        return record;
    }

    /** Governance changes by effective date, then revision. */
    @GetMapping("/api/timeline")
    Timeline timeline(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                      @RequestParam(required = false) String district,
                      @RequestParam(required = false) String bodyId) {
        if (from != null && to != null && to.isBefore(from)) throw new InvalidInput("to", "får inte vara före from");
        return queries.query(new FindTimeline(from, to, Text.blankToNull(district), Text.blankToNull(bodyId)),
                ResponseTypes.instanceOf(Timeline.class)).join();
    }

    /** Bodies added, ended and changed, members in and out, between two revisions. */
    @GetMapping("/api/revisions/{a}/diff/{b}")
    RevisionDiff diff(@PathVariable long a, @PathVariable long b) {
        if (a < 0) throw new InvalidInput("a", "får inte vara negativ");
        if (b < 0) throw new InvalidInput("b", "får inte vara negativ");
        RevisionDiff diff = queries.query(new FindRevisionDiff(a, b), ResponseTypes.instanceOf(RevisionDiff.class)).join();
        if (a > diff.revision()) throw new InvalidInput("a", "registret har bara läst till revision " + diff.revision());
        if (b > diff.revision()) throw new InvalidInput("b", "registret har bara läst till revision " + diff.revision());
        return diff;
    }

    private AuditTrailPage page(AuditFilter filter, int page, int size) {
        return queries.query(new FindAuditTrail(filter, page, size), ResponseTypes.instanceOf(AuditTrailPage.class)).join();
    }

    private static AuditFilter filter(Long fromRevision, Long toRevision, LocalDate recordedFrom, LocalDate recordedTo,
                                      LocalDate effectiveFrom, LocalDate effectiveTo, String bodyId, String caseNumber,
                                      String eventType, String recordedBy) {
        if (fromRevision != null && fromRevision < 0) throw new InvalidInput("fromRevision", "får inte vara negativ");
        if (toRevision != null && toRevision < 0) throw new InvalidInput("toRevision", "får inte vara negativ");
        return new AuditFilter(fromRevision, toRevision, recordedFrom, recordedTo, effectiveFrom, effectiveTo,
                Text.blankToNull(bodyId), Text.blankToNull(caseNumber), Text.blankToNull(eventType),
                Text.blankToNull(recordedBy));
    }
}
