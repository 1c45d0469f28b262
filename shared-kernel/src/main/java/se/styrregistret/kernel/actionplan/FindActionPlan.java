package se.styrregistret.kernel.actionplan;

/** One action plan as it stands now, with progress per development area and per district. */
public record FindActionPlan(ActionPlanId planId) {
}
