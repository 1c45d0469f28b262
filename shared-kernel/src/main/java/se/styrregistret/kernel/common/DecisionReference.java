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
 * @param datePrecision how much of {@code decisionDate} the source gives: DAY (the default), or
 *                     MONTH/YEAR when only "januari 2020" is known (the date is then the first day)
 */
public record DecisionReference(
        @Size(max = 60) String caseNumber,
        @Size(max = 20) String paragraph,
        @NotNull LocalDate decisionDate,
        @NotBlank @Size(max = 200) String decidedBy,
        DatePrecision datePrecision) {

    /** How precisely a source dates a decision. */
    public enum DatePrecision { DAY, MONTH, YEAR }

    public DecisionReference {
        caseNumber = Text.blankToNull(caseNumber);
        paragraph = Text.blankToNull(paragraph);
        datePrecision = datePrecision == null ? DatePrecision.DAY : datePrecision;
    }

    public DecisionReference(String caseNumber, String paragraph, LocalDate decisionDate, String decidedBy) {
        this(caseNumber, paragraph, decisionDate, decidedBy, DatePrecision.DAY);
    }

    /** The date as precisely as the source gives it: "2020-01-20", "2020-01" or "2020". */
    public String dateAsKnown() {
        String iso = decisionDate.toString();
        return switch (datePrecision) {
            case DAY -> iso;
            case MONTH -> iso.substring(0, 7);
            case YEAR -> iso.substring(0, 4);
        };
    }

    /** "KS 2019-1003 § 12 (Kommunstyrelsen 2020-01-20)" – for summaries and logs. */
    public String describe() {
        StringBuilder sb = new StringBuilder();
        if (caseNumber != null) sb.append(caseNumber).append(' ');
        if (paragraph != null) sb.append(paragraph).append(' ');
        sb.append('(').append(decidedBy).append(' ').append(dateAsKnown()).append(')');
        return sb.toString();
    }
}
