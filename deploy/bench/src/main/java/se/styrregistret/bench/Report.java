package se.styrregistret.bench;

import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The run's findings, kept twice: as data (JSON) and as prose with tables (Markdown). */
final class Report {

    private final Map<String, Object> data = new LinkedHashMap<>();
    private final StringBuilder markdown = new StringBuilder();
    private final List<String> failures = new java.util.ArrayList<>();

    void put(String key, Object value) {
        data.put(key, value);
    }

    Map<String, Object> data() {
        return data;
    }

    Report heading(String text) {
        markdown.append("\n## ").append(text).append("\n\n");
        return this;
    }

    Report line(String text) {
        markdown.append(text).append('\n');
        return this;
    }

    Report table(List<String> header, List<List<Object>> rows) {
        markdown.append("| ").append(String.join(" | ", header)).append(" |\n");
        markdown.append("|").append("---|".repeat(header.size())).append('\n');
        for (List<Object> row : rows) {
            markdown.append("| ").append(String.join(" | ", row.stream().map(Report::cell).toList())).append(" |\n");
        }
        markdown.append('\n');
        return this;
    }

    /** A correctness check: recorded in both forms; a failed one fails the run. */
    boolean check(String what, boolean passed, String detail) {
        markdown.append("- ").append(passed ? "PASS" : "FAIL").append(": ").append(what)
                .append(detail == null || detail.isEmpty() ? "" : " (" + detail + ")").append('\n');
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> checks = (List<Map<String, Object>>) data.computeIfAbsent("checks", k -> new java.util.ArrayList<>());
        Map<String, Object> check = new LinkedHashMap<>();
        check.put("check", what);
        check.put("passed", passed);
        check.put("detail", detail);
        checks.add(check);
        if (!passed) failures.add(what + (detail == null ? "" : ": " + detail));
        return passed;
    }

    List<String> failures() {
        return failures;
    }

    void write(Path dir, String title) {
        try {
            Files.createDirectories(dir);
            Files.writeString(dir.resolve("report.md"), "# " + title + "\n" + markdown);
            Files.writeString(dir.resolve("report.json"), JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build()
                    .writeValueAsString(data) + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the report to " + dir, e);
        }
    }

    static String cell(Object value) {
        if (value instanceof Double d) return Double.isNaN(d) ? "–" : String.format(Locale.ROOT, d >= 100 ? "%.0f" : "%.2f", d);
        return String.valueOf(value);
    }

    static String mib(long bytes) {
        return bytes < 0 ? "unknown" : String.format(Locale.ROOT, "%.0f MiB", bytes / 1048576.0);
    }
}
