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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import se.styrregistret.query.wording.EventLabels;

/** The audit trail (AUDITOR, REGISTRAR, ADMIN), the timeline and revision diffs (any reader). */
@RestController
class AuditController {

    static final String REVISION_HEADER = "X-Styrregistret-Revision";
    static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

    private final QueryGateway queries;
    private final JsonMapper json;

    private final Provenances provenances;

    AuditController(QueryGateway queries, JsonMapper json, Provenances provenances) {
        this.queries = queries;
        this.json = json;
        this.provenances = provenances;
    }

    @GetMapping("/api/audit-trail")
    AuditTrailPage auditTrail(@RequestParam(required = false) Long fromRevision,
                              @RequestParam(required = false) Long toRevision,
                              @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate recordedFrom,
                              @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate recordedTo,
                              @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate effectiveFrom,
                              @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate effectiveTo,
                              @RequestParam(required = false) String bodyId,
                              @RequestParam(required = false) String body,
                              @RequestParam(required = false) String caseNumber,
                              @RequestParam(required = false) String eventType,
                              @RequestParam(required = false) String recordedBy,
                              @RequestParam(defaultValue = "0") int page,
                              @RequestParam(defaultValue = "100") int size) {
        AuditFilter filter = filter(fromRevision, toRevision, recordedFrom, recordedTo, effectiveFrom, effectiveTo,
                either(bodyId, body), caseNumber, eventType, recordedBy);
        if (page < 0) throw new InvalidInput("page", "får inte vara negativt");
        if (size < 1 || size > FindAuditTrail.MAX_PAGE_SIZE) {
            throw new InvalidInput("size", "ska vara mellan 1 och " + FindAuditTrail.MAX_PAGE_SIZE);
        }
        return page(filter, page, size);
    }

