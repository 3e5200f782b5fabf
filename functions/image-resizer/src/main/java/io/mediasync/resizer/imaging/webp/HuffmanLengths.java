package io.mediasync.resizer.imaging.webp;

/**
 * Huffman code lengths no longer than a limit: the classic two-queue construction over the used symbols sorted
 * by count; when the tree comes out too deep, rare symbols are made less rare (counts raised to a floor that
 * doubles each try) until it fits. The result is always a complete code, as VP8L readers require.
 */
final class HuffmanLengths {

    private HuffmanLengths() {
    }

    /** At least two counts must be positive. */
    static void build(int[] counts, int maxLength, int[] lengths) {
        int n = counts.length;
        int[] symbols = new int[n];
        int used = 0;
        for (int s = 0; s < n; s++) {
            if (counts[s] > 0) {
                symbols[used++] = s;
            }
        }
        long[] weight = new long[2 * used];
        int[] parent = new int[2 * used];
        for (long floor = 0; ; floor = floor == 0 ? 1 : floor * 2) {
            for (int i = 0; i < used; i++) {
                weight[i] = Math.max(counts[symbols[i]], floor);
            }
            sortByWeight(symbols, weight, used);
            int deepest = tree(weight, parent, used, symbols, lengths);
            if (deepest <= maxLength) {
                return;
            }
        }
    }

    /** Insertion sort of the used symbols (at most a few hundred) by weight, ties by symbol. */
    private static void sortByWeight(int[] symbols, long[] weight, int used) {
        for (int i = 1; i < used; i++) {
            int s = symbols[i];
            long w = weight[i];
            int j = i - 1;
            while (j >= 0 && (weight[j] > w || weight[j] == w && symbols[j] > s)) {
                symbols[j + 1] = symbols[j];
                weight[j + 1] = weight[j];
                j--;
            }
            symbols[j + 1] = s;
            weight[j + 1] = w;
        }
    }

    /** Builds the tree (leaves 0..used-1 sorted, internal nodes after), sets the lengths, returns the deepest. */
    private static int tree(long[] weight, int[] parent, int used, int[] symbols, int[] lengths) {
        int leaf = 0;
        int inner = used;
        int next = used;
        for (int merged = 0; merged < used - 1; merged++) {
            int a = leaf < used && (inner >= next || weight[leaf] <= weight[inner]) ? leaf++ : inner++;
            int b = leaf < used && (inner >= next || weight[leaf] <= weight[inner]) ? leaf++ : inner++;
            weight[next] = weight[a] + weight[b];
            parent[a] = next;
            parent[b] = next;
            next++;
        }
        int root = next - 1;
        int[] depth = new int[next];
        int deepest = 0;
        for (int node = root - 1; node >= 0; node--) {
            depth[node] = depth[parent[node]] + 1;
        }
        for (int i = 0; i < used; i++) {
            lengths[symbols[i]] = depth[i];
            deepest = Math.max(deepest, depth[i]);
        }
        return deepest;
    }
}
