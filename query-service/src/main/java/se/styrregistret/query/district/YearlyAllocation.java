package se.styrregistret.query.district;

import java.math.BigDecimal;
import java.util.List;

/**
 * Money allocated to a district for one year, in thousand kronor (tkr), with the decisions it
 * comes from (to a recipient in the district or to its area team). Filled by the budget ledger.
 */
public record YearlyAllocation(int year, BigDecimal amountTkr, long amountSek, List<String> sources) {
}
