package se.styrregistret.query.budget;

import se.styrregistret.kernel.budget.FundingSource;
import se.styrregistret.kernel.budget.Recipient;
import se.styrregistret.kernel.budget.RecipientKind;
import se.styrregistret.kernel.budget.SourceKind;
import se.styrregistret.kernel.common.DecisionReference;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** One movement in the ledger ({@code projection.budget_ledger_entry}); written once, never changed. */
final class LedgerRow {

    static final String FRAME_OPENED = "FRAME_OPENED";
    static final String FRAME_EXTENDED = "FRAME_EXTENDED";
    static final String GRANT_REGISTERED = "GRANT_REGISTERED";
    static final String ALLOCATION = "ALLOCATION";
    static final String DISTRIBUTED_ON = "DISTRIBUTED_ON";
    static final String DISTRIBUTION = "DISTRIBUTION";
    static final String REVERSAL = "REVERSAL";
    static final String REFERRAL = "REFERRAL";
    static final String REFERRAL_SETTLED = "REFERRAL_SETTLED";

    private long revision;
    private int entryIndex;
    private LocalDate effectiveDate;
    private Instant recordedAt;
    private int fiscalYear;
    private String entryType;
    private String itemId;
    private String relatedId;
    private SourceKind sourceKind;
    private String sourceId;
    private String sourceName;
    private RecipientKind recipientKind;
    private String recipientId;
    private String recipientName;
    private String district;
    private long amountSek;
    private Long estimatedSek;
    private String purpose;
    private String decisionCase;
    private String decisionParagraph;
    private LocalDate decisionDate;
    private String decidedBy;
    private String eventId;

    private LedgerRow() {
    }

    static LedgerRow of(long revision, int entryIndex, Instant recordedAt, LocalDate effectiveDate, int fiscalYear,
                        String entryType, String itemId, long amountSek, DecisionReference decision) {
        LedgerRow r = new LedgerRow();
        r.revision = revision;
        r.entryIndex = entryIndex;
        r.recordedAt = recordedAt;
        r.effectiveDate = effectiveDate;
        r.fiscalYear = fiscalYear;
        r.entryType = entryType;
        r.itemId = itemId;
        r.amountSek = amountSek;
        r.decisionCase = decision.caseNumber();
        r.decisionParagraph = decision.paragraph();
        r.decisionDate = decision.decisionDate();
        r.decidedBy = decision.decidedBy();
        return r;
    }

    LedgerRow from(FundingSource source) {
        if (source != null) {
            sourceKind = source.kind();
            sourceId = source.key();
            sourceName = source.name();
        }
        return this;
    }

    LedgerRow from(SourceKind kind, String id, String name) {
        sourceKind = kind;
        sourceId = id;
        sourceName = name;
        return this;
    }

    LedgerRow to(Recipient recipient) {
        if (recipient != null) {
            recipientKind = recipient.kind();
            recipientId = recipient.key();
            recipientName = recipient.name();
            district = recipient.district();
        }
        return this;
    }

    LedgerRow to(RecipientKind kind, String id, String name) {
        recipientKind = kind;
        recipientId = id;
        recipientName = name;
        return this;
    }

    LedgerRow about(String purpose, String relatedId, Long estimatedSek) {
        this.purpose = purpose;
        this.relatedId = relatedId;
        this.estimatedSek = estimatedSek;
        return this;
    }

    /** Allocations, distributions and reversals move money to recipients; frame, grant and referral rows do not. */
    boolean movesMoney() {
        return switch (entryType) {
            case ALLOCATION, DISTRIBUTED_ON, DISTRIBUTION, REVERSAL -> true;
            default -> false;
        };
    }

    DecisionReference decision() {
        return new DecisionReference(decisionCase, decisionParagraph, decisionDate, decidedBy);
    }

