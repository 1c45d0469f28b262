package se.styrregistret.query.district;

import se.styrregistret.kernel.actionplan.ActionPlanId;
import se.styrregistret.kernel.actionplan.ProgressStatus;
import se.styrregistret.kernel.common.DecisionReference;
import se.styrregistret.kernel.district.PictureKind;
import se.styrregistret.kernel.governance.GovernanceBodyId;
import se.styrregistret.kernel.governance.Level;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * What the register holds about one district.
 *
 * @param revision           the newest revision reflected (the highest of {@code revisions})
 * @param revisions          the revision reached by each source read model (org chart, action plans, pictures)
 * @param bodies             active bodies whose scope is this district
 * @param areaTeam           the district's area team among them (named "Områdesteam …"), when there is one
 * @param actions            current (not withdrawn) actions that touch the district
 * @param allocationsPerYear money allocated to the district per year; filled by the budget ledger, which
 *                           this view does not read yet, so it is empty and no figure is made up
 * @param pictures           the latest version of each picture recorded
 * @param picturesNotYetRecorded the kinds with no version yet
 */
public record DistrictView(
        String district,
        long revision,
        Map<String, Long> revisions,
        List<BodyEntry> bodies,
        BodyEntry areaTeam,
        List<ActionEntry> actions,
        List<YearlyAllocation> allocationsPerYear,
        List<PictureEntry> pictures,
        List<PictureKind> picturesNotYetRecorded) {

    public record BodyEntry(GovernanceBodyId id, String name, String shortName, Level level, LocalDate effectiveFrom) {
    }

    public record ActionEntry(ActionPlanId planId, String planTitle, String actionId, String title,
                              int developmentArea, ProgressStatus status, LocalDate statusDate,
                              List<String> linkedBodies) {
    }

    public record PictureEntry(PictureKind kind, String displayName, int version, String text,
                               LocalDate effectiveFrom, DecisionReference decision, long revision) {
    }
}
