package se.styrregistret.query.wording;

import se.styrregistret.kernel.actionplan.ProgressStatus;
import se.styrregistret.kernel.agreement.AgreementKind;
import se.styrregistret.kernel.budget.Amounts;
import se.styrregistret.kernel.budget.RecipientKind;
import se.styrregistret.kernel.budget.SourceKind;
import se.styrregistret.kernel.district.PictureKind;
import se.styrregistret.kernel.governance.Level;
import se.styrregistret.kernel.governance.ScopeKind;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * What an event says, in Swedish, for people: a one-line summary naming bodies, plans and items by
 * name (never by id or class name) and the changes it made as labelled fields. It reads the payload
 * as stored (JSON), so every stored shape of an event is worded, also older revisions.
 */
public final class EventWording {

    /** One changed field: {@code field} for machines, {@code label} in Swedish, values as a person reads them. */
    public record Change(String field, String label, String before, String after) {
    }

    /** The summary and the changes of one event. */
    public record Worded(String summary, List<Change> changes) {
    }

    /** Names of what events refer to by id; null when the register does not know the id. */
    public interface Names {
        String body(String id);

        default String plan(String id) { return null; }

        default String action(String planId, String actionId) { return null; }

        default String referral(String id) { return null; }

        default String allocation(String id) { return null; }

        default String frame(String id) { return null; }

        default String grant(String id) { return null; }

        static Names bodiesOnly(Function<String, String> bodies) {
            return bodies::apply;
        }
    }

    static final int MAX_LENGTH = 4000;

    private EventWording() {
    }

