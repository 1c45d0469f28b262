package se.styrregistret.query.orgchart;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import se.styrregistret.kernel.common.DecisionReference;
import se.styrregistret.kernel.governance.AreaTeamDetails;
import se.styrregistret.kernel.governance.BodyDetails;
import se.styrregistret.kernel.governance.BodySummary;
import se.styrregistret.kernel.governance.FieldChange;
import se.styrregistret.kernel.governance.GovernanceBodyId;
import se.styrregistret.kernel.governance.Level;
import se.styrregistret.kernel.governance.Member;
import se.styrregistret.kernel.governance.Scope;
import se.styrregistret.kernel.governance.ScopeKind;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * One version of a body: valid from one revision and effective date until the next change
 * closes it. Rows are only ever closed, never edited otherwise.
 */
@Entity
@Table(schema = "projection", name = "body_version")
class BodyVersion {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String bodyId;
    private long revisionFrom;
    private Long revisionTo;
    private LocalDate effectiveFrom;
    private LocalDate effectiveTo;
    private Instant recordedAt;
    private String recordedBy;
    private String changeType;
    @JdbcTypeCode(SqlTypes.JSON)
    private List<FieldChange> changes = new ArrayList<>();
    private String name;
    private String shortName;
    @Enumerated(EnumType.STRING)
    private Level level;
    @Enumerated(EnumType.STRING)
    private ScopeKind scopeKind;
    private String district;
    private String status;
    private String convener;
    private String meetingFrequency;
    @JdbcTypeCode(SqlTypes.JSON)
    private List<String> mandate = new ArrayList<>();
    @JdbcTypeCode(SqlTypes.JSON)
    private List<String> supportingResources = new ArrayList<>();
    @JdbcTypeCode(SqlTypes.JSON)
    private List<Member> members = new ArrayList<>();
    private String reportsTo;
    @JdbcTypeCode(SqlTypes.JSON)
    private List<String> predecessors = new ArrayList<>();
    @JdbcTypeCode(SqlTypes.JSON)
    private List<String> successors = new ArrayList<>();
    @JdbcTypeCode(SqlTypes.JSON)
    private AreaTeamDetails areaTeam;
    @JdbcTypeCode(SqlTypes.JSON)
    private DecisionReference rescindedDecision;
    @Column(length = 2000)
    private String note;
    @JdbcTypeCode(SqlTypes.JSON)
    private DecisionReference establishedBy;
    private String decisionCase;
    private String decisionParagraph;
    private LocalDate decisionDate;
    private String decidedBy;
    @Enumerated(EnumType.STRING)
    private DecisionReference.DatePrecision decisionDatePrecision;

    protected BodyVersion() {
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

    /** Closes this version at the change and returns the version that follows it, so far a copy. */
    BodyVersion next(Change change) {
        revisionTo = change.revision();
        effectiveTo = change.effectiveDate();
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

    private void stamp(Change change) {
        revisionFrom = change.revision();
        effectiveFrom = change.effectiveDate();
        recordedAt = change.recordedAt();
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
                areaTeam, rescindedDecision, note, effectiveFrom, decision(), establishedBy, revisionFrom);
    }

    BodyDetails.Change toChange() {
        return new BodyDetails.Change(revisionFrom, changeType, List.copyOf(changes), effectiveFrom, recordedAt, recordedBy,
                decision());
    }

    private DecisionReference decision() {
        return new DecisionReference(decisionCase, decisionParagraph, decisionDate, decidedBy, decisionDatePrecision);
    }

    long revisionFrom() {
        return revisionFrom;
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
