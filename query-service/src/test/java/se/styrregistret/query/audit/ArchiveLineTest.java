package se.styrregistret.query.audit;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** One line of an archive's events file gives back the event byte for byte, or is refused. */
class ArchiveLineTest {

    static final String AWKWARD = "{\"name\":\"Lednings- och samordningsgrupp \\\"LSG\\\" – Skäggetorp\",\"note\":\"rad 1\\nrad 2\\u2028 \\\\ 😀\","
            + "\"amountSek\":2520000,\"parts\":[{\"a\":null},{\"b\":true}],\"date\":\"2020-01-20\"}";

    static LoggedEvent event(String payload) {
        return new LoggedEvent(42, "9f1c-event", "GovernanceBody", "lsg", 3L, "se.styrregistret.kernel.governance.GovernanceBodyAmended",
                "1", Instant.parse("2026-12-02T06:30:00.123456Z"), payload.getBytes(StandardCharsets.UTF_8),
                "{\"correlationId\":\"c-1\",\"recordedBy\":\"registrar\"}".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void a_line_gives_back_the_payload_and_metadata_byte_for_byte_and_the_same_leaf() {
        LoggedEvent original = event(AWKWARD);

        Archive.Event read = Archive.parseLine(Archive.line(original), 1);

        assertThat(read.payload()).isEqualTo(original.payload());
        assertThat(read.metaData()).isEqualTo(original.metaData());
        assertThat(read.logged().leafHash()).isEqualTo(original.leafHash());
        assertThat(read.timestamp()).isEqualTo(original.timestamp());
        assertThat(read.sequenceNumber()).isEqualTo(3L);
        assertThat(read.payloadRevision()).isEqualTo("1");
    }

    @Test
    void a_line_whose_event_was_edited_no_longer_gives_its_leaf_hash() {
        String line = Archive.line(event(AWKWARD)).replace("2520000", "2520001");

        assertThatThrownBy(() -> Archive.parseLine(line, 7)).isInstanceOf(Archive.Damaged.class)
                .hasMessageContaining("line 7").hasMessageContaining("leaf hash");
    }

    @Test
    void a_cut_line_is_refused_as_invalid_json() {
        String line = Archive.line(event(AWKWARD));

        assertThatThrownBy(() -> Archive.parseLine(line.substring(0, line.length() / 2), 3)).isInstanceOf(Archive.Damaged.class)
                .hasMessageContaining("line 3");
    }

    @Test
    void a_payload_that_is_not_json_is_not_exported_in_a_form_that_would_not_come_back() {
        assertThatThrownBy(() -> Archive.line(event("{\"a\":1} trailing"))).hasMessageContaining("not single-line JSON");
    }
}
