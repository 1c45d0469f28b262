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
 * @param allocationsPerYear money the ledger records for the district per year: to a recipient in the district
 *                           or to its area team
 * @param sharedAllocations  money the ledger records for the district's area team together with other districts'
 *                           (e.g. "Områdesteam Berga, Ryd och Skäggetorp"): the district's money too, but the
 *                           sources give no split, so none is made up
 * @param moneyNote          what the register knows about the district's money, in one Swedish sentence
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
        List<SharedAllocation> sharedAllocations,
        String moneyNote,
        List<PictureEntry> pictures,
        List<PictureKind> picturesNotYetRecorded,
        Long version) {

    public record BodyEntry(GovernanceBodyId id, String name, String shortName, Level level, LocalDate effectiveFrom) {
    }

    /**
     * An action touching the district. {@code status} is the progress the register holds (from the plan or a
     * progress report); {@code statusReported} says whether any progress report was recorded, and
     * {@code statusNote} says in Swedish what the register knows beside it (e.g. the bodies that exist for it).
     * {@code developmentAreaTitle} is null when the source does not name the area; {@code developmentAreaLabel}
     * then says so ("Utvecklingsområde 3 (namnet anges inte i källan)").
     */
    public record ActionEntry(ActionPlanId planId, String planTitle, String actionId, String title,
                              int developmentArea, String developmentAreaTitle, String developmentAreaLabel,
                              ProgressStatus status, String statusLabel, boolean statusReported, LocalDate statusDate,
                              List<String> linkedBodies, List<LinkedBody> linkedBodyDetails, String statusNote) {
    }

    /** A body an action is linked to, by name, with its status in Swedish and since when it exists. */
    public record LinkedBody(GovernanceBodyId id, String name, String status, LocalDate since) {
    }

    /**
     * Money for several districts' area teams together, as the ledger records it (no split in the sources).
     *
     * @param districts the priority districts the item names
     */
    public record SharedAllocation(int year, long amountSek, String amountTkr, String recipientName, String purpose,
                                   List<String> sources, List<String> districts, String note) {
    }

    public record PictureEntry(PictureKind kind, String displayName, int version, String text,
                               LocalDate effectiveFrom, DecisionReference decision, long revision) {
    }
}
