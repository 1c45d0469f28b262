package se.styrregistret.query.orgchart;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import se.styrregistret.kernel.common.DecisionReference;
import se.styrregistret.kernel.governance.AreaTeamDetails;
import se.styrregistret.kernel.governance.FieldChange;
import se.styrregistret.kernel.governance.GovernanceBodyId;
import se.styrregistret.kernel.governance.Level;
import se.styrregistret.kernel.governance.Member;
import se.styrregistret.kernel.governance.Scope;
import se.styrregistret.kernel.governance.ScopeKind;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/**
 * One version of a body: a rectangle on both clocks, in force on [effectiveFrom, effectiveTo) as the
 * register knew it on [revisionFrom, revisionTo). Rows of {@code projection.body_version} are only
 * ever closed (revisionTo set), never edited otherwise.
 */
final class BodyVersion {

    private Long id;
    private String bodyId;
    private long revisionFrom;
    private Long revisionTo;
    private long changeRevision;
    private LocalDate effectiveFrom;
    private LocalDate effectiveTo;
    private Instant recordedAt;
    private String recordedBy;
    private String changeType;
    private List<FieldChange> changes = new ArrayList<>();
    private String name;
    private String shortName;
    private Level level;
    private ScopeKind scopeKind;
    private String district;
    private String status;
    private String convener;
    private String meetingFrequency;
    private List<String> mandate = new ArrayList<>();
    private List<String> supportingResources = new ArrayList<>();
    private List<Member> members = new ArrayList<>();
    private String reportsTo;
    private List<String> predecessors = new ArrayList<>();
    private List<String> successors = new ArrayList<>();
    private AreaTeamDetails areaTeam;
    private DecisionReference rescindedDecision;
    private String note;
    private DecisionReference establishedBy;
    private String decisionCase;
    private String decisionParagraph;
    private LocalDate decisionDate;
    private String decidedBy;
    private DecisionReference.DatePrecision decisionDatePrecision;

    private BodyVersion() {
    }

    /** The first version of a body. */
    static BodyVersion first(Change change, String bodyId, String name, String shortName, Level level, Scope scope) {
        BodyVersion v = new BodyVersion();
        v.bodyId = bodyId;
        v.name = name;
        v.shortName = shortName;
        v.level = level;
        v.scopeKind = scope.kind();
        v.district = scope.district();
        v.status = "ACTIVE";
        v.establishedBy = change.decision();
        v.stamp(change);
        return v;
    }

    /** The version that follows this one at the change, so far a copy; this one stays open until {@link #close}. */
    BodyVersion next(Change change) {
        BodyVersion v = new BodyVersion();
        v.bodyId = bodyId;
        v.name = name;
        v.shortName = shortName;
        v.level = level;
        v.scopeKind = scopeKind;
        v.district = district;
        v.status = status;
        v.convener = convener;
        v.meetingFrequency = meetingFrequency;
        v.mandate = new ArrayList<>(mandate);
        v.supportingResources = new ArrayList<>(supportingResources);
        v.members = new ArrayList<>(members);
        v.reportsTo = reportsTo;
        v.predecessors = new ArrayList<>(predecessors);
        v.successors = new ArrayList<>(successors);
        v.areaTeam = areaTeam;
        v.rescindedDecision = rescindedDecision;
        v.note = note;
        v.establishedBy = establishedBy;
        v.stamp(change);
        return v;
    }

    /** The same version, not yet stored: the in-order path closes a version and writes it again with an end date. */
    BodyVersion copy() {
        BodyVersion v = next(new Change(changeRevision, effectiveFrom, recordedAt, recordedBy, changeType, changes, decision()));
        v.revisionFrom = revisionFrom;
        v.effectiveTo = effectiveTo;
        return v;
    }

    /** Another change on the same effective date: the version shows the state after both. */
    void restamp(Change change) {
        stamp(change);
    }

    /** In force until {@code date} (exclusive); null: until further notice. */
    void until(LocalDate date) {
        effectiveTo = date;
    }

    /** The register learns this version at {@code revision}. */
    void writtenAt(long revision) {
        revisionFrom = revision;
        revisionTo = null;
    }

    /** The register stops holding this version at {@code revision} (a later-known change altered it). */
    void closeAt(long revision) {
        revisionTo = revision;
    }

