package io.mediasync.resizer.imaging.webp;

/**
 * A coding tree in the form of RFC 6386 section 8.1: pairs of entries, a positive entry is the index of the next
 * pair, a non-positive one is a leaf holding the negated value. The path of a value is what the encoder writes:
 * one step per branch, {@code probabilityIndex << 1 | bit}, the probability of branch pair i being {@code i / 2}.
 */
final class Tree {

    private Tree() {
    }

    static int[][] paths(int[] tree, int values) {
        int[][] paths = new int[values][];
        walk(tree, 0, new int[16], 0, paths);
        return paths;
    }

    private static void walk(int[] tree, int node, int[] prefix, int depth, int[][] paths) {
        for (int bit = 0; bit < 2; bit++) {
            int next = tree[node + bit];
            prefix[depth] = (node >> 1) << 1 | bit;
            if (next > 0) {
                walk(tree, next, prefix, depth + 1, paths);
            } else {
                int[] path = new int[depth + 1];
                System.arraycopy(prefix, 0, path, 0, depth + 1);
                paths[-next] = path;
            }
        }
    }

    /** Bit cost of coding a path with the given probabilities. */
    static int cost(int[] path, int[] probabilities, int offset) {
        int cost = 0;
        for (int step : path) {
            cost += BitCost.of(step & 1, probabilities[offset + (step >> 1)]);
        }
        return cost;
    }
}
