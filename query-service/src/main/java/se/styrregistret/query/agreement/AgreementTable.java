package se.styrregistret.query.agreement;

import org.springframework.jdbc.core.RowMapper;
import se.styrregistret.kernel.agreement.AgreementId;
import se.styrregistret.kernel.agreement.AgreementKind;
import se.styrregistret.kernel.agreement.AgreementRecorded;
import se.styrregistret.kernel.common.DecisionReference;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import java.time.LocalDate;
import java.util.List;

/** {@code projection.agreement}: one row per agreement, written once, never changed. */
final class AgreementTable {

    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() { };

    private AgreementTable() {
    }

    /** A row already there means its event is applied already (a batch whose commit answer was lost came again). */
    static final String INSERT = """
            insert into projection.agreement (event_id, agreement_id, revision, kind, title, parties, period_from,
                period_to, commitments, signatory, note, effective_date, decision)
            values (?, ?, ?, ?, ?, cast(? as jsonb), ?, ?, cast(? as jsonb), ?, ?, ?, cast(? as jsonb))
            on conflict (event_id) do nothing""";

    /** Retracts an entry's row from a correction's revision on (after the batch's inserts, which may hold it). */
    static final String RETRACT = """
            update projection.agreement set retracted_at = ? where event_id = ? and retracted_at is null""";

    static Object[] insertValues(String eventId, long revision, AgreementRecorded e, JsonMapper json) {
        return new Object[]{eventId, e.agreementId().value(), revision, e.kind().name(), e.title(), json.writeValueAsString(e.parties()),
                e.firstYear(), e.lastYear(), json.writeValueAsString(e.commitments()), e.signatory(), e.note(),
                e.effectiveDate(), json.writeValueAsString(e.decision())};
    }

    /** The agreements the register holds now: corrected and annulled entries no longer count. */
    static final String ALL = """
            select * from projection.agreement where retracted_at is null order by effective_date, revision""";

    static RowMapper<AgreementView> view(JsonMapper json) {
        return (rs, i) -> {
            AgreementKind kind = AgreementKind.valueOf(rs.getString("kind"));
            return new AgreementView(AgreementId.of(rs.getString("agreement_id")), kind, kind.displayName(),
                    rs.getString("title"), json.readValue(rs.getString("parties"), STRINGS),
                    rs.getObject("period_from", Integer.class), rs.getObject("period_to", Integer.class),
                    json.readValue(rs.getString("commitments"), STRINGS), rs.getString("signatory"), rs.getString("note"),
                    rs.getObject("effective_date", LocalDate.class),
                    json.readValue(rs.getString("decision"), DecisionReference.class), rs.getLong("revision"));
        };
    }
}
