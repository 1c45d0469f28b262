package se.styrregistret.command.governance;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import se.styrregistret.command.common.Corrections;
import se.styrregistret.command.common.RuleViolation;
import se.styrregistret.command.district.DistrictLookup;
import se.styrregistret.kernel.common.DecisionReference;
import se.styrregistret.kernel.common.Text;
import se.styrregistret.kernel.correction.CorrectEntry;
import se.styrregistret.kernel.correction.EntryCorrected;
import se.styrregistret.kernel.governance.AmendGovernanceBody;
import se.styrregistret.kernel.governance.AppointMember;
import se.styrregistret.kernel.governance.AreaTeamEstablished;
import se.styrregistret.kernel.governance.DissolveGovernanceBody;
import se.styrregistret.kernel.governance.EstablishAreaTeam;
import se.styrregistret.kernel.governance.EstablishGovernanceBody;
import se.styrregistret.kernel.governance.EstablishingDecisionRescinded;
import se.styrregistret.kernel.governance.FieldChange;
import se.styrregistret.kernel.governance.GovernanceBodyAmended;
import se.styrregistret.kernel.governance.GovernanceBodyDissolved;
import se.styrregistret.kernel.governance.GovernanceBodyEstablished;
import se.styrregistret.kernel.governance.GovernanceBodyId;
import se.styrregistret.kernel.governance.GovernanceBodyReplaced;
import se.styrregistret.kernel.governance.GovernanceBodySucceeded;
import se.styrregistret.kernel.governance.Member;
import se.styrregistret.kernel.governance.MemberAppointed;
import se.styrregistret.kernel.governance.MemberRemoved;
import se.styrregistret.kernel.governance.RemoveMember;
import se.styrregistret.kernel.governance.ReportingLineSet;
import se.styrregistret.kernel.governance.SetReportingLine;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A governance body's life as its timeline: every change (establishment, amendment, members in and
 * out, reporting line, succession, dissolution or replacement), ordered by effective date and, on one
 * date, by the order recorded. A change may be recorded late: it takes effect on any date from the
 * body's establishment up to (not including) its end, whenever it is recorded. A command is accepted
 * only if the timeline with its change inserted is valid at every step ({@link #validate}); the
 * refusal names the rule, and the date of a later change the new one would break.
 *
 * <p>Event-sourcing handlers only add to the timeline; the state on a date is the timeline folded up
 * to that date ({@link #stateOn}). An amendment carries the body's full values but applies only the
 * fields its {@code changes} name, so a late change of one field is not undone by an earlier-recorded
 * change of another dated after it.
 *
 * <p>Corrections ({@link CorrectEntry}): an entry may be replaced by a corrected event of its type, or
 * annulled; the corrected timeline must be valid too. The aggregate knows its entries by event id.
 */
@Aggregate(commandTargetResolver = "versionedTargetResolver")
public class GovernanceBody {

    static final String TYPE = "GovernanceBody";

    enum Status { ACTIVE, DISSOLVED, REPLACED }

    /** One change on the timeline: its event id, order recorded (sequence number), effective date, event. */
    record Entry(String eventId, long order, LocalDate date, Object event) {
        static final Comparator<Entry> TIMELINE = Comparator.comparing(Entry::date).thenComparingLong(Entry::order);
    }

    @AggregateIdentifier
    private GovernanceBodyId bodyId;
    private final List<Entry> timeline = new ArrayList<>();
    /** Entries corrected or annulled: event id → the replacement's event id (null when annulled). */
    private final Map<String, String> corrected = new HashMap<>();
    private String pendingCorrection;
    private Long pendingOrder;
    private boolean establishingDecisionRescinded;

    protected GovernanceBody() {
        // for Axon
    }

    // CREATE_IF_MISSING lets the handler see an existing body and refuse a second establishment by name of rule
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(EstablishGovernanceBody cmd, BodyLookup bodies) {
        establish(cmd, bodies);
    }

    /** Also part of a compound decision ({@link Reorganisations}), on a body created there. */
    void establish(EstablishGovernanceBody cmd, BodyLookup bodies) {
        requireNew(cmd.bodyId());
        if (Text.isBlank(cmd.name())) {
            throw RuleViolation.unprocessable("name-required", "Ett organ måste ha ett namn");
        }
        requireDecision(cmd.effectiveDate(), cmd.decision());
        if (cmd.level() == null) {
            throw RuleViolation.unprocessable("level-required", "Ett organ måste ha en nivå");
        }
        if (cmd.scope() == null || !cmd.scope().isConsistent()) {
            throw RuleViolation.unprocessable("scope-inconsistent",
                    "Ett stadsdelsorgan måste ange stadsdel, och bara det");
        }
        requireNameFree(cmd.name(), cmd.effectiveDate(), null, cmd.bodyId(), bodies);
        apply(new GovernanceBodyEstablished(cmd.bodyId(), cmd.name(), cmd.shortName(), cmd.level(), cmd.scope(),
                cmd.mandate(), cmd.convener(), cmd.meetingFrequency(), cmd.supportingResources(), cmd.members(),
                cmd.effectiveDate(), cmd.decision()));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(EstablishAreaTeam cmd, BodyLookup bodies, DistrictLookup districts) {
        requireNew(cmd.bodyId());
        if (Text.isBlank(cmd.district())) {
            throw RuleViolation.unprocessable("district-required", "Ett områdesteam hör till en stadsdel");
        }
        // districts are data: a team belongs to a registered district, named in its registered spelling
        String district = districts.canonical(cmd.district()).orElseThrow(() -> RuleViolation.unprocessable(
                "district-unknown", "Stadsdelen " + cmd.district().strip()
                        + " är inte registrerad: registrera den först (POST /api/districts)").at("district"));
        requireDecision(cmd.effectiveDate(), cmd.decision());
        if (cmd.teamLeaders() < 0 || cmd.safetyWardens() < 0) {
            throw RuleViolation.unprocessable("staff-not-negative", "Antalet teamledare och trygghetsvärdar kan inte vara negativt");
        }
        String name = Text.isBlank(cmd.name()) ? "Områdesteam " + district : cmd.name().strip();
        Optional<GovernanceBodyId> other = bodies.areaTeamDuring(district, cmd.effectiveDate(), null, cmd.bodyId());
        if (other.isPresent()) {
            throw RuleViolation.conflict("one-area-team-per-district",
                    "Stadsdelen " + district + " har redan ett aktivt områdesteam (" + other.get()
                            + ") under någon del av tiden från " + cmd.effectiveDate());
        }
        requireNameFree(name, cmd.effectiveDate(), null, cmd.bodyId(), bodies);
        apply(new AreaTeamEstablished(cmd.bodyId(), name, district, Text.blankToNull(cmd.hostOrganisation()),
                Text.blankToNull(cmd.commissioningCommittee()), cmd.teamLeaders(), cmd.safetyWardens(),
                Text.blankToNull(cmd.purpose()), cmd.effectiveDate(), cmd.decision()));
    }

    @CommandHandler
    void handle(AmendGovernanceBody cmd, BodyLookup bodies) {
        requireChangeable(cmd.effectiveDate(), cmd.decision());
        State on = stateOn(cmd.effectiveDate());
        List<FieldChange> changes = new ArrayList<>();
        String newName = Text.blankToNull(cmd.name()) == null ? on.name : cmd.name().strip();
        if (!newName.equals(on.name)) {
            requireNameFree(newName, cmd.effectiveDate(), nextChangeOf("name", cmd.effectiveDate()), bodyId, bodies);
            changes.add(new FieldChange("name", on.name, newName));
        }
        List<String> newMandate = cmd.mandate() == null ? on.mandate : cmd.mandate();
        if (!newMandate.equals(on.mandate)) {
            changes.add(new FieldChange("mandate", String.join("; ", on.mandate), String.join("; ", newMandate)));
        }
        String newConvener = cmd.convener() == null ? on.convener : Text.blankToNull(cmd.convener());
        if (!Objects.equals(newConvener, on.convener)) changes.add(new FieldChange("convener", on.convener, newConvener));
        String newFrequency = cmd.meetingFrequency() == null ? on.meetingFrequency : Text.blankToNull(cmd.meetingFrequency());
        if (!Objects.equals(newFrequency, on.meetingFrequency)) {
            changes.add(new FieldChange("meetingFrequency", on.meetingFrequency, newFrequency));
        }
        List<String> newResources = cmd.supportingResources() == null ? on.supportingResources : cmd.supportingResources();
        if (!newResources.equals(on.supportingResources)) {
            changes.add(new FieldChange("supportingResources", String.join("; ", on.supportingResources),
                    String.join("; ", newResources)));
        }
        if (changes.isEmpty()) {
            throw RuleViolation.unprocessable("nothing-to-change", "Ändringen ändrar ingenting");
        }
        GovernanceBodyAmended change = new GovernanceBodyAmended(bodyId, changes, newName, newMandate, newConvener, newFrequency, newResources,
                cmd.effectiveDate(), cmd.decision());
        requireValidWith(change);
        apply(change);
    }

    @CommandHandler
    void handle(AppointMember cmd) {
        requireChangeable(cmd.effectiveDate(), cmd.decision());
        if (cmd.member() == null || Text.isBlank(cmd.member().role())) {
            throw RuleViolation.unprocessable("role-required", "En ledamot har en roll");
        }
        MemberAppointed change = new MemberAppointed(bodyId, cmd.member(), cmd.effectiveDate(), cmd.decision());
        requireValidWith(change);
        apply(change);
    }

    @CommandHandler
    void handle(RemoveMember cmd) {
        requireChangeable(cmd.effectiveDate(), cmd.decision());
        Member member = stateOn(cmd.effectiveDate()).holding(cmd.role()).orElseThrow(() -> RuleViolation.conflict("role-not-held",
                "Rollen " + cmd.role() + " finns inte i organet den " + cmd.effectiveDate()));
        MemberRemoved change = new MemberRemoved(bodyId, member, cmd.effectiveDate(), cmd.decision());
        requireValidWith(change);
        apply(change);
    }

    @CommandHandler
    void handle(SetReportingLine cmd, BodyLookup bodies) {
        requireChangeable(cmd.effectiveDate(), cmd.decision());
        GovernanceBodyId previous = stateOn(cmd.effectiveDate()).reportsTo;
        if (Objects.equals(cmd.reportsTo(), previous)) {
            throw RuleViolation.unprocessable("nothing-to-change", "Organet rapporterar redan dit den " + cmd.effectiveDate());
        }
        requireLineAllowed(cmd, bodies);
        ReportingLineSet change = new ReportingLineSet(bodyId, cmd.reportsTo(), previous, cmd.effectiveDate(), cmd.decision());
        requireValidWith(change);
        apply(change);
    }

    /** The target is active on the date, and the line closes no circle on any date it holds. */
    private void requireLineAllowed(SetReportingLine cmd, BodyLookup bodies) {
        if (cmd.reportsTo() != null) {
            if (!bodies.isActiveOn(cmd.reportsTo(), cmd.effectiveDate())) {
                throw RuleViolation.unprocessable("reporting-target-not-active",
                        "Organet " + cmd.reportsTo() + " finns inte eller är inte verksamt den " + cmd.effectiveDate());
            }
            LocalDate until = nextChangeOf("reportsTo", cmd.effectiveDate());
            Optional<LocalDate> cycle = bodies.reportingCycleDuring(bodyId, cmd.reportsTo(), cmd.effectiveDate(), until);
            if (cycle.isPresent()) {
                throw RuleViolation.conflict("reporting-line-cycle",
                        "Rapporteringsvägen skulle bli en cirkel den " + cycle.get());
            }
        }
    }

    @CommandHandler
    void handle(DissolveGovernanceBody cmd) {
        dissolve(cmd.reason(), cmd.effectiveDate(), cmd.decision());
    }

    /** Also part of a compound decision: the body ends without a successor. */
    void dissolve(String reason, LocalDate effectiveDate, DecisionReference decision) {
        requireChangeable(effectiveDate, decision);
        GovernanceBodyDissolved change = new GovernanceBodyDissolved(bodyId, Text.blankToNull(reason), effectiveDate, decision);
        requireValidWith(change);
        apply(change);
    }

    /** Part of a replacement decision: this body ends and its work carries on in the successors. */
    void replaceBy(List<GovernanceBodyId> successors, String note, LocalDate effectiveDate, DecisionReference decision) {
        if (timeline.stream().anyMatch(e -> e.event() instanceof GovernanceBodyReplaced)) {
            throw RuleViolation.conflict("replaced-at-most-once", "Organet " + stateOn(null).name + " är redan ersatt");
        }
        requireChangeable(effectiveDate, decision);
        GovernanceBodyReplaced change = new GovernanceBodyReplaced(bodyId, successors, Text.blankToNull(note), effectiveDate, decision);
        requireValidWith(change);
        apply(change);
    }

    /** Part of a replacement decision: this body takes over the predecessors' work. */
    void succeed(List<GovernanceBodyId> predecessors, String note, LocalDate effectiveDate, DecisionReference decision) {
        requireChangeable(effectiveDate, decision);
        GovernanceBodySucceeded change = new GovernanceBodySucceeded(bodyId, predecessors, Text.blankToNull(note), effectiveDate, decision);
        requireValidWith(change);
        apply(change);
    }

    /** The decision that set this body up is rescinded (upphävs); the body itself ends by other events. */
    void rescindEstablishingDecision(DecisionReference rescinded, LocalDate effectiveDate, DecisionReference decision) {
        requireDecision(effectiveDate, decision);
        if (establishingDecisionRescinded) {
            throw RuleViolation.conflict("decision-already-rescinded", "Beslutet är redan upphävt");
        }
        if (rescinded == null) {
            throw RuleViolation.unprocessable("rescinded-decision-required", "Ange beslutet som upphävs");
        }
        apply(new EstablishingDecisionRescinded(bodyId, rescinded, effectiveDate, decision));
    }

    // ---- corrections

    @CommandHandler(commandName = "se.styrregistret.kernel.correction.CorrectEntry@" + TYPE)
    void handle(CorrectEntry cmd, BodyLookup bodies) {
        Optional<Entry> original = timeline.stream().filter(e -> e.eventId().equals(cmd.correctedEventId())).findFirst();
        Corrections.requireCorrectable(cmd, original.map(Entry::event), corrected);
        Entry entry = original.orElseThrow();
        if (cmd.annul() && (entry.event() instanceof GovernanceBodyEstablished || entry.event() instanceof AreaTeamEstablished)) {
            throw RuleViolation.unprocessable("establishment-not-annullable",
                    "Inrättandet kan inte strykas ur organets tidslinje; avveckla organet eller rätta inrättandet");
        }
        List<Entry> after = new ArrayList<>(timeline);
        after.remove(entry);
        if (!cmd.annul()) {
            Object replacement = cmd.replacement();
            // the replacement takes the corrected entry's place among the changes recorded on its date
            after.add(new Entry("replacement", entry.order(), dateOf(replacement), replacement));
            after.sort(Entry.TIMELINE);
            if (replacement instanceof ReportingLineSet line && line.reportsTo() != null) {
                if (!bodies.isActiveOn(line.reportsTo(), line.effectiveDate())) {
                    throw RuleViolation.unprocessable("reporting-target-not-active",
                            "Organet " + line.reportsTo() + " finns inte eller är inte verksamt den " + line.effectiveDate());
                }
                Optional<LocalDate> cycle = bodies.reportingCycleDuring(bodyId, line.reportsTo(), line.effectiveDate(),
                        nextChangeOf(after, "reportsTo", line.effectiveDate()));
                if (cycle.isPresent()) {
                    throw RuleViolation.conflict("reporting-line-cycle", "Rapporteringsvägen skulle bli en cirkel den " + cycle.get());
                }
            }
        }
        validate(after, null);
        requireCrossBodyRulesOn(after, bodies);
        Corrections.append(Corrections.recorded(cmd, bodyId.value(), entry.event()), cmd);
    }

    // ---- rules shared by the handlers

    private void requireNew(GovernanceBodyId id) {
        if (bodyId != null) {
            throw RuleViolation.conflict("body-already-established", "Organet " + id + " är redan inrättat");
        }
    }

    static void requireDecision(LocalDate effectiveDate, DecisionReference decision) {
        if (decision == null) {
            throw RuleViolation.unprocessable("decision-required", "Varje ändring måste hänvisa till ett beslut");
        }
        if (effectiveDate == null) {
            throw RuleViolation.unprocessable("effective-date-required", "Ett beslut måste ha ett datum då det gäller från");
        }
    }

    /** A change must fall within the body's life: on or after its establishment, before its end. */
    private void requireChangeable(LocalDate effectiveDate, DecisionReference decision) {
        requireDecision(effectiveDate, decision);
        State whole = stateOn(null);
        if (effectiveDate.isBefore(whole.start)) {
            throw beforeStart(whole);
        }
        if (whole.end != null && !effectiveDate.isBefore(whole.end)) {
            throw hasEnded(whole);
        }
    }

    private static RuleViolation beforeStart(State state) {
        return RuleViolation.unprocessable("effective-date-before-start",
                "Ändringen kan inte gälla före organets start " + state.start);
    }

    private static RuleViolation hasEnded(State state) {
        return RuleViolation.conflict("body-has-ended", "Organet " + state.name + " upphörde " + state.end + " ("
                + (state.status == Status.REPLACED ? "ersatt" : "avvecklat") + "); en ändring måste gälla före dess");
    }

    /** Refuses the change unless the timeline stays valid with it. */
    private void requireValidWith(Object event) {
        Entry added = new Entry("new", Long.MAX_VALUE, dateOf(event), event);
        List<Entry> after = new ArrayList<>(timeline);
        after.add(added);
        validate(after, added);
    }

    /**
     * Folds the timeline with the rules; a step that breaks one refuses the command. When the step is
     * not the new change itself, the new change breaks a later one: the refusal names that one's date
     * (and a dissolution or replacement dated before later changes is refused as such).
     */
    private void validate(List<Entry> entries, Entry added) {
        entries.sort(Entry.TIMELINE);
        State state = new State();
        for (Entry entry : entries) {
            try {
                state.step(entry);
            } catch (RuleViolation broken) {
                if (added == null || entry == added) throw broken;
                if (isEnding(added.event()) && "body-has-ended".equals(broken.rule())) {
                    throw RuleViolation.conflict("ending-before-later-changes", "Organet kan inte upphöra "
                            + added.date() + ": det har ändringar som gäller senare (den " + entry.date() + ")");
                }
                throw new RuleViolation(broken.rule(), broken.isConflict(), broken.getMessage()
                        + " (en ändring som gäller " + entry.date() + " stämmer då inte längre)");
            }
        }
    }

    /**
     * The rules across bodies on a corrected timeline: each name it carries is free for as long as it
     * carries it, and an area team's life overlaps no other team's in its district (a corrected date,
     * name, district or end can break either).
     */
    private void requireCrossBodyRulesOn(List<Entry> sorted, BodyLookup bodies) {
        LocalDate start = null;
        LocalDate end = null;
        String district = null;
        for (Entry e : sorted) {
            if (e.event() instanceof GovernanceBodyEstablished || e.event() instanceof AreaTeamEstablished) start = e.date();
            if (e.event() instanceof AreaTeamEstablished team) district = team.district();
            if (isEnding(e.event()) && end == null) end = e.date();
        }
        for (Entry e : sorted) {
            String carried = e.event() instanceof GovernanceBodyEstablished x ? x.name()
                    : e.event() instanceof AreaTeamEstablished x ? x.name()
                    : e.event() instanceof GovernanceBodyAmended x && x.changes().stream().anyMatch(c -> "name".equals(c.field()))
                    ? x.name() : null;
            if (carried != null) requireNameFree(carried, e.date(), nextChangeOf(sorted, "name", e.date()), bodyId, bodies);
        }
        if (district != null && start != null) {
            Optional<GovernanceBodyId> other = bodies.areaTeamDuring(district, start, end, bodyId);
            if (other.isPresent()) {
                throw RuleViolation.conflict("one-area-team-per-district", "Stadsdelen " + district
                        + " skulle då ha två områdesteam samtidigt (" + other.get() + ")");
            }
        }
    }

    private static boolean isEnding(Object event) {
        return event instanceof GovernanceBodyDissolved || event instanceof GovernanceBodyReplaced;
    }

    private static void requireNameFree(String name, LocalDate from, LocalDate until, GovernanceBodyId self, BodyLookup bodies) {
        if (bodies.nameHolderDuring(name, from, until, self).isPresent()) {
            throw RuleViolation.conflict("name-taken", "Det finns redan ett aktivt organ som heter " + name
                    + " under någon del av tiden från " + from);
        }
    }

    /** The date after {@code date} where this body's {@code field} ("name", "reportsTo") next changes, or its end. */
    private LocalDate nextChangeOf(String field, LocalDate date) {
        List<Entry> sorted = new ArrayList<>(timeline);
        sorted.sort(Entry.TIMELINE);
        return nextChangeOf(sorted, field, date);
    }

    private static LocalDate nextChangeOf(List<Entry> sorted, String field, LocalDate date) {
        for (Entry e : sorted) {
            if (!e.date().isAfter(date)) continue;
            boolean changes = isEnding(e.event())
                    || "reportsTo".equals(field) && e.event() instanceof ReportingLineSet
                    || "name".equals(field) && e.event() instanceof GovernanceBodyAmended a
                    && a.changes().stream().anyMatch(c -> "name".equals(c.field()));
            if (changes) return e.date();
        }
        return null;
    }

    /** The body as its timeline shows it on {@code date} (all of it when null). */
    private State stateOn(LocalDate date) {
        List<Entry> sorted = new ArrayList<>(timeline);
        sorted.sort(Entry.TIMELINE);
        State state = new State();
        for (Entry e : sorted) {
            if (date != null && e.date().isAfter(date)) break;
            state.step(e);
        }
        return state;
    }

    static LocalDate dateOf(Object event) {
        try {
            return (LocalDate) event.getClass().getMethod("effectiveDate").invoke(event);
        } catch (ReflectiveOperationException e) {
            throw new IllegalArgumentException("not a dated event: " + event, e);
        }
    }

    /** The body at one step of its timeline; {@link #step} applies a change with its rules. */
    private static final class State {
        String name;
        Status status;
        LocalDate start;
        LocalDate end;
        List<String> mandate = List.of();
        String convener;
        String meetingFrequency;
        List<String> supportingResources = List.of();
        final List<Member> members = new ArrayList<>();
        GovernanceBodyId reportsTo;

        void step(Entry entry) {
            Object event = entry.event();
            if (event instanceof GovernanceBodyEstablished e) {
                start(e.name(), e.effectiveDate());
                mandate = e.mandate();
                convener = e.convener();
                meetingFrequency = e.meetingFrequency();
                supportingResources = e.supportingResources();
                members.addAll(e.members());
                return;
            }
            if (event instanceof AreaTeamEstablished e) {
                start(e.name(), e.effectiveDate());
                mandate = e.purpose() == null ? List.of() : List.of(e.purpose());
                return;
            }
            if (event instanceof EstablishingDecisionRescinded) {
                return; // the body ends by other changes
            }
            if (start == null) {
                // a change dated before the establishment sorts before it
                throw RuleViolation.unprocessable("effective-date-before-start",
                        "Ändringen den " + entry.date() + " kan inte gälla före organets start");
            }
            if (end != null) throw hasEnded(this);
            if (event instanceof GovernanceBodyAmended e) {
                for (FieldChange change : e.changes()) {
                    switch (change.field()) {
                        case "name" -> name = e.name();
                        case "mandate" -> mandate = e.mandate();
                        case "convener" -> convener = e.convener();
                        case "meetingFrequency" -> meetingFrequency = e.meetingFrequency();
                        case "supportingResources" -> supportingResources = e.supportingResources();
                        default -> { }
                    }
                }
            } else if (event instanceof MemberAppointed e) {
                if (holding(e.member().role()).isPresent()) {
                    throw RuleViolation.conflict("role-already-held",
                            "Rollen " + e.member().role() + " finns redan i organet den " + e.effectiveDate());
                }
                members.add(e.member());
            } else if (event instanceof MemberRemoved e) {
                if (holding(e.member().role()).isEmpty()) {
                    throw RuleViolation.conflict("role-not-held",
                            "Rollen " + e.member().role() + " finns inte i organet den " + e.effectiveDate());
                }
                members.removeIf(m -> m.role().equalsIgnoreCase(e.member().role()));
            } else if (event instanceof ReportingLineSet e) {
                reportsTo = e.reportsTo();
            } else if (event instanceof GovernanceBodyDissolved e) {
                status = Status.DISSOLVED;
                end = e.effectiveDate();
            } else if (event instanceof GovernanceBodyReplaced e) {
                status = Status.REPLACED;
                end = e.effectiveDate();
            }
        }

        private void start(String name, LocalDate date) {
            if (start != null) {
                throw RuleViolation.conflict("body-already-established", "Organet är redan inrättat");
            }
            this.name = name;
            this.start = date;
            this.status = Status.ACTIVE;
        }

        Optional<Member> holding(String role) {
            String wanted = role == null ? "" : role.strip();
            return members.stream().filter(m -> m.role().equalsIgnoreCase(wanted)).findFirst();
        }
    }

    // ---- state: the timeline, nothing decided here

    @EventSourcingHandler
    void on(GovernanceBodyEstablished event, @MessageIdentifier String eventId, @SequenceNumber long order) {
        bodyId = event.bodyId();
        record(event, eventId, order);
    }

    @EventSourcingHandler
    void on(AreaTeamEstablished event, @MessageIdentifier String eventId, @SequenceNumber long order) {
        bodyId = event.bodyId();
        record(event, eventId, order);
    }

    @EventSourcingHandler
    void on(EstablishingDecisionRescinded event, @MessageIdentifier String eventId, @SequenceNumber long order) {
        establishingDecisionRescinded = true;
        record(event, eventId, order);
    }

    @EventSourcingHandler
    void on(EntryCorrected event) {
        corrected.put(event.correctedEventId(), null);
        Optional<Entry> entry = timeline.stream().filter(e -> e.eventId().equals(event.correctedEventId())).findFirst();
        entry.ifPresent(timeline::remove);
        pendingCorrection = event.annulled() ? null : event.correctedEventId();
        pendingOrder = entry.map(Entry::order).orElse(null);
    }

    // every other change of the body; a corrected entry's replacement follows its EntryCorrected

    @EventSourcingHandler
    void on(GovernanceBodyAmended event, @MessageIdentifier String eventId, @SequenceNumber long order) {
        record(event, eventId, order);
    }

    @EventSourcingHandler
    void on(MemberAppointed event, @MessageIdentifier String eventId, @SequenceNumber long order) {
        record(event, eventId, order);
    }

    @EventSourcingHandler
    void on(MemberRemoved event, @MessageIdentifier String eventId, @SequenceNumber long order) {
        record(event, eventId, order);
    }

    @EventSourcingHandler
    void on(ReportingLineSet event, @MessageIdentifier String eventId, @SequenceNumber long order) {
        record(event, eventId, order);
    }

    @EventSourcingHandler
    void on(GovernanceBodyDissolved event, @MessageIdentifier String eventId, @SequenceNumber long order) {
        record(event, eventId, order);
    }

    @EventSourcingHandler
    void on(GovernanceBodyReplaced event, @MessageIdentifier String eventId, @SequenceNumber long order) {
        record(event, eventId, order);
    }

    @EventSourcingHandler
    void on(GovernanceBodySucceeded event, @MessageIdentifier String eventId, @SequenceNumber long order) {
        record(event, eventId, order);
    }

    private void record(Object event, String eventId, long order) {
        if (pendingCorrection != null) {
            // a replacement keeps the corrected entry's place among the changes recorded on its date
            timeline.add(new Entry(eventId, pendingOrder == null ? order : pendingOrder, dateOf(event), event));
            corrected.put(pendingCorrection, eventId);
            pendingCorrection = null;
            pendingOrder = null;
            return;
        }
        timeline.add(new Entry(eventId, order, dateOf(event), event));
    }
}
