package se.styrregistret.command.governance;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;
import org.springframework.stereotype.Component;
import se.styrregistret.command.common.RuleViolation;
import se.styrregistret.kernel.common.DecisionReference;
import se.styrregistret.kernel.governance.EstablishGovernanceBody;
import se.styrregistret.kernel.governance.GovernanceBodyId;
import se.styrregistret.kernel.governance.Reorganise;
import se.styrregistret.kernel.governance.Reorganise.Dissolution;
import se.styrregistret.kernel.governance.Reorganise.Establishment;
import se.styrregistret.kernel.governance.Reorganise.Replacement;
import se.styrregistret.kernel.governance.Reorganise.Rescission;
import se.styrregistret.kernel.governance.ReplaceGovernanceBody;
import se.styrregistret.kernel.governance.ReplaceLiBra;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * Decisions that change several bodies at once, all carried out as one compound decision
 * ({@link Reorganise}). Every body is loaded, created and changed in one unit of work, so the
 * events of all of them are committed together or, when any rule fails, none is. A refusal names
 * the rule and the part of the decision it concerns ({@code replacements[1].successors[0]}).
 */
@Component
class Reorganisations {

    private final Repository<GovernanceBody> bodies;

    Reorganisations(Repository<GovernanceBody> bodies) {
        this.bodies = bodies;
    }

    @CommandHandler
    void handle(Reorganise cmd, BodyLookup lookup) {
        new Decision(cmd, lookup).carryOut();
    }

    /** The simple replacement: a compound decision of one part; refusals name the command's own fields. */
    @CommandHandler
    void handle(ReplaceGovernanceBody cmd, BodyLookup lookup) {
        Reorganise decision = new Reorganise(List.of(), List.of(),
                List.of(new Replacement(cmd.predecessors(), cmd.successors())), List.of(),
                cmd.note(), cmd.effectiveDate(), cmd.decision());
        carryOut(decision, lookup, field -> field.startsWith("replacements[0].")
                ? field.substring("replacements[0].".length()) : null);
    }

    /** The 2020 decision by name: LiBrå's establishing decision rescinded, then the two replacements. */
    @CommandHandler
    void handle(ReplaceLiBra cmd, BodyLookup lookup) {
        if (cmd.libra() == null || cmd.politicalSteeringGroup() == null || cmd.lopGroup() == null
                || cmd.coordinationGroup() == null) {
            throw RuleViolation.unprocessable("bodies-required",
                    "Ange LiBrå, den politiska styrgruppen, LOP-gruppen och samordningsgruppen");
        }
        Set<GovernanceBodyId> distinct = new HashSet<>(List.of(cmd.libra(), cmd.politicalSteeringGroup(),
                cmd.lopGroup(), cmd.coordinationGroup()));
        if (distinct.size() != 4) {
            throw RuleViolation.unprocessable("bodies-distinct", "De fyra organen måste vara olika");
        }
        Reorganise decision = new Reorganise(List.of(),
                List.of(new Rescission(cmd.libra(), cmd.rescindedDecision())),
                List.of(new Replacement(List.of(cmd.libra()), List.of(cmd.politicalSteeringGroup())),
                        new Replacement(List.of(cmd.lopGroup()), List.of(cmd.coordinationGroup()))),
                List.of(), cmd.note(), cmd.effectiveDate(), cmd.decision());
        carryOut(decision, lookup, LIBRA_FIELDS::get);
    }

    // where each part of the built decision comes from in ReplaceLiBra
    private static final Map<String, String> LIBRA_FIELDS = Map.of(
            "rescissions[0]", "libra",
            "rescissions[0].bodyId", "libra",
            "rescissions[0].rescindedDecision", "rescindedDecision",
            "replacements[0].predecessors[0]", "libra",
            "replacements[0].successors[0]", "politicalSteeringGroup",
            "replacements[1].predecessors[0]", "lopGroup",
            "replacements[1].successors[0]", "coordinationGroup");

    /** Carries out a decision built from another command, naming that command's fields in a refusal. */
    private void carryOut(Reorganise decision, BodyLookup lookup, UnaryOperator<String> ownField) {
        try {
            new Decision(decision, lookup).carryOut();
        } catch (RuleViolation refused) {
            throw refused.field() == null ? refused : refused.at(ownField.apply(refused.field()));
        }
    }

