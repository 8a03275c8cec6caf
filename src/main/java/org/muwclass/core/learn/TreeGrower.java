package org.muwclass.core.learn;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Grows CART classification trees (Gini, best split) on a {@link PresortedColumns} matrix, reusing one workspace.
 * One instance per thread; the trees it returns depend only on the matrix, the options and the per-tree seed.
 *
 * <p>Large nodes use the classic presort CART: each feature keeps the drawn rows in sorted order, a node is the same
 * index range in every feature's array, and a split partitions each feature's range stably so the order survives.
 * Entries carry each value's rank among the column's distinct values, so scans compare ranks and never touch the
 * columns. Partitioning costs time in proportion to the number of features, so nodes of at most
 * {@code smallNodeSize} rows switch to sklearn's way: one array of the node's rows, and each feature tried is
 * gathered and sorted on the spot. Both ways evaluate the same candidate splits in the same order and draw the same
 * random numbers, so they grow the same tree; only the speed differs.
 *
 * <p>Bootstrap draws become per-row integer weights (draw counts); rows not drawn are left out, as in sklearn.
 * Class counts and sums of squares are integers, so split scores are exact up to the final comparison. Thresholds
 * are midpoints between consecutive distinct values; a row goes right when {@code x > threshold}.
 *
 * <p>Feature sampling follows sklearn's {@code BestSplitter}: features are drawn without replacement (a partial
 * Fisher-Yates shuffle); a drawn feature that is constant in the node counts as visited but is not evaluated; after
 * {@code featuresPerSplit} draws the search stops if at least one non-constant feature was evaluated, otherwise it
 * keeps drawing until it finds one or runs out, in which case the node becomes a leaf. With one sample per leaf
 * allowed, every non-constant feature has a valid split, so this is "keep looking until a valid split exists".
 * Values are equal only when exactly equal (sklearn treats values within 1e-7 as equal).
 *
 * <p>Why one class of nearly 500 lines: it is the forest's inner loop, one job (grow a tree on flat arrays), and the
 * scan, partition and workspace arrays it shares between them would only be passed around if split up; the parts
 * that are not hot or not specific to the presorted search are {@link FlatTreeBuilder} and {@link NodeStack}.
 */
final class TreeGrower {

    /**
     * Default size at or below which a node is split sklearn's way. On the MUWCLASS-shaped benchmark 8 to 16 was
     * slightly faster than 0 (presort all the way down) and 32 or more was slower.
     */
    static final int DEFAULT_SMALL_NODE_SIZE = 16;


    private final PresortedColumns data;
    private final int featuresPerSplit;
    private final int maxDepth;
    private final boolean bootstrap;
    private final int smallNodeSize;
    private final int n;
    private final int p;
    private final int numClasses;
    private final int maskWords;

    // Per-tree workspace, indexed by row of the matrix, or by position (0..m-1 over the m drawn rows).
    private final int[] drawCount;
    /** 1 for rows drawn at least once, else 0 (a compact copy of drawCount > 0 for the layout loop). */
    private final byte[] inBag;
    private final int[] label;
    /** Per row: draw count shifted left by {@link #labelBits}, or'ed with the class. */
    private final int[] packedRows;
    private final int labelBits;
    /**
     * Entries (see {@link PresortedColumns#entries}) of the drawn rows in each feature's sorted order: feature f
     * occupies [f * m, (f + 1) * m).
     */
    private final int[] order;
    private final boolean packed;
    private final int rowBits;
    private final int rowMask;
    private final long[] gatheredKeys;
    /** Rows of small nodes, by position. */
    private final int[] samples;
    private final byte[] goesLeft;
    private final int[] buffer;
    private final int[] gathered;
    private final int[] featurePool;
    private final int[] leftCounts;
    private final int[] childLeftCounts;
    private final int[] childRightCounts;
    private final long[] childMask;
    private int m;

    /**
     * Depth-first stack of nodes still to grow. A node's source: the feature whose order array holds its rows
     * sorted; -1 when they are already in {@link #samples}.
     */
    private final NodeStack stack;