    /** The summary and changes of an event of {@code type} with this stored payload. */
    public static Worded word(String type, JsonNode p, Names names) {
        List<Change> ch = new ArrayList<>();
        String s;
        if (p == null || !p.isObject()) {
            return new Worded("Händelse utan läsbart innehåll (" + EventLabels.of(type).label().toLowerCase(Locale.ROOT) + ")", ch);
        }
        String body = body(names, t(p, "bodyId"));
        switch (type == null ? "" : type) {
            case "GovernanceBodyEstablished" -> {
                String level = levelName(t(p, "level"));
                JsonNode scope = p.path("scope");
                String where = t(scope, "district") != null ? t(scope, "district") : scopeName(t(scope, "kind"));
                s = "Organet «%s» inrättades (%s nivå, %s)".formatted(t(p, "name"), level == null ? "okänd" : level.toLowerCase(Locale.ROOT),
                        where == null ? "okänt område" : t(scope, "district") != null ? where : where.toLowerCase(Locale.ROOT));
                add(ch, "name", "Namn", null, t(p, "name"));
                add(ch, "shortName", "Kortnamn", null, t(p, "shortName"));
                add(ch, "level", "Nivå", null, level);
                add(ch, "scope", "Verkar i", null, where);
                add(ch, "mandate", "Uppdrag", null, list(p.path("mandate")));
                add(ch, "convener", "Sammankallande", null, t(p, "convener"));
                add(ch, "meetingFrequency", "Mötesfrekvens", null, t(p, "meetingFrequency"));
                add(ch, "supportingResources", "Stödresurser", null, list(p.path("supportingResources")));
                add(ch, "members", "Ledamöter", null, members(p.path("members")));
                add(ch, "status", "Status", null, status("ACTIVE"));
            }
            case "AreaTeamEstablished" -> {
                s = "Områdesteamet «%s» inrättades för %s%s".formatted(t(p, "name"), t(p, "district"),
                        t(p, "hostOrganisation") == null ? "" : ", med " + t(p, "hostOrganisation") + " som värd");
                add(ch, "name", "Namn", null, t(p, "name"));
                add(ch, "district", "Stadsdel", null, t(p, "district"));
                add(ch, "hostOrganisation", "Värdorganisation", null, t(p, "hostOrganisation"));
                add(ch, "commissioningCommittee", "Uppdragsgivande nämnd", null, t(p, "commissioningCommittee"));
                add(ch, "teamLeaders", "Teamledare", null, t(p, "teamLeaders"));
                add(ch, "safetyWardens", "Trygghetsvärdar", null, t(p, "safetyWardens"));
                add(ch, "purpose", "Syfte", null, t(p, "purpose"));
                add(ch, "status", "Status", null, status("ACTIVE"));
            }
            case "GovernanceBodyAmended" -> {
                for (JsonNode c : p.path("changes")) {
                    String field = t(c, "field");
                    add(ch, field, fieldLabel(field), value(field, t(c, "before"), names), value(field, t(c, "after"), names));
                }
                s = "«%s» ändrades: %s".formatted(body, ch.isEmpty() ? "inga fält angivna" : String.join("; ",
                        ch.stream().map(c -> c.label().toLowerCase(Locale.ROOT) + " " + (c.before() == null ? "–" : c.before())
                                + " → " + (c.after() == null ? "–" : c.after())).toList()));
            }
            case "MemberAppointed" -> {
                s = "%s blev ledamot i «%s»".formatted(member(p.path("member")), body);
                add(ch, "members", "Ledamöter", null, member(p.path("member")));
            }
            case "MemberRemoved" -> {
                s = "%s lämnade «%s»".formatted(member(p.path("member")), body);
                add(ch, "members", "Ledamöter", member(p.path("member")), null);
            }
            case "ReportingLineSet" -> {
                String to = t(p, "reportsTo") == null ? null : body(names, t(p, "reportsTo"));
                String before = t(p, "previous") == null ? null : body(names, t(p, "previous"));
                s = to == null ? "«%s» rapporterar inte längre till något organ".formatted(body)
                        : "«%s» rapporterar till «%s»".formatted(body, to);
                add(ch, "reportsTo", "Rapporterar till", before, to);
            }
            case "GovernanceBodyDissolved" -> {
                s = "«%s» avvecklades%s".formatted(body, t(p, "reason") == null ? "" : ": " + t(p, "reason"));
                add(ch, "status", "Status", status("ACTIVE"), status("DISSOLVED"));
                add(ch, "reason", "Skäl", null, t(p, "reason"));
            }
            case "GovernanceBodyReplaced" -> {
                String successors = bodies(p.path("successors"), names);
                s = "«%s» ersattes av %s".formatted(body, successors);
                add(ch, "status", "Status", status("ACTIVE"), status("REPLACED"));
                add(ch, "successors", "Efterträdare", null, successors);
                add(ch, "note", "Anteckning", null, t(p, "note"));
            }
            case "GovernanceBodySucceeded" -> {
                String predecessors = bodies(p.path("predecessors"), names);
                s = "«%s» tog över arbetet från %s".formatted(body, predecessors);
                add(ch, "predecessors", "Föregångare", null, predecessors);
                add(ch, "note", "Anteckning", null, t(p, "note"));
            }
            case "EstablishingDecisionRescinded" -> {
                String rescinded = decision(p.path("rescinded"));
                s = "Beslutet som inrättade «%s» (%s) upphävdes".formatted(body, rescinded == null ? "okänt beslut" : rescinded);
                add(ch, "establishedBy", "Inrättandebeslut", rescinded, "upphävt");
            }
            case "FunctionTransferred" -> {
                s = "Funktionen %s flyttades från %s till %s".formatted(t(p, "function"), t(p, "fromOrganisation"),
                        t(p, "toOrganisation"));
                add(ch, "organisation", "Organisation (" + t(p, "function") + ")", t(p, "fromOrganisation"), t(p, "toOrganisation"));
            }
            case "AgreementRecorded" -> {
                String kind = agreementKind(t(p, "kind"));
                String period = period(p);
                s = "%s registrerad: «%s»%s%s".formatted(kind == null ? "Överenskommelse" : kind, t(p, "title"),
                        period == null ? "" : " (" + period + ")", parties(p.path("parties")));
                add(ch, "kind", "Slag", null, kind);
                add(ch, "title", "Titel", null, t(p, "title"));
                add(ch, "parties", "Parter", null, list(p.path("parties")));
                add(ch, "period", "Period", null, period);
                add(ch, "commitments", "Åtaganden", null, list(p.path("commitments")));
                add(ch, "signatory", "Undertecknare", null, t(p, "signatory"));
                add(ch, "note", "Anteckning", null, t(p, "note"));
            }
            case "BudgetFrameOpened" -> {
                s = "Budgetram för %s öppnad för %s: %s%s".formatted(t(p, "committee"), t(p, "fiscalYear"),
                        money(p, "amountSek"), t(p, "financedFrom") == null ? "" : ", finansierad från " + t(p, "financedFrom"));
                add(ch, "committee", "Nämnd", null, t(p, "committee"));
                add(ch, "fiscalYear", "Budgetår", null, t(p, "fiscalYear"));
                add(ch, "amount", "Belopp", null, money(p, "amountSek"));
                add(ch, "financedFrom", "Finansieras från", null, t(p, "financedFrom"));
            }
            case "BudgetFrameExtended" -> {
                s = "Budgetramen för %s %s utökades med %s%s".formatted(t(p, "committee"), t(p, "fiscalYear"),
                        money(p, "amountSek"), t(p, "financedFrom") == null ? "" : " från " + t(p, "financedFrom"));
                add(ch, "extension", "Utökning", null, money(p, "amountSek"));
                add(ch, "financedFrom", "Finansieras från", null, t(p, "financedFrom"));
            }
            case "BudgetAllocated" -> {
                s = "%s från %s till %s (budgetår %s)%s".formatted(money(p, "amountSek"), source(p.path("source")),
                        recipient(p.path("recipient"), names), t(p, "fiscalYear"),
                        t(p, "purpose") == null ? "" : ": " + t(p, "purpose"));
                add(ch, "amount", "Belopp", null, money(p, "amountSek"));
                add(ch, "source", "Från", null, source(p.path("source")));
                add(ch, "recipient", "Till", null, recipient(p.path("recipient"), names));
                add(ch, "fiscalYear", "Budgetår", null, t(p, "fiscalYear"));
                add(ch, "purpose", "Syfte", null, t(p, "purpose"));
            }
            case "AllocationDistributed" -> {
                List<String> parts = new ArrayList<>();
                for (JsonNode part : p.path("parts")) {
                    parts.add(recipient(part.path("recipient"), names) + " " + money(part, "amountSek"));
                }
                s = "%s fördelade %s vidare (budgetår %s): %s".formatted(recipient(p.path("distributedBy"), names),
                        money(p, "amountSek"), t(p, "fiscalYear"), String.join(", ", parts));
                add(ch, "distributedBy", "Fördelas av", null, recipient(p.path("distributedBy"), names));
                add(ch, "amount", "Belopp", null, money(p, "amountSek"));
                add(ch, "parts", "Till", null, String.join("; ", parts));
            }
            case "AllocationReversed" -> {
                s = "%s till %s återfördes (budgetår %s)%s".formatted(money(p, "amountSek"), recipient(p.path("recipient"), names),
                        t(p, "fiscalYear"), t(p, "reason") == null ? "" : ": " + t(p, "reason"));
                add(ch, "amount", "Återfört belopp", null, money(p, "amountSek"));
                add(ch, "recipient", "Från mottagare", null, recipient(p.path("recipient"), names));
                add(ch, "reason", "Skäl", null, t(p, "reason"));
            }
            case "GrantRegistered" -> {
                s = "Bidrag från %s: %s för %s%s".formatted(t(p, "grantor"), money(p, "amountSek"), t(p, "fiscalYear"),
                        t(p, "purpose") == null ? "" : " (" + t(p, "purpose") + ")");
                add(ch, "grantor", "Bidragsgivare", null, t(p, "grantor"));
                add(ch, "amount", "Belopp", null, money(p, "amountSek"));
                add(ch, "fiscalYear", "Budgetår", null, t(p, "fiscalYear"));
                add(ch, "purpose", "Syfte", null, t(p, "purpose"));
            }
            case "FinancingReferred" -> {
                String estimate = p.path("estimatedAmountSek").isNumber() ? money(p, "estimatedAmountSek") : "belopp okänt";
                s = "«%s» (budgetår %s) hänvisades till %s, %s".formatted(t(p, "subject"), t(p, "fiscalYear"),
                        t(p, "referredTo"), estimate);
                add(ch, "subject", "Ärende", null, t(p, "subject"));
                add(ch, "referredTo", "Hänvisat till", null, t(p, "referredTo"));
                add(ch, "recipient", "Gäller", null, p.path("recipient").isObject() ? recipient(p.path("recipient"), names) : null);
                add(ch, "estimatedAmount", "Uppskattat belopp", null, estimate);
                add(ch, "status", "Status", null, "öppen");
            }
            case "ReferralSettled" -> {
                String subject = names.referral(t(p, "referralId"));
                s = "Hänvisningen «%s» avgjordes: %s".formatted(subject == null ? "okänd hänvisning" : subject,
                        t(p, "outcome") == null ? "utan angivet utfall" : t(p, "outcome"));
                add(ch, "status", "Status", "öppen", "avgjord");
                add(ch, "outcome", "Utfall", null, t(p, "outcome"));
            }
            case "ActionPlanApproved" -> {
                int named = p.path("developmentAreas").size();
                s = "«%s»%s antogs av %s: %s utvecklingsområden, %s perspektiv, %s åtgärder (%d av åtgärderna namngivna i registret)"
                        .formatted(t(p, "title"), t(p, "period") == null ? "" : " (" + t(p, "period") + ")",
                                t(p, "approvedBy"), t(p, "developmentAreaCount"), t(p, "perspectiveCount"),
                                t(p, "actionCount"), p.path("actions").size());
                add(ch, "title", "Titel", null, t(p, "title"));
                add(ch, "period", "Period", null, t(p, "period"));
                add(ch, "approvedBy", "Antagen av", null, t(p, "approvedBy"));
                add(ch, "developmentAreas", "Utvecklingsområden", null, t(p, "developmentAreaCount") + " (" + named + " namngivna i källan)");
                add(ch, "perspectives", "Perspektiv", null, t(p, "perspectiveCount") + " (" + p.path("perspectives").size() + " namngivna i källan)");
                add(ch, "actions", "Åtgärder", null, t(p, "actionCount") + " (" + p.path("actions").size() + " namngivna i källan)");
            }
            case "ActionAdded", "ActionRevised" -> {
                JsonNode a = p.path("action");
                String plan = plan(names, t(p, "planId"));
                s = "Åtgärden «%s» %s i «%s»".formatted(t(a, "title"), type.equals("ActionAdded") ? "lades till" : "reviderades", plan);
                add(ch, "title", "Åtgärd", null, t(a, "title"));
                add(ch, "developmentArea", "Utvecklingsområde", null, t(a, "developmentArea"));
                add(ch, "responsible", "Ansvariga", null, list(a.path("responsible")));
                add(ch, "districts", "Stadsdelar", null, list(a.path("districts")));
            }
            case "ActionWithdrawn" -> {
                s = "Åtgärden «%s» ströks ur «%s»%s".formatted(action(names, p), plan(names, t(p, "planId")),
                        t(p, "reason") == null ? "" : ": " + t(p, "reason"));
                add(ch, "withdrawn", "Struken", null, "ja");
                add(ch, "reason", "Skäl", null, t(p, "reason"));
            }
            case "ActionProgressReported", "ActionReopened" -> {
                String before = progress(t(p, "previousStatus"));
                String after = progress(t(p, "status"));
                s = "Åtgärden «%s» i «%s»: %s → %s%s".formatted(action(names, p), plan(names, t(p, "planId")),
                        before == null ? "–" : before, after == null ? "–" : after,
                        t(p, "note") != null ? " (" + t(p, "note") + ")" : t(p, "reason") != null ? " (" + t(p, "reason") + ")" : "");
                add(ch, "status", "Läge", before, after);
                add(ch, "note", type.equals("ActionReopened") ? "Skäl" : "Anteckning", null,
                        t(p, "note") != null ? t(p, "note") : t(p, "reason"));
            }
            case "ActionLinkedToBody" -> {
                s = "Åtgärden «%s» i «%s» kopplades till «%s»".formatted(action(names, p), plan(names, t(p, "planId")), body);
                add(ch, "linkedBodies", "Kopplade organ", null, body);
            }
            case "DistrictPictureRecorded" -> {
                String kind = pictureKind(t(p, "kind"));
                s = "%s för %s, version %s".formatted(kind == null ? "Bild" : kind, t(p, "district"), t(p, "version"));
                add(ch, "district", "Stadsdel", null, t(p, "district"));
                add(ch, "kind", "Slag", null, kind);
                add(ch, "version", "Version", null, t(p, "version"));
                add(ch, "text", "Text", null, t(p, "text"));
            }
            case "DistrictRegistered" -> {
                s = "Stadsdelen %s registrerades%s".formatted(t(p, "name"),
                        t(p, "municipality") == null ? "" : " (" + t(p, "municipality") + ")");
                add(ch, "name", "Stadsdel", null, t(p, "name"));
                add(ch, "municipality", "Kommun", null, t(p, "municipality"));
            }
            case "PriorityDistrictDesignated" -> {
                s = "%s utsågs till prioriterad stadsdel".formatted(t(p, "name"));
                add(ch, "priority", "Prioriterad stadsdel", null, t(p, "name"));
            }
            case "EntryCorrected" -> {
                boolean annulled = p.path("annulled").asBoolean(false);
                String corrected = t(p, "correctedType") == null ? "en ändring"
                        : EventLabels.of(t(p, "correctedType")).label().toLowerCase(Locale.ROOT);
                String evidence = decision(p.path("evidence"));
                s = "Ändring nr %s (%s) %s%s%s".formatted(t(p, "correctedRevision"), corrected,
                        annulled ? "ogiltigförklarades" : "rättades", t(p, "reason") == null ? "" : ": " + t(p, "reason"),
                        evidence == null ? "" : " (enligt " + evidence + ")");
                add(ch, "status", "Ändring nr " + t(p, "correctedRevision"), "gällande", annulled ? "ogiltig" : "rättad");
                add(ch, "reason", "Skäl", null, t(p, "reason"));
                add(ch, "evidence", "Underlag", null, evidence);
            }
            default -> s = "Händelse av en typ som den här versionen av registret inte kan beskriva ("
                    + EventLabels.of(type).label().toLowerCase(Locale.ROOT) + ")";
        }
        return new Worded(limit(s), List.copyOf(ch));
    }