    /** What a body is to a decision; a body may hold two roles only where they go together. */
    private enum Role {
        ESTABLISHED("inrättas"),
        RESCINDED("få sitt inrättandebeslut upphävt"),
        REPLACED("ersättas"),
        SUCCESSOR("efterträda"),
        DISSOLVED("avvecklas");

        private final String verb;

        Role(String verb) {
            this.verb = verb;
        }

        /**
         * Established then successor (a new body takes over); rescinded then replaced or dissolved (the
         * 2020 decision); successor in several replacements (one body takes over several lines of work).
         */
        boolean goesWith(Role other) {
            Set<Role> pair = EnumSet.of(this, other);
            return pair.equals(EnumSet.of(ESTABLISHED, SUCCESSOR)) || pair.equals(EnumSet.of(RESCINDED, REPLACED))
                    || pair.equals(EnumSet.of(RESCINDED, DISSOLVED)) || pair.equals(EnumSet.of(SUCCESSOR));
        }
    }

    /** One compound decision being checked and carried out. */
    private final class Decision {

        private final Reorganise cmd;
        private final BodyLookup lookup;
        private final LocalDate effectiveDate;
        private final DecisionReference decision;
        private final Map<GovernanceBodyId, Set<Role>> roles = new HashMap<>();
        private final Map<GovernanceBodyId, Aggregate<GovernanceBody>> loaded = new HashMap<>();

        Decision(Reorganise cmd, BodyLookup lookup) {
            this.cmd = cmd;
            this.lookup = lookup;
            this.effectiveDate = cmd.effectiveDate();
            this.decision = cmd.decision();
        }

        void carryOut() {
            check();
            // establish first, so later parts may name the new bodies
            for (int i = 0; i < cmd.establishments().size(); i++) {
                establish(cmd.establishments().get(i), "establishments[" + i + "]");
            }
            for (int i = 0; i < cmd.rescissions().size(); i++) {
                Rescission r = cmd.rescissions().get(i);
                String path = "rescissions[" + i + "]";
                change(r.bodyId(), path, b -> b.rescindEstablishingDecision(r.rescindedDecision(), effectiveDate, decision));
            }
            for (int i = 0; i < cmd.replacements().size(); i++) {
                replace(cmd.replacements().get(i), "replacements[" + i + "]");
            }
            for (int i = 0; i < cmd.dissolutions().size(); i++) {
                Dissolution d = cmd.dissolutions().get(i);
                change(d.bodyId(), "dissolutions[" + i + "]", b -> b.dissolve(d.reason(), effectiveDate, decision));
            }
        }

        /** The decision as a whole, before any body changes: parts, ids, roles, names. */
        private void check() {
            if (cmd.hasNoParts()) {
                throw RuleViolation.unprocessable("decision-has-no-parts",
                        "Beslutet måste inrätta, upphäva, ersätta eller avveckla minst ett organ");
            }
            GovernanceBody.requireDecision(effectiveDate, decision);
            Map<String, String> names = new HashMap<>();
            for (int i = 0; i < cmd.establishments().size(); i++) {
                Establishment e = part(cmd.establishments().get(i), "establishments[" + i + "]");
                claim(e.bodyId(), Role.ESTABLISHED, "establishments[" + i + "].bodyId");
                // the body registry learns of new bodies only when the decision commits, so it cannot see these
                if (e.name() != null && names.putIfAbsent(e.name().strip().toLowerCase(Locale.ROOT), e.bodyId().value()) != null) {
                    throw RuleViolation.unprocessable("name-twice-in-decision",
                            "Beslutet inrättar två organ som heter " + e.name().strip()).at("establishments[" + i + "].name");
                }
            }
            for (int i = 0; i < cmd.rescissions().size(); i++) {
                claim(part(cmd.rescissions().get(i), "rescissions[" + i + "]").bodyId(), Role.RESCINDED,
                        "rescissions[" + i + "].bodyId");
            }
            for (int i = 0; i < cmd.replacements().size(); i++) {
                checkReplacement(part(cmd.replacements().get(i), "replacements[" + i + "]"), "replacements[" + i + "]");
            }
            for (int i = 0; i < cmd.dissolutions().size(); i++) {
                claim(part(cmd.dissolutions().get(i), "dissolutions[" + i + "]").bodyId(), Role.DISSOLVED,
                        "dissolutions[" + i + "].bodyId");
            }
        }

