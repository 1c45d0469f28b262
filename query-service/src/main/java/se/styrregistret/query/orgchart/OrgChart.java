package se.styrregistret.query.orgchart;

import se.styrregistret.kernel.governance.Level;

import java.time.LocalDate;
import java.util.List;

/**
 * @param revision the revision (global log position) the answer reflects
 * @param asOfDate the effective date the answer reflects, when one was asked for
 * @param levels   the bodies grouped by level, in the order of {@link Level}
 */
public record OrgChart(long revision, LocalDate asOfDate, List<LevelGroup> levels) {

    public record LevelGroup(Level level, String displayName, List<BodySummary> bodies) {
    }
}
