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
 * @param datePrecision how much of {@code decisionDate} the source gives: DAY (the default),
 *                     MONTH/YEAR when only "januari 2020" is known (the date is then the first day),
 *                     AFTER when the source shows only that it was later than the date (a proposal of that
 *                     date whose adoption the sources do not show), BEFORE when only that it was earlier
 */
public record DecisionReference(
        @Size(max = 60) String caseNumber,
        @Size(max = 20) String paragraph,
        @NotNull LocalDate decisionDate,
        @NotBlank @Size(max = 200) String decidedBy,
        DatePrecision datePrecision) {

    /**
     * How precisely a source dates something. AFTER and BEFORE: the day is unknown, the source shows only a
     * bound (the date held is the bound; a register places the entry there).
     */
    public enum DatePrecision {
        DAY, MONTH, YEAR, AFTER, BEFORE;

        /**
         * {@code date} as precisely as known, in ISO 8601-2 (EDTF) form: "2020-01-20", "2020-01", "2020",
         * "2021-03-02/.." (after), "../2020-01-20" (before).
         */
        public String format(LocalDate date) {
            String iso = date.toString();
            return switch (this) {
                case DAY -> iso;
                case MONTH -> iso.substring(0, 7);
                case YEAR -> iso.substring(0, 4);
                case AFTER -> iso + "/..";
                case BEFORE -> "../" + iso;
            };
        }

        /** In Swedish, as the register shows it: "2020-01-20", "januari 2020", "okänt, efter 2021-03-02". */
        public String inSwedish(LocalDate date) {
            return switch (this) {
                case DAY -> date.toString();
                case MONTH -> MONTHS[date.getMonthValue() - 1] + " " + date.getYear();
                case YEAR -> String.valueOf(date.getYear());
                case AFTER -> "okänt, efter " + date;
                case BEFORE -> "okänt, före " + date;
            };
        }

        private static final String[] MONTHS = {"januari", "februari", "mars", "april", "maj", "juni", "juli",
                "augusti", "september", "oktober", "november", "december"};

        /** Null (an entry recorded before precision was kept) reads as DAY. */
        public static DatePrecision orDay(DatePrecision precision) {
            return precision == null ? DAY : precision;
        }
    }

    public DecisionReference {
        caseNumber = Text.blankToNull(caseNumber);
        paragraph = Text.blankToNull(paragraph);
        datePrecision = datePrecision == null ? DatePrecision.DAY : datePrecision;
    }

    public DecisionReference(String caseNumber, String paragraph, LocalDate decisionDate, String decidedBy) {
        this(caseNumber, paragraph, decisionDate, decidedBy, DatePrecision.DAY);
    }

    /** The date as precisely as the source gives it: "2020-01-20", "2020-01", "2020", "2021-03-02/..". */
    public String dateAsKnown() {
        return datePrecision.format(decisionDate);
    }

    /** "KS 2019-1003 § 12 (Kommunstyrelsen 2020-01-20)" – for summaries and logs. */
    public String describe() {
        StringBuilder sb = new StringBuilder();
        if (caseNumber != null) sb.append(caseNumber).append(' ');
        if (paragraph != null) sb.append(paragraph).append(' ');
        boolean bounded = datePrecision == DatePrecision.AFTER || datePrecision == DatePrecision.BEFORE;
        sb.append('(').append(decidedBy).append(' ')
                .append(bounded ? datePrecision.inSwedish(decisionDate) : dateAsKnown()).append(')');
        return sb.toString();
    }
}
