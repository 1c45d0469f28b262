package se.styrregistret.kernel.schema;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.serialization.Revision;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.serialization.upcasting.event.InitialEventRepresentation;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import se.styrregistret.kernel.common.EventSerialization;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The committed golden samples: {@code src/test/resources/events/<SimpleName>/<revision>.json}, each an
 * event's payload exactly as the log stores it ({@code null.json}: stored before events carried a
 * revision), all samples of one type describing the same event. Never edited or deleted once committed.
 */
final class GoldenSamples {

    static final Path DIRECTORY = Path.of("src", "test", "resources", "events");

    /** {@code -Dgolden.write=true}: write a sample that is missing (never one that exists) for a new type or revision. */
    static final boolean WRITE = Boolean.getBoolean("golden.write");

    /** What the services write and read with: lenient, as production must be. */
    static final Serializer PRODUCTION = EventSerialization.serializer();

    /**
     * The same JSON form read strictly, so that a renamed, removed, added or retyped field cannot pass
     * silently: a field the class does not know fails, a field the class has but the JSON lacks fails, a
     * null for a primitive fails.
     */
    static final ObjectMapper STRICT_JSON = EventSerialization.objectMapper()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    static final Serializer STRICT = JacksonSerializer.builder().objectMapper(STRICT_JSON).build();

    private GoldenSamples() {
    }

    /** One sample file: the type it belongs to, the revision it was stored with (null for {@code null.json}). */
    record Sample(Class<? extends Record> type, String revision, Path file) {

        byte[] bytes() {
            try {
                return Files.readAllBytes(file);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        JsonNode json() {
            try {
                return STRICT_JSON.readTree(bytes());
            } catch (IOException e) {
                throw new UncheckedIOException(file + " is not JSON", e);
            }
        }

        /** The sample as the event store hands it to the upcasters: stored type, revision and bytes. */
        IntermediateEventRepresentation stored() {
            return new InitialEventRepresentation(new GenericDomainEventEntry<>("Aggregat", "aggregat-1", 0,
                    "golden-" + type.getSimpleName() + "-" + revision, Instant.parse("2020-01-20T09:00:00Z"),
                    type.getName(), revision, bytes(), "{\"recordedBy\":\"registrator\"}".getBytes(StandardCharsets.UTF_8)),
                    PRODUCTION);
        }

        @Override
        public String toString() {
            return DIRECTORY.relativize(file).toString();
        }
    }

    /** The revision the current code writes for {@code type}, as the production serializer states it. */
    static String currentRevision(Class<?> type) {
        return PRODUCTION.typeForClass(type).getRevision();
    }

    static Path fileOf(Class<?> type, String revision) {
        return DIRECTORY.resolve(type.getSimpleName()).resolve(revision + ".json");
    }

    /** Every committed sample of {@code type}, oldest first ({@code null.json} before "1", "1" before "2", ...). */
    static List<Sample> of(Class<? extends Record> type) {
        Path directory = DIRECTORY.resolve(type.getSimpleName());
        if (!Files.isDirectory(directory)) return List.of();
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".json"))
                    .map(f -> {
                        String name = f.getFileName().toString();
                        String revision = name.substring(0, name.length() - ".json".length());
                        return new Sample(type, revision.equals("null") ? null : revision, f);
                    })
                    .sorted((a, b) -> a.revision() == null ? -1 : b.revision() == null ? 1 : revisionOrder(a.revision(), b.revision()))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int revisionOrder(String a, String b) {
        try {
            return Integer.compare(Integer.parseInt(a), Integer.parseInt(b));
        } catch (NumberFormatException e) {
            return a.compareTo(b);
        }
    }

    /** The committed sample of {@code type} stored with {@code revision} (null: before revisions). */
    static Sample sample(Class<? extends Record> type, String revision) {
        return of(type).stream().filter(s -> Objects.equals(s.revision(), revision)).findFirst()
                .orElseThrow(() -> new AssertionError("no sample " + fileOf(type, revision)));
    }

    /** The names of the sample directories: one per event type that was ever stored. */
    static List<String> directories() {
        try (Stream<Path> entries = Files.list(DIRECTORY)) {
            return entries.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Optional<String> revisionAnnotation(Class<?> type) {
        return Optional.ofNullable(type.getAnnotation(Revision.class)).map(Revision::value);
    }

    /**
     * Writes a sample for a type's current revision with placeholder values, to be replaced by a
     * realistic event before it is committed. Refuses to write over a file: samples are never changed.
     */
    static Path writeSkeleton(Class<? extends Record> type) {
        Path file = fileOf(type, currentRevision(type));
        try {
            SerializedObject<byte[]> stored = PRODUCTION.serialize(example(type), byte[].class);
            String pretty = STRICT_JSON.writerWithDefaultPrettyPrinter().writeValueAsString(STRICT_JSON.readTree(stored.getData()));
            Files.createDirectories(file.getParent());
            Files.writeString(file, pretty + "\n", StandardOpenOption.CREATE_NEW);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("could not write " + file, e);
        }
    }

    /** A value of {@code type} with placeholders, built from record components down to plain values. */
    static Object example(Type type) {
        Class<?> raw = type instanceof ParameterizedType p ? (Class<?>) p.getRawType() : (Class<?>) type;
        if (raw == String.class) return "exempel";
        if (raw == Integer.class || raw == int.class) return 2020;
        if (raw == Long.class || raw == long.class) return 100_000L;
        if (raw == Boolean.class || raw == boolean.class) return Boolean.TRUE;
        if (raw == BigDecimal.class) return new BigDecimal("100000.00");
        if (raw == LocalDate.class) return LocalDate.of(2020, 1, 20);
        if (raw == Instant.class) return Instant.parse("2020-01-20T09:00:00Z");
        if (raw.isEnum()) return raw.getEnumConstants()[0];
        if (raw == List.class) return List.of(example(argument(type, 0)));
        if (raw == Set.class) return Set.of(example(argument(type, 0)));
        if (raw == Map.class) return Map.of(example(argument(type, 0)), example(argument(type, 1)));
        if (raw.isRecord()) {
            RecordComponent[] components = raw.getRecordComponents();
            List<Object> values = new ArrayList<>();
            Class<?>[] types = new Class<?>[components.length];
            for (int i = 0; i < components.length; i++) {
                values.add(example(components[i].getGenericType()));
                types[i] = components[i].getType();
            }
            try {
                Constructor<?> canonical = raw.getDeclaredConstructor(types);
                canonical.setAccessible(true);
                return canonical.newInstance(values.toArray());
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("no example of " + raw.getName() + ": write its sample by hand", e);
            }
        }
        throw new IllegalStateException("no example of " + type.getTypeName() + ": write the sample by hand");
    }

    private static Type argument(Type type, int index) {
        if (type instanceof ParameterizedType p) return p.getActualTypeArguments()[index];
        throw new IllegalStateException("no example of a raw " + type.getTypeName() + ": write the sample by hand");
    }
}
