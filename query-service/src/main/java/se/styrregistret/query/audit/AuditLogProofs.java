package se.styrregistret.query.audit;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import se.styrregistret.support.web.InvalidInput;
import se.styrregistret.query.web.NotFound;

import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

/** RFC 9162 proofs over the stored leaves and tree heads, and the check of a checkpoint kept outside. */
@Component
class AuditLogProofs {

    private static final HexFormat HEX = HexFormat.of();

    private final JdbcTemplate jdbc;
    private final AuditLogVerifier verifier;
    private final AuditCheckpoints checkpoints;

    AuditLogProofs(JdbcTemplate jdbc, AuditLogVerifier verifier, AuditCheckpoints checkpoints) {
        this.jdbc = jdbc;
        this.verifier = verifier;
        this.checkpoints = checkpoints;
    }

    record InclusionProof(long revision, long leafIndex, long treeSize, String leafHash, String rootHash, List<String> inclusionProof) {
    }

    record ConsistencyProof(long from, long to, String fromRootHash, String toRootHash, List<String> consistencyProof) {
    }

    /**
     * @param intact                 every leaf of the checkpoint's tree still matches the event in the log
     * @param signatureValid         the note is signed by this register's key
     * @param storedLeavesGiveTheRoot the leaves the register keeps still give the checkpoint's root
     * @param changedRevisions       revisions whose event no longer gives its leaf (at most 1 000)
     */
    record CheckpointVerification(boolean intact, long treeSize, boolean signatureValid, boolean storedLeavesGiveTheRoot,
                                  Long firstChangedRevision, List<Long> changedRevisions, String detail) {
    }

    long treeSize() {
        return jdbc.queryForObject("select coalesce(max(tree_size), 0) from projection.audit_log_head", Long.class);
    }

    void requireTreeSize(String field, long size) {
        long current = treeSize();
        if (size < 0) throw new InvalidInput(field, "får inte vara negativ");
        if (size > current) throw new InvalidInput(field, "revisionsloggen har bara " + current + " blad");
    }

    InclusionProof inclusion(long revision, Long requestedSize) {
        long size = requestedSize == null ? treeSize() : requestedSize;
        requireTreeSize("treeSize", size);
        List<Object[]> leaf = jdbc.query("select leaf_index, leaf_hash from projection.audit_log_leaf where revision = ?",
                (rs, i) -> new Object[]{rs.getLong(1), rs.getBytes(2)}, revision);
        if (leaf.isEmpty()) throw new NotFound("Revision " + revision + " finns inte i revisionsloggen");
        long index = (Long) leaf.get(0)[0];
        if (index >= size) {
            throw new InvalidInput("treeSize", "revision " + revision + " är blad " + index + " och ingår inte i ett träd med " + size + " blad");
        }
        List<byte[]> leaves = verifier.leavesInTreeOrder(size);
        return new InclusionProof(revision, index, size, HEX.formatHex((byte[]) leaf.get(0)[1]), HEX.formatHex(MerkleTree.root(leaves)),
                hex(MerkleTree.inclusionProof(leaves, (int) index)));
    }

    ConsistencyProof consistency(long from, long to) {
        requireTreeSize("to", to);
        if (from < 1) throw new InvalidInput("from", "måste vara minst 1");
        if (from > to) throw new InvalidInput("from", "får inte vara större än till");
        List<byte[]> leaves = verifier.leavesInTreeOrder(to);
        return new ConsistencyProof(from, to, HEX.formatHex(MerkleTree.root(leaves, 0, (int) from)), HEX.formatHex(MerkleTree.root(leaves)),
                hex(MerkleTree.consistencyProof(leaves, (int) from)));
    }

    /** Every leaf of the tree of this size with the event now at its revision, and events without a leaf among them. */
    void leaves(long treeSize, AuditLogVerifier.Visitor visitor) {
        Long lastRevision = jdbc.queryForObject("select max(revision) from projection.audit_log_leaf where leaf_index < ?", Long.class, treeSize);
        if (lastRevision == null) return;
        verifier.walk(lastRevision, position -> {
            if (position.leafIndex() == null || position.leafIndex() < treeSize) visitor.visit(position);
        });
    }

    /** The verifier's check, by the register: a checkpoint kept earlier against the log as it is now. */
    CheckpointVerification verifyCheckpoint(String text) {
        Note note = Note.parse(text);
        boolean signed = note.keyId().equals(checkpoints.keyId()) && AuditCheckpoints.verify(publicKey(checkpoints.publicKeyBase64()),
                note.body(), note.signature());
        if (note.treeSize() > treeSize()) {
            return new CheckpointVerification(false, note.treeSize(), signed, false, null, List.of(),
                    "Revisionsloggen har färre blad än kontrollpunkten: blad har tagits bort");
        }
        List<byte[]> stored = verifier.leavesInTreeOrder(note.treeSize());
        boolean storedGiveRoot = Arrays.equals(MerkleTree.root(stored), note.root());
        List<Long> changed = new ArrayList<>();
        leaves(note.treeSize(), position -> {
            boolean same = position.event() != null && position.storedLeaf() != null
                    && Arrays.equals(position.storedLeaf(), position.event().leafHash());
            if (!same && changed.size() < 1_000) changed.add(position.revision());
        });
        boolean intact = signed && storedGiveRoot && changed.isEmpty();
        String detail = !signed ? "Kontrollpunkten är inte signerad med registrets nyckel"
                : !storedGiveRoot ? "Registrets lagrade blad ger inte kontrollpunktens rot: bladen har ändrats"
                : !changed.isEmpty() ? "Händelsen i revision " + changed.get(0) + " har ändrats sedan kontrollpunkten"
                : "Varje händelse i kontrollpunktens " + note.treeSize() + " blad är oförändrad";
        return new CheckpointVerification(intact, note.treeSize(), signed, storedGiveRoot,
                changed.isEmpty() ? null : changed.get(0), changed, detail);
    }

    private static List<String> hex(List<byte[]> hashes) {
        return hashes.stream().map(HEX::formatHex).toList();
    }

    static PublicKey publicKey(String base64) {
        try {
            return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(base64)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A checkpoint as {@link AuditCheckpoints.Checkpoint#text()} writes it. */
    record Note(String body, long treeSize, byte[] root, Instant signedAt, String keyId, byte[] signature) {
        static Note parse(String text) {
            String normalised = text.replace("\r\n", "\n");
            String[] lines = normalised.split("\n");
            try {
                if (lines.length < 6 || !lines[0].equals(AuditCheckpoints.ORIGIN) || !lines[4].isEmpty()) throw new IllegalArgumentException();
                String[] signatureLine = lines[5].split(" ");
                if (signatureLine.length != 4 || !signatureLine[0].equals("—") || !signatureLine[1].equals("styrregistret")) {
                    throw new IllegalArgumentException();
                }
                String body = String.join("\n", Arrays.asList(lines).subList(0, 4)) + "\n";
                return new Note(body, Long.parseLong(lines[1]), Base64.getDecoder().decode(lines[2]), Instant.parse(lines[3]),
                        signatureLine[2], Base64.getDecoder().decode(signatureLine[3]));
            } catch (RuntimeException e) {
                throw new InvalidInput("checkpoint", "ingen kontrollpunkt från Styrregistret (fyra rader, en tom rad, en signaturrad)");
            }
        }
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
