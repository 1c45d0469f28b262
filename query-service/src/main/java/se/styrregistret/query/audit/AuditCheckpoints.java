package se.styrregistret.query.audit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Signed checkpoints of the audit log: the register signs its tree head (size, root, time) with an
 * Ed25519 key, at an interval and on demand. A checkpoint is a short text (a "signed note") an
 * auditor or the municipality's archive keeps outside the register; with the public key it proves
 * later that the first {@code size} events are unchanged (see the verifier in deploy/).
 * <p>
 * The key comes from {@code styrregistret.audit.signing-key} (PKCS#8, base64), or else from the file
 * {@code styrregistret.audit.key-file}, which a first start creates with a new development key.
 */
@Component
class AuditCheckpoints implements DisposableBean {

    static final String ORIGIN = "Styrregistret audit log";
    private static final Logger log = LoggerFactory.getLogger(AuditCheckpoints.class);

    private final JdbcTemplate jdbc;
    private final KeyPair key;
    private final String keyId;
    private final Duration interval;
    private final ScheduledExecutorService schedule = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "audit-checkpoints");
        t.setDaemon(true);
        return t;
    });

    AuditCheckpoints(JdbcTemplate jdbc,
                     @Value("${styrregistret.audit.signing-key:}") String configuredKey,
                     @Value("${styrregistret.audit.key-file:${user.home}/.styrregistret/audit-signing-key}") Path keyFile,
                     @Value("${styrregistret.audit.checkpoint-interval:PT1H}") Duration interval) {
        this.jdbc = jdbc;
        this.key = configuredKey.isBlank() ? fromFile(keyFile) : fromPkcs8(Base64.getDecoder().decode(configuredKey.strip()));
        this.keyId = keyIdOf(key.getPublic());
        this.interval = interval;
    }

    @EventListener(ApplicationReadyEvent.class)
    void startSigning() {
        log.info("Audit log checkpoints are signed with Ed25519 key {}; public key (X.509, base64): {}", keyId, publicKeyBase64());
        long period = Math.max(interval.toSeconds(), 1);
        schedule.scheduleAtFixedRate(() -> {
            try {
                checkpoint();
            } catch (RuntimeException e) {
                log.warn("Could not sign an audit log checkpoint now: {}", e.toString());
            }
        }, period, period, TimeUnit.SECONDS);
    }

    @Override
    public void destroy() {
        schedule.shutdownNow();
    }

    /** A signed checkpoint of the current tree head (the one already signed, if the tree has not grown); empty for an empty log. */
    Optional<Checkpoint> checkpoint() {
        List<Object[]> head = jdbc.query("select tree_size, root_hash from projection.audit_log_head order by tree_size desc limit 1",
                (rs, i) -> new Object[]{rs.getLong(1), rs.getBytes(2)});
        if (head.isEmpty()) return Optional.empty();
        long size = (Long) head.get(0)[0];
        Optional<Checkpoint> existing = find(size);
        if (existing.isPresent()) return existing;
        byte[] root = (byte[]) head.get(0)[1];
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        String note = note(size, root, now);
        byte[] signature = sign(note);
        jdbc.update("""
                insert into projection.audit_checkpoint (tree_size, root_hash, signed_at, key_id, note, signature)
                values (?, ?, ?, ?, ?, ?) on conflict (tree_size) do nothing""",
                size, root, Timestamp.from(now), keyId, note, signature);
        return find(size);
    }

    Optional<Checkpoint> find(long treeSize) {
        return jdbc.query("select tree_size, root_hash, signed_at, key_id, note, signature from projection.audit_checkpoint where tree_size = ?",
                (rs, i) -> new Checkpoint(rs.getLong(1), rs.getBytes(2), rs.getTimestamp(3).toInstant(), rs.getString(4),
                        rs.getString(5), rs.getBytes(6)), treeSize).stream().findFirst();
    }

    List<Checkpoint> all() {
        return jdbc.query("select tree_size, root_hash, signed_at, key_id, note, signature from projection.audit_checkpoint order by tree_size",
                (rs, i) -> new Checkpoint(rs.getLong(1), rs.getBytes(2), rs.getTimestamp(3).toInstant(), rs.getString(4),
                        rs.getString(5), rs.getBytes(6)));
    }

    Optional<Checkpoint> latest() {
        List<Checkpoint> all = all();
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1));
    }

    String publicKeyBase64() {
        return Base64.getEncoder().encodeToString(key.getPublic().getEncoded());
    }

    String keyId() {
        return keyId;
    }

    boolean signatureHolds(Checkpoint checkpoint) {
        return verify(key.getPublic(), checkpoint.note(), checkpoint.signature());
    }

    /** The note's text: what is signed. */
    static String note(long size, byte[] root, Instant signedAt) {
        return ORIGIN + "\n" + size + "\n" + Base64.getEncoder().encodeToString(root) + "\n" + signedAt + "\n";
    }

    private byte[] sign(String note) {
        try {
            Signature signer = Signature.getInstance("Ed25519");
            signer.initSign(key.getPrivate());
            signer.update(note.getBytes(StandardCharsets.UTF_8));
            return signer.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static boolean verify(PublicKey publicKey, String note, byte[] signature) {
        try {
            Signature verifier = Signature.getInstance("Ed25519");
            verifier.initVerify(publicKey);
            verifier.update(note.getBytes(StandardCharsets.UTF_8));
            return verifier.verify(signature);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    static String keyIdOf(PublicKey publicKey) {
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256").digest(publicKey.getEncoded());
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static KeyPair fromFile(Path file) {
        try {
            if (Files.exists(file)) return fromPkcs8(Base64.getDecoder().decode(Files.readString(file).strip()));
            KeyPair generated = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, Base64.getEncoder().encodeToString(generated.getPrivate().getEncoded()) + "\n");
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                // the file system has no POSIX permissions; the directory's protection applies
            }
            log.warn("Created a development signing key for audit checkpoints in {}: in production configure "
                    + "styrregistret.audit.signing-key (or key-file) and keep the key outside the database", file);
            return generated;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the audit signing key " + file, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static KeyPair fromPkcs8(byte[] pkcs8) {
        try {
            KeyFactory factory = KeyFactory.getInstance("Ed25519");
            PrivateKey privateKey = factory.generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
            // the JDK's Ed25519 PKCS#8 encoding carries no public key: derive it by signing nothing, via the key's seed
            PublicKey publicKey = derivePublic(privateKey, factory);
            return new KeyPair(publicKey, privateKey);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the audit signing key is not an Ed25519 PKCS#8 key", e);
        }
    }

    private static PublicKey derivePublic(PrivateKey privateKey, KeyFactory factory) throws GeneralSecurityException {
        // a KeyPairGenerator seeded with the private key's seed through a fixed SecureRandom yields the same pair
        byte[] seed = ((java.security.interfaces.EdECPrivateKey) privateKey).getBytes()
                .orElseThrow(() -> new GeneralSecurityException("the private key has no seed"));
        KeyPairGenerator generator = KeyPairGenerator.getInstance("Ed25519");
        generator.initialize(255, new FixedRandom(seed));
        KeyPair pair = generator.generateKeyPair();
        return factory.generatePublic(new X509EncodedKeySpec(pair.getPublic().getEncoded()));
    }

    /** Hands out the given seed, so the JDK's generator rebuilds the pair of a known private key. */
    private static final class FixedRandom extends java.security.SecureRandom {
        private final byte[] seed;

        FixedRandom(byte[] seed) {
            this.seed = seed.clone();
        }

        @Override
        public void nextBytes(byte[] bytes) {
            System.arraycopy(seed, 0, bytes, 0, Math.min(seed.length, bytes.length));
        }
    }

    /** One signed checkpoint; {@link #text()} is the signed note as an auditor keeps it. */
    record Checkpoint(long treeSize, byte[] rootHash, Instant signedAt, String keyId, String note, byte[] signature) {
        String text() {
            return note + "\n— styrregistret " + keyId + " " + Base64.getEncoder().encodeToString(signature) + "\n";
        }
    }
}