    /**
     * The same rows as CSV for Swedish Excel (semicolons, UTF-8 with byte-order mark, Swedish headers), every
     * page of them; the event as stored is the last column.
     */
    @GetMapping(value = "/api/audit-trail.csv")
    ResponseEntity<byte[]> auditTrailCsv(@RequestParam(required = false) Long fromRevision,
                                         @RequestParam(required = false) Long toRevision,
                                         @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate recordedFrom,
                                         @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate recordedTo,
                                         @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate effectiveFrom,
                                         @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate effectiveTo,
                                         @RequestParam(required = false) String bodyId,
                                         @RequestParam(required = false) String body,
                                         @RequestParam(required = false) String caseNumber,
                                         @RequestParam(required = false) String eventType,
                                         @RequestParam(required = false) String recordedBy) {
        AuditFilter filter = filter(fromRevision, toRevision, recordedFrom, recordedTo, effectiveFrom, effectiveTo,
                either(bodyId, body), caseNumber, eventType, recordedBy);
        CsvTable csv = new CsvTable("Ändring nr", "Registrerad", "Registrerad av", "Gäller från", "Diarienummer",
                "Paragraf", "Beslutsdatum", "Beslutat av", "Typ av ändring", "Händelsekod", "Sammanfattning",
                "Ändrade uppgifter", "Stadsdel", "Berörda id", "Spårnings-id för registreringen",
                Provenances.CSV_HEADERS.get(0), Provenances.CSV_HEADERS.get(1), Provenances.CSV_HEADERS.get(2),
                Provenances.CSV_HEADERS.get(3), "Händelsen som lagrad (JSON)");
        long reflects = -1;
        for (int page = 0; ; page++) {
            AuditTrailPage answer = page(filter, page, FindAuditTrail.MAX_PAGE_SIZE);
            if (reflects < 0) reflects = answer.revision();
            Map<Long, Provenances.Known> sources = provenances.of(answer.entries().stream().map(AuditEntry::revision).toList());
            for (AuditEntry e : answer.entries()) {
                DecisionReference d = e.decision();
                Provenances.Known known = sources.get(e.revision());
                csv.row(Stream.concat(Stream.of(e.revision(), e.recordedAt(), e.recordedBy(),
                        Provenances.effectiveDate(e.effectiveDate(), d, known),
                        d == null ? null : d.caseNumber(), d == null ? null : d.paragraph(),
                        Provenances.decisionDate(d, known), d == null ? null : d.decidedBy(), e.typeLabel(), e.eventType(),
                        e.summary(), changes(e), e.district(), String.join(" ", e.affectedIds()), e.correlationId()),
                        Stream.concat(Provenances.csvCells(known).stream(), Stream.of(json.writeValueAsString(e.payload())))));
            }
            if ((long) (page + 1) * FindAuditTrail.MAX_PAGE_SIZE >= answer.total() || answer.entries().isEmpty()) break;
        }
        return ResponseEntity.ok()
                .contentType(CSV)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"revisionslogg.csv\"")
                .header(REVISION_HEADER, Long.toString(reflects))
                .body(csv.bytes());
    }

    private static String changes(AuditEntry e) {
        if (e.changes() == null || e.changes().isEmpty()) return null;
        return String.join("; ", e.changes().stream().map(c -> c.label() + ": " + (c.before() == null ? "–" : c.before())
                + " → " + (c.after() == null ? "–" : c.after())).toList());
    }

    /** Every event type with its Swedish label and kind, for filter suggestions. */
    @GetMapping("/api/audit/event-types")
    List<EventLabels.EventType> eventTypes() {
        return EventLabels.all();
    }

    /** Reads the whole log again and checks it against the audit log; says what it could not check. */
    @GetMapping("/api/audit-trail/verification")
    AuditVerification verification() {
        return queries.query(new VerifyAuditLog(), ResponseTypes.instanceOf(AuditVerification.class)).join();
    }

    /** One change as a document ({@code document}) with the row it is in the trail ({@code entry}). */
    @GetMapping("/api/audit-trail/{revision}")
    AuditRecord entry(@PathVariable long revision) {
        if (revision < 0) throw new InvalidInput("revision", "får inte vara negativt");
        AuditRecord record = queries.query(new FindAuditEntry(revision), ResponseTypes.instanceOf(AuditRecord.class)).join();
        if (record == null) throw new NotFound("Ändring nr " + revision + " finns inte i revisionsloggen");
        return record;
    }

    /** The event as stored, for auditors: payload and the log's own facts about it (type, aggregate, ids). */
    @GetMapping("/api/audit-trail/{revision}/raw")
    Map<String, Object> raw(@PathVariable long revision) {
        AuditEntry e = entry(revision).entry();
        Map<String, Object> raw = new LinkedHashMap<>();
        raw.put("revision", e.revision());
        raw.put("eventType", e.eventType());
        raw.put("aggregateType", e.aggregateType());
        raw.put("aggregateId", e.aggregateId());
        raw.put("recordedAt", e.recordedAt());
        raw.put("recordedBy", e.recordedBy());
        raw.put("correlationId", e.correlationId());
        raw.put("traceId", e.traceId());
        raw.put("affectedIds", e.affectedIds());
        raw.put("payload", e.payload());
        return raw;
    }

    /**
     * Every kind of change by effective date, then revision; {@code body} (or {@code bodyId}) is an id or
     * part of a name, {@code kind} one of bodies, members, agreements, plans, actions, money.
     */
    @GetMapping("/api/timeline")
    Timeline timeline(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                      @RequestParam(required = false) String district,
                      @RequestParam(required = false) String bodyId,
                      @RequestParam(required = false) String body,
                      @RequestParam(required = false) String kind) {
        if (from != null && to != null && to.isBefore(from)) {
            throw new InvalidInput("to", "får inte vara före från-datum");
        }
        String k = Text.blankToNull(kind);
        if (k != null && EventLabels.ofKind(k).isEmpty()) {
            throw new InvalidInput("kind", "okänd sort; välj en av " + String.join(", ", EventLabels.KINDS.keySet()));
        }
        return queries.query(new FindTimeline(from, to, Text.blankToNull(district), either(bodyId, body), k),
                ResponseTypes.instanceOf(Timeline.class)).join();
    }

    private static String either(String a, String b) {
        return Text.blankToNull(a) != null ? Text.blankToNull(a) : Text.blankToNull(b);
    }

    /** Bodies added, ended and changed, members in and out, between two revisions. */
    @GetMapping("/api/revisions/{a}/diff/{b}")
    RevisionDiff diff(@PathVariable long a, @PathVariable long b) {
        if (a < 0) throw new InvalidInput("a", "får inte vara negativt");
        if (b < 0) throw new InvalidInput("b", "får inte vara negativt");
        RevisionDiff diff = queries.query(new FindRevisionDiff(a, b), ResponseTypes.instanceOf(RevisionDiff.class)).join();
        if (a > diff.revision()) throw new InvalidInput("a", "registret har bara läst till ändring nr " + diff.revision());
        if (b > diff.revision()) throw new InvalidInput("b", "registret har bara läst till ändring nr " + diff.revision());
        return diff;
    }

    private AuditTrailPage page(AuditFilter filter, int page, int size) {
        return queries.query(new FindAuditTrail(filter, page, size), ResponseTypes.instanceOf(AuditTrailPage.class)).join();
    }

    private static AuditFilter filter(Long fromRevision, Long toRevision, LocalDate recordedFrom, LocalDate recordedTo,
                                      LocalDate effectiveFrom, LocalDate effectiveTo, String bodyId, String caseNumber,
                                      String eventType, String recordedBy) {
        if (fromRevision != null && fromRevision < 0) throw new InvalidInput("fromRevision", "får inte vara negativt");
        if (toRevision != null && toRevision < 0) throw new InvalidInput("toRevision", "får inte vara negativt");
        return new AuditFilter(fromRevision, toRevision, recordedFrom, recordedTo, effectiveFrom, effectiveTo,
                Text.blankToNull(bodyId), Text.blankToNull(caseNumber), Text.blankToNull(eventType),
                Text.blankToNull(recordedBy));
    }
}
