package se.styrregistret.query.audit;

import se.styrregistret.kernel.common.DecisionReference;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Every kind of change (bodies, members, agreements, plans, actions, money) by effective date, then revision.
 *
 * @param revision the revision the answer reflects
 * @param bodyId   the body filter as given (an id or part of a name)
 * @param kind     the kind filter as given
 */
public record Timeline(long revision, LocalDate from, LocalDate to, String district, String bodyId, String kind,
                       List<Entry> entries) {

    /**
     * @param eventType the event's code, for machines
     * @param typeLabel the event type in Swedish
     * @param kind      bodies, members, agreements, plans, actions or money
     * @param decisionText the decision as a person reads it
     * @param recordedAt when the register learned it
     * @param clocks     whether it was recorded late, corrected, annulled, or corrects another entry
     */
    public record Entry(long revision, LocalDate effectiveDate, String eventType, String typeLabel, String kind,
                        DecisionReference decision, String decisionText, String summary, String district,
                        List<BodyRef> affectedBodies, Instant recordedAt, EntryClocks clocks) {
    }
}
