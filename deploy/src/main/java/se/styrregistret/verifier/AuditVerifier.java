package se.styrregistret.verifier;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * An auditor's check of Styrregistret's audit log that needs no trust in the register: given a
 * checkpoint saved earlier (a signed note) and the register's public key, it proves that every
 * event up to the checkpoint is unchanged, or names the first revision that is not.
 * <p>
 * Depends on nothing but the JDK, so it runs as a single source file:
 * <pre>
 * java deploy/src/main/java/se/styrregistret/verifier/AuditVerifier.java \
 *      --checkpoint=styrregistret-checkpoint-35.txt --public-key=MCowBQYDK2VwAyEA... \
 *      --url=http://localhost:8082 --user=auditor:auditor
 * </pre>
 * It checks the note's Ed25519 signature with the key given (not one fetched from the register,
 * unless told to), fetches every leaf of the checkpoint's tree with the data the event now in the
 * log gives for it, hashes that data itself (RFC 9162: SHA-256(0x00 || data)) and rebuilds the
 * tree: the stored leaves must give the signed root (so they are the ones that were signed), and
 * each event must still give its leaf. Exit status 0: unchanged; 1: changed; 2: could not check.
 */
public final class AuditVerifier {

    static final String ORIGIN = "Styrregistret audit log";
    private static final HexFormat HEX = HexFormat.of();

    /** What a check found. */
    public record Result(boolean unchanged, long treeSize, boolean signatureValid, boolean storedLeavesGiveTheRoot,
                         Long firstChangedRevision, List<Long> changedRevisions, String message) {
        public int exitStatus() {
            return unchanged ? 0 : 1;
        }
    }

    private AuditVerifier() {
    }

    public static void main(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (String arg : args) {
            int eq = arg.indexOf('=');
            if (!arg.startsWith("--") || eq < 0) usage("not an option: " + arg);
            options.put(arg.substring(2, eq), arg.substring(eq + 1));
        }
        if (!options.containsKey("checkpoint")) usage("--checkpoint=FILE is required");
        try {
            String url = options.getOrDefault("url", "http://localhost:8082");
            String user = options.getOrDefault("user", "auditor:auditor");
            String key = options.containsKey("public-key-file") ? Files.readString(Path.of(options.get("public-key-file"))).strip()
                    : options.get("public-key");
            if (key == null) {
                System.err.println("warning: no --public-key given; using the key the register serves, which proves less");
                key = fetchPublicKey(url, user);
            }
            Result result = verify(Files.readString(Path.of(options.get("checkpoint"))), key, url, user);
            print(result, System.out);
            System.exit(result.exitStatus());
        } catch (IOException | RuntimeException e) {
            System.err.println("could not check: " + e.getMessage());
            System.exit(2);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            System.exit(2);
        }
    }

    private static void usage(String problem) {
        System.err.println(problem);
        System.err.println("usage: AuditVerifier --checkpoint=FILE (--public-key=BASE64 | --public-key-file=FILE) "
                + "[--url=http://localhost:8082] [--user=auditor:auditor]");
        System.exit(2);
    }

    static void print(Result r, PrintStream out) {
        out.println("Checkpoint of " + r.treeSize() + " leaves; signature " + (r.signatureValid() ? "valid" : "NOT VALID"));
        out.println("The register's stored leaves give the signed root: " + (r.storedLeavesGiveTheRoot() ? "yes" : "NO"));
        out.println(r.message());
        if (r.firstChangedRevision() != null) out.println("first changed revision: " + r.firstChangedRevision());
    }