        private void checkReplacement(Replacement r, String path) {
            if (r.predecessors().isEmpty() || r.successors().isEmpty()) {
                throw RuleViolation.unprocessable("replacement-needs-both-sides",
                        "En ersättning har minst en föregångare och minst en efterträdare").at(path);
            }
            Set<GovernanceBodyId> named = new HashSet<>();
            for (int j = 0; j < r.predecessors().size(); j++) {
                distinctIn(named, r.predecessors().get(j), path + ".predecessors[" + j + "]");
            }
            for (int j = 0; j < r.successors().size(); j++) {
                distinctIn(named, r.successors().get(j), path + ".successors[" + j + "]");
            }
            for (int j = 0; j < r.predecessors().size(); j++) {
                claim(r.predecessors().get(j), Role.REPLACED, path + ".predecessors[" + j + "]");
            }
            for (int j = 0; j < r.successors().size(); j++) {
                claim(r.successors().get(j), Role.SUCCESSOR, path + ".successors[" + j + "]");
            }
        }

        private void distinctIn(Set<GovernanceBodyId> named, GovernanceBodyId id, String path) {
            if (!named.add(required(id, path))) {
                throw RuleViolation.unprocessable("replacement-bodies-distinct",
                        "Ett organ kan inte ersätta sig självt eller nämnas två gånger").at(path);
            }
        }

        private void claim(GovernanceBodyId id, Role role, String path) {
            Set<Role> held = roles.computeIfAbsent(required(id, path), k -> EnumSet.noneOf(Role.class));
            for (Role other : held) {
                if (!other.goesWith(role)) {
                    throw RuleViolation.unprocessable("body-named-twice", other == role
                            ? "Organet " + id + " kan inte " + role.verb + " två gånger i samma beslut"
                            : "Organet " + id + " kan inte både " + other.verb + " och " + role.verb + " i samma beslut").at(path);
                }
            }
            held.add(role);
        }

        private void establish(Establishment e, String path) {
            EstablishGovernanceBody establishment = e.under(effectiveDate, decision);
            Aggregate<GovernanceBody> body;
            try {
                // as the CREATE_IF_MISSING handler does: an existing body is loaded and refuses a second establishment
                body = bodies.loadOrCreate(e.bodyId().value(), GovernanceBody::new);
            } catch (RuntimeException ex) {
                throw ex;
            } catch (Exception ex) {
                throw new IllegalStateException(ex);
            }
            loaded.put(e.bodyId(), body);
            change(e.bodyId(), path, b -> b.establish(establishment, lookup));
        }

        private void replace(Replacement r, String path) {
            for (int j = 0; j < r.predecessors().size(); j++) {
                change(r.predecessors().get(j), path + ".predecessors[" + j + "]",
                        b -> b.replaceBy(r.successors(), cmd.note(), effectiveDate, decision));
            }
            for (int j = 0; j < r.successors().size(); j++) {
                change(r.successors().get(j), path + ".successors[" + j + "]",
                        b -> b.succeed(r.predecessors(), cmd.note(), effectiveDate, decision));
            }
        }

        /** One body's part: its own rules decide; a refusal names the part. */
        private void change(GovernanceBodyId id, String path, Consumer<GovernanceBody> part) {
            try {
                body(id, path).execute(part);
            } catch (RuleViolation refused) {
                throw refused.field() == null ? refused.at(path) : refused;
            }
        }

        private Aggregate<GovernanceBody> body(GovernanceBodyId id, String path) {
            Aggregate<GovernanceBody> body = loaded.get(id);
            if (body != null) return body;
            try {
                body = bodies.load(id.value());
            } catch (AggregateNotFoundException e) {
                throw RuleViolation.unprocessable("body-unknown",
                        "Organet " + id + " finns inte i registret och inrättas inte av beslutet").at(path);
            }
            loaded.put(id, body);
            return body;
        }
    }

    private static <T> T part(T part, String path) {
        if (part == null) {
            throw RuleViolation.unprocessable("part-required", "Delen saknas").at(path);
        }
        return part;
    }

    private static GovernanceBodyId required(GovernanceBodyId id, String path) {
        if (id == null) {
            throw RuleViolation.unprocessable("body-required", "Ange organet").at(path);
        }
        return id;
    }
}
