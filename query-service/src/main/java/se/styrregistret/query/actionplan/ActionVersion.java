package se.styrregistret.query.actionplan;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import se.styrregistret.kernel.actionplan.PlannedAction;
import se.styrregistret.kernel.actionplan.ProgressStatus;
import se.styrregistret.kernel.common.DecisionReference;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** One version of an action: valid from one revision (and effective date) until its next change. */
@Entity
@Table(schema = "projection", name = "action_version")
class ActionVersion {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String planId;
    private String actionId;
    private long revisionFrom;
    private Long revisionTo;
    private LocalDate effectiveFrom;
    private LocalDate effectiveTo;
    private Instant recordedAt;
    private String changeType;
    private String title;
    private int developmentArea;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb")
    private List<String> responsible = new ArrayList<>();
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb")
    private List<String> districts = new ArrayList<>();
    @Enumerated(EnumType.STRING)
    private ProgressStatus status;
    private LocalDate statusDate;
    private String lastNote;
    private boolean withdrawn;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb")
    private List<String> linkedBodies = new ArrayList<>();
    @Embedded
    private DecisionColumns decision;

    protected ActionVersion() {
    }

    static ActionVersion first(String planId, PlannedAction action, long revision, LocalDate effectiveFrom,
                               Instant recordedAt, String changeType, DecisionReference decision) {
        ActionVersion v = new ActionVersion();
        v.planId = planId;
        v.actionId = action.actionId();
        v.revisionFrom = revision;
        v.effectiveFrom = effectiveFrom;
        v.recordedAt = recordedAt;
        v.changeType = changeType;
        v.status = ProgressStatus.PLANNED;
        v.describe(action);
        v.decision = DecisionColumns.of(decision);
        return v;
    }

    /** Closes this version at {@code revision} and returns the next one, a copy to change. */
    ActionVersion next(long revision, LocalDate effectiveFrom, Instant recordedAt, String changeType,
                       DecisionReference decision) {
        this.revisionTo = revision;
        this.effectiveTo = effectiveFrom;
        ActionVersion v = new ActionVersion();
        v.planId = planId;
        v.actionId = actionId;
        v.revisionFrom = revision;
        v.effectiveFrom = effectiveFrom;
        v.recordedAt = recordedAt;
        v.changeType = changeType;
        v.title = title;
        v.developmentArea = developmentArea;
        v.responsible = new ArrayList<>(responsible);
        v.districts = new ArrayList<>(districts);
        v.status = status;
        v.statusDate = statusDate;
        v.lastNote = lastNote;
        v.withdrawn = withdrawn;
        v.linkedBodies = new ArrayList<>(linkedBodies);
        v.decision = DecisionColumns.of(decision);
        return v;
    }

    void describe(PlannedAction action) {
        this.title = action.title();
        this.developmentArea = action.developmentArea();
        this.responsible = new ArrayList<>(action.responsible());
        this.districts = new ArrayList<>(action.districts());
    }

    void progress(ProgressStatus status, LocalDate date, String note) {
        this.status = status;
        this.statusDate = date;
        this.lastNote = note;
    }

    void withdraw() {
        this.withdrawn = true;
    }

    void link(String bodyId) {
        if (!linkedBodies.contains(bodyId)) linkedBodies.add(bodyId);
    }

    String actionId() { return actionId; }
    String title() { return title; }
    int developmentArea() { return developmentArea; }
    List<String> responsible() { return List.copyOf(responsible); }
    List<String> districts() { return List.copyOf(districts); }
    ProgressStatus status() { return status; }
    LocalDate statusDate() { return statusDate; }
    String lastNote() { return lastNote; }
    boolean withdrawn() { return withdrawn; }
    List<String> linkedBodies() { return List.copyOf(linkedBodies); }
    DecisionColumns decision() { return decision; }

    long revisionFrom() {
        return revisionFrom;
    }
}