    /** The Swedish name of a body field in the org chart's change lists. */
    public static String fieldLabel(String field) {
        if (field == null) return "Fält";
        return switch (field) {
            case "name" -> "Namn";
            case "shortName" -> "Kortnamn";
            case "level" -> "Nivå";
            case "scope", "scopeKind" -> "Verkar i";
            case "areaTeam" -> "Områdesteam";
            case "rescindedDecision" -> "Upphävt inrättandebeslut";
            case "mandate" -> "Uppdrag";
            case "convener" -> "Sammankallande";
            case "meetingFrequency" -> "Mötesfrekvens";
            case "supportingResources" -> "Stödresurser";
            case "members" -> "Ledamöter";
            case "reportsTo" -> "Rapporterar till";
            case "status" -> "Status";
            case "predecessors" -> "Föregångare";
            case "successors" -> "Efterträdare";
            case "establishedBy" -> "Inrättandebeslut";
            case "district" -> "Stadsdel";
            case "note" -> "Anteckning";
            case "reason" -> "Skäl";
            default -> "Övrigt fält";
        };
    }

    /**
     * A value of a body field as a person reads it: a status in Swedish ("aktivt"), body ids (reporting
     * lines, predecessors, comma separated) by name.
     */
    public static String value(String field, String value, Names names) {
        if (value == null || field == null) return value;
        return switch (field) {
            case "status" -> status(value);
            case "level" -> {
                String l = levelName(value);
                yield l == null ? value : l;
            }
            case "scopeKind" -> {
                String k = scopeName(value);
                yield k == null ? value : k;
            }
            case "reportsTo", "predecessors", "successors" -> {
                List<String> out = new ArrayList<>();
                for (String id : value.split(",\\s*")) {
                    if (!id.isBlank()) out.add(body(names, id.strip()));
                }
                yield String.join(", ", out);
            }
            default -> value;
        };
    }

