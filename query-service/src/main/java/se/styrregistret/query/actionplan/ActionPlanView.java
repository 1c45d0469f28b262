package se.styrregistret.query.actionplan;

import se.styrregistret.kernel.actionplan.ActionPlanId;
import se.styrregistret.kernel.actionplan.ProgressStatus;
import se.styrregistret.kernel.common.DecisionReference;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * An action plan as the register knows it.
 *
 * @param revision          the revision (global log position) the answer reflects
 * @param knowledge         how much of the plan is recorded, against the counts the source declares
 * @param developmentAreas  one entry per declared area number (1..declared): recorded ones with their
 *                          title, the rest marked not recorded and untitled
 * @param progressByDistrict the actions touching each district, counted by status
 * @param version           the plan's aggregate version as read (the sequence number of its last event): the
 *                          answer's ETag, what the command-service's If-Match expects; null before any is read
 */
public record ActionPlanView(
        ActionPlanId planId,
        String title,
        String period,
        String approvedBy,
        LocalDate effectiveFrom,
        DecisionReference decision,
        Knowledge knowledge,
        List<AreaProgress> developmentAreas,
        List<PerspectiveEntry> perspectives,
        List<ActionEntry> actions,
        List<DistrictProgress> progressByDistrict,
        long revision,
        Long version) {

    /** Declared against recorded, per kind of item; {@code summary} says it in words. */
    public record Knowledge(Count developmentAreas, Count perspectives, Count actions, String summary) {
    }

    public record Count(int declared, int known, int notYetRecorded) {
    }

    /**
     * @param recorded    whether the area itself is recorded (a declared area with no entry is not)
     * @param title       its title when recorded with one; never filled in otherwise
     * @param byStatus    the area's current (not withdrawn) actions counted by status
     */
    public record AreaProgress(int number, boolean recorded, String title, int actions, int withdrawn,
                               Map<ProgressStatus, Integer> byStatus) {
    }

    public record PerspectiveEntry(int number, boolean recorded, String title) {
    }

    public record ActionEntry(String actionId, String title, int developmentArea, List<String> responsible,
                              List<String> districts, ProgressStatus status, LocalDate statusDate, String lastNote,
                              boolean withdrawn, List<String> linkedBodies, DecisionReference decision,
                              List<ProgressEntry> history) {
    }

    public record ProgressEntry(ProgressStatus status, LocalDate date, String note, String change,
                                DecisionReference decision, long revision) {
    }

    public record DistrictProgress(String district, int actions, Map<ProgressStatus, Integer> byStatus) {
    }
}
