package se.styrregistret.query.wording;

import se.styrregistret.kernel.schema.EventTypes;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The Swedish name and kind of every event type the log may hold (the kernel's {@link EventTypes}), for
 * people: the audit trail, the timeline and the revision page show {@code label}; machines keep the code
 * ({@code type}, the event's simple class name). {@code EventLabelsTest} fails for a listed type without one.
 */
public final class EventLabels {

    /** One event type: its code, its Swedish label and which kind of change it is. */
    public record EventType(String type, String label, String kind, String kindLabel) {
    }

    /** The kinds, in the order a reader meets them, with their Swedish names. */
    public static final Map<String, String> KINDS = kinds();

    private static final Map<String, EventType> BY_TYPE = byType();

    private EventLabels() {
    }

    private static Map<String, String> kinds() {
        Map<String, String> k = new LinkedHashMap<>();
        k.put("bodies", "Organ");
        k.put("members", "Ledamöter");
        k.put("agreements", "Överenskommelser");
        k.put("plans", "Planer och lägesbilder");
        k.put("actions", "Åtgärder");
        k.put("money", "Pengar");
        return java.util.Collections.unmodifiableMap(k);
    }

    private static Map<String, EventType> byType() {
        Map<String, EventType> m = new LinkedHashMap<>();
        put(m, "GovernanceBodyEstablished", "Organ inrättat", "bodies");
        put(m, "GovernanceBodyAmended", "Organ ändrat", "bodies");
        put(m, "GovernanceBodyDissolved", "Organ avvecklat", "bodies");
        put(m, "GovernanceBodyReplaced", "Organ ersatt", "bodies");
        put(m, "GovernanceBodySucceeded", "Organ tar över", "bodies");
        put(m, "EstablishingDecisionRescinded", "Inrättandebeslut upphävt", "bodies");
        put(m, "MemberAppointed", "Ledamot tillkommer", "members");
        put(m, "MemberRemoved", "Ledamot lämnar", "members");
        put(m, "ReportingLineSet", "Rapporteringsväg ändrad", "bodies");
        put(m, "AreaTeamEstablished", "Områdesteam inrättat", "bodies");
        put(m, "FunctionTransferred", "Funktion flyttad", "bodies");
        put(m, "AgreementRecorded", "Överenskommelse registrerad", "agreements");
        put(m, "BudgetFrameOpened", "Budgetram öppnad", "money");
        put(m, "BudgetFrameExtended", "Budgetram utökad", "money");
        put(m, "BudgetAllocated", "Budget fördelad", "money");
        put(m, "AllocationDistributed", "Medel vidarefördelade", "money");
        put(m, "AllocationReversed", "Fördelning återförd", "money");
        put(m, "GrantRegistered", "Bidrag registrerat", "money");
        put(m, "FinancingReferred", "Finansiering hänvisad", "money");
        put(m, "ReferralSettled", "Hänvisning avgjord", "money");
        put(m, "ActionPlanApproved", "Åtgärdsplan antagen", "plans");
        put(m, "ActionAdded", "Åtgärd tillagd", "actions");
        put(m, "ActionRevised", "Åtgärd reviderad", "actions");
        put(m, "ActionWithdrawn", "Åtgärd struken", "actions");
        put(m, "ActionProgressReported", "Åtgärdens läge rapporterat", "actions");
        put(m, "ActionReopened", "Åtgärd återöppnad", "actions");
        put(m, "ActionLinkedToBody", "Åtgärd kopplad till organ", "actions");
        put(m, "DistrictPictureRecorded", "Stadsdelsbild registrerad", "plans");
        put(m, "DistrictRegistered", "Stadsdel registrerad", "plans");
        put(m, "PriorityDistrictDesignated", "Prioriterad stadsdel utsedd", "plans");
        // a correction's kind is its corrected entry's (see kindOf)
        put(m, "EntryCorrected", "Rättelse av ändring", "bodies");
        return java.util.Collections.unmodifiableMap(m);
    }

    private static void put(Map<String, EventType> m, String type, String label, String kind) {
        m.put(type, new EventType(type, label, kind, KINDS.get(kind)));
    }

    /** Every event type the kernel lists, in its order, with label and kind (types without one are left out). */
    public static List<EventType> all() {
        List<EventType> all = new ArrayList<>();
        for (Class<? extends Record> type : EventTypes.all()) {
            EventType t = BY_TYPE.get(type.getSimpleName());
            if (t != null) all.add(t);
        }
        return all;
    }

    /** The label and kind of an event type by its code; an unknown type is named as such, never by its class. */
    public static EventType of(String type) {
        EventType t = type == null ? null : BY_TYPE.get(type);
        return t != null ? t : new EventType(type, "Okänd händelsetyp", "bodies", KINDS.get("bodies"));
    }

    /** The kind of an event: a correction is of the kind of the entry it corrects. */
    public static String kindOf(String type, String correctedType) {
        if ("EntryCorrected".equals(type) && known(correctedType)) return of(correctedType).kind();
        return of(type).kind();
    }

    /** Whether this code has a label of its own. */
    public static boolean known(String type) {
        return type != null && BY_TYPE.containsKey(type);
    }

    /**
     * The event codes a person's text means: a code or a label, case-insensitively, whole or in part
     * ("Inrättat", "budget", "organ inrättat", "BudgetAllocated"). Empty when nothing matches.
     */
    public static Set<String> matching(String text) {
        Set<String> codes = new LinkedHashSet<>();
        if (text == null || text.isBlank()) return codes;
        String wanted = text.strip().toLowerCase(Locale.ROOT);
        for (EventType t : BY_TYPE.values()) {
            if (t.type().equalsIgnoreCase(wanted)) {
                codes.add(t.type());
                return codes;
            }
        }
        for (EventType t : BY_TYPE.values()) {
            if (t.label().toLowerCase(Locale.ROOT).contains(wanted) || t.type().toLowerCase(Locale.ROOT).contains(wanted)) {
                codes.add(t.type());
            }
        }
        return codes;
    }

    /** The event codes of a kind ({@code bodies}, {@code members}, …); empty for an unknown kind. */
    public static Set<String> ofKind(String kind) {
        Set<String> codes = new LinkedHashSet<>();
        for (EventType t : BY_TYPE.values()) {
            String k = kind == null ? "" : kind.strip();
            if (t.kind().equalsIgnoreCase(k) || t.kindLabel().equalsIgnoreCase(k)) codes.add(t.type());
        }
        return codes;
    }
}