    private final FlatTreeBuilder tree;

    // Result of the last split search: the proxy is kept as a fraction to avoid divisions.
    private int bestFeature;
    private int bestPosition;
    private double bestThreshold;
    private double bestProxyNumerator;
    private double bestProxyDenominator;

    TreeGrower(PresortedColumns data, int featuresPerSplit, int maxDepth, boolean bootstrap) {
        this(data, featuresPerSplit, maxDepth, bootstrap, DEFAULT_SMALL_NODE_SIZE);
    }

    TreeGrower(PresortedColumns data, int featuresPerSplit, int maxDepth, boolean bootstrap, int smallNodeSize) {
        if (data.numRows >= 1 << (31 - labelBitsFor(data.numClasses))) {
            throw new IllegalArgumentException("Too many rows (" + data.numRows + ") for " + data.numClasses
                    + " classes: at most " + ((1 << (31 - labelBitsFor(data.numClasses))) - 1));
        }
        this.data = data;
        this.featuresPerSplit = featuresPerSplit;
        this.maxDepth = maxDepth;
        this.bootstrap = bootstrap;
        this.smallNodeSize = smallNodeSize;
        this.n = data.numRows;
        this.p = data.numFeatures;
        this.numClasses = data.numClasses;
        this.maskWords = (p + 63) >>> 6;
        this.drawCount = new int[n];
        this.inBag = new byte[n];
        this.label = data.labels;
        this.packedRows = new int[n];
        this.labelBits = labelBitsFor(numClasses);
        this.order = new int[p * n];
        this.samples = new int[n];
        this.goesLeft = new byte[n];
        this.buffer = new int[n];
        this.gathered = new int[Math.min(smallNodeSize, n)];
        this.gatheredKeys = new long[Math.min(smallNodeSize, n)];
        this.packed = data.packed;
        this.rowBits = data.rowBits;
        this.rowMask = data.rowMask;
        this.featurePool = new int[p];
        this.leftCounts = new int[numClasses];
        this.childLeftCounts = new int[numClasses];
        this.childRightCounts = new int[numClasses];
        this.childMask = new long[maskWords];
        this.stack = new NodeStack(numClasses, maskWords);
        this.tree = new FlatTreeBuilder(numClasses);
    }

    /** Bits needed for a class index. */
    static int labelBitsFor(int numClasses) {
        return Math.max(1, 32 - Integer.numberOfLeadingZeros(numClasses - 1));
    }