    /**
     * Every column but the key. A row already there (same revision and entry index) means its event
     * is applied already: its batch committed without the processor hearing so, and came again.
     */
    static final String INSERT = """
            insert into projection.budget_ledger_entry (revision, entry_index, effective_date, recorded_at, fiscal_year,
                entry_type, item_id, related_id, source_kind, source_id, source_name, recipient_kind, recipient_id,
                recipient_name, district, amount_sek, estimated_sek, purpose, decision_case, decision_paragraph,
                decision_date, decided_by, event_id)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            on conflict (revision, entry_index) do nothing""";

    /** This row's values for {@link #INSERT}. */
    Object[] insertValues() {
        return new Object[]{revision, entryIndex, effectiveDate, OffsetDateTime.ofInstant(recordedAt, ZoneOffset.UTC),
                fiscalYear, entryType, itemId, relatedId, sourceKind == null ? null : sourceKind.name(), sourceId,
                sourceName, recipientKind == null ? null : recipientKind.name(), recipientId, recipientName, district,
                amountSek, estimatedSek, purpose, decisionCase, decisionParagraph, decisionDate, decidedBy, eventId};
    }

    /** The event the row comes from, as a correction names it. */
    LedgerRow ofEvent(String eventId) {
        this.eventId = eventId;
        return this;
    }

    /**
     * The columns {@link #read} reads, in its order, over the alias {@code e}: an answer's rows are read by
     * position (by name, the driver looks each column up for every row) and leave out what no answer shows
     * (when the row was recorded, the event's id: a correction finds rows by them in the projection).
     */
    static final String COLUMNS = """
            e.revision, e.entry_index, e.effective_date, e.fiscal_year, e.entry_type, e.item_id, e.related_id,
            e.source_kind, e.source_id, e.source_name, e.recipient_kind, e.recipient_id, e.recipient_name, e.district,
            e.amount_sek, e.estimated_sek, e.purpose, e.decision_case, e.decision_paragraph, e.decision_date,
            e.decided_by""";

    /** A row of a statement that selects {@link #COLUMNS} first. */
    static LedgerRow read(ResultSet rs, int row) throws SQLException {
        LedgerRow r = new LedgerRow();
        r.revision = rs.getLong(1);
        r.entryIndex = rs.getInt(2);
        r.effectiveDate = rs.getObject(3, LocalDate.class);
        r.fiscalYear = rs.getInt(4);
        r.entryType = rs.getString(5);
        r.itemId = rs.getString(6);
        r.relatedId = rs.getString(7);
        String sourceKind = rs.getString(8);
        r.sourceKind = sourceKind == null ? null : SourceKind.valueOf(sourceKind);
        r.sourceId = rs.getString(9);
        r.sourceName = rs.getString(10);
        String recipientKind = rs.getString(11);
        r.recipientKind = recipientKind == null ? null : RecipientKind.valueOf(recipientKind);
        r.recipientId = rs.getString(12);
        r.recipientName = rs.getString(13);
        r.district = rs.getString(14);
        r.amountSek = rs.getLong(15);
        r.estimatedSek = rs.getObject(16, Long.class);
        r.purpose = rs.getString(17);
        r.decisionCase = rs.getString(18);
        r.decisionParagraph = rs.getString(19);
        r.decisionDate = rs.getObject(20, LocalDate.class);
        r.decidedBy = rs.getString(21);
        return r;
    }

    long revision() { return revision; }
    int entryIndex() { return entryIndex; }
    LocalDate effectiveDate() { return effectiveDate; }
    int fiscalYear() { return fiscalYear; }
    String entryType() { return entryType; }
    String itemId() { return itemId; }
    String relatedId() { return relatedId; }
    SourceKind sourceKind() { return sourceKind; }
    String sourceId() { return sourceId; }
    String sourceName() { return sourceName; }
    RecipientKind recipientKind() { return recipientKind; }
    String recipientId() { return recipientId; }
    String recipientName() { return recipientName; }
    String district() { return district; }
    long amountSek() { return amountSek; }
    Long estimatedSek() { return estimatedSek; }
    String purpose() { return purpose; }
}
