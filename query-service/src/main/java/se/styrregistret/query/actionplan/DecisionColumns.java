package se.styrregistret.query.actionplan;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import se.styrregistret.kernel.common.DecisionReference;

import java.time.LocalDate;

/** The decision a row rests on, as four columns. */
@Embeddable
class DecisionColumns {

    @Column(name = "decision_case")
    private String caseNumber;
    @Column(name = "decision_paragraph")
    private String paragraph;
    @Column(name = "decision_date")
    private LocalDate decisionDate;
    @Column(name = "decided_by")
    private String decidedBy;

    protected DecisionColumns() {
    }

    static DecisionColumns of(DecisionReference decision) {
        DecisionColumns d = new DecisionColumns();
        d.caseNumber = decision.caseNumber();
        d.paragraph = decision.paragraph();
        d.decisionDate = decision.decisionDate();
        d.decidedBy = decision.decidedBy();
        return d;
    }

    DecisionReference toReference() {
        return new DecisionReference(caseNumber, paragraph, decisionDate, decidedBy);
    }
}