    /** Grows one tree; all its randomness (bootstrap, feature draws) comes from {@code seed}. */
    FlatTree grow(long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        drawSample(rng);
        for (int f = 0; f < p; f++) {
            featurePool[f] = f;
        }
        tree.reset(p);
        stack.clear();
        int[] rootCounts = new int[numClasses];
        for (int row = 0; row < n; row++) {
            rootCounts[label[row]] += drawCount[row];
        }
        stack.push(0, m, 0, -1, false, 0, rootCounts, new long[maskWords]);
        int[] counts = new int[numClasses];
        long[] mask = new long[maskWords];
        while (!stack.isEmpty()) {
            int slot = stack.pop(counts, mask);
            int start = stack.start(slot);
            int end = stack.end(slot);
            int depth = stack.depth(slot);
            int source = stack.source(slot);
            int node = tree.newNode(stack.parent(slot), stack.isLeft(slot));
            long total = 0;
            long sumSquares = 0;
            for (int c : counts) {
                total += c;
                sumSquares += (long) c * c;
            }
            if (FlatTreeBuilder.isLeaf(end - start, counts, depth, maxDepth)) {
                tree.leaf(node, counts, total);
                continue;
            }
            boolean small = end - start <= smallNodeSize;
            if (small && source >= 0) {
                int base = source * m;
                for (int k = start; k < end; k++) {
                    samples[k] = order[base + k] & rowMask;
                }
            }
            if (!findSplit(start, end, small, counts, total, sumSquares, mask, rng)) {
                tree.leaf(node, counts, total);
                continue;
            }
            tree.split(node, bestFeature, bestThreshold,
                    bestProxyNumerator / bestProxyDenominator - (double) sumSquares / total);
            int[] left = childLeftCounts;
            int[] right = childRightCounts;
            int split;
            int childSource;
            if (small) {
                split = partitionSamples(start, end, data.columns[bestFeature], bestThreshold);
                childCounts(samples, start, split, end, counts, left, right);
                childSource = -1;
            } else {
                split = bestPosition + 1;
                int base = bestFeature * m;
                childCounts(order, base + start, base + split, base + end, counts, left, right);
                System.arraycopy(mask, 0, childMask, 0, maskWords);
                boolean leftLarge = split - start > smallNodeSize
                        && !FlatTreeBuilder.isLeaf(split - start, left, depth + 1, maxDepth);
                boolean rightLarge = end - split > smallNodeSize
                        && !FlatTreeBuilder.isLeaf(end - split, right, depth + 1, maxDepth);
                if (leftLarge || rightLarge) {
                    partition(start, split, end, bestFeature, leftLarge, rightLarge);
                }
                childSource = bestFeature;
            }
            long[] inherited = small ? mask : childMask;
            // Right first so that the left subtree is grown (and numbered) first.
            stack.push(split, end, depth + 1, node, false, childSource, right, inherited);
            stack.push(start, split, depth + 1, node, true, childSource, left, inherited);
        }
        return tree.build();
    }

    /**
     * Bootstrap (n draws with replacement) or the whole set; lays the drawn rows out in every feature's presorted
     * order. Rows keep their index in the matrix; {@link #drawCount} is 0 for rows not drawn.
     */
    private void drawSample(SplittableRandom rng) {
        NodeStack.drawCounts(drawCount, bootstrap, rng);
        m = 0;
        for (int row = 0; row < n; row++) {
            packedRows[row] = drawCount[row] << labelBits | label[row];
            inBag[row] = (byte) (drawCount[row] > 0 ? 1 : 0);
            if (drawCount[row] > 0) {
                m++;
            }
        }
        for (int f = 0; f < p; f++) {
            int k = f * m;
            for (int entry : data.entries[f]) {
                order[k] = entry;
                k += inBag[entry & rowMask];
            }
        }
    }

    /**
     * Finds the best split of the node's rows [start, end); sets the best* fields and returns false when every
     * feature is constant in the node. Maximises sklearn's Gini proxy sumSq(left)/w(left) + sumSq(right)/w(right),
     * which orders splits as the weighted Gini decrease does; ties keep the first found.
     */
    private boolean findSplit(int start, int end, boolean small, int[] counts, long total, long sumSquares,
            long[] mask, SplittableRandom rng) {
        bestFeature = -1;
        // Start below any real proxy (which is >= 0): -1 / 1.
        bestProxyNumerator = -1;
        bestProxyDenominator = 1;
        int visited = 0;
        boolean evaluated = false;
        for (int i = 0; i < p && (visited < featuresPerSplit || !evaluated); i++) {
            int j = i + rng.nextInt(p - i);
            int f = featurePool[j];
            featurePool[j] = featurePool[i];
            featurePool[i] = f;
            visited++;
            if ((mask[f >>> 6] & (1L << f)) != 0) {
                continue;
            }
            if (small ? scanGathered(f, start, end, counts, total, sumSquares)
                    : scanPresorted(f, start, end, counts, total, sumSquares)) {
                evaluated = true;
            }
        }
        return bestFeature >= 0;
    }

    /** The rank of an entry's value among the feature's distinct values. */
    private int rankOf(int entry, int[] rankColumn) {
        return packed ? entry >>> rowBits : rankColumn[entry];
    }

