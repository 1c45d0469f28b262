package se.styrregistret.kernel.schema;

import com.fasterxml.jackson.databind.JsonNode;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import se.styrregistret.kernel.schema.GoldenSamples.Sample;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static se.styrregistret.kernel.schema.GoldenSamples.PRODUCTION;
import static se.styrregistret.kernel.schema.GoldenSamples.STRICT;
import static se.styrregistret.kernel.schema.GoldenSamples.STRICT_JSON;
import static se.styrregistret.kernel.schema.GoldenSamples.currentRevision;

/**
 * Every event that was ever stored must still be read by the current code: each committed sample, of
 * every type and revision, goes through the upcaster chain and the (strict) deserializer; a sample of
 * the current revision must also be written back to the very same JSON. A change to an event's shape
 * without a new revision, an upcaster and a new sample fails here (see CONTRIBUTING.md).
 */
class GoldenSamplesTest {

    @Test
    void given_the_listed_event_types_then_each_carries_a_revision_that_the_serializer_writes() {
        List<String> problems = new ArrayList<>();
        for (Class<? extends Record> type : EventTypes.all()) {
            String annotated = GoldenSamples.revisionAnnotation(type).orElse(null);
            if (annotated == null) {
                problems.add(type.getName() + " has no @Revision: every event type carries one, starting at \"1\"");
            } else if (!annotated.equals(currentRevision(type))) {
                problems.add(type.getName() + " is @Revision(\"" + annotated + "\") but is written as revision " + currentRevision(type));
            }
        }
        assertThat(problems).as("event types without a usable revision").isEmpty();
    }

    @Test
    void given_the_listed_event_types_then_each_has_a_golden_sample_of_its_current_revision() {
        List<String> missing = new ArrayList<>();
        for (Class<? extends Record> type : EventTypes.all()) {
            Path file = GoldenSamples.fileOf(type, currentRevision(type));
            if (file.toFile().isFile()) continue;
            if (GoldenSamples.WRITE) {
                Path written = GoldenSamples.writeSkeleton(type);
                missing.add("wrote " + written + " with placeholder values: put a realistic event in it, then commit it");
            } else {
                missing.add(file + " is missing: create it with the event's JSON exactly as the serializer stores it"
                        + " (run this test with -Dgolden.write=true to get a skeleton; it never overwrites a sample)");
            }
        }
        assertThat(missing).as("golden samples of the current revisions").isEmpty();
    }

    @Test
    void given_the_sample_directories_then_each_belongs_to_a_listed_event_type() {
        List<String> listed = EventTypes.all().stream().map(Class::getSimpleName).toList();
        assertThat(GoldenSamples.directories())
                .as("an event type with stored samples is never removed from EventTypes (logs hold it for good)")
                .isSubsetOf(listed);
    }

    @TestFactory
    Stream<DynamicTest> given_a_sample_of_the_current_revision_when_read_and_written_again_then_the_json_is_the_same() {
        return EventTypes.all().stream()
                .flatMap(type -> GoldenSamples.of(type).stream())
                .filter(sample -> Objects.equals(sample.revision(), currentRevision(sample.type())))
                .map(sample -> DynamicTest.dynamicTest(sample.toString(), () -> {
                    Object event = readWithTheCurrentCode(sample);
                    SerializedObject<byte[]> written = PRODUCTION.serialize(event, byte[].class);
                    assertThat(written.getType().getRevision()).isEqualTo(sample.revision());
                    assertThat(tree(written.getData()))
                            .as("%s written again by the current code (a field renamed, removed, added or retyped "
                                    + "without a new revision and an upcaster?)", sample)
                            .isEqualTo(sample.json());
                }));
    }

    @TestFactory
    Stream<DynamicTest> given_a_sample_of_an_older_revision_when_read_through_the_upcasters_then_it_is_the_same_event_as_the_current_sample() {
        return EventTypes.all().stream()
                .flatMap(type -> GoldenSamples.of(type).stream())
                .filter(sample -> !Objects.equals(sample.revision(), currentRevision(sample.type())))
                .map(sample -> DynamicTest.dynamicTest(sample.toString(), () -> {
                    Sample current = GoldenSamples.of(sample.type()).stream()
                            .filter(s -> Objects.equals(s.revision(), currentRevision(s.type())))
                            .findFirst().orElseThrow(() -> new AssertionError("no sample of the current revision of " + sample.type()));
                    assertThat(readWithTheCurrentCode(sample))
                            .as("%s read through the upcasters, compared with %s", sample, current)
                            .isEqualTo(readWithTheCurrentCode(current));
                }));
    }

    @TestFactory
    Stream<DynamicTest> given_a_sample_of_the_current_revision_when_upcast_then_no_upcaster_touches_it() {
        return EventTypes.all().stream()
                .flatMap(type -> GoldenSamples.of(type).stream())
                .filter(sample -> Objects.equals(sample.revision(), currentRevision(sample.type())))
                .map(sample -> DynamicTest.dynamicTest(sample.toString(), () -> {
                    IntermediateEventRepresentation read = upcast(sample);
                    assertThat(read.getType()).isEqualTo(sample.stored().getType());
                    assertThat(read.getData(byte[].class).getData()).isEqualTo(sample.bytes());
                    assertThat(read.getMetaData().getObject()).doesNotContainKey(StoredForm.METADATA_KEY);
                }));
    }

    /**
     * The sample as the event store would hand it to a handler: through the upcaster chain, which must
     * bring it to the current revision, then deserialized strictly.
     */
    static Object readWithTheCurrentCode(Sample sample) {
        IntermediateEventRepresentation read = upcast(sample);
        String current = currentRevision(sample.type());
        if (!Objects.equals(read.getType().getRevision(), current)) {
            fail("%s: the upcasters take revision %s of %s to revision %s, not to the current %s: add the missing upcaster "
                    + "to EventSchema", sample, sample.revision(), sample.type().getSimpleName(), read.getType().getRevision(), current);
        }
        try {
            Object event = STRICT.deserialize(read.getData());
            assertThat(event).as(sample.toString()).isInstanceOf(sample.type());
            return event;
        } catch (RuntimeException e) {
            throw new AssertionError(sample + " (revision " + sample.revision() + ") cannot be read as the current "
                    + sample.type().getSimpleName() + " (revision " + current + "): " + rootMessage(e), e);
        }
    }

    static IntermediateEventRepresentation upcast(Sample sample) {
        List<IntermediateEventRepresentation> read = EventSchema.upcasters().upcast(Stream.of(sample.stored())).toList();
        assertThat(read).as("%s upcast", sample).hasSize(1);
        return read.get(0);
    }

    private static JsonNode tree(byte[] json) {
        try {
            return STRICT_JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) root = root.getCause();
        return root.getMessage();
    }
}
