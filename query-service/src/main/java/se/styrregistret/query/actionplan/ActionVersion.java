package se.styrregistret.query.actionplan;

import se.styrregistret.kernel.actionplan.PlannedAction;
import se.styrregistret.kernel.actionplan.ProgressStatus;
import se.styrregistret.kernel.common.DecisionReference;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/** One version of an action: valid from one revision (and effective date) until its next change. */
final class ActionVersion {

    private Long id;
    private String planId;
    private String actionId;
    private long revisionFrom;
    private Long revisionTo;
    private LocalDate effectiveFrom;
    private LocalDate effectiveTo;
    private Instant recordedAt;
    private String changeType;
    private String title;
    private int developmentArea;
    private List<String> responsible = new ArrayList<>();
    private List<String> districts = new ArrayList<>();
    private ProgressStatus status;
    private LocalDate statusDate;
    private String lastNote;
    private boolean withdrawn;
    private List<String> linkedBodies = new ArrayList<>();
    private DecisionReference decision;

    private ActionVersion() {
    }

    static ActionVersion first(String planId, PlannedAction action, long revision, LocalDate effectiveFrom,
                               Instant recordedAt, String changeType, DecisionReference decision) {
        ActionVersion v = new ActionVersion();
        v.planId = planId;
        v.actionId = action.actionId();
        v.revisionFrom = revision;
        v.effectiveFrom = effectiveFrom;
        v.recordedAt = recordedAt;
        v.changeType = changeType;
        v.status = ProgressStatus.PLANNED;
        v.describe(action);
        v.decision = decision;
        return v;
    }

    /** The version that follows this one at {@code revision}, so far a copy to change; this one stays open until {@link #close}. */
    ActionVersion next(long revision, LocalDate effectiveFrom, Instant recordedAt, String changeType,
                       DecisionReference decision) {
        ActionVersion v = new ActionVersion();
        v.planId = planId;
        v.actionId = actionId;
        v.revisionFrom = revision;
        v.effectiveFrom = effectiveFrom;
        v.recordedAt = recordedAt;
        v.changeType = changeType;
        v.title = title;
        v.developmentArea = developmentArea;
        v.responsible = new ArrayList<>(responsible);
        v.districts = new ArrayList<>(districts);
        v.status = status;
        v.statusDate = statusDate;
        v.lastNote = lastNote;
        v.withdrawn = withdrawn;
        v.linkedBodies = new ArrayList<>(linkedBodies);
        v.decision = decision;
        return v;
    }

    /** Closes this version where {@code next} begins, on both clocks. */
    void close(ActionVersion next) {
        revisionTo = next.revisionFrom;
        effectiveTo = next.effectiveFrom;
    }

    void describe(PlannedAction action) {
        this.title = action.title();
        this.developmentArea = action.developmentArea();
        this.responsible = new ArrayList<>(action.responsible());
        this.districts = new ArrayList<>(action.districts());
    }

    void progress(ProgressStatus status, LocalDate date, String note) {
        this.status = status;
        this.statusDate = date;
        this.lastNote = note;
    }

    void withdraw() {
        this.withdrawn = true;
    }

    void link(String bodyId) {
        if (!linkedBodies.contains(bodyId)) linkedBodies.add(bodyId);
    }

    String planId() { return planId; }
    String actionId() { return actionId; }
    String title() { return title; }
    int developmentArea() { return developmentArea; }
    List<String> responsible() { return List.copyOf(responsible); }
    List<String> districts() { return List.copyOf(districts); }
    ProgressStatus status() { return status; }
    LocalDate statusDate() { return statusDate; }
    String lastNote() { return lastNote; }
    boolean withdrawn() { return withdrawn; }
    List<String> linkedBodies() { return List.copyOf(linkedBodies); }
    DecisionReference decision() { return decision; }

    long revisionFrom() {
        return revisionFrom;
    }

    Long id() {
        return id;
    }

    Long revisionTo() {
        return revisionTo;
    }

    LocalDate effectiveTo() {
        return effectiveTo;
    }

    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() { };

    static ActionVersion read(ResultSet rs, JsonMapper json) throws SQLException {
        ActionVersion v = new ActionVersion();
        v.id = rs.getLong("id");
        v.planId = rs.getString("plan_id");
        v.actionId = rs.getString("action_id");
        v.revisionFrom = rs.getLong("revision_from");
        v.revisionTo = rs.getObject("revision_to", Long.class);
        v.effectiveFrom = rs.getObject("effective_from", LocalDate.class);
        v.effectiveTo = rs.getObject("effective_to", LocalDate.class);
        v.recordedAt = rs.getObject("recorded_at", OffsetDateTime.class).toInstant();
        v.changeType = rs.getString("change_type");
        v.title = rs.getString("title");
        v.developmentArea = rs.getInt("development_area");
        v.responsible = json.readValue(rs.getString("responsible"), STRINGS);
        v.districts = json.readValue(rs.getString("districts"), STRINGS);
        v.status = ProgressStatus.valueOf(rs.getString("status"));
        v.statusDate = rs.getObject("status_date", LocalDate.class);
        v.lastNote = rs.getString("last_note");
        v.withdrawn = rs.getBoolean("withdrawn");
        v.linkedBodies = json.readValue(rs.getString("linked_bodies"), STRINGS);
        v.decision = DecisionColumns.read(rs);
        return v;
    }

    /** Every column but the key, in the order of {@link #insertValues}. */
    static final String INSERT = """
            insert into projection.action_version (plan_id, action_id, revision_from, revision_to, effective_from,
                effective_to, recorded_at, change_type, title, development_area, responsible, districts, status,
                status_date, last_note, withdrawn, linked_bodies, decision_case, decision_paragraph, decision_date,
                decided_by)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, cast(? as jsonb), cast(? as jsonb), ?, ?, ?, ?, cast(? as jsonb),
                ?, ?, ?, ?)""";

    Object[] insertValues(JsonMapper json) {
        return new Object[]{planId, actionId, revisionFrom, revisionTo, effectiveFrom, effectiveTo,
                OffsetDateTime.ofInstant(recordedAt, ZoneOffset.UTC), changeType, title, developmentArea,
                json.writeValueAsString(responsible), json.writeValueAsString(districts), status.name(), statusDate,
                lastNote, withdrawn, json.writeValueAsString(linkedBodies), decision.caseNumber(), decision.paragraph(),
                decision.decisionDate(), decision.decidedBy()};
    }
}
