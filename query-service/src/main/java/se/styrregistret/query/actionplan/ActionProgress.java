package se.styrregistret.query.actionplan;

import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import se.styrregistret.kernel.actionplan.ProgressStatus;
import se.styrregistret.kernel.common.DecisionReference;

import java.time.Instant;
import java.time.LocalDate;

/** One progress report or reopening; rows are only ever added. */
@Entity
@Table(schema = "projection", name = "action_progress")
class ActionProgress {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String planId;
    private String actionId;
    private long revision;
    private Instant recordedAt;
    private String changeType;
    @Enumerated(EnumType.STRING)
    private ProgressStatus previousStatus;
    @Enumerated(EnumType.STRING)
    private ProgressStatus status;
    private LocalDate reportedDate;
    private String note;
    @Embedded
    private DecisionColumns decision;

    protected ActionProgress() {
    }

    ActionProgress(String planId, String actionId, long revision, Instant recordedAt, String changeType,
                   ProgressStatus previousStatus, ProgressStatus status, LocalDate reportedDate, String note,
                   DecisionReference decision) {
        this.planId = planId;
        this.actionId = actionId;
        this.revision = revision;
        this.recordedAt = recordedAt;
        this.changeType = changeType;
        this.previousStatus = previousStatus;
        this.status = status;
        this.reportedDate = reportedDate;
        this.note = note;
        this.decision = DecisionColumns.of(decision);
    }

    String actionId() {
        return actionId;
    }

    ActionPlanView.ProgressEntry toEntry() {
        return new ActionPlanView.ProgressEntry(status, reportedDate, note, changeType, decision.toReference(), revision);
    }
}
