package se.styrregistret.kernel.actionplan;

import org.axonframework.serialization.Revision;
import se.styrregistret.kernel.common.DecisionReference;
import se.styrregistret.kernel.common.Text;

import java.time.LocalDate;
import java.util.List;

/** An action plan was adopted; the lists hold what was known when it was recorded. */
@Revision("1")
public record ActionPlanApproved(
        ActionPlanId planId,
        String title,
        String period,
        String approvedBy,
        int developmentAreaCount,
        int perspectiveCount,
        int actionCount,
        List<DevelopmentArea> developmentAreas,
        List<Perspective> perspectives,
        List<PlannedAction> actions,
        LocalDate effectiveDate,
        DecisionReference decision) {

    public ActionPlanApproved {
        developmentAreas = Text.listOf(developmentAreas);
        perspectives = Text.listOf(perspectives);
        actions = Text.listOf(actions);
    }
}
