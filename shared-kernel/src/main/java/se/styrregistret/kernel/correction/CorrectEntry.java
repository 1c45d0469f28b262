package se.styrregistret.kernel.correction;

import com.fasterxml.jackson.annotation.JsonTypeInfo;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import se.styrregistret.kernel.common.DecisionReference;

/**
 * Correct or annul one entry of the log, sent to the aggregate the entry belongs to. Axon routes
 * a command name to one handler, so the command travels under a name per aggregate type
 * ({@link #commandName(String)}); each aggregate's handler re-checks its rules with the entry
 * replaced (or left out) and then records {@link EntryCorrected} and, unless annulled, the
 * replacement.
 *
 * @param aggregateId       the aggregate the entry belongs to
 * @param aggregateType     its type, as the log stores it (e.g. {@code GovernanceBody})
 * @param correctedEventId  the entry's event identifier
 * @param correctedRevision the entry's position in the log
 * @param replacement       the corrected event, of the entry's type; null when the entry is annulled
 * @param reason            why the entry was wrong
 * @param evidence          the decision or document that shows the error, where there is one
 */
public record CorrectEntry(@TargetAggregateIdentifier String aggregateId, String aggregateType, String correctedEventId,
                           long correctedRevision,
                           @JsonTypeInfo(use = JsonTypeInfo.Id.CLASS) Object replacement,
                           String reason, DecisionReference evidence) {

    /** The name the command travels under to an aggregate of {@code aggregateType}. */
    public static String commandName(String aggregateType) {
        return CorrectEntry.class.getName() + "@" + aggregateType;
    }

    public boolean annul() {
        return replacement == null;
    }

}