    /** A body status in Swedish: aktivt, avvecklat, ersatt. */
    public static String status(String code) {
        if (code == null) return null;
        return switch (code) {
            case "ACTIVE" -> "aktivt";
            case "DISSOLVED" -> "avvecklat";
            case "REPLACED" -> "ersatt";
            default -> code.toLowerCase(Locale.ROOT);
        };
    }

    static String limit(String text) {
        return text.length() <= MAX_LENGTH ? text : text.substring(0, MAX_LENGTH - 1) + "…";
    }

    private static void add(List<Change> changes, String field, String label, String before, String after) {
        if (before == null && after == null) return;
        changes.add(new Change(field, label, before, after));
    }

    private static String t(JsonNode node, String field) {
        JsonNode v = node == null ? null : node.get(field);
        if (v == null || v.isNull() || v.isMissingNode() || v.isContainer()) return null;
        String s = v.asString();
        return s == null || s.isBlank() ? null : s;
    }

    private static String body(Names names, String id) {
        if (id == null) return "okänt organ";
        String name = names.body(id);
        return name == null ? "okänt organ" : name;
    }

    private static String bodies(JsonNode ids, Names names) {
        List<String> out = new ArrayList<>();
        for (JsonNode id : ids) out.add("«" + body(names, id.asString()) + "»");
        return out.isEmpty() ? "inget angivet organ" : String.join(", ", out);
    }