    /** Same body, same dates and same content, whenever each was written. */
    boolean sameAs(BodyVersion other, JsonMapper mapper) {
        return content(mapper).equals(other.content(mapper));
    }

    /**
     * The version's columns but the two revisions (they say when a row was written and closed, not what it
     * holds): equal for versions with the same body, dates and content. Computed once per version, since a
     * refold compares every open version with every folded one (serialising each time made catching up with a
     * long-lived body quadratic in its changes); nothing but the revisions changes on a version once folded.
     */
    List<Object> content(JsonMapper mapper) {
        if (content == null) {
            Object[] values = insertValues(mapper);
            values[1] = values[2] = null;
            content = Arrays.asList(values);
        }
        return content;
    }

    private List<Object> content;

    private void stamp(Change change) {
        revisionFrom = change.revision();
        changeRevision = change.revision();
        effectiveFrom = change.effectiveDate();
        // as the database keeps it (microseconds), so a stored row and its recomputation compare equal
        recordedAt = change.recordedAt().truncatedTo(ChronoUnit.MICROS);
        recordedBy = change.recordedBy();
        changeType = change.type();
        changes = new ArrayList<>(change.fieldChanges());
        DecisionReference d = change.decision();
        decisionCase = d.caseNumber();
        decisionParagraph = d.paragraph();
        decisionDate = d.decisionDate();
        decidedBy = d.decidedBy();
        decisionDatePrecision = d.datePrecision();
    }

    void organise(List<String> mandate, String convener, String meetingFrequency, List<String> supportingResources) {
        this.mandate = new ArrayList<>(mandate);
        this.convener = convener;
        this.meetingFrequency = meetingFrequency;
        this.supportingResources = new ArrayList<>(supportingResources);
    }

    void rename(String name) {
        this.name = name;
    }

    void mandate(List<String> mandate) {
        this.mandate = new ArrayList<>(mandate);
    }

    void convener(String convener) {
        this.convener = convener;
    }

    void meetingFrequency(String meetingFrequency) {
        this.meetingFrequency = meetingFrequency;
    }

    void supportingResources(List<String> supportingResources) {
        this.supportingResources = new ArrayList<>(supportingResources);
    }

    void members(List<Member> members) {
        this.members = new ArrayList<>(members);
    }

    List<Member> members() {
        return members;
    }

    void reportTo(String bodyId) {
        this.reportsTo = bodyId;
    }

    void end(String status, String note) {
        this.status = status;
        if (note != null) this.note = note;
    }

    void succeeds(List<String> predecessors, String note) {
        this.predecessors.addAll(predecessors);
        if (note != null) this.note = note;
    }

    void replacedBy(List<String> successors) {
        this.successors.addAll(successors);
    }

    void areaTeam(AreaTeamDetails details) {
        this.areaTeam = details;
    }

    void rescinded(DecisionReference rescinded) {
        this.rescindedDecision = rescinded;
    }

    BodySummary toSummary() {
        return new BodySummary(GovernanceBodyId.of(bodyId), name, shortName, level, new Scope(scopeKind, district), status,
                List.copyOf(mandate), convener, meetingFrequency, List.copyOf(supportingResources), List.copyOf(members),
                reportsTo == null ? null : GovernanceBodyId.of(reportsTo),
                predecessors.stream().map(GovernanceBodyId::of).toList(),
                successors.stream().map(GovernanceBodyId::of).toList(),
                areaTeam, rescindedDecision, note, effectiveFrom, decision(), establishedBy, changeRevision);
    }

    private DecisionReference decision() {
        return new DecisionReference(decisionCase, decisionParagraph, decisionDate, decidedBy, decisionDatePrecision);
    }

    /** The district this version places the body in, when it is an active version of a district body; else null. */
    String activeDistrict() {
        return "ACTIVE".equals(status) && scopeKind == ScopeKind.DISTRICT ? district : null;
    }

    long revisionFrom() {
        return revisionFrom;
    }

    LocalDate effectiveFrom() {
        return effectiveFrom;
    }

    String status() {
        return status;
    }

    Long id() {
        return id;
    }

    Long revisionTo() {
        return revisionTo;
    }

    LocalDate effectiveTo() {
        return effectiveTo;
    }