    /** Scans a feature of a large node in its presorted range; false when it is constant there. */
    private boolean scanPresorted(int f, int start, int end, int[] counts, long total, long sumSquares) {
        int base = f * m;
        int[] rankColumn = data.rank[f];
        if (rankOf(order[base + start], rankColumn) == rankOf(order[base + end - 1], rankColumn)) {
            return false;
        }
        int bestK = scan(order, rankColumn, base + start, base + end, counts, total, sumSquares);
        if (bestK >= 0) {
            double[] column = data.columns[f];
            bestFeature = f;
            bestPosition = bestK - base;
            bestThreshold = midpoint(column[order[bestK] & rowMask], column[order[bestK + 1] & rowMask]);
        }
        return true;
    }

    /** Gathers and sorts a feature of a small node, then scans it; false when it is constant there. */
    private boolean scanGathered(int f, int start, int end, int[] counts, long total, long sumSquares) {
        int[] rankColumn = data.rank[f];
        int size = end - start;
        int firstRank = rankColumn[samples[start]];
        boolean constant = true;
        if (packed) {
            for (int i = 0; i < size; i++) {
                int row = samples[start + i];
                int r = rankColumn[row];
                gathered[i] = r << rowBits | row;
                constant &= r == firstRank;
            }
            if (constant) {
                return false;
            }
            FlatTreeBuilder.sort(gathered, size);
        } else {
            for (int i = 0; i < size; i++) {
                int row = samples[start + i];
                int r = rankColumn[row];
                gatheredKeys[i] = (long) r << 32 | row;
                constant &= r == firstRank;
            }
            if (constant) {
                return false;
            }
            Arrays.sort(gatheredKeys, 0, size);
            for (int i = 0; i < size; i++) {
                gathered[i] = (int) gatheredKeys[i];
            }
        }
        int bestK = scan(gathered, rankColumn, 0, size, counts, total, sumSquares);
        if (bestK >= 0) {
            double[] column = data.columns[f];
            bestFeature = f;
            bestThreshold = midpoint(column[gathered[bestK] & rowMask], column[gathered[bestK + 1] & rowMask]);
        }
        return true;
    }

    /**
     * Scans entries sorted by rank in {@code entries[from, to)}, moving one row at a time from the right child to
     * the left. The proxy {@code sqL/wL + sqR/wR} is compared as the fraction {@code (sqL*wR + sqR*wL) / (wL*wR)} by
     * cross-multiplying, which avoids two divisions per row; exact ties still compare equal, so the first best split
     * is kept. {@code counts}, {@code total} and {@code sumSquares} describe the whole node.
     *
     * @return the index in {@code entries} of the last row going left under the best split found so far in this
     *     node, or -1 when no split here beats it
     */
    private int scan(int[] entries, int[] rankColumn, int from, int to, int[] counts, long total,
            long sumSquares) {
        // Integer sums are exact; only the right-hand counts are derived (node - left).
        int[] left = leftCounts;
        Arrays.fill(left, 0);
        int[] packedRowsLocal = packedRows;
        int shift = labelBits;
        int labelMask = (1 << labelBits) - 1;
        int rows = rowMask;
        long leftWeight = 0;
        long leftSquares = 0;
        long rightSquares = sumSquares;
        double bestNumerator = bestProxyNumerator;
        double bestDenominator = bestProxyDenominator;
        int bestK = -1;
        int last = to - 1;
        int entry = entries[from];
        int x = rankOf(entry, rankColumn);
        for (int k = from; k < last; k++) {
            int packedRow = packedRowsLocal[entry & rows];
            int c = packedRow & labelMask;
            int w = packedRow >>> shift;
            int lc = left[c];
            int rc = counts[c] - lc;
            leftSquares += (long) w * (lc + lc + w);
            rightSquares -= (long) w * (rc + rc - w);
            left[c] = lc + w;
            leftWeight += w;
            int nextEntry = entries[k + 1];
            int next = rankOf(nextEntry, rankColumn);
            if (next > x) {
                long rightWeight = total - leftWeight;
                double numerator = (double) leftSquares * rightWeight + (double) rightSquares * leftWeight;
                double denominator = (double) leftWeight * rightWeight;
                if (numerator * bestDenominator > bestNumerator * denominator) {
                    bestNumerator = numerator;
                    bestDenominator = denominator;
                    bestK = k;
                }
            }
            entry = nextEntry;
            x = next;
        }
        if (bestK >= 0) {
            bestProxyNumerator = bestNumerator;
            bestProxyDenominator = bestDenominator;
        }
        return bestK;
    }

