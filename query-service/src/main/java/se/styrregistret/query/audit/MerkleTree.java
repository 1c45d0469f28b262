package se.styrregistret.query.audit;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The Merkle tree of RFC 9162 (Certificate Transparency 2.0), section 2.1, over leaf hashes:
 * a leaf is SHA-256(0x00 || data), a node SHA-256(0x01 || left || right), and a tree of n leaves
 * splits at the largest power of two smaller than n. Inclusion and consistency proofs are the
 * RFC's PATH and PROOF, and their verification the RFC's algorithms (2.1.3.2, 2.1.4.2).
 */
final class MerkleTree {

    private MerkleTree() {
    }

    static byte[] leafHash(byte[] data) {
        MessageDigest sha = sha256();
        sha.update((byte) 0x00);
        return sha.digest(data);
    }

    static byte[] nodeHash(byte[] left, byte[] right) {
        MessageDigest sha = sha256();
        sha.update((byte) 0x01);
        sha.update(left);
        return sha.digest(right);
    }

    /** MTH over the leaf hashes {@code leaves[from, to)}; the empty tree's hash is SHA-256 of nothing. */
    static byte[] root(List<byte[]> leaves, int from, int to) {
        int n = to - from;
        if (n == 0) return sha256().digest();
        if (n == 1) return leaves.get(from);
        int k = split(n);
        return nodeHash(root(leaves, from, from + k), root(leaves, from + k, to));
    }

    static byte[] root(List<byte[]> leaves) {
        return root(leaves, 0, leaves.size());
    }

    /** PATH(m, D[n]): the inclusion proof of leaf {@code m} in the tree of all {@code leaves}. */
    static List<byte[]> inclusionProof(List<byte[]> leaves, int m) {
        if (m < 0 || m >= leaves.size()) throw new IllegalArgumentException("leaf " + m + " is not in a tree of " + leaves.size());
        List<byte[]> proof = new ArrayList<>();
        path(leaves, m, 0, leaves.size(), proof);
        return proof;
    }

    private static void path(List<byte[]> leaves, int m, int from, int to, List<byte[]> proof) {
        int n = to - from;
        if (n <= 1) return;
        int k = split(n);
        if (m < k) {
            path(leaves, m, from, from + k, proof);
            proof.add(root(leaves, from + k, to));
        } else {
            path(leaves, m - k, from + k, to, proof);
            proof.add(root(leaves, from, from + k));
        }
    }

    /** PROOF(m, D[n]): the consistency proof between the first {@code m} leaves and all {@code leaves}. */
    static List<byte[]> consistencyProof(List<byte[]> leaves, int m) {
        if (m < 0 || m > leaves.size()) throw new IllegalArgumentException("no tree of " + m + " within " + leaves.size());
        List<byte[]> proof = new ArrayList<>();
        if (m == 0 || m == leaves.size()) return proof;
        subproof(leaves, m, 0, leaves.size(), true, proof);
        return proof;
    }

    private static void subproof(List<byte[]> leaves, int m, int from, int to, boolean whole, List<byte[]> proof) {
        int n = to - from;
        if (m == n) {
            if (!whole) proof.add(root(leaves, from, to));
            return;
        }
        int k = split(n);
        if (m <= k) {
            subproof(leaves, m, from, from + k, whole, proof);
            proof.add(root(leaves, from + k, to));
        } else {
            subproof(leaves, m - k, from + k, to, false, proof);
            proof.add(root(leaves, from, from + k));
        }
    }

    /** RFC 9162 2.1.3.2: whether {@code proof} shows leaf {@code index} with {@code leaf} hash in the tree of {@code size} with {@code root}. */
    static boolean verifyInclusion(byte[] leaf, long index, long size, List<byte[]> proof, byte[] root) {
        if (index >= size) return false;
        long fn = index;
        long sn = size - 1;
        byte[] r = leaf;
        for (byte[] p : proof) {
            if (sn == 0) return false;
            if ((fn & 1) == 1 || fn == sn) {
                r = nodeHash(p, r);
                if ((fn & 1) == 0) {
                    while ((fn & 1) == 0 && fn != 0) {
                        fn >>= 1;
                        sn >>= 1;
                    }
                }
            } else {
                r = nodeHash(r, p);
            }
            fn >>= 1;
            sn >>= 1;
        }
        return sn == 0 && Arrays.equals(r, root);
    }

    /** RFC 9162 2.1.4.2: whether {@code proof} shows the tree of {@code first} leaves is a prefix of the tree of {@code second}. */
    static boolean verifyConsistency(long first, long second, byte[] firstRoot, byte[] secondRoot, List<byte[]> proof) {
        if (first > second) return false;
        if (first == second) return proof.isEmpty() && Arrays.equals(firstRoot, secondRoot);
        if (first == 0) return proof.isEmpty();
        List<byte[]> path = new ArrayList<>(proof);
        if (Long.bitCount(first) == 1) path.add(0, firstRoot); // first is a power of two: its root starts the path
        if (path.isEmpty()) return false;
        long fn = first - 1;
        long sn = second - 1;
        while ((fn & 1) == 1) {
            fn >>= 1;
            sn >>= 1;
        }
        byte[] fr = path.get(0);
        byte[] sr = path.get(0);
        for (byte[] c : path.subList(1, path.size())) {
            if (sn == 0) return false;
            if ((fn & 1) == 1 || fn == sn) {
                fr = nodeHash(c, fr);
                sr = nodeHash(c, sr);
                if ((fn & 1) == 0) {
                    while ((fn & 1) == 0 && fn != 0) {
                        fn >>= 1;
                        sn >>= 1;
                    }
                }
            } else {
                sr = nodeHash(sr, c);
            }
            fn >>= 1;
            sn >>= 1;
        }
        return sn == 0 && Arrays.equals(fr, firstRoot) && Arrays.equals(sr, secondRoot);
    }

    /** The largest power of two smaller than n (n ≥ 2). */
    static int split(int n) {
        int k = Integer.highestOneBit(n);
        return k == n ? k >> 1 : k;
    }

    /**
     * The roots of the perfect subtrees a tree of n leaves is made of, left to right (its "frontier"):
     * appending a leaf needs only these, and folding them from the right gives the tree's root.
     */
    static final class Frontier {
        private final List<byte[]> roots;
        private final List<Long> sizes;

        Frontier(List<byte[]> roots, List<Long> sizes) {
            this.roots = new ArrayList<>(roots);
            this.sizes = new ArrayList<>(sizes);
        }

        static Frontier empty() {
            return new Frontier(List.of(), List.of());
        }

        void append(byte[] leaf) {
            roots.add(leaf);
            sizes.add(1L);
            while (sizes.size() >= 2 && sizes.get(sizes.size() - 1).equals(sizes.get(sizes.size() - 2))) {
                byte[] right = roots.remove(roots.size() - 1);
                byte[] left = roots.remove(roots.size() - 1);
                long size = sizes.remove(sizes.size() - 1) * 2;
                sizes.remove(sizes.size() - 1);
                roots.add(nodeHash(left, right));
                sizes.add(size);
            }
        }

        long size() {
            return sizes.stream().mapToLong(Long::longValue).sum();
        }

        byte[] root() {
            if (roots.isEmpty()) return sha256().digest();
            byte[] r = roots.get(roots.size() - 1);
            for (int i = roots.size() - 2; i >= 0; i--) r = nodeHash(roots.get(i), r);
            return r;
        }

        List<byte[]> roots() {
            return roots;
        }

        List<Long> sizes() {
            return sizes;
        }
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