    /** A stored version; JSON columns as {@link #insertValues} writes them. */
    static BodyVersion read(ResultSet rs, JsonMapper json) throws SQLException {
        Readers r = readers(json);
        try {
            BodyVersion v = readScalars(rs);
            v.changes = r.changes.readValue(rs.getString("changes"));
            v.mandate = r.strings.readValue(rs.getString("mandate"));
            v.supportingResources = r.strings.readValue(rs.getString("supporting_resources"));
            v.members = r.members.readValue(rs.getString("members"));
            v.predecessors = r.strings.readValue(rs.getString("predecessors"));
            v.successors = r.strings.readValue(rs.getString("successors"));
            String areaTeam = rs.getString("area_team");
            v.areaTeam = areaTeam == null ? null : r.areaTeam.readValue(areaTeam);
            String rescinded = rs.getString("rescinded_decision");
            v.rescindedDecision = rescinded == null ? null : r.decision.readValue(rescinded);
            v.establishedBy = r.decision.readValue(rs.getString("established_by"));
            return v;
        } catch (JacksonException e) {
            throw new SQLException("body_version row with unreadable JSON", e);
        }
    }

    /**
     * A stored version as a chart box shows it ({@link #toSummary}), from a statement that selects
     * {@link #STATE_COLUMNS}: without the list of changes that made it, which a chart box does not show.
     * {@link #changes} stays null, so a caller that needs it fails rather than seeing no changes. The JSON columns
     * come as one array per row, read as bytes in one pass: a chart of hundreds of boxes otherwise made a parser,
     * a string and its copy for each of seven columns of each row, which was most of what a chart allocated.
     */
    static BodyVersion readState(ResultSet rs, JsonMapper json) throws SQLException {
        BodyVersion v = readScalars(rs);
        try {
            JsonColumns columns = readers(json).columns.readValue(rs.getBytes("json_columns"));
            v.changes = null;
            v.mandate = columns.mandate();
            v.supportingResources = columns.supportingResources();
            v.members = columns.members();
            v.predecessors = columns.predecessors();
            v.successors = columns.successors();
            v.areaTeam = columns.areaTeam();
            v.rescindedDecision = columns.rescindedDecision();
            v.establishedBy = columns.establishedBy();
            return v;
        } catch (JacksonException e) {
            throw new SQLException("body_version row with unreadable JSON", e);
        }
    }

    /** The columns {@link #readState} reads, over the alias {@code v}: the scalar columns, and the JSON ones as one array. */
    static final String STATE_COLUMNS = """
            v.id, v.body_id, v.revision_from, v.revision_to, v.change_revision, v.effective_from, v.effective_to,
            v.recorded_at, v.recorded_by, v.change_type, v.name, v.short_name, v.level, v.scope_kind, v.district, v.status,
            v.convener, v.meeting_frequency, v.reports_to, v.note, v.decision_case, v.decision_paragraph, v.decision_date,
            v.decided_by, v.decision_date_precision,
            json_build_array(v.mandate, v.supporting_resources, v.members, v.predecessors, v.successors, v.area_team,
                             v.rescinded_decision, v.established_by) as json_columns""";

    /** A row's JSON columns in the order of {@link #STATE_COLUMNS}' array. */
    @JsonFormat(shape = JsonFormat.Shape.ARRAY)
    @JsonPropertyOrder({"mandate", "supportingResources", "members", "predecessors", "successors", "areaTeam",
            "rescindedDecision", "establishedBy"})
    record JsonColumns(List<String> mandate, List<String> supportingResources, List<Member> members,
                       List<String> predecessors, List<String> successors, AreaTeamDetails areaTeam,
                       DecisionReference rescindedDecision, DecisionReference establishedBy) {
    }

