package se.styrregistret.kernel.actionplan;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import se.styrregistret.kernel.common.DecisionReference;
import se.styrregistret.kernel.common.Text;

import java.time.LocalDate;
import java.util.List;

/**
 * A decision adopts an action plan. The source may give only counts: the declared counts say how
 * many development areas, perspectives and actions the plan has; the lists hold those known so
 * far, never more than declared. What is not listed is "not yet recorded", never invented.
 */
public record ApproveActionPlan(
        @TargetAggregateIdentifier ActionPlanId planId,
        String title,
        String period,
        String approvedBy,
        Integer developmentAreaCount,
        Integer perspectiveCount,
        Integer actionCount,
        List<DevelopmentArea> developmentAreas,
        List<Perspective> perspectives,
        List<PlannedAction> actions,
        LocalDate effectiveDate,
        DecisionReference decision) {

    public ApproveActionPlan {
        title = title == null ? null : title.strip();
        period = Text.blankToNull(period);
        approvedBy = Text.blankToNull(approvedBy);
        developmentAreas = Text.listOf(developmentAreas);
        perspectives = Text.listOf(perspectives);
        actions = Text.listOf(actions);
    }
}
