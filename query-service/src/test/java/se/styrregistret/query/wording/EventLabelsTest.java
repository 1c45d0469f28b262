package se.styrregistret.query.wording;

import org.junit.jupiter.api.Test;
import se.styrregistret.kernel.schema.EventTypes;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every event type the kernel lists reads in Swedish: a label of its own, a kind, and for every stored shape of
 * it (the kernel's golden samples) a specific summary and labelled changes that name things by name, never by
 * id or class name. A type added to {@link EventTypes} without wording fails here.
 */
class EventLabelsTest {

    static final Path SAMPLES = Path.of("..", "shared-kernel", "src", "test", "resources", "events");
    static final Pattern CAMEL_CASE = Pattern.compile("\\b[A-Z][a-z]+[A-Z][A-Za-z]*\\b");
    static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void every_listed_event_type_has_a_swedish_label_of_its_own_and_a_kind() {
        for (Class<? extends Record> type : EventTypes.all()) {
            String code = type.getSimpleName();
            assertThat(EventLabels.known(code)).as(code + " has no Swedish label in EventLabels").isTrue();
            EventLabels.EventType t = EventLabels.of(code);
            assertThat(t.label()).as(code).isNotBlank().isNotEqualTo(code).doesNotContain(code);
            assertThat(CAMEL_CASE.matcher(t.label()).find()).as(code + ": " + t.label()).isFalse();
            assertThat(EventLabels.KINDS).as(code).containsKey(t.kind());
            assertThat(t.kindLabel()).isEqualTo(EventLabels.KINDS.get(t.kind()));
        }
        assertThat(EventLabels.all()).hasSize(EventTypes.all().size());
        assertThat(EventLabels.all()).extracting(EventLabels.EventType::label).doesNotHaveDuplicates();
    }

    @Test
    void a_person_may_filter_by_code_or_by_swedish_label_whole_or_in_part() {
        assertThat(EventLabels.matching("BudgetAllocated")).containsExactly("BudgetAllocated");
        assertThat(EventLabels.matching("budgetallocated")).containsExactly("BudgetAllocated");
        assertThat(EventLabels.matching("Inrättat")).contains("GovernanceBodyEstablished", "AreaTeamEstablished");
        assertThat(EventLabels.matching("organ inrättat")).containsExactly("GovernanceBodyEstablished");
        assertThat(EventLabels.matching("Budget fördelad")).containsExactly("BudgetAllocated");
        assertThat(EventLabels.matching("ingen sådan")).isEmpty();
        assertThat(EventLabels.ofKind("money")).contains("BudgetAllocated", "GrantRegistered", "FinancingReferred");
        assertThat(EventLabels.ofKind("Pengar")).isEqualTo(EventLabels.ofKind("money"));
        assertThat(EventLabels.ofKind("agreements")).containsExactly("AgreementRecorded");
        assertThat(EventLabels.ofKind("nonsense")).isEmpty();
    }

    @Test
    void every_stored_shape_of_every_event_type_gets_a_specific_summary_naming_things_by_name() throws IOException {
        for (Class<? extends Record> type : EventTypes.all()) {
            String code = type.getSimpleName();
            Path dir = SAMPLES.resolve(code);
            assertThat(dir).as("golden samples of " + code).isDirectory();
            List<Path> samples;
            try (Stream<Path> files = Files.list(dir)) {
                samples = files.filter(f -> f.toString().endsWith(".json")).sorted().toList();
            }
            assertThat(samples).as(code).isNotEmpty();
            for (Path sample : samples) {
                JsonNode payload = JSON.readTree(Files.readString(sample));
                Map<String, String> names = new HashMap<>();
                List<String> ids = new ArrayList<>();
                collectIds(payload, null, ids);
                for (String id : ids) names.put(id, "Namn för " + id.hashCode());
                EventWording.Names lookup = new KnownNames(names, payload);
                EventWording.Worded w = EventWording.word(code, payload, lookup);
                String what = code + " " + sample.getFileName() + ": " + w.summary();
                if (System.getProperty("wording.print") != null) System.out.println(what + " | " + w.changes());
                assertThat(w.summary()).as(what).isNotBlank()
                        .doesNotStartWith("Händelse")
                        .doesNotContain(code)
                        .doesNotContain("okänt organ", "okänd plan", "okänd åtgärd", "okänd hänvisning");
                assertThat(CAMEL_CASE.matcher(w.summary()).find()).as(what).isFalse();
                for (String id : ids) assertThat(w.summary()).as(what + " names no id").doesNotContain(id);
                assertThat(w.changes()).as(what + " says what changed").isNotEmpty();
                for (EventWording.Change c : w.changes()) {
                    assertThat(c.label()).as(what).isNotBlank().doesNotContain(c.field().length() > 3 && !c.field().equals(c.field().toLowerCase())
                            ? c.field() : "§§");
                    for (String id : ids) {
                        if (c.before() != null) assertThat(c.before()).as(what + " " + c.label()).doesNotContain(id);
                        if (c.after() != null) assertThat(c.after()).as(what + " " + c.label()).doesNotContain(id);
                    }
                    assertThat(String.valueOf(c.before()) + c.after()).as(what).doesNotContain("ACTIVE", "REPLACED", "DISSOLVED", "PLANNED", "STARTED");
                }
            }
        }
    }

    @Test
    void body_statuses_and_ids_in_changes_read_in_swedish_and_by_name() {
        EventWording.Names names = id -> Map.of("styrgrupp", "Styrgrupp för segregation", "lop-gruppen", "LOP-gruppen").get(id);
        assertThat(EventWording.value("status", "REPLACED", names)).isEqualTo("ersatt");
        assertThat(EventWording.value("status", "ACTIVE", names)).isEqualTo("aktivt");
        assertThat(EventWording.value("reportsTo", "styrgrupp", names)).isEqualTo("Styrgrupp för segregation");
        assertThat(EventWording.value("predecessors", "lop-gruppen, styrgrupp", names)).isEqualTo("LOP-gruppen, Styrgrupp för segregation");
        assertThat(EventWording.value("predecessors", "okand", names)).isEqualTo("okänt organ");
        assertThat(EventWording.fieldLabel("reportsTo")).isEqualTo("Rapporterar till");
        assertThat(EventWording.fieldLabel("predecessors")).isEqualTo("Föregångare");
    }

    /** Ids the payload names: components named id, …Id, …Ids, and the ids inside lists like successors. */
    static void collectIds(JsonNode node, String name, List<String> ids) {
        if (node == null) return;
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> e : node.properties()) collectIds(e.getValue(), e.getKey(), ids);
        } else if (node.isArray()) {
            boolean idList = name != null && (name.endsWith("Ids") || name.equals("successors") || name.equals("predecessors"));
            for (JsonNode item : node) {
                if (idList && item.isString()) ids.add(item.asString());
                else collectIds(item, name, ids);
            }
        } else if (node.isString() && name != null && (name.endsWith("Id") || name.equals("reportsTo") || name.equals("previous"))
                && !name.equals("actionId")) {
            ids.add(node.asString());
        }
    }

    /** Names for every id the sample names; plan, action and referral names from the ids themselves. */
    record KnownNames(Map<String, String> names, JsonNode payload) implements EventWording.Names {
        @Override
        public String body(String id) {
            return names.get(id);
        }

        @Override
        public String plan(String id) {
            return names.get(id);
        }

        @Override
        public String action(String planId, String actionId) {
            return "Åtgärd " + actionId;
        }

        @Override
        public String referral(String id) {
            return names.get(id);
        }
    }
}
