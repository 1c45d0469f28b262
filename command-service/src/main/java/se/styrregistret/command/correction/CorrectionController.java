package se.styrregistret.command.correction;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.GenericMessage;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import se.styrregistret.command.common.CommandAccepted;
import se.styrregistret.command.common.RuleViolation;
import se.styrregistret.kernel.common.DecisionReference;
import se.styrregistret.kernel.common.EventSerialization;
import se.styrregistret.kernel.common.Text;
import se.styrregistret.kernel.correction.CorrectEntry;

import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * {@code POST /api/corrections}: an entry of the log, named by its revision, was recorded wrongly
 * (corrected: the fields in {@code changes} take new values) or should never have been recorded
 * ({@code annul}). The entry is read from the log, the changes merged into its fields, and the
 * replacement sent as {@link CorrectEntry} to the aggregate the entry belongs to, which re-checks its
 * rules on the corrected history and records {@code EntryCorrected} and the replacement.
 */
@RestController
class CorrectionController {

    private static final ObjectMapper LOG_JSON = EventSerialization.objectMapper();

    /** The aggregate types with a correction handler. */
    static final Set<String> CORRECTABLE = Set.of("GovernanceBody", "Allocation", "BudgetFrame", "Grant", "Referral",
            "Agreement", "DistrictPictures", "ActionPlan", "OrganisationalFunction", "District");

    private final CommandGateway commands;
    private final LogEntries log;

    CorrectionController(CommandGateway commands, LogEntries log) {
        this.commands = commands;
        this.log = log;
    }

    @PostMapping("/api/corrections")
    CommandAccepted correct(@Valid @RequestBody CorrectionRequest request) {
        if (Text.isBlank(request.reason())) {
            throw RuleViolation.unprocessable("reason-required", "En rättelse måste ange varför posten var fel").at("reason");
        }
        boolean annul = Boolean.TRUE.equals(request.annul());
        Map<String, Object> changes = request.changes() == null ? Map.of() : request.changes();
        if (annul && !changes.isEmpty()) {
            throw RuleViolation.unprocessable("annul-without-changes", "En struken post får inga nya värden").at("changes");
        }
        if (!annul && changes.isEmpty()) {
            throw RuleViolation.unprocessable("changes-required", "Ange vilka fält som rättas, eller stryk posten (annul)")
                    .at("changes");
        }
        LogEntries.LogEntry entry = log.at(request.revision()).orElseThrow(() -> RuleViolation.unprocessable("revision-unknown",
                "Det finns ingen post med ändring nr " + request.revision() + " som hör till något i registret").at("revision"));
        if (!CORRECTABLE.contains(entry.aggregateType())) {
            throw RuleViolation.unprocessable("correction-not-supported", "Poster som hör till " + entry.aggregateType()
                    + " kan inte rättas här ännu").at("revision");
        }
        Object replacement = annul ? null : merge(entry, changes);
        CorrectEntry command = new CorrectEntry(entry.aggregateId(), entry.aggregateType(), entry.eventId(), entry.revision(),
                replacement, request.reason().strip(), request.evidence());
        commands.sendAndWait(new GenericCommandMessage<>(new GenericMessage<>(command), CorrectEntry.commandName(entry.aggregateType())));
        return new CommandAccepted(entry.aggregateId());
    }

    /** The entry's event with the changed fields; a field it does not have, or its aggregate's own id, is refused. */
    static Object merge(LogEntries.LogEntry entry, Map<String, Object> changes) {
        ObjectNode fields = LOG_JSON.valueToTree(entry.payload());
        boolean changed = false;
        for (Map.Entry<String, Object> change : changes.entrySet()) {
            String field = change.getKey();
            if (!fields.has(field)) {
                throw RuleViolation.unprocessable("unknown-field", "En " + entry.payload().getClass().getSimpleName()
                        + " har inget fält " + field).at("changes." + field);
            }
            if (isAggregateId(fields.get(field), entry.aggregateId())) {
                throw RuleViolation.unprocessable("aggregate-id-unchangeable",
                        "Fältet " + field + " är postens egen identitet och kan inte rättas").at("changes." + field);
            }
            JsonNode value = LOG_JSON.valueToTree(change.getValue());
            changed |= !value.equals(fields.get(field));
            fields.set(field, value);
        }
        if (!changed) {
            throw RuleViolation.unprocessable("nothing-to-change", "Rättelsen ändrar ingenting").at("changes");
        }
        try {
            return LOG_JSON.treeToValue(fields, entry.payload().getClass());
        } catch (Exception e) {
            Iterator<String> names = changes.keySet().iterator();
            throw RuleViolation.unprocessable("change-invalid", "Ett rättat värde passar inte fältet: "
                    + rootMessage(e)).at(changes.size() == 1 ? "changes." + names.next() : "changes");
        }
    }

    private static boolean isAggregateId(JsonNode value, String aggregateId) {
        return value != null && (value.isTextual() && value.asText().equals(aggregateId)
                || value.isObject() && value.size() == 1 && aggregateId.equals(value.path("value").asText(null)));
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) t = t.getCause();
        String message = t.getMessage();
        return message == null ? t.getClass().getSimpleName() : message.lines().findFirst().orElse(message);
    }

    /**
     * @param revision the entry's position in the log ("ändring nr")
     * @param changes  the entry's fields with their correct values (top-level fields; a value replaces the field whole)
     * @param annul    true: the entry should never have been recorded, nothing replaces it
     * @param reason   why the entry was wrong (required)
     * @param evidence the decision or document that shows the error, where there is one
     */
    record CorrectionRequest(
            @NotNull @Positive Long revision,
            @Size(max = 50) Map<String, Object> changes,
            Boolean annul,
            @Size(max = 2000) String reason,
            @Valid DecisionReference evidence) {
    }
}
