package se.styrregistret.kernel.governance;

import se.styrregistret.kernel.common.Text;

import java.time.LocalDate;

/**
 * The organisation chart, now or as of a revision (what the register showed then) or an
 * effective date (what was in force then). Both empty means now.
 * <p>
 * The chart can be narrowed to one district (the bodies whose scope is that district; the name compared
 * case-insensitively) and/or to one kind of scope, and is answered one page of bodies at a time, in the
 * chart's order: by level, then by name, then by id.
 *
 * @param district  only bodies whose scope is this district; empty for every body
 * @param scopeKind only bodies with this kind of scope; empty for every kind
 * @param page      the page, counted from 0
 * @param size      bodies per page (the web API allows 1 to {@link #MAX_PAGE_SIZE})
 */
public record FindOrgChart(Long asOfRevision, LocalDate asOfDate, String district, ScopeKind scopeKind,
                           int page, int size) {

    /** Bodies per page when the client names no size: any chart of up to this many bodies comes whole. */
    public static final int DEFAULT_PAGE_SIZE = 500;
    public static final int MAX_PAGE_SIZE = 1000;

    public FindOrgChart {
        district = Text.blankToNull(district);
    }

    /** The whole register's chart (its first {@link #DEFAULT_PAGE_SIZE} bodies). */
    public FindOrgChart(Long asOfRevision, LocalDate asOfDate) {
        this(asOfRevision, asOfDate, null, null, 0, DEFAULT_PAGE_SIZE);
    }

    public static FindOrgChart now() {
        return new FindOrgChart(null, null);
    }
}
