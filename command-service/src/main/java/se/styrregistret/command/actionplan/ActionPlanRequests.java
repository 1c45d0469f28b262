package se.styrregistret.command.actionplan;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import se.styrregistret.kernel.actionplan.ActionPlanId;
import se.styrregistret.kernel.actionplan.AddAction;
import se.styrregistret.kernel.actionplan.ApproveActionPlan;
import se.styrregistret.kernel.actionplan.DevelopmentArea;
import se.styrregistret.kernel.actionplan.LinkActionToBody;
import se.styrregistret.kernel.actionplan.Perspective;
import se.styrregistret.kernel.actionplan.PlannedAction;
import se.styrregistret.kernel.actionplan.ProgressStatus;
import se.styrregistret.kernel.actionplan.ReopenAction;
import se.styrregistret.kernel.actionplan.ReportActionProgress;
import se.styrregistret.kernel.actionplan.ReviseAction;
import se.styrregistret.kernel.actionplan.WithdrawAction;
import se.styrregistret.kernel.common.DecisionReference;
import se.styrregistret.kernel.governance.GovernanceBodyId;

import java.time.LocalDate;
import java.util.List;

/** The validated HTTP bodies of the action-plan endpoints; path variables supply the ids. */
final class ActionPlanRequests {

    private ActionPlanRequests() {
    }

    /** {@code POST /api/action-plans}: the server assigns the plan's id. */
    record Approve(
            @NotBlank @Size(max = 300) String title,
            @Size(max = 100) String period,
            @NotBlank @Size(max = 200) String approvedBy,
            @NotNull @Min(0) @Max(100) Integer developmentAreaCount,
            @NotNull @Min(0) @Max(100) Integer perspectiveCount,
            @NotNull @Min(0) @Max(2000) Integer actionCount,
            @Size(max = 100) List<@NotNull @Valid DevelopmentArea> developmentAreas,
            @Size(max = 100) List<@NotNull @Valid Perspective> perspectives,
            @Size(max = 2000) List<@NotNull @Valid PlannedAction> actions,
            @NotNull LocalDate effectiveDate,
            @NotNull @Valid DecisionReference decision) {

        ApproveActionPlan toCommand(ActionPlanId id) {
            return new ApproveActionPlan(id, title, period, approvedBy, developmentAreaCount, perspectiveCount,
                    actionCount, developmentAreas, perspectives, actions, effectiveDate, decision);
        }
    }

    /** {@code POST /api/action-plans/{planId}/actions}. */
    record Add(@NotNull @Valid PlannedAction action,
               @NotNull LocalDate effectiveDate,
               @NotNull @Valid DecisionReference decision) {

        AddAction toCommand(ActionPlanId planId) {
            return new AddAction(planId, action, effectiveDate, decision);
        }
    }

    /** {@code PUT /api/action-plans/{planId}/actions/{actionId}}: the action's whole new description. */
    record Revise(@NotBlank @Size(max = 500) String title,
                  @NotNull @Min(1) @Max(100) Integer developmentArea,
                  @Size(max = 50) List<@NotBlank @Size(max = 300) String> responsible,
                  @Size(max = 20) List<@NotBlank @Size(max = 100) String> districts,
                  @NotNull LocalDate effectiveDate,
                  @NotNull @Valid DecisionReference decision) {

        ReviseAction toCommand(ActionPlanId planId, String actionId) {
            return new ReviseAction(planId, new PlannedAction(actionId, title, developmentArea, responsible, districts),
                    effectiveDate, decision);
        }
    }

    /** {@code POST /api/action-plans/{planId}/actions/{actionId}/withdrawal}. */
    record Withdraw(@Size(max = 2000) String reason,
                    @NotNull LocalDate effectiveDate,
                    @NotNull @Valid DecisionReference decision) {

        WithdrawAction toCommand(ActionPlanId planId, String actionId) {
            return new WithdrawAction(planId, actionId, reason, effectiveDate, decision);
        }
    }

    /** {@code POST /api/action-plans/{planId}/actions/{actionId}/progress}; {@code date} is the date of the report. */
    record Progress(@NotNull ProgressStatus status,
                    @NotNull LocalDate date,
                    @Size(max = 4000) String note,
                    @NotNull @Valid DecisionReference decision) {

        ReportActionProgress toCommand(ActionPlanId planId, String actionId) {
            return new ReportActionProgress(planId, actionId, status, note, date, decision);
        }
    }

    /** {@code POST /api/action-plans/{planId}/actions/{actionId}/reopening}. */
    record Reopen(@NotNull ProgressStatus status,
                  @Size(max = 2000) String reason,
                  @NotNull LocalDate effectiveDate,
                  @NotNull @Valid DecisionReference decision) {

        ReopenAction toCommand(ActionPlanId planId, String actionId) {
            return new ReopenAction(planId, actionId, status, reason, effectiveDate, decision);
        }
    }

    /** {@code POST /api/action-plans/{planId}/actions/{actionId}/bodies}. */
    record Link(@NotNull GovernanceBodyId bodyId,
                @NotNull LocalDate effectiveDate,
                @NotNull @Valid DecisionReference decision) {

        LinkActionToBody toCommand(ActionPlanId planId, String actionId) {
            return new LinkActionToBody(planId, actionId, bodyId, effectiveDate, decision);
        }
    }
}
