package se.styrregistret.query.web;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringReader;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Stored text reaches a spreadsheet as plain text: quoted where needed, never run as a formula. */
class CsvTableTest {

    @Test
    void text_that_looks_like_a_formula_is_defused_and_markup_stays_literal_text() throws IOException {
        String csv = new CsvTable("name", "amount", "date", "note")
                .row(Stream.of("=HYPERLINK(\"http://x\",\"klicka\")", -840_000L, LocalDate.of(2021, 3, 1), "<script>alert(1)</script>"))
                .row(Stream.of("@SUM(A1:A2)", "-840", null, "+46 13 20 60 00"))
                .row(Stream.of("Områdesteam Skäggetorp, Berga", "2 520,5", null, "rad 1\r\nrad \"2\""))
                .toString();

        List<CSVRecord> rows = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(new StringReader(csv)).getRecords();
        assertThat(rows.get(0).get("name")).isEqualTo("'=HYPERLINK(\"http://x\",\"klicka\")");
        assertThat(rows.get(0).get("amount")).isEqualTo("-840000");
        assertThat(rows.get(0).get("date")).isEqualTo("2021-03-01");
        assertThat(rows.get(0).get("note")).isEqualTo("<script>alert(1)</script>");
        assertThat(rows.get(1).get("name")).isEqualTo("'@SUM(A1:A2)");
        assertThat(rows.get(1).get("amount")).isEqualTo("-840");
        assertThat(rows.get(1).get("date")).isEmpty();
        assertThat(rows.get(1).get("note")).isEqualTo("'+46 13 20 60 00");
        assertThat(rows.get(2).get("name")).isEqualTo("Områdesteam Skäggetorp, Berga");
        assertThat(rows.get(2).get("amount")).isEqualTo("2 520,5");
        assertThat(rows.get(2).get("note")).isEqualTo("rad 1\r\nrad \"2\"");
        assertThat(csv).startsWith("name,amount,date,note\r\n");
    }
}
