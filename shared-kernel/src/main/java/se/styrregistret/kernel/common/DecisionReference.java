package se.styrregistret.kernel.common;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;

/**
 * The formal decision a change rests on. The sources do not always give a case number
 * (the 2007 § 290 decision, the kommundirektör's own decisions), so only the date and the
 * decision-maker are required; what a source does not state stays empty.
 *
 * @param caseNumber   registry number (diarienummer), e.g. "KS 2019-1003"
 * @param paragraph    paragraph of the minutes, e.g. "§ 290"
 * @param decisionDate the date the decision was taken
 * @param decidedBy    who decided, e.g. "Kommunstyrelsen" or "Kommundirektören"
 */
public record DecisionReference(
        @Size(max = 60) String caseNumber,
        @Size(max = 20) String paragraph,
        @NotNull LocalDate decisionDate,
        @NotBlank @Size(max = 200) String decidedBy) {

    public DecisionReference {
        caseNumber = Text.blankToNull(caseNumber);
        paragraph = Text.blankToNull(paragraph);
    }

    /** "KS 2019-1003 § 12 (Kommunstyrelsen 2020-01-20)" – for summaries and logs. */
    public String describe() {
        StringBuilder sb = new StringBuilder();
        if (caseNumber != null) sb.append(caseNumber).append(' ');
        if (paragraph != null) sb.append(paragraph).append(' ');
        sb.append('(').append(decidedBy).append(' ').append(decisionDate).append(')');
        return sb.toString();
    }
}
