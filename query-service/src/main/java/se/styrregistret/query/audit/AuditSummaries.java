package se.styrregistret.query.audit;

import se.styrregistret.kernel.governance.AreaTeamEstablished;
import se.styrregistret.kernel.governance.EstablishingDecisionRescinded;
import se.styrregistret.kernel.governance.FieldChange;
import se.styrregistret.kernel.governance.FunctionTransferred;
import se.styrregistret.kernel.governance.GovernanceBodyAmended;
import se.styrregistret.kernel.governance.GovernanceBodyDissolved;
import se.styrregistret.kernel.governance.GovernanceBodyEstablished;
import se.styrregistret.kernel.governance.GovernanceBodyId;
import se.styrregistret.kernel.governance.GovernanceBodyReplaced;
import se.styrregistret.kernel.governance.GovernanceBodySucceeded;
import se.styrregistret.kernel.governance.Member;
import se.styrregistret.kernel.governance.MemberAppointed;
import se.styrregistret.kernel.governance.MemberRemoved;
import se.styrregistret.kernel.governance.ReportingLineSet;

import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Readable Swedish one-liners: specific for the governance events, generic for any other event. */
final class AuditSummaries {

    static final int MAX_LENGTH = 4000;

    private AuditSummaries() {
    }

    /** @param nameOf a body's name by id, as the audit trail last saw it (the id itself when unknown) */
    static String summarise(Object payload, EventFacts facts, Function<String, String> nameOf) {
        String text;
        if (payload == null) {
            text = "Händelse utan innehåll";
        } else if (payload instanceof GovernanceBodyEstablished e) {
            text = "Organet «%s» inrättades (%s nivå, %s)".formatted(e.name(),
                    e.level() == null ? "okänd" : e.level().displayName().toLowerCase(),
                    e.scope() == null ? "okänt område" : e.scope().district() != null ? e.scope().district()
                            : e.scope().kind().displayName().toLowerCase());
        } else if (payload instanceof AreaTeamEstablished e) {
            text = "Områdesteamet «%s» inrättades för %s%s".formatted(e.name(), e.district(),
                    e.hostOrganisation() == null ? "" : ", med " + e.hostOrganisation() + " som värd");
        } else if (payload instanceof GovernanceBodyAmended e) {
            text = "«%s» ändrades: %s".formatted(nameOf.apply(id(e.bodyId())),
                    e.changes().stream().map(AuditSummaries::change).collect(Collectors.joining("; ")));
        } else if (payload instanceof MemberAppointed e) {
            text = "%s blev ledamot i «%s»".formatted(member(e.member()), nameOf.apply(id(e.bodyId())));
        } else if (payload instanceof MemberRemoved e) {
            text = "%s lämnade «%s»".formatted(member(e.member()), nameOf.apply(id(e.bodyId())));
        } else if (payload instanceof ReportingLineSet e) {
            text = e.reportsTo() == null
                    ? "«%s» rapporterar inte längre till något organ".formatted(nameOf.apply(id(e.bodyId())))
                    : "«%s» rapporterar till «%s»".formatted(nameOf.apply(id(e.bodyId())), nameOf.apply(id(e.reportsTo())));
        } else if (payload instanceof GovernanceBodyDissolved e) {
            text = "«%s» avvecklades%s".formatted(nameOf.apply(id(e.bodyId())),
                    e.reason() == null ? "" : ": " + e.reason());
        } else if (payload instanceof GovernanceBodyReplaced e) {
            text = "«%s» ersattes av %s".formatted(nameOf.apply(id(e.bodyId())),
                    names(e.successors(), nameOf));
        } else if (payload instanceof GovernanceBodySucceeded e) {
            text = "«%s» tog över arbetet från %s".formatted(nameOf.apply(id(e.bodyId())),
                    names(e.predecessors(), nameOf));
        } else if (payload instanceof EstablishingDecisionRescinded e) {
            text = "Beslutet som inrättade «%s» (%s) upphävdes".formatted(
                    nameOf.apply(id(e.bodyId())), e.rescinded() == null ? "okänt beslut" : e.rescinded().describe());
        } else if (payload instanceof FunctionTransferred e) {
            text = "Funktionen %s flyttades från %s till %s".formatted(e.function(),
                    e.fromOrganisation(), e.toOrganisation());
        } else {
            text = generic(payload.getClass().getSimpleName(), facts);
        }
        return limit(text);
    }

    static String limit(String text) {
        return text.length() <= MAX_LENGTH ? text : text.substring(0, MAX_LENGTH - 1) + "…";
    }

    /** Any other event: its type and what it names. */
    static String generic(String eventType, EventFacts facts) {
        StringBuilder sb = new StringBuilder("Händelse ").append(eventType);
        if (!facts.affectedIds().isEmpty()) {
            sb.append(" för ").append(String.join(", ", facts.affectedIds()));
        }
        if (facts.effectiveDate() != null) {
            sb.append(", gäller från ").append(facts.effectiveDate());
        }
        return limit(sb.toString());
    }

    private static String change(FieldChange c) {
        return "%s: %s → %s".formatted(c.field(), c.before() == null ? "–" : c.before(), c.after() == null ? "–" : c.after());
    }

    private static String member(Member m) {
        if (m == null) return "Okänd roll";
        return m.holder() == null ? m.role() : m.role() + " (" + m.holder() + ")";
    }

    private static String names(List<GovernanceBodyId> ids, Function<String, String> nameOf) {
        return ids.stream().map(i -> "«" + nameOf.apply(i.value()) + "»").collect(Collectors.joining(", "));
    }

    private static String id(GovernanceBodyId id) {
        return id == null ? null : id.value();
    }
}
