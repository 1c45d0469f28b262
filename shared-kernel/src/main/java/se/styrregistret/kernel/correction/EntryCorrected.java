package se.styrregistret.kernel.correction;

import org.axonframework.serialization.Revision;
import se.styrregistret.kernel.common.DecisionReference;

/**
 * An entry of the log was recorded wrongly and is corrected, or should never have been recorded
 * and is annulled. The corrected entry stays in the log as it was: from this event's revision on,
 * read models no longer apply it. When it is corrected rather than annulled, the aggregate appends
 * the corrected entry right after this event, in the same transaction, as an ordinary event of the
 * corrected entry's type, with {@link #CORRECTS} in its metadata naming the entry it replaces.
 *
 * @param aggregateId       the aggregate both entries belong to
 * @param correctedEventId  the corrected entry's event identifier
 * @param correctedRevision the corrected entry's position in the log ("ändring nr")
 * @param correctedType     the corrected entry's event type (simple name, as in {@code EventTypes})
 * @param annulled          true when nothing replaces the entry
 * @param reason            why the entry was wrong, in the registrar's words
 * @param evidence          the decision or document that shows the error, where there is one
 */
@Revision("1")
public record EntryCorrected(String aggregateId, String correctedEventId, long correctedRevision, String correctedType,
                             boolean annulled, String reason, DecisionReference evidence) {

    /** Metadata key on a corrected entry's replacement: the identifier of the entry it replaces. */
    public static final String CORRECTS = "styrregistret.corrects";
}