    private static String plan(Names names, String id) {
        String title = id == null ? null : names.plan(id);
        return title == null ? "okänd plan" : title;
    }

    private static String action(Names names, JsonNode p) {
        String title = names.action(t(p, "planId"), t(p, "actionId"));
        return title == null ? "okänd åtgärd" : title;
    }

    private static String list(JsonNode items) {
        if (items == null || !items.isArray() || items.isEmpty()) return null;
        List<String> out = new ArrayList<>();
        for (JsonNode i : items) if (i.isValueNode() && !i.isNull()) out.add(i.asString());
        return out.isEmpty() ? null : String.join("; ", out);
    }

    private static String parties(JsonNode parties) {
        String list = list(parties);
        return list == null ? "" : ", parter: " + list.replace(";", ",");
    }

    private static String members(JsonNode members) {
        if (members == null || !members.isArray() || members.isEmpty()) return null;
        List<String> out = new ArrayList<>();
        for (JsonNode m : members) out.add(member(m));
        return String.join("; ", out);
    }

    private static String member(JsonNode m) {
        if (m == null || !m.isObject()) return "Okänd roll";
        String role = t(m, "role");
        String holder = t(m, "holder");
        if (role == null) role = "Okänd roll";
        return holder == null ? role : role + " (" + holder + ")";
    }

