package se.styrregistret.command.common;

import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateLifecycle;
import se.styrregistret.kernel.common.Text;
import se.styrregistret.kernel.correction.CorrectEntry;
import se.styrregistret.kernel.correction.EntryCorrected;

import java.util.Map;
import java.util.Optional;

/** The rules every aggregate's correction handler shares; each names its rule. */
public final class Corrections {

    private Corrections() {
    }

    /**
     * The entry can be corrected as asked: a reason is given, the aggregate holds the entry, it has not
     * been corrected or annulled already, and a replacement is of the entry's type.
     *
     * @param original  the entry's event, as the aggregate knows it; empty when it holds no such entry
     * @param corrected entries already corrected: event id → the replacement's event id (null: annulled or unknown)
     */
    public static void requireCorrectable(CorrectEntry cmd, Optional<Object> original, Map<String, String> corrected) {
        if (Text.isBlank(cmd.reason())) {
            throw RuleViolation.unprocessable("reason-required", "En rättelse måste ange varför posten var fel").at("reason");
        }
        if (corrected.containsKey(cmd.correctedEventId())) {
            String replacement = corrected.get(cmd.correctedEventId());
            throw RuleViolation.conflict("entry-already-corrected", "Ändring nr " + cmd.correctedRevision()
                    + " är redan " + (replacement == null ? "rättad eller struken" : "rättad; rätta i stället posten som ersatte den ("
                    + replacement + ")")).at("revision");
        }
        Object entry = original.orElseThrow(() -> RuleViolation.unprocessable("entry-unknown",
                "Ändring nr " + cmd.correctedRevision() + " hör inte till " + cmd.aggregateId()).at("revision"));
        if (cmd.replacement() != null && cmd.replacement().getClass() != entry.getClass()) {
            throw RuleViolation.unprocessable("replacement-type-differs", "Rättelsen måste vara en "
                    + entry.getClass().getSimpleName() + ", inte en " + cmd.replacement().getClass().getSimpleName());
        }
    }

    /**
     * Appends the correction to the aggregate being handled: {@code EntryCorrected}, then, unless the entry
     * is annulled, its replacement, naming the corrected entry in its metadata ({@link EntryCorrected#CORRECTS}).
     */
    public static void append(EntryCorrected correction, CorrectEntry cmd) {
        AggregateLifecycle.apply(correction);
        if (!cmd.annul()) {
            AggregateLifecycle.apply(cmd.replacement(), MetaData.with(EntryCorrected.CORRECTS, cmd.correctedEventId()));
        }
    }

    /** The event that records the correction of {@code original}. */
    public static EntryCorrected recorded(CorrectEntry cmd, String aggregateId, Object original) {
        return new EntryCorrected(aggregateId, cmd.correctedEventId(), cmd.correctedRevision(),
                original.getClass().getSimpleName(), cmd.annul(), cmd.reason().strip(), cmd.evidence());
    }
}
