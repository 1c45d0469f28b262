package se.styrregistret.query.audit;

import se.styrregistret.kernel.common.DecisionReference;

import java.time.LocalDate;
import java.util.List;

/** @param revision the revision the answer reflects */
public record Timeline(long revision, LocalDate from, LocalDate to, String district, String bodyId,
                       List<Entry> entries) {

    public record Entry(long revision, LocalDate effectiveDate, String eventType, DecisionReference decision,
                        String summary, List<BodyRef> affectedBodies) {
    }
}