    private static String money(JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || !v.isNumber()) return "belopp okänt";
        return Amounts.tkr(v.asLong());
    }

    private static String source(JsonNode s) {
        if (s == null || !s.isObject()) return "okänd källa";
        String name = t(s, "name");
        String kind = enumName(SourceKind.class, t(s, "kind"));
        return name != null ? "«" + name + "»" : kind != null ? kind.toLowerCase(Locale.ROOT) : "okänd källa";
    }

    private static String recipient(JsonNode r, Names names) {
        if (r == null || !r.isObject()) return "okänd mottagare";
        String name = t(r, "name");
        if (name == null && t(r, "bodyId") != null) name = body(names, t(r, "bodyId"));
        return name == null ? "okänd mottagare" : name;
    }

    private static String decision(JsonNode d) {
        if (d == null || !d.isObject()) return null;
        StringBuilder sb = new StringBuilder();
        if (t(d, "decidedBy") != null) sb.append(t(d, "decidedBy"));
        if (t(d, "decisionDate") != null) {
            String date = t(d, "decisionDate");
            String precision = t(d, "datePrecision");
            if ("MONTH".equals(precision)) date = date.substring(0, 7);
            if ("YEAR".equals(precision)) date = date.substring(0, 4);
            sb.append(sb.isEmpty() ? "" : " ").append(date);
        }
        if (t(d, "paragraph") != null) sb.append(" ").append(t(d, "paragraph"));
        if (t(d, "caseNumber") != null) sb.append(" (").append(t(d, "caseNumber")).append(")");
        return sb.isEmpty() ? null : sb.toString().strip();
    }

    /** A decision reference as a person reads it: "Kommunstyrelsen 2019-05-07 § 170 (KS 2019-1011)". */
    public static String decisionText(JsonNode decision) {
        return decision(decision);
    }

    private static String period(JsonNode p) {
        String from = t(p, "firstYear") != null ? t(p, "firstYear") : t(p, "periodFrom");
        String to = t(p, "lastYear") != null ? t(p, "lastYear") : t(p, "periodTo");
        if (from == null && to == null) return null;
        if (from != null && to != null) return from + "–" + to;
        return from != null ? "från " + from : "till " + to;
    }

    private static String levelName(String code) {
        return enumName(Level.class, code);
    }

    private static String scopeName(String code) {
        return enumName(ScopeKind.class, code);
    }

    private static String agreementKind(String code) {
        return enumName(AgreementKind.class, code);
    }

    private static String pictureKind(String code) {
        return enumName(PictureKind.class, code);
    }

    private static String progress(String code) {
        return enumName(ProgressStatus.class, code);
    }

    /** Swedish display name of a kernel enum constant; null when the code is absent or unknown. */
    static <E extends Enum<E>> String enumName(Class<E> type, String code) {
        if (code == null) return null;
        try {
            E e = Enum.valueOf(type, code);
            return (String) type.getMethod("displayName").invoke(e);
        } catch (ReflectiveOperationException | IllegalArgumentException e) {
            return null;
        }
    }

    /** Swedish name of a recipient kind ("Nämnd", "Organ", "Områdesteam"). */
    public static String recipientKind(RecipientKind kind) {
        return kind == null ? null : kind.displayName();
    }

    private static String lowerFirst(String s) {
        return s.isEmpty() ? s : Character.toLowerCase(s.charAt(0)) + s.substring(1);
    }
}