    /** A stored version's columns that are not JSON. */
    private static BodyVersion readScalars(ResultSet rs) throws SQLException {
        BodyVersion v = new BodyVersion();
        v.id = rs.getLong("id");
        v.bodyId = rs.getString("body_id");
        v.revisionFrom = rs.getLong("revision_from");
        long to = rs.getLong("revision_to");
        v.revisionTo = rs.wasNull() ? null : to;
        v.changeRevision = rs.getLong("change_revision");
        v.effectiveFrom = rs.getObject("effective_from", LocalDate.class);
        v.effectiveTo = rs.getObject("effective_to", LocalDate.class);
        v.recordedAt = rs.getObject("recorded_at", OffsetDateTime.class).toInstant();
        v.recordedBy = rs.getString("recorded_by");
        v.changeType = rs.getString("change_type");
        v.name = rs.getString("name");
        v.shortName = rs.getString("short_name");
        v.level = Level.valueOf(rs.getString("level"));
        v.scopeKind = ScopeKind.valueOf(rs.getString("scope_kind"));
        v.district = rs.getString("district");
        v.status = rs.getString("status");
        v.convener = rs.getString("convener");
        v.meetingFrequency = rs.getString("meeting_frequency");
        v.reportsTo = rs.getString("reports_to");
        v.note = rs.getString("note");
        v.decisionCase = rs.getString("decision_case");
        v.decisionParagraph = rs.getString("decision_paragraph");
        v.decisionDate = rs.getObject("decision_date", LocalDate.class);
        v.decidedBy = rs.getString("decided_by");
        v.decisionDatePrecision = DecisionReference.DatePrecision.valueOf(rs.getString("decision_date_precision"));
        return v;
    }

    /**
     * Jackson's readers for the JSON columns, made once per mapper: a reader is immutable and thread-safe,
     * while {@code readValue(text, type)} looks the type's deserializer up again for every column of every row.
     */
    private record Readers(JsonMapper json, ObjectReader changes, ObjectReader strings, ObjectReader members,
                           ObjectReader areaTeam, ObjectReader decision, ObjectReader columns) {
        Readers(JsonMapper json) {
            this(json, json.readerFor(new TypeReference<List<FieldChange>>() { }), json.readerFor(STRINGS),
                    json.readerFor(new TypeReference<List<Member>>() { }), json.readerFor(AreaTeamDetails.class),
                    json.readerFor(DecisionReference.class), json.readerFor(JsonColumns.class));
        }
    }

    private static volatile Readers readers;

    private static Readers readers(JsonMapper json) {
        Readers r = readers;
        if (r == null || r.json() != json) readers = r = new Readers(json);
        return r;
    }

    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() { };

    /** Every column but the key, in the order of {@link #INSERT}. */
    static final String INSERT = """
            insert into projection.body_version (body_id, revision_from, revision_to, effective_from, effective_to,
                recorded_at, recorded_by, change_type, changes, name, short_name, level, scope_kind, district, status,
                convener, meeting_frequency, mandate, supporting_resources, members, reports_to, predecessors, successors,
                area_team, rescinded_decision, note, established_by, decision_case, decision_paragraph, decision_date,
                decided_by, decision_date_precision, change_revision)
            values (?, ?, ?, ?, ?, ?, ?, ?, cast(? as jsonb), ?, ?, ?, ?, ?, ?, ?, ?, cast(? as jsonb), cast(? as jsonb),
                cast(? as jsonb), ?, cast(? as jsonb), cast(? as jsonb), cast(? as jsonb), cast(? as jsonb), ?,
                cast(? as jsonb), ?, ?, ?, ?, ?, ?)""";

    /** This version's values for {@link #INSERT}; JSON columns as {@link #read} reads them. */
    Object[] insertValues(JsonMapper mapper) {
        Function<Object, String> json = mapper::writeValueAsString;
        return new Object[]{bodyId, revisionFrom, revisionTo, effectiveFrom, effectiveTo,
                OffsetDateTime.ofInstant(recordedAt, ZoneOffset.UTC), recordedBy, changeType, json.apply(changes), name,
                shortName, level.name(), scopeKind.name(), district, status, convener, meetingFrequency,
                json.apply(mandate), json.apply(supportingResources), json.apply(members), reportsTo,
                json.apply(predecessors), json.apply(successors), areaTeam == null ? null : json.apply(areaTeam),
                rescindedDecision == null ? null : json.apply(rescindedDecision), note, json.apply(establishedBy),
                decisionCase, decisionParagraph, decisionDate, decidedBy, decisionDatePrecision.name(), changeRevision};
    }

    String bodyId() {
        return bodyId;
    }

    Level level() {
        return level;
    }

    String name() {
        return name;
    }

    List<String> predecessors() {
        return predecessors;
    }

    List<String> successors() {
        return successors;
    }

    /** What one event contributes to a version: its place on both clocks, its recorder and decision. */
    record Change(long revision, LocalDate effectiveDate, Instant recordedAt, String recordedBy, String type,
                  List<FieldChange> fieldChanges, DecisionReference decision) {
    }
}