    /** sklearn's threshold: the midpoint, or the lower value when rounding or overflow would misplace it. */
    static double midpoint(double low, double high) {
        double mid = low / 2.0 + high / 2.0;
        return mid >= low && mid < high && !Double.isInfinite(mid) ? mid : low;
    }

    /** Class counts of both children: the shorter side summed, the other the node's counts minus it. */
    private void childCounts(int[] rows, int from, int split, int to, int[] node, int[] left, int[] right) {
        int[] summed = split - from <= to - split ? left : right;
        int[] other = summed == left ? right : left;
        if (summed == left) {
            sumCounts(rows, from, split, left);
        } else {
            sumCounts(rows, split, to, right);
        }
        for (int c = 0; c < numClasses; c++) {
            other[c] = node[c] - summed[c];
        }
    }

    private void sumCounts(int[] rows, int from, int to, int[] counts) {
        Arrays.fill(counts, 0);
        for (int k = from; k < to; k++) {
            int row = rows[k] & rowMask;
            counts[label[row]] += drawCount[row];
        }
    }

    /** Splits a small node's rows [start, end) stably into those with value {@code <= threshold} and the rest. */
    private int partitionSamples(int start, int end, double[] column, double threshold) {
        int l = start;
        int r = 0;
        for (int k = start; k < end; k++) {
            int row = samples[k];
            if (column[row] > threshold) {
                buffer[r++] = row;
            } else {
                samples[l++] = row;
            }
        }
        System.arraycopy(buffer, 0, samples, l, r);
        return l;
    }

    /**
     * Splits the feature ranges of a large node [start, end) stably into the rows going left ([start, split)) and
     * right, for the children that are large (a small child takes its rows from the split feature's range, which is
     * already in that order). Features constant in the node are skipped and recorded in {@link #childMask}: they
     * stay constant below, so their ranges are never read again.
     */
    private void partition(int start, int split, int end, int splitFeature, boolean leftLarge, boolean rightLarge) {
        int splitBase = splitFeature * m;
        int rows = rowMask;
        for (int k = splitBase + start; k < splitBase + split; k++) {
            goesLeft[order[k] & rows] = 1;
        }
        for (int k = splitBase + split; k < splitBase + end; k++) {
            goesLeft[order[k] & rows] = 0;
        }
        for (int f = 0; f < p; f++) {
            if (f == splitFeature || (childMask[f >>> 6] & (1L << f)) != 0) {
                continue;
            }
            int base = f * m;
            int[] rankColumn = data.rank[f];
            if (rankOf(order[base + start], rankColumn) == rankOf(order[base + end - 1], rankColumn)) {
                childMask[f >>> 6] |= 1L << f;
                continue;
            }
            if (leftLarge && rightLarge) {
                int l = base + start;
                int r = 0;
                for (int k = base + start; k < base + end; k++) {
                    int entry = order[k];
                    int toLeft = goesLeft[entry & rows];
                    order[l] = entry;
                    buffer[r] = entry;
                    l += toLeft;
                    r += 1 - toLeft;
                }
                System.arraycopy(buffer, 0, order, l, r);
            } else if (leftLarge) {
                int l = base + start;
                for (int k = base + start; k < base + end; k++) {
                    int entry = order[k];
                    order[l] = entry;
                    l += goesLeft[entry & rows];
                }
            } else {
                int r = base + end - 1;
                for (int k = base + end - 1; k >= base + start; k--) {
                    int entry = order[k];
                    order[r] = entry;
                    r -= 1 - goesLeft[entry & rows];
                }
            }
        }
    }
}
