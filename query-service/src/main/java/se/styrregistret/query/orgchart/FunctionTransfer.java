package se.styrregistret.query.orgchart;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import se.styrregistret.kernel.common.DecisionReference;
import se.styrregistret.kernel.governance.FunctionTransferred;

import java.time.LocalDate;

/** One function transfer; immutable, one row per event. */
@Entity
@Table(schema = "projection", name = "function_transfer")
class FunctionTransfer {

    @Id
    private long revision;
    private String functionId;
    @Column(name = "function_name")
    private String function;
    private String fromOrganisation;
    private String toOrganisation;
    private LocalDate effectiveDate;
    private String decisionCase;
    private String decisionParagraph;
    private LocalDate decisionDate;
    private String decidedBy;

    protected FunctionTransfer() {
    }

    FunctionTransfer(long revision, FunctionTransferred event) {
        this.revision = revision;
        this.functionId = event.functionId();
        this.function = event.function();
        this.fromOrganisation = event.fromOrganisation();
        this.toOrganisation = event.toOrganisation();
        this.effectiveDate = event.effectiveDate();
        this.decisionCase = event.decision().caseNumber();
        this.decisionParagraph = event.decision().paragraph();
        this.decisionDate = event.decision().decisionDate();
        this.decidedBy = event.decision().decidedBy();
    }

    FunctionTransferView toView() {
        return new FunctionTransferView(revision, functionId, function, fromOrganisation, toOrganisation, effectiveDate,
                new DecisionReference(decisionCase, decisionParagraph, decisionDate, decidedBy));
    }
}
