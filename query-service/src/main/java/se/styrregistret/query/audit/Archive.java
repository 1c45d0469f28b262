package se.styrregistret.query.audit;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import se.styrregistret.kernel.common.EventSerialization;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * The register's archive: the whole log in a form an archive keeps for decades and a new register
 * can be restored from. A ZIP file holding
 * <ul>
 *   <li>{@value #EVENTS}: one event per line in revision order, each as stored (identifier, aggregate,
 *       sequence, timestamp, payload type and schema revision, the payload and metadata JSON byte for
 *       byte) with its leaf hash in the audit log's Merkle tree;</li>
 *   <li>{@value #MANIFEST}: counts, first and last revision and date, software version, the schema
 *       revisions present, the Merkle root over all events and the checksum of the events file;</li>
 *   <li>{@value #CHECKPOINT}: the latest signed checkpoint of the audit log it covers (when there is one);</li>
 *   <li>{@value #SUMMARY}: the same in words, in Swedish, for a person;</li>
 *   <li>{@value #CHECKSUMS}: SHA-256 of every other file, in {@code sha256sum} format.</li>
 * </ul>
 * {@link #verify(Path)} checks all of it before anything is restored.
 */
public final class Archive {

    public static final String FORMAT = "styrregistret-archive";
    public static final int FORMAT_VERSION = 1;
    static final String EVENTS = "events.jsonl";
    static final String MANIFEST = "manifest.json";
    static final String CHECKPOINT = "checkpoint.txt";
    static final String SUMMARY = "sammanfattning.txt";
    static final String CHECKSUMS = "SHA256SUMS";

    /** The manifest's form (the log's own Jackson, indented); the archive's checksums cover its bytes. */
    private static final ObjectMapper JSON = EventSerialization.objectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final JsonFactory LINES = new JsonFactory();
    private static final HexFormat HEX = HexFormat.of();

    private Archive() {
    }

    /** The manifest as the archive holds it. */
    static byte[] manifestBytes(Manifest manifest) throws IOException {
        return JSON.writeValueAsBytes(manifest);
    }

    public record Manifest(String format, int formatVersion, String createdAt, String software, long events,
                           Long firstRevision, Long lastRevision, String firstRecordedAt, String lastRecordedAt,
                           List<SchemaCount> eventTypes, Merkle merkle, Checkpoint checkpoint, FileEntry eventsFile) {
    }

    /** How many events of one type and schema revision the archive holds. */
    public record SchemaCount(String type, String revision, long count) {
    }

    public record Merkle(String algorithm, long treeSize, String rootHash) {
    }

    /**
     * The audit log's latest signed checkpoint within the archive; {@code matches}: its signature holds
     * and its root is the root of the archive's first {@code treeSize} events.
     */
    public record Checkpoint(long treeSize, String rootHash, String signedAt, String keyId, String publicKey,
                             String note, String signature, boolean matches) {
    }

    public record FileEntry(String name, long bytes, long lines, String sha256) {
    }

    /** One event of an archive, as it was stored: what a restore writes back. */
    public record Event(long revision, String identifier, String aggregateType, String aggregateId, Long sequenceNumber,
                        Instant timestamp, String payloadType, String payloadRevision, byte[] payload, byte[] metaData) {

        LoggedEvent logged() {
            return new LoggedEvent(revision, identifier, aggregateType, aggregateId, sequenceNumber, payloadType,
                    payloadRevision, timestamp, payload, metaData);
        }
    }

    /** The archive cannot be restored: damaged, truncated, inconsistent, or not an archive. Says what. */
    public static final class Damaged extends RuntimeException {
        Damaged(String message) {
            super(message);
        }

        Damaged(String message, Throwable cause) {
            super(message, cause);
        }
    }

    // ---------- writing ----------

    /** One line of {@value #EVENTS} (without its line break). The payload and metadata go in as they are. */
    static String line(LoggedEvent event) {
        StringWriter out = new StringWriter(event.payload().length + event.metaData().length + 400);
        try (JsonGenerator g = LINES.createGenerator(out)) {
            g.writeStartObject();
            g.writeNumberField("revision", event.revision());
            g.writeStringField("identifier", event.identifier());
            g.writeStringField("aggregateType", event.aggregateType());
            g.writeStringField("aggregateId", event.aggregateId());
            if (event.sequenceNumber() == null) g.writeNullField("sequenceNumber");
            else g.writeNumberField("sequenceNumber", event.sequenceNumber());
            g.writeStringField("timestamp", event.timestamp().toString());
            g.writeStringField("payloadType", event.payloadType());
            g.writeStringField("payloadRevision", event.payloadRevision());
            g.writeFieldName("payload");
            g.writeRawValue(jsonText(event.payload(), event, "payload"));
            g.writeFieldName("metaData");
            g.writeRawValue(jsonText(event.metaData(), event, "metadata"));
            g.writeStringField("leafHash", HEX.formatHex(event.leafHash()));
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** The bytes as text, when they are UTF-8 JSON on one line (the only form the log's serializer writes). */
    private static String jsonText(byte[] bytes, LoggedEvent event, String what) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new IllegalStateException("the " + what + " of revision " + event.revision() + " is not UTF-8", e);
        }
        if (text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0 || !isOneJsonValue(text)) {
            throw new IllegalStateException("the " + what + " of revision " + event.revision() + " is not single-line JSON");
        }
        return text;
    }

    private static boolean isOneJsonValue(String text) {
        try (JsonParser p = LINES.createParser(text)) {
            if (p.nextToken() == null) return false;
            p.skipChildren();
            return p.nextToken() == null;
        } catch (IOException e) {
            return false;
        }
    }

    // ---------- reading ----------

    /** Parses one line of {@value #EVENTS}; the payload and metadata are cut out of the line byte for byte. */
    static Event parseLine(String line, long lineNumber) {
        Map<String, Object> fields = new LinkedHashMap<>();
        try (JsonParser p = LINES.createParser(line)) {
            if (p.nextToken() != JsonToken.START_OBJECT) throw new Damaged(EVENTS + " line " + lineNumber + " is not a JSON object");
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken value = p.nextToken();
                if (name.equals("payload") || name.equals("metaData")) {
                    int from = (int) p.currentTokenLocation().getCharOffset();
                    p.skipChildren();
                    int to = (int) p.currentLocation().getCharOffset();
                    fields.put(name, line.substring(from, to).getBytes(StandardCharsets.UTF_8));
                } else if (value == JsonToken.VALUE_NULL) {
                    fields.put(name, null);
                } else if (value == JsonToken.VALUE_NUMBER_INT) {
                    fields.put(name, p.getLongValue());
                } else if (value == JsonToken.VALUE_STRING) {
                    fields.put(name, p.getText());
                } else {
                    throw new Damaged(EVENTS + " line " + lineNumber + ": field " + name + " has an unexpected value");
                }
            }
            if (p.currentToken() != JsonToken.END_OBJECT || p.nextToken() != null) {
                throw new Damaged(EVENTS + " line " + lineNumber + " is not one JSON object");
            }
        } catch (IOException e) {
            throw new Damaged(EVENTS + " line " + lineNumber + " is not valid JSON: " + e.getMessage(), e);
        }
        try {
            Event event = new Event(required(fields, "revision", Long.class, lineNumber), required(fields, "identifier", String.class, lineNumber),
                    (String) fields.get("aggregateType"), (String) fields.get("aggregateId"), (Long) fields.get("sequenceNumber"),
                    Instant.parse(required(fields, "timestamp", String.class, lineNumber)),
                    required(fields, "payloadType", String.class, lineNumber), (String) fields.get("payloadRevision"),
                    required(fields, "payload", byte[].class, lineNumber), required(fields, "metaData", byte[].class, lineNumber));
            String leaf = required(fields, "leafHash", String.class, lineNumber);
            if (!leaf.equals(HEX.formatHex(event.logged().leafHash()))) {
                throw new Damaged(EVENTS + " line " + lineNumber + " (revision " + event.revision() + ") does not give its leaf hash: the event was changed");
            }
            return event;
        } catch (ClassCastException | DateTimeParseException e) {
            throw new Damaged(EVENTS + " line " + lineNumber + " has a field of the wrong type", e);
        }
    }

    private static <T> T required(Map<String, Object> fields, String name, Class<T> type, long lineNumber) {
        Object value = fields.get(name);
        if (value == null) throw new Damaged(EVENTS + " line " + lineNumber + " has no " + name);
        return type.cast(value);
    }

    /**
     * Reads the whole archive and checks it: every file's checksum, the manifest against the events
     * (count, first and last revision, revisions strictly rising, each event's leaf hash), the Merkle
     * root over all events, and the signed checkpoint's signature and root. Nothing is written.
     *
     * @throws Damaged naming the first thing that is wrong
     */
    public static Manifest verify(Path archive) {
        try (ZipFile zip = open(archive)) {
            Map<String, String> sums = checksums(zip);
            for (String name : List.of(MANIFEST, EVENTS, SUMMARY)) {
                if (!sums.containsKey(name)) throw new Damaged(CHECKSUMS + " has no checksum for " + name);
            }
            for (Map.Entry<String, String> sum : sums.entrySet()) {
                String actual = sha256(zip, sum.getKey());
                if (!actual.equals(sum.getValue())) throw new Damaged(sum.getKey() + " does not have the checksum " + CHECKSUMS + " gives: the file was changed or damaged");
            }
            Manifest manifest = readManifest(zip);
            if (!sums.get(EVENTS).equals(manifest.eventsFile().sha256())) throw new Damaged("the manifest's checksum of " + EVENTS + " is not the file's");
            List<byte[]> leaves = new ArrayList<>();
            long[] previous = {0};
            forEachLine(zip, (event) -> {
                if (event.revision() <= previous[0]) {
                    throw new Damaged("revision " + event.revision() + " follows revision " + previous[0] + ": the events are not in revision order");
                }
                if (leaves.isEmpty() && manifest.firstRevision() != null && event.revision() != manifest.firstRevision()) {
                    throw new Damaged("the first event has revision " + event.revision() + ", the manifest says " + manifest.firstRevision());
                }
                previous[0] = event.revision();
                leaves.add(event.logged().leafHash());
            });
            if (leaves.size() != manifest.events()) {
                throw new Damaged(EVENTS + " holds " + leaves.size() + " events, the manifest says " + manifest.events() + ": the archive is incomplete");
            }
            if (!leaves.isEmpty() && previous[0] != manifest.lastRevision()) {
                throw new Damaged("the last event has revision " + previous[0] + ", the manifest says " + manifest.lastRevision());
            }
            String root = HEX.formatHex(MerkleTree.root(leaves));
            if (manifest.merkle() == null || manifest.merkle().treeSize() != leaves.size() || !root.equals(manifest.merkle().rootHash())) {
                throw new Damaged("the events do not give the Merkle root the manifest states");
            }
            if (manifest.checkpoint() != null) checkCheckpoint(manifest.checkpoint(), leaves);
            return manifest;
        } catch (IOException e) {
            throw new Damaged("the archive cannot be read: " + e.getMessage(), e);
        }
    }

    /** The events of an archive (checked with {@link #verify} first), in revision order. */
    public static void forEachEvent(Path archive, Consumer<Event> action) {
        try (ZipFile zip = open(archive)) {
            forEachLine(zip, action);
        } catch (IOException e) {
            throw new Damaged("the archive cannot be read: " + e.getMessage(), e);
        }
    }

    private static ZipFile open(Path archive) throws IOException {
        try {
            return new ZipFile(archive.toFile(), StandardCharsets.UTF_8);
        } catch (ZipException e) {
            throw new Damaged(archive + " is not a complete ZIP archive (truncated or damaged): " + e.getMessage(), e);
        }
    }

    private static void forEachLine(ZipFile zip, Consumer<Event> action) throws IOException {
        ZipEntry entry = entry(zip, EVENTS);
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(zip.getInputStream(entry), StandardCharsets.UTF_8), 1 << 16)) {
            long number = 0;
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                number++;
                if (line.isEmpty()) continue;
                action.accept(parseLine(line, number));
            }
        } catch (ZipException e) {
            throw new Damaged(EVENTS + " cannot be unpacked (damaged): " + e.getMessage(), e);
        }
    }

    private static ZipEntry entry(ZipFile zip, String name) {
        ZipEntry entry = zip.getEntry(name);
        if (entry == null) throw new Damaged("the archive has no " + name + " (is it a Styrregistret archive?)");
        return entry;
    }

    private static Map<String, String> checksums(ZipFile zip) throws IOException {
        Map<String, String> sums = new LinkedHashMap<>();
        String text;
        try (InputStream in = zip.getInputStream(entry(zip, CHECKSUMS))) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        for (String line : text.split("\n")) {
            if (line.isBlank()) continue;
            String[] parts = line.split(" [ *]", 2);
            if (parts.length != 2 || parts[0].length() != 64) throw new Damaged(CHECKSUMS + " has a line that is not \"<sha256>  <file>\": " + line);
            sums.put(parts[1].strip(), parts[0]);
        }
        return sums;
    }

    private static String sha256(ZipFile zip, String name) throws IOException {
        MessageDigest sha = sha256();
        try (InputStream in = new DigestInputStream(zip.getInputStream(entry(zip, name)), sha)) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
        } catch (ZipException e) {
            throw new Damaged(name + " cannot be unpacked (damaged): " + e.getMessage(), e);
        }
        return HEX.formatHex(sha.digest());
    }

    private static Manifest readManifest(ZipFile zip) throws IOException {
        Manifest manifest;
        try (InputStream in = zip.getInputStream(entry(zip, MANIFEST))) {
            manifest = JSON.readValue(in, Manifest.class);
        } catch (com.fasterxml.jackson.core.JacksonException e) {
            throw new Damaged(MANIFEST + " is not a valid manifest: " + e.getOriginalMessage(), e);
        }
        if (!FORMAT.equals(manifest.format())) throw new Damaged("the archive's format is " + manifest.format() + ", not " + FORMAT);
        if (manifest.formatVersion() > FORMAT_VERSION) {
            throw new Damaged("the archive has format version " + manifest.formatVersion() + "; this software reads up to " + FORMAT_VERSION);
        }
        if (manifest.eventsFile() == null) throw new Damaged(MANIFEST + " does not describe " + EVENTS);
        return manifest;
    }

    private static void checkCheckpoint(Checkpoint checkpoint, List<byte[]> leaves) {
        if (checkpoint.treeSize() > leaves.size()) throw new Damaged("the signed checkpoint covers more events than the archive holds");
        byte[] root = MerkleTree.root(leaves, 0, (int) checkpoint.treeSize());
        if (!HEX.formatHex(root).equals(checkpoint.rootHash())) throw new Damaged("the archive's first " + checkpoint.treeSize()
                + " events do not give the root of the signed checkpoint: the log was changed after it was signed");
        String note = AuditCheckpoints.note(checkpoint.treeSize(), root, Instant.parse(checkpoint.signedAt()));
        if (!note.equals(checkpoint.note())) throw new Damaged("the signed checkpoint's note does not state its size, root and time");
        if (checkpoint.publicKey() == null) return; // signed with a key this register no longer had: the root check above stands
        try {
            PublicKey key = KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(checkpoint.publicKey())));
            if (!AuditCheckpoints.verify(key, checkpoint.note(), Base64.getDecoder().decode(checkpoint.signature()))) {
                throw new Damaged("the signed checkpoint's signature does not hold");
            }
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new Damaged("the signed checkpoint's key or signature cannot be read", e);
        }
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
