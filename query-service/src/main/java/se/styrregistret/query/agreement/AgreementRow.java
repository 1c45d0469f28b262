package se.styrregistret.query.agreement;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import se.styrregistret.kernel.agreement.AgreementId;
import se.styrregistret.kernel.agreement.AgreementKind;
import se.styrregistret.kernel.agreement.AgreementRecorded;
import se.styrregistret.kernel.common.DecisionReference;

import java.time.LocalDate;
import java.util.List;

@Entity
@Table(schema = "projection", name = "agreement")
class AgreementRow {

    @Id
    private String agreementId;
    private long revision;
    @Enumerated(EnumType.STRING)
    private AgreementKind kind;
    private String title;
    @JdbcTypeCode(SqlTypes.JSON)
    private List<String> parties;
    private Integer periodFrom;
    private Integer periodTo;
    @JdbcTypeCode(SqlTypes.JSON)
    private List<String> commitments;
    private String signatory;
    private String note;
    private LocalDate effectiveDate;
    @JdbcTypeCode(SqlTypes.JSON)
    private DecisionReference decision;

    protected AgreementRow() {
    }

    AgreementRow(long revision, AgreementRecorded e) {
        this.agreementId = e.agreementId().value();
        this.revision = revision;
        this.kind = e.kind();
        this.title = e.title();
        this.parties = e.parties();
        this.periodFrom = e.firstYear();
        this.periodTo = e.lastYear();
        this.commitments = e.commitments();
        this.signatory = e.signatory();
        this.note = e.note();
        this.effectiveDate = e.effectiveDate();
        this.decision = e.decision();
    }

    AgreementView toView() {
        return new AgreementView(AgreementId.of(agreementId), kind, kind.displayName(), title, List.copyOf(parties),
                periodFrom, periodTo, List.copyOf(commitments), signatory, note, effectiveDate, decision, revision);
    }
}