    /** The whole check: the note, the key (X.509, base64), the register's query-service URL and an auditor's user:password. */
    public static Result verify(String noteText, String publicKey, String url, String user) throws IOException, InterruptedException {
        String[] lines = noteText.replace("\r\n", "\n").split("\n");
        if (lines.length < 6 || !lines[0].equals(ORIGIN) || !lines[4].isEmpty()) {
            throw new IllegalArgumentException("not a Styrregistret checkpoint");
        }
        String body = String.join("\n", Arrays.asList(lines).subList(0, 4)) + "\n";
        long size = Long.parseLong(lines[1]);
        byte[] root = Base64.getDecoder().decode(lines[2]);
        String[] signatureLine = lines[5].split(" ");
        if (signatureLine.length != 4) throw new IllegalArgumentException("the checkpoint's signature line is malformed");
        boolean signed = verifySignature(publicKey, body, Base64.getDecoder().decode(signatureLine[3]));

        byte[][] stored = new byte[(int) size][];
        byte[][] computed = new byte[(int) size][];
        long[] revisionOf = new long[(int) size];
        List<Long> unrecorded = new ArrayList<>();
        for (String line : get(url + "/api/audit-trail/leaves?treeSize=" + size, user).split("\n")) {
            if (line.isBlank()) continue;
            String[] f = line.split(" ");
            long revision = Long.parseLong(f[1]);
            if (f[0].equals("-")) {
                unrecorded.add(revision);
                continue;
            }
            int index = Integer.parseInt(f[0]);
            revisionOf[index] = revision;
            stored[index] = f[2].equals("-") ? null : HEX.parseHex(f[2]);
            computed[index] = f[3].equals("-") ? null : leafHash(Base64.getDecoder().decode(f[3]));
        }
        for (int i = 0; i < size; i++) {
            if (stored[i] == null) throw new IllegalStateException("the register served no leaf " + i);
        }
        boolean storedGiveRoot = Arrays.equals(root(Arrays.asList(stored)), root);
        List<Long> changed = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            if (computed[i] == null || !Arrays.equals(computed[i], stored[i])) changed.add(revisionOf[i]);
        }
        changed.addAll(unrecorded);
        changed.sort(Long::compare);
        boolean unchanged = signed && storedGiveRoot && changed.isEmpty();
        String message = !signed ? "The checkpoint is not signed by this key: nothing can be concluded from it."
                : unchanged ? "Every event up to the checkpoint (" + size + " leaves) is unchanged."
                : !changed.isEmpty() ? "The log has changed since the checkpoint: " + changed.size() + " revision(s) no longer give their leaf."
                : "The register's stored leaves were changed after the checkpoint (the events themselves still give the leaves shown).";
        return new Result(unchanged, size, signed, storedGiveRoot, changed.isEmpty() ? null : changed.get(0), changed, message);
    }

    static byte[] leafHash(byte[] data) {
        MessageDigest sha = sha256();
        sha.update((byte) 0);
        return sha.digest(data);
    }

    /** RFC 9162's MTH. */
    static byte[] root(List<byte[]> leaves) {
        if (leaves.isEmpty()) return sha256().digest();
        if (leaves.size() == 1) return leaves.get(0);
        int k = Integer.highestOneBit(leaves.size() - 1);
        MessageDigest sha = sha256();
        sha.update((byte) 1);
        sha.update(root(leaves.subList(0, k)));
        return sha.digest(root(leaves.subList(k, leaves.size())));
    }

    private static boolean verifySignature(String publicKey, String body, byte[] signature) {
        try {
            PublicKey key = KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(publicKey)));
            Signature verifier = Signature.getInstance("Ed25519");
            verifier.initVerify(key);
            verifier.update(body.getBytes(StandardCharsets.UTF_8));
            return verifier.verify(signature);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    private static String fetchPublicKey(String url, String user) throws IOException, InterruptedException {
        String json = get(url + "/api/audit-trail/public-key", user);
        int at = json.indexOf("\"publicKey\":\"");
        if (at < 0) throw new IllegalStateException("the register served no public key");
        int from = at + "\"publicKey\":\"".length();
        return json.substring(from, json.indexOf('"', from));
    }

    private static String get(String url, String user) throws IOException, InterruptedException {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(user.getBytes(StandardCharsets.UTF_8)))
                .GET().build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        if (response.statusCode() != 200) throw new IllegalStateException(url + " answered " + response.statusCode() + ": " + response.body());
        return response.body();
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
