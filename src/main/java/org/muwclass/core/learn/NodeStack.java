package org.muwclass.core.learn;

import java.util.Arrays;

/**
 * The nodes still to grow of a tree grown depth first, shared by {@link TreeGrower} and {@link HistTreeGrower}. Per
 * node: its row range {@code [start, end)}, depth (the root's is 0), parent node and side, a grower-specific
 * {@code source} tag, its class counts (draw-weighted) and its mask of features already found constant. Flat
 * arrays that double when full; one instance per grower, reused for every tree.
 */
final class NodeStack {

    private final int numClasses;
    private final int maskWords;
    private int[] start = new int[64];
    private int[] end = new int[64];
    private int[] depth = new int[64];
    private int[] parent = new int[64];
    private boolean[] isLeft = new boolean[64];
    private int[] source = new int[64];
    private int[] counts;
    private long[] mask;
    private int size;

    /**
     * @param numClasses length of a node's class counts
     * @param maskWords  length of a node's constant-feature mask (64 features a word)
     */
    NodeStack(int numClasses, int maskWords) {
        this.numClasses = numClasses;
        this.maskWords = maskWords;
        this.counts = new int[64 * numClasses];
        this.mask = new long[64 * maskWords];
    }

    /** Empties the stack for the next tree. */
    void clear() {
        size = 0;
    }

    boolean isEmpty() {
        return size == 0;
    }

    /** Adds a node on top; {@code nodeCounts} and {@code nodeMask} are copied. */
    void push(int nodeStart, int nodeEnd, int nodeDepth, int parentNode, boolean leftChild, int nodeSource,
            int[] nodeCounts, long[] nodeMask) {
        if (size == start.length) {
            int grown = size * 2;
            start = Arrays.copyOf(start, grown);
            end = Arrays.copyOf(end, grown);
            depth = Arrays.copyOf(depth, grown);
            parent = Arrays.copyOf(parent, grown);
            isLeft = Arrays.copyOf(isLeft, grown);
            source = Arrays.copyOf(source, grown);
            counts = Arrays.copyOf(counts, grown * numClasses);
            mask = Arrays.copyOf(mask, grown * maskWords);
        }
        int slot = size++;
        start[slot] = nodeStart;
        end[slot] = nodeEnd;
        depth[slot] = nodeDepth;
        parent[slot] = parentNode;
        isLeft[slot] = leftChild;
        source[slot] = nodeSource;
        System.arraycopy(nodeCounts, 0, counts, slot * numClasses, numClasses);
        System.arraycopy(nodeMask, 0, mask, slot * maskWords, maskWords);
    }

    /**
     * Removes the top node, copies its class counts and mask into {@code countsOut} and {@code maskOut}, and returns
     * its slot: the accessors read the node's other values from it until the next {@link #push}.
     */
    int pop(int[] countsOut, long[] maskOut) {
        int slot = --size;
        System.arraycopy(counts, slot * numClasses, countsOut, 0, numClasses);
        System.arraycopy(mask, slot * maskWords, maskOut, 0, maskWords);
        return slot;
    }

    int start(int slot) {
        return start[slot];
    }

    int end(int slot) {
        return end[slot];
    }

    int depth(int slot) {
        return depth[slot];
    }

    int parent(int slot) {
        return parent[slot];
    }

    boolean isLeft(int slot) {
        return isLeft[slot];
    }

    int source(int slot) {
        return source[slot];
    }

    /**
     * The bootstrap of one tree: how often each of the {@code drawCount.length} rows is drawn (n draws with
     * replacement from {@code rng}), or every row once without bootstrap.
     */
    static void drawCounts(int[] drawCount, boolean bootstrap, java.util.SplittableRandom rng) {
        int n = drawCount.length;
        if (bootstrap) {
            Arrays.fill(drawCount, 0);
            for (int i = 0; i < n; i++) {
                drawCount[rng.nextInt(n)]++;
            }
        } else {
            Arrays.fill(drawCount, 1);
        }
    }
}
