package se.styrregistret.query.audit;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Known answers for RFC 9162's Merkle tree over the eight inputs Certificate Transparency's own
 * tests use. The expected hashes were computed apart from this code, with a separate
 * implementation of the RFC's definitions (MTH, PATH, PROOF) in Python's hashlib; the roots are
 * also the ones Certificate Transparency publishes for these inputs.
 */
class MerkleTreeTest {

    static final HexFormat HEX = HexFormat.of();

    static final byte[][] INPUTS = {
            {}, {0x00}, {0x10}, {0x20, 0x21}, {0x30, 0x31}, {0x40, 0x41, 0x42, 0x43},
            {0x50, 0x51, 0x52, 0x53, 0x54, 0x55, 0x56, 0x57},
            {0x60, 0x61, 0x62, 0x63, 0x64, 0x65, 0x66, 0x67, 0x68, 0x69, 0x6a, 0x6b, 0x6c, 0x6d, 0x6e, 0x6f}};

    static final String[] ROOTS = {
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
            "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
            "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
            "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
            "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
            "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
            "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
            "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
            "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328"};

    static List<byte[]> leaves(int n) {
        List<byte[]> leaves = new ArrayList<>();
        for (int i = 0; i < n; i++) leaves.add(MerkleTree.leafHash(INPUTS[i]));
        return leaves;
    }

    static List<String> hex(List<byte[]> hashes) {
        return hashes.stream().map(HEX::formatHex).toList();
    }

    @Test
    void the_root_of_every_size_is_the_known_one_and_the_frontier_gives_the_same() {
        MerkleTree.Frontier frontier = MerkleTree.Frontier.empty();
        for (int n = 0; n <= 8; n++) {
            assertThat(HEX.formatHex(MerkleTree.root(leaves(n)))).as("root of %d", n).isEqualTo(ROOTS[n]);
            assertThat(HEX.formatHex(frontier.root())).as("frontier root of %d", n).isEqualTo(ROOTS[n]);
            assertThat(frontier.size()).isEqualTo(n);
            if (n < 8) frontier.append(MerkleTree.leafHash(INPUTS[n]));
        }
    }

    @Test
    void inclusion_proofs_are_the_known_paths_and_verify() {
        assertThat(hex(MerkleTree.inclusionProof(leaves(1), 0))).isEmpty();
        assertThat(hex(MerkleTree.inclusionProof(leaves(8), 0))).containsExactly(
                "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
                "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4");
        assertThat(hex(MerkleTree.inclusionProof(leaves(8), 5))).containsExactly(
                "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
                "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
                "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7");
        assertThat(hex(MerkleTree.inclusionProof(leaves(3), 2))).containsExactly(
                "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125");
        assertThat(hex(MerkleTree.inclusionProof(leaves(5), 3))).containsExactly(
                "0298d122906dcfc10892cb53a73992fc5b9f493ea4c9badb27b791b4127a7fe7",
                "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
                "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b");
        assertThat(hex(MerkleTree.inclusionProof(leaves(7), 6))).containsExactly(
                "0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
                "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7");

        for (int n = 1; n <= 8; n++) {
            byte[] root = HEX.parseHex(ROOTS[n]);
            for (int m = 0; m < n; m++) {
                List<byte[]> proof = MerkleTree.inclusionProof(leaves(n), m);
                assertThat(MerkleTree.verifyInclusion(MerkleTree.leafHash(INPUTS[m]), m, n, proof, root)).as("%d in %d", m, n).isTrue();
                // another leaf, another position or another root does not verify
                assertThat(MerkleTree.verifyInclusion(MerkleTree.leafHash(new byte[]{1, 2, 3}), m, n, proof, root)).isFalse();
                if (n > 1) assertThat(MerkleTree.verifyInclusion(MerkleTree.leafHash(INPUTS[m]), (m + 1) % n, n, proof, root)).isFalse();
                assertThat(MerkleTree.verifyInclusion(MerkleTree.leafHash(INPUTS[m]), m, n, proof, HEX.parseHex(ROOTS[n - 1]))).isFalse();
            }
        }
    }

    @Test
    void consistency_proofs_are_the_known_ones_and_verify() {
        assertThat(hex(MerkleTree.consistencyProof(leaves(8), 1))).containsExactly(
                "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
                "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4");
        assertThat(hex(MerkleTree.consistencyProof(leaves(8), 6))).containsExactly(
                "0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
                "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
                "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7");
        assertThat(hex(MerkleTree.consistencyProof(leaves(5), 2))).containsExactly(
                "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b");
        assertThat(hex(MerkleTree.consistencyProof(leaves(7), 4))).containsExactly(
                "837dbb152e9b079010717e84e865da4ebc0fa198a806d59d31bf15accef22d0e");
        assertThat(hex(MerkleTree.consistencyProof(leaves(7), 3))).containsExactly(
                "0298d122906dcfc10892cb53a73992fc5b9f493ea4c9badb27b791b4127a7fe7",
                "07506a85fd9dd2f120eb694f86011e5bb4662e5c415a62917033d4a9624487e7",
                "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
                "837dbb152e9b079010717e84e865da4ebc0fa198a806d59d31bf15accef22d0e");

        IntStream.rangeClosed(1, 8).forEach(n -> IntStream.rangeClosed(1, n).forEach(m -> {
            List<byte[]> proof = MerkleTree.consistencyProof(leaves(n), m);
            byte[] first = HEX.parseHex(ROOTS[m]);
            byte[] second = HEX.parseHex(ROOTS[n]);
            assertThat(MerkleTree.verifyConsistency(m, n, first, second, proof)).as("%d to %d", m, n).isTrue();
            if (m < n) {
                // a rewritten history (another first root) is not consistent with the later tree
                assertThat(MerkleTree.verifyConsistency(m, n, HEX.parseHex(ROOTS[m - 1]), second, proof)).as("%d to %d", m, n).isFalse();
            }
        }));
    }
}
