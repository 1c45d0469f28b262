package se.styrregistret.kernel.governance;

import java.time.LocalDate;

/**
 * The organisation chart, now or as of a revision (what the register showed then) or an
 * effective date (what was in force then). Both empty means now.
 */
public record FindOrgChart(Long asOfRevision, LocalDate asOfDate) {

    public static FindOrgChart now() {
        return new FindOrgChart(null, null);
    }
}
