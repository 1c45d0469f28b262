package se.styrregistret.query.audit;

import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.info.BuildProperties;
import org.springframework.stereotype.Component;
import se.styrregistret.support.Revisions;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes the whole log, as it is at the moment the export starts, as an {@link Archive}: read
 * through Axon like the audit log reads it, every event as stored (its schema revision and bytes,
 * not an upcasted form), with the audit log's latest signed checkpoint the events still match.
 */
@Component
public class LogArchive {

    private static final HexFormat HEX = HexFormat.of();
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.forLanguageTag("sv"))
            .withZone(ZoneId.of("Europe/Stockholm"));

    private final EventStore log;
    private final EventStorageEngine storage;
    private final Serializer serializer;
    private final AuditCheckpoints checkpoints;
    private final String software;

    LogArchive(EventStore log, ObjectProvider<EventStorageEngine> storage, Serializer serializer, AuditCheckpoints checkpoints,
               ObjectProvider<BuildProperties> build) {
        this.log = log;
        this.storage = storage.getIfAvailable();
        this.serializer = serializer;
        this.checkpoints = checkpoints;
        BuildProperties properties = build.getIfAvailable();
        this.software = "Styrregistret " + (properties == null ? "(version unknown)" : properties.getVersion());
    }

    /** Writes the archive to a file (created or replaced); returns its manifest. */
    public Archive.Manifest writeTo(Path file) {
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
            return writeTo(out);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the archive to " + file, e);
        }
    }

    /** Writes the archive to the stream (left open); returns its manifest. */
    public Archive.Manifest writeTo(OutputStream target) throws IOException {
        Instant createdAt = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        long head = Revisions.readUpTo(log.createHeadToken()); // events appended while exporting wait for the next archive
        ZipOutputStream zip = new ZipOutputStream(target, StandardCharsets.UTF_8);
        Map<String, String> sums = new LinkedHashMap<>();

        zip.putNextEntry(new ZipEntry(Archive.EVENTS));
        MessageDigest sha = Archive.sha256();
        CountingStream counted = new CountingStream(new DigestOutputStream(new NonClosing(zip), sha));
        List<byte[]> leaves = new ArrayList<>();
        Map<String, Long> types = new TreeMap<>();
        LoggedEvent first = null;
        LoggedEvent last = null;
        if (head > 0) {
            try (LogReading.Reader events = LogReading.fromTheStart(log, storage)) {
                for (TrackedEventMessage<?> message = events.next(); message != null; message = events.next()) {
                    long revision = Revisions.ofEvent(message.trackingToken());
                    if (revision > head) break;
                    LoggedEvent event = LoggedEvent.of(message, revision, serializer);
                    counted.write((Archive.line(event) + "\n").getBytes(StandardCharsets.UTF_8));
                    leaves.add(event.leafHash());
                    types.merge(event.payloadType() + "\u0000" + (event.payloadRevision() == null ? "" : event.payloadRevision()), 1L, Long::sum);
                    if (first == null) first = event;
                    last = event;
                    if (revision == head) break;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("the export was interrupted", e);
            }
        }
        counted.flush();
        zip.closeEntry();
        String eventsSum = HEX.formatHex(sha.digest());
        sums.put(Archive.EVENTS, eventsSum);

        byte[] root = MerkleTree.root(leaves);
        Archive.Checkpoint checkpoint = checkpointWithin(leaves).orElse(null);
        List<Archive.SchemaCount> schema = types.entrySet().stream().map(e -> {
            String[] typeAndRevision = e.getKey().split("\u0000", -1);
            return new Archive.SchemaCount(typeAndRevision[0], typeAndRevision[1].isEmpty() ? null : typeAndRevision[1], e.getValue());
        }).toList();
        Archive.Manifest manifest = new Archive.Manifest(Archive.FORMAT, Archive.FORMAT_VERSION, createdAt.toString(), software,
                leaves.size(), first == null ? null : first.revision(), last == null ? null : last.revision(),
                first == null ? null : first.timestamp().toString(), last == null ? null : last.timestamp().toString(), schema,
                new Archive.Merkle("RFC 9162 SHA-256", leaves.size(), HEX.formatHex(root)), checkpoint,
                new Archive.FileEntry(Archive.EVENTS, counted.bytes, leaves.size(), eventsSum));

        put(zip, sums, Archive.MANIFEST, Archive.manifestBytes(manifest));
        if (checkpoint != null) put(zip, sums, Archive.CHECKPOINT, checkpointText(checkpoint).getBytes(StandardCharsets.UTF_8));
        put(zip, sums, Archive.SUMMARY, summary(manifest).getBytes(StandardCharsets.UTF_8));
        StringBuilder checksums = new StringBuilder();
        sums.forEach((name, sum) -> checksums.append(sum).append("  ").append(name).append('\n'));
        zip.putNextEntry(new ZipEntry(Archive.CHECKSUMS));
        zip.write(checksums.toString().getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
        zip.finish();
        zip.flush();
        return manifest;
    }

    /** The latest signed checkpoint the archive's events cover, and whether they still give its root. */
    private Optional<Archive.Checkpoint> checkpointWithin(List<byte[]> leaves) {
        List<AuditCheckpoints.Checkpoint> within = checkpoints.all().stream().filter(c -> c.treeSize() <= leaves.size()).toList();
        if (within.isEmpty()) return Optional.empty();
        AuditCheckpoints.Checkpoint c = within.get(within.size() - 1);
        boolean ours = c.keyId().equals(checkpoints.keyId());
        boolean matches = ours && checkpoints.signatureHolds(c)
                && java.util.Arrays.equals(MerkleTree.root(leaves, 0, (int) c.treeSize()), c.rootHash());
        return Optional.of(new Archive.Checkpoint(c.treeSize(), HEX.formatHex(c.rootHash()), c.signedAt().toString(), c.keyId(),
                ours ? checkpoints.publicKeyBase64() : null, c.note(), Base64.getEncoder().encodeToString(c.signature()), matches));
    }

    private static String checkpointText(Archive.Checkpoint c) {
        return c.note() + "\n— styrregistret " + c.keyId() + " " + c.signature() + "\n";
    }

    private static void put(ZipOutputStream zip, Map<String, String> sums, String name, byte[] content) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(content);
        zip.closeEntry();
        sums.put(name, HEX.formatHex(Archive.sha256().digest(content)));
    }

    /** The archive in words, for the person who opens it in twenty years. */
    static String summary(Archive.Manifest m) {
        StringBuilder s = new StringBuilder();
        s.append("Styrregistret – arkivuttag av händelseloggen\n\n");
        s.append("Skapat: ").append(LOCAL.format(Instant.parse(m.createdAt()))).append(" (svensk tid) av ").append(m.software()).append('\n');
        if (m.events() == 0) {
            s.append("Loggen var tom: uttaget innehåller inga händelser.\n");
        } else {
            s.append("Händelser: ").append(m.events()).append(", revision ").append(m.firstRevision()).append("–").append(m.lastRevision())
                    .append(", registrerade ").append(LOCAL.format(Instant.parse(m.firstRecordedAt()))).append(" – ")
                    .append(LOCAL.format(Instant.parse(m.lastRecordedAt()))).append('\n');
        }
        s.append("\nHändelsetyper (typ, schemarevision, antal):\n");
        for (Archive.SchemaCount t : m.eventTypes()) {
            s.append("  ").append(t.type().substring(t.type().lastIndexOf('.') + 1)).append(", ")
                    .append(t.revision() == null ? "ingen revision" : "revision " + t.revision()).append(": ").append(t.count()).append('\n');
        }
        s.append("\nMerkleträdets rot (RFC 9162, SHA-256) över alla ").append(m.merkle().treeSize()).append(" händelser:\n  ")
                .append(m.merkle().rootHash()).append('\n');
        if (m.checkpoint() == null) {
            s.append("Ingen signerad kontrollpunkt av revisionsloggen täcker uttaget.\n");
        } else {
            Archive.Checkpoint c = m.checkpoint();
            s.append("Senaste signerade kontrollpunkt inom uttaget: de första ").append(c.treeSize()).append(" händelserna, signerad ")
                    .append(LOCAL.format(Instant.parse(c.signedAt()))).append(" med nyckel ").append(c.keyId()).append(".\n")
                    .append(c.matches() ? "  Händelserna i uttaget ger kontrollpunktens rot och signaturen håller.\n"
                            : "  OBS: händelserna i uttaget ger INTE kontrollpunktens rot, eller signaturen kan inte kontrolleras med registrets nyckel.\n");
        }
        s.append("""

                Filer:
                  events.jsonl        en händelse per rad i revisionsordning: identitet, aggregat, löpnummer, tidpunkt,
                                      typ och schemarevision, innehåll (payload) och metadata exakt som de lagrades,
                                      samt händelsens lövhash i Merkleträdet
                  manifest.json       antal, första och sista revision och tidpunkt, programversion, schemarevisioner,
                                      Merkleroten och kontrollsumman för events.jsonl
                  checkpoint.txt      den signerade kontrollpunkten (Ed25519), när det finns en
                  sammanfattning.txt  denna text
                  SHA256SUMS          kontrollsummor för övriga filer: kontrollera med `sha256sum -c SHA256SUMS`

                Återläsning till ett tomt register: starta Styrregistret med --restore=<denna fil> och en tom datakatalog
                (--data-dir=...). Arkivet kontrolleras helt (kontrollsummor, lövhashar, Merkleroten, kontrollpunktens
                signatur) innan något skrivs; händelserna läses in i händelseloggen som de lagrades, inget beslutas om.
                """);
        return s.toString();
    }

    /** Counts what goes through. */
    private static final class CountingStream extends java.io.FilterOutputStream {
        long bytes;

        CountingStream(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            bytes += len;
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            bytes++;
        }
    }

    /** Keeps the ZIP stream open when the entry's writer is done with it. */
    private static final class NonClosing extends java.io.FilterOutputStream {
        NonClosing(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
