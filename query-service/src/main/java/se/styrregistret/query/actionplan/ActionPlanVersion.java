package se.styrregistret.query.actionplan;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import se.styrregistret.kernel.actionplan.ActionPlanApproved;
import se.styrregistret.kernel.actionplan.DevelopmentArea;
import se.styrregistret.kernel.actionplan.Perspective;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** One version of a plan's header: declared counts and the areas and perspectives known. */
@Entity
@Table(schema = "projection", name = "action_plan_version")
class ActionPlanVersion {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String planId;
    private long revisionFrom;
    private Long revisionTo;
    private LocalDate effectiveFrom;
    private LocalDate effectiveTo;
    private Instant recordedAt;
    private String changeType;
    private String title;
    private String period;
    private String approvedBy;
    private int developmentAreaCount;
    private int perspectiveCount;
    private int actionCount;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb")
    private List<DevelopmentArea> developmentAreas = new ArrayList<>();
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb")
    private List<Perspective> perspectives = new ArrayList<>();
    @Embedded
    private DecisionColumns decision;

    protected ActionPlanVersion() {
    }

    static ActionPlanVersion approved(ActionPlanApproved e, long revision, Instant recordedAt) {
        ActionPlanVersion v = new ActionPlanVersion();
        v.planId = e.planId().value();
        v.revisionFrom = revision;
        v.effectiveFrom = e.effectiveDate();
        v.recordedAt = recordedAt;
        v.changeType = "ActionPlanApproved";
        v.title = e.title();
        v.period = e.period();
        v.approvedBy = e.approvedBy();
        v.developmentAreaCount = e.developmentAreaCount();
        v.perspectiveCount = e.perspectiveCount();
        v.actionCount = e.actionCount();
        v.developmentAreas = new ArrayList<>(e.developmentAreas());
        v.perspectives = new ArrayList<>(e.perspectives());
        v.decision = DecisionColumns.of(e.decision());
        return v;
    }

    String planId() { return planId; }
    String title() { return title; }
    String period() { return period; }
    String approvedBy() { return approvedBy; }
    LocalDate effectiveFrom() { return effectiveFrom; }
    int developmentAreaCount() { return developmentAreaCount; }
    int perspectiveCount() { return perspectiveCount; }
    int actionCount() { return actionCount; }
    List<DevelopmentArea> developmentAreas() { return List.copyOf(developmentAreas); }
    List<Perspective> perspectives() { return List.copyOf(perspectives); }
    DecisionColumns decision() { return decision; }
}
