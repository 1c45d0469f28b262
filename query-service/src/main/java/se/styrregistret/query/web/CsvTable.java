package se.styrregistret.query.web;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The CSV exports as Swedish Excel opens them: semicolon separated, CRLF, quotes where needed, UTF-8 with a
 * byte-order mark (so å, ä, ö read right), a header row in Swedish. Stored text is written as plain text; a
 * text cell that starts like a spreadsheet formula (= + - @, tab, CR) gets a leading apostrophe so Excel or
 * LibreOffice shows it instead of running it. Whole numbers are written as digits, decimals with a decimal
 * comma ({@link BigDecimal}, double), dates in ISO form (a negative amount stays a number).
 */
public final class CsvTable {

    /** The byte-order mark the text starts with. */
    public static final String BOM = "\uFEFF";

    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setDelimiter(';').setRecordSeparator("\r\n").get();

    /** An amount written as text ("-840", "2 520,5"): a number, not a formula. */
    private static final Pattern NUMBER = Pattern.compile("-?\\d[\\d \u00a0]*([.,]\\d+)?");

    private final StringWriter out = new StringWriter();
    private final CSVPrinter printer;

    public CsvTable(String... header) {
        try {
            printer = new CSVPrinter(out, FORMAT);
            printer.printRecord((Object[]) header);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public CsvTable row(Stream<?> cells) {
        List<Object> values = new ArrayList<>();
        cells.forEach(cell -> values.add(cell(cell)));
        try {
            printer.printRecord(values);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /** The table, starting with the byte-order mark. */
    @Override
    public String toString() {
        return BOM + out;
    }

    /** The table as UTF-8 bytes, byte-order mark first. */
    public byte[] bytes() {
        return toString().getBytes(StandardCharsets.UTF_8);
    }

    /** What one cell holds: empty for null, text defused as a formula, anything else as is. */
    static Object cell(Object value) {
        if (value == null) return "";
        if (value instanceof CharSequence || value instanceof Enum<?>) {
            String text = value.toString();
            if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0 && !NUMBER.matcher(text).matches()) return "'" + text;
            return text;
        }
        if (value instanceof BigDecimal d) return d.toPlainString().replace('.', ',');
        if (value instanceof Double || value instanceof Float) {
            return BigDecimal.valueOf(((Number) value).doubleValue()).stripTrailingZeros().toPlainString().replace('.', ',');
        }
        return value.toString();
    }
}
