package se.styrregistret.query.web;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The CSV exports: RFC 4180 (comma, CRLF, quotes where needed) with a header row. Stored text is
 * written as plain text; a text cell that starts like a spreadsheet formula (= + - @, tab, CR) gets
 * a leading apostrophe so Excel or LibreOffice shows it instead of running it. Numbers and dates are
 * written as they are (a negative amount stays a number).
 */
public final class CsvTable {

    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setRecordSeparator("\r\n").get();

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

    @Override
    public String toString() {
        return out.toString();
    }

    /** What one cell holds: empty for null, text defused as a formula, anything else as is. */
    static Object cell(Object value) {
        if (value == null) return "";
        if (value instanceof CharSequence || value instanceof Enum<?>) {
            String text = value.toString();
            if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0 && !NUMBER.matcher(text).matches()) return "'" + text;
            return text;
        }
        return value.toString();
    }
}
