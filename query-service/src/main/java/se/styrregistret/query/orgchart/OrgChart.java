package se.styrregistret.query.orgchart;

import se.styrregistret.kernel.governance.Level;
import se.styrregistret.kernel.governance.ScopeKind;

import java.time.LocalDate;
import java.util.List;

/**
 * One page of the organisation chart: the bodies in the chart's order (by level, then name, then id), the
 * page's bodies grouped by level.
 *
 * @param revision  the revision (global log position) the answer reflects
 * @param asOfDate  the effective date the answer reflects, when one was asked for
 * @param district  the district asked for (its registered spelling when registered), or empty for every body
 * @param scopeKind the kind of scope asked for, or empty for every kind
 * @param page      this page, counted from 0
 * @param size      bodies per page
 * @param total     how many bodies match the filter on both clocks, on every page together
 * @param levels    this page's bodies grouped by level, in the order of {@link Level}
 */
public record OrgChart(long revision, LocalDate asOfDate, String district, ScopeKind scopeKind, int page, int size,
                       long total, List<LevelGroup> levels) {

    public record LevelGroup(Level level, String displayName, List<BodySummary> bodies) {
    }
}
