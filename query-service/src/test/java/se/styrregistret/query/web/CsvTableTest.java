package se.styrregistret.query.web;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Stored text reaches a spreadsheet as plain text: quoted where needed, never run as a formula; Swedish Excel reads it. */
class CsvTableTest {

    static final CSVFormat SWEDISH = CSVFormat.RFC4180.builder().setDelimiter(';').setHeader().setSkipHeaderRecord(true).get();

    @Test
    void text_that_looks_like_a_formula_is_defused_and_markup_stays_literal_text() throws IOException {
        String csv = new CsvTable("namn", "belopp", "datum", "anteckning")
                .row(Stream.of("=HYPERLINK(\"http://x\";\"klicka\")", -840_000L, LocalDate.of(2021, 3, 1), "<script>alert(1)</script>"))
                .row(Stream.of("@SUM(A1:A2)", "-840", null, "+46 13 20 60 00"))
                .row(Stream.of("Områdesteam Skäggetorp; Berga", "2 520,5", null, "rad 1\r\nrad \"2\""))
                .toString();

        assertThat(csv).startsWith(CsvTable.BOM + "namn;belopp;datum;anteckning\r\n");
        List<CSVRecord> rows = SWEDISH.parse(new StringReader(csv.substring(1))).getRecords();
        assertThat(rows.get(0).get("namn")).isEqualTo("'=HYPERLINK(\"http://x\";\"klicka\")");
        assertThat(rows.get(0).get("belopp")).isEqualTo("-840000");
        assertThat(rows.get(0).get("datum")).isEqualTo("2021-03-01");
        assertThat(rows.get(0).get("anteckning")).isEqualTo("<script>alert(1)</script>");
        assertThat(rows.get(1).get("namn")).isEqualTo("'@SUM(A1:A2)");
        assertThat(rows.get(1).get("belopp")).isEqualTo("-840");
        assertThat(rows.get(1).get("datum")).isEmpty();
        assertThat(rows.get(1).get("anteckning")).isEqualTo("'+46 13 20 60 00");
        assertThat(rows.get(2).get("namn")).isEqualTo("Områdesteam Skäggetorp; Berga");
        assertThat(rows.get(2).get("belopp")).isEqualTo("2 520,5");
        assertThat(rows.get(2).get("anteckning")).isEqualTo("rad 1\r\nrad \"2\"");
    }

    @Test
    void decimals_get_a_decimal_comma_and_the_bytes_start_with_the_utf8_byte_order_mark() {
        byte[] bytes = new CsvTable("belopp (tkr)").row(Stream.of(new BigDecimal("2520.5"))).row(Stream.of(-1.25d)).bytes();

        assertThat(bytes[0]).isEqualTo((byte) 0xEF);
        assertThat(bytes[1]).isEqualTo((byte) 0xBB);
        assertThat(bytes[2]).isEqualTo((byte) 0xBF);
        assertThat(new String(bytes, StandardCharsets.UTF_8)).endsWith("belopp (tkr)\r\n2520,5\r\n-1,25\r\n");
    }
}
