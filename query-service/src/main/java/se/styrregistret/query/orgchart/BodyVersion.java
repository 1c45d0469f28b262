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
import se.styrregistret.kernel.governance.BodySummary;
import se.styrregistret.kernel.governance.GovernanceBodyId;
import se.styrregistret.kernel.governance.Level;
import se.styrregistret.kernel.governance.Member;
import se.styrregistret.kernel.governance.Scope;
import se.styrregistret.kernel.governance.ScopeKind;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** One version of a body: valid from one revision (and effective date) until the next change. */
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
    private String changeType;
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
    @Column(columnDefinition = "jsonb")
    private List<String> mandate = new ArrayList<>();
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb")
    private List<String> supportingResources = new ArrayList<>();
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb")
    private List<Member> members = new ArrayList<>();
    private String decisionCase;
    private String decisionParagraph;
    private LocalDate decisionDate;
    private String decidedBy;

    protected BodyVersion() {
    }

    static BodyVersion first(String bodyId, long revision, LocalDate effectiveFrom, Instant recordedAt, String changeType) {
        BodyVersion v = new BodyVersion();
        v.bodyId = bodyId;
        v.revisionFrom = revision;
        v.effectiveFrom = effectiveFrom;
        v.recordedAt = recordedAt;
        v.changeType = changeType;
        return v;
    }

    void describe(String name, String shortName, Level level, Scope scope, String status) {
        this.name = name;
        this.shortName = shortName;
        this.level = level;
        this.scopeKind = scope.kind();
        this.district = scope.district();
        this.status = status;
    }

    void organise(List<String> mandate, String convener, String meetingFrequency, List<String> supportingResources,
                  List<Member> members) {
        this.mandate = new ArrayList<>(mandate);
        this.convener = convener;
        this.meetingFrequency = meetingFrequency;
        this.supportingResources = new ArrayList<>(supportingResources);
        this.members = new ArrayList<>(members);
    }

    void decidedBy(DecisionReference decision) {
        this.decisionCase = decision.caseNumber();
        this.decisionParagraph = decision.paragraph();
        this.decisionDate = decision.decisionDate();
        this.decidedBy = decision.decidedBy();
    }

    BodySummary toSummary() {
        return new BodySummary(GovernanceBodyId.of(bodyId), name, shortName, level, new Scope(scopeKind, district), status,
                List.copyOf(mandate), convener, meetingFrequency, List.copyOf(supportingResources), List.copyOf(members),
                effectiveFrom, new DecisionReference(decisionCase, decisionParagraph, decisionDate, decidedBy), revisionFrom);
    }

    Level level() {
        return level;
    }

    String name() {
        return name;
    }
}
