package org.muwclass.core.learn;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Grows CART classification trees (Gini, best split) on a {@link BinnedColumns} matrix: the histogram split search
 * of the fast forest. One instance per thread; the trees it returns depend only on the matrix, the options and the
 * per-tree seed, and it draws the same random numbers as {@link TreeGrower} (bootstrap, then the features of every
 * node in the same depth-first order), so with one bin per distinct value it grows exactly the exact mode's trees.
 *
 * <p>A node is a range of one index array holding the bootstrap's distinct rows (weights are the draw counts); a
 * split partitions only that range, stably. A feature tried at a large node is scanned through a class histogram
 * over its bins (one pass over the node's rows, then one over the non-zero (bin, class) entries, which per-bin
 * class flags list); at a small node the rows' bin codes are gathered and sorted instead, which costs less than a
 * histogram's bins. Candidate splits lie between the non-empty
 * bins of the node in increasing order; the first best (sklearn's Gini proxy, compared exactly as in
 * {@link TreeGrower}) wins. The threshold is a real value: the midpoint of the left bin's largest and the right
 * bin's smallest training value. A feature found constant (all of the node's rows in one bin) is remembered for the
 * node's subtree and not scanned there again; as in the exact mode it still counts as a visited feature.
 *
 * <p>Children's class counts come from the scan (left) and the parent's counts minus them (right). Histograms are
 * built only for the features a node draws: with 5 of 29 features per node and 8 classes, building all 29 to derive
 * the larger child by subtraction costs more than it saves (docs/benchmarks.md).
 *
 * <p>Why one class of nearly 500 lines: like {@link TreeGrower}, it is one inner loop over one shared workspace
 * (rows, histograms, occupancy flags); what the two growers share is in {@link FlatTreeBuilder} and
 * {@link NodeStack}.
 */
final class HistTreeGrower {

    /** Default size at or below which a node's codes are sorted instead of binned into a histogram. */
    static final int DEFAULT_SMALL_NODE_SIZE = 16;

    /** Rows must fit beside a bin code in an int. */
    static final int MAX_ROWS = 1 << 23;

    private static final java.lang.invoke.VarHandle FLAGS =
            java.lang.invoke.MethodHandles.byteArrayViewVarHandle(long[].class, java.nio.ByteOrder.LITTLE_ENDIAN);
    private static final int ROW_MASK = MAX_ROWS - 1;

    private final BinnedColumns data;
    private final byte[] codes;
    private final int featuresPerSplit;
    private final int maxDepth;
    private final boolean bootstrap;
    private final int smallNodeSize;
    private final int n;
    private final int p;
    private final int numClasses;
    private final int labelBits;
    private final int labelMask;
    private final int maskWords;
    private final int[] label;

    private final int[] drawCount;
    /** Per row: draw count shifted left by {@link #labelBits}, or'ed with the class. */
    private final int[] packedRows;
    /** The drawn rows; a node is a range of it. */
    private final int[] rows;
    private final int[] buffer;
    private final int[] gathered;
    /** One class histogram per feature drawn at a node, {@code [bin << labelBits | class]}, kept all zero. */
    private final int[][] histograms;
    /**
     * Per histogram: byte b has bit (class mod 8) set for every class with rows in bin b, so it is non-zero when the
     * bin is non-empty and, with at most 8 classes, names exactly the non-zero entries of the bin. Read eight bins
     * at a time while a histogram is scanned.
     */
    private final byte[][] occupied;
    private final int[] candidate;
    /** Classes present in the node being split. */
    private final int[] present;
    private final int[] featurePool;
    private final int[] leftCounts;
    private final int[] bestLeftCounts;
    private final int[] rightCounts;
    private int m;

    private final NodeStack stack;

    private final FlatTreeBuilder tree;

    private int bestFeature;
    private int bestLeftBin;
    private int bestRightBin;
    private double bestProxyNumerator;
    private double bestProxyDenominator;

    HistTreeGrower(BinnedColumns data, int featuresPerSplit, int maxDepth, boolean bootstrap) {
        this(data, featuresPerSplit, maxDepth, bootstrap, DEFAULT_SMALL_NODE_SIZE);
    }

    HistTreeGrower(BinnedColumns data, int featuresPerSplit, int maxDepth, boolean bootstrap, int smallNodeSize) {
        this.labelBits = TreeGrower.labelBitsFor(data.numClasses);
        if (data.numRows >= MAX_ROWS || data.numRows >= 1 << (31 - labelBits)) {
            throw new IllegalArgumentException("Too many rows (" + data.numRows + ") for the binned forest");
        }
        this.data = data;
        this.codes = data.codes;
        this.featuresPerSplit = featuresPerSplit;
        this.maxDepth = maxDepth;
        this.bootstrap = bootstrap;
        this.smallNodeSize = smallNodeSize;
        this.n = data.numRows;
        this.p = data.numFeatures;
        this.numClasses = data.numClasses;
        this.labelMask = (1 << labelBits) - 1;
        this.maskWords = (p + 63) >>> 6;
        this.label = data.labels;
        this.drawCount = new int[n];
        this.packedRows = new int[n];
        this.rows = new int[n];
        this.buffer = new int[n];
        this.gathered = new int[Math.min(Math.max(smallNodeSize, 1), n)];
        int slots = Math.max(1, Math.min(featuresPerSplit, p));
        this.histograms = new int[slots][BinnedColumns.MAX_BINS << labelBits];
        this.occupied = new byte[slots][BinnedColumns.MAX_BINS];
        this.candidate = new int[slots];
        this.present = new int[numClasses];
        this.featurePool = new int[p];
        this.leftCounts = new int[numClasses];
        this.bestLeftCounts = new int[numClasses];
        this.rightCounts = new int[numClasses];
        this.stack = new NodeStack(numClasses, maskWords);
        this.tree = new FlatTreeBuilder(numClasses);
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
        stack.push(0, m, 0, -1, false, -1, rootCounts, new long[maskWords]);
        int[] counts = new int[numClasses];
        long[] mask = new long[maskWords];
        while (!stack.isEmpty()) {
            int slot = stack.pop(counts, mask);
            int start = stack.start(slot);
            int end = stack.end(slot);
            int depth = stack.depth(slot);
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
            if (!findSplit(start, end, counts, total, sumSquares, mask, rng)) {
                tree.leaf(node, counts, total);
                continue;
            }
            tree.split(node, bestFeature, data.threshold(bestFeature, bestLeftBin, bestRightBin),
                    bestProxyNumerator / bestProxyDenominator - (double) sumSquares / total);
            int split = partition(start, end, bestFeature, bestLeftBin);
            for (int c = 0; c < numClasses; c++) {
                rightCounts[c] = counts[c] - bestLeftCounts[c];
            }
            // Right first so that the left subtree is grown (and numbered) first.
            stack.push(split, end, depth + 1, node, false, -1, rightCounts, mask);
            stack.push(start, split, depth + 1, node, true, -1, bestLeftCounts, mask);
        }
        return tree.build();
    }

    /** Bootstrap by counts (n draws with replacement) or the whole set; the drawn rows in ascending order. */
    private void drawSample(SplittableRandom rng) {
        NodeStack.drawCounts(drawCount, bootstrap, rng);
        m = 0;
        for (int row = 0; row < n; row++) {
            packedRows[row] = drawCount[row] << labelBits | label[row];
            rows[m] = row;
            m += drawCount[row] > 0 ? 1 : 0;
        }
    }

    /**
     * As {@link TreeGrower}'s: features drawn without replacement until one of the first K (or a later one) is
     * usable. The first K draws always happen, so at a large node their histograms are built in one pass over the
     * node's rows and then scanned in draw order; features drawn after that (only when all K were constant) are
     * scanned one by one. Same draws, same order of evaluation, so the same split as scanning one at a time.
     */
    private boolean findSplit(int start, int end, int[] counts, long total, long sumSquares, long[] mask,
            SplittableRandom rng) {
        bestFeature = -1;
        bestProxyNumerator = -1;
        bestProxyDenominator = 1;
        boolean evaluated = false;
        boolean small = end - start <= smallNodeSize;
        int first = Math.min(featuresPerSplit, p);
        int candidates = 0;
        for (int i = 0; i < first; i++) {
            int f = drawFeature(i, rng);
            if ((mask[f >>> 6] & (1L << f)) == 0) {
                candidate[candidates++] = f;
            }
        }
        if (small) {
            for (int j = 0; j < candidates; j++) {
                int f = candidate[j];
                if (scanSorted(f, start, end, counts, total, sumSquares)) {
                    evaluated = true;
                } else {
                    mask[f >>> 6] |= 1L << f;
                }
            }
        } else if (candidates > 0) {
            buildHistograms(start, end, candidates);
            for (int j = 0; j < candidates; j++) {
                int f = candidate[j];
                if (scan(f, histograms[j], occupied[j], counts, total, sumSquares)) {
                    evaluated = true;
                } else {
                    mask[f >>> 6] |= 1L << f;
                }
            }
        }
        for (int i = first; i < p && !evaluated; i++) {
            int f = drawFeature(i, rng);
            if ((mask[f >>> 6] & (1L << f)) != 0) {
                continue;
            }
            boolean usable;
            if (small) {
                usable = scanSorted(f, start, end, counts, total, sumSquares);
            } else {
                candidate[0] = f;
                buildHistograms(start, end, 1);
                usable = scan(f, histograms[0], occupied[0], counts, total, sumSquares);
            }
            if (usable) {
                evaluated = true;
            } else {
                mask[f >>> 6] |= 1L << f;
            }
        }
        return bestFeature >= 0;
    }

    /** Draw number {@code i} of a node's features without replacement (a partial Fisher-Yates shuffle). */
    private int drawFeature(int i, SplittableRandom rng) {
        int j = i + rng.nextInt(p - i);
        int f = featurePool[j];
        featurePool[j] = featurePool[i];
        featurePool[i] = f;
        return f;
    }

    /** Class histograms of {@code candidate[0, count)} over the node's rows, in one pass over the rows. */
    private void buildHistograms(int start, int end, int count) {
        byte[] c8 = codes;
        int[] packed = packedRows;
        int[] r = rows;
        int shift = labelBits;
        int lmask = labelMask;
        int stride = p;
        if (count == 5) {
            int f0 = candidate[0];
            int f1 = candidate[1];
            int f2 = candidate[2];
            int f3 = candidate[3];
            int f4 = candidate[4];
            int[] h0 = histograms[0];
            int[] h1 = histograms[1];
            int[] h2 = histograms[2];
            int[] h3 = histograms[3];
            int[] h4 = histograms[4];
            byte[] o0 = occupied[0];
            byte[] o1 = occupied[1];
            byte[] o2 = occupied[2];
            byte[] o3 = occupied[3];
            byte[] o4 = occupied[4];
            for (int k = start; k < end; k++) {
                int row = r[k];
                int pr = packed[row];
                int cls = pr & lmask;
                int w = pr >>> shift;
                int base = row * stride;
                int c0 = c8[base + f0] & 0xFF;
                int c1 = c8[base + f1] & 0xFF;
                int c2 = c8[base + f2] & 0xFF;
                int c3 = c8[base + f3] & 0xFF;
                int c4 = c8[base + f4] & 0xFF;
                h0[c0 << shift | cls] += w;
                h1[c1 << shift | cls] += w;
                h2[c2 << shift | cls] += w;
                h3[c3 << shift | cls] += w;
                h4[c4 << shift | cls] += w;
                byte bit = (byte) (1 << (cls & 7));
                o0[c0] |= bit;
                o1[c1] |= bit;
                o2[c2] |= bit;
                o3[c3] |= bit;
                o4[c4] |= bit;
            }
            return;
        }
        for (int j = 0; j < count; j++) {
            int f = candidate[j];
            int[] h = histograms[j];
            byte[] o = occupied[j];
            for (int k = start; k < end; k++) {
                int row = r[k];
                int code = c8[row * stride + f] & 0xFF;
                int pr = packed[row];
                int cls = pr & lmask;
                h[code << shift | cls] += pr >>> shift;
                o[code] |= (byte) (1 << (cls & 7));
            }
        }
    }

    private boolean scan(int f, int[] h, byte[] flags, int[] counts, long total, long sumSquares) {
        return numClasses <= 8 ? scanEntries(f, h, flags, counts, total, sumSquares)
                : scanBins(f, h, flags, counts, total, sumSquares);
    }

    /**
     * Scans the non-zero (bin, class) entries of a class histogram in increasing bin order, for at most 8 classes:
     * flag byte b holds one bit per class present in bin b, so eight bins' flags are one long whose set bits are
     * exactly the entries to add (about a third of bins x classes present on the TD matrix). A candidate split is
     * evaluated where the bin changes. Clears the histogram and the flags as it goes; false when only one bin is
     * occupied.
     */
    private boolean scanEntries(int f, int[] h, byte[] flags, int[] counts, long total, long sumSquares) {
        int shift = labelBits;
        int[] left = leftCounts;
        Arrays.fill(left, 0);
        long leftWeight = 0;
        long leftSquares = 0;
        long rightSquares = sumSquares;
        double bestNumerator = bestProxyNumerator;
        double bestDenominator = bestProxyDenominator;
        int bestLeft = -1;
        int bestRight = -1;
        int previous = -1;
        int nonEmpty = 0;
        for (int word = 0; word < BinnedColumns.MAX_BINS; word += 8) {
            long bits = (long) FLAGS.get(flags, word);
            if (bits == 0) {
                continue;
            }
            FLAGS.set(flags, word, 0L);
            do {
                int bit = Long.numberOfTrailingZeros(bits);
                bits &= bits - 1;
                int b = word + (bit >>> 3);
                if (b != previous) {
                    if (previous >= 0) {
                        long rightWeight = total - leftWeight;
                        double numerator = (double) leftSquares * rightWeight + (double) rightSquares * leftWeight;
                        double denominator = (double) leftWeight * rightWeight;
                        if (numerator * bestDenominator > bestNumerator * denominator) {
                            bestNumerator = numerator;
                            bestDenominator = denominator;
                            bestLeft = previous;
                            bestRight = b;
                            System.arraycopy(left, 0, bestLeftCounts, 0, numClasses);
                        }
                    }
                    previous = b;
                    nonEmpty++;
                }
                int c = bit & 7;
                int index = b << shift | c;
                int w = h[index];
                h[index] = 0;
                int lc = left[c];
                int rc = counts[c] - lc;
                leftSquares += (long) w * (lc + lc + w);
                rightSquares -= (long) w * (rc + rc - w);
                left[c] = lc + w;
                leftWeight += w;
            } while (bits != 0);
        }
        if (nonEmpty <= 1) {
            return false;
        }
        if (bestLeft >= 0) {
            bestFeature = f;
            bestLeftBin = bestLeft;
            bestRightBin = bestRight;
            bestProxyNumerator = bestNumerator;
            bestProxyDenominator = bestDenominator;
        }
        return true;
    }

    /**
     * Scans the non-empty bins of a class histogram in increasing order (the occupied flags list them), clearing
     * the histogram and the flags as it goes; false when only one bin is occupied.
     */
    private boolean scanBins(int f, int[] h, byte[] flags, int[] counts, long total, long sumSquares) {
        int shift = labelBits;
        int[] left = leftCounts;
        Arrays.fill(left, 0);
        int classes = numClasses;
        long leftWeight = 0;
        long leftSquares = 0;
        long rightSquares = sumSquares;
        double bestNumerator = bestProxyNumerator;
        double bestDenominator = bestProxyDenominator;
        int bestLeft = -1;
        int bestRight = -1;
        int previous = -1;
        int nonEmpty = 0;
        int[] presentClasses = present;
        int presentCount = 0;
        for (int c = 0; c < classes; c++) {
            if (counts[c] > 0) {
                presentClasses[presentCount++] = c;
            }
        }
        for (int word = 0; word < BinnedColumns.MAX_BINS; word += 8) {
            long bits = (long) FLAGS.get(flags, word);
            if (bits == 0) {
                continue;
            }
            FLAGS.set(flags, word, 0L);
            while (bits != 0) {
                // A flag byte may hold several class bits: take the whole byte.
                int lowest = Long.numberOfTrailingZeros(bits) & ~7;
                int b = word + (lowest >>> 3);
                bits &= ~(0xFFL << lowest);
                int base = b << shift;
                if (previous >= 0) {
                    long rightWeight = total - leftWeight;
                    double numerator = (double) leftSquares * rightWeight + (double) rightSquares * leftWeight;
                    double denominator = (double) leftWeight * rightWeight;
                    if (numerator * bestDenominator > bestNumerator * denominator) {
                        bestNumerator = numerator;
                        bestDenominator = denominator;
                        bestLeft = previous;
                        bestRight = b;
                        System.arraycopy(left, 0, bestLeftCounts, 0, classes);
                    }
                }
                // Only the node's classes; branch-free: a class absent from the bin adds zero (a branch on it
                // mispredicts too often).
                for (int i = 0; i < presentCount; i++) {
                    int c = presentClasses[i];
                    int w = h[base + c];
                    int lc = left[c];
                    int rc = counts[c] - lc;
                    leftSquares += (long) w * (lc + lc + w);
                    rightSquares -= (long) w * (rc + rc - w);
                    left[c] = lc + w;
                    leftWeight += w;
                    h[base + c] = 0;
                }
                previous = b;
                nonEmpty++;
            }
        }
        if (nonEmpty <= 1) {
            return false;
        }
        if (bestLeft >= 0) {
            bestFeature = f;
            bestLeftBin = bestLeft;
            bestRightBin = bestRight;
            bestProxyNumerator = bestNumerator;
            bestProxyDenominator = bestDenominator;
        }
        return true;
    }

    /** Sorts a small node's (code, row) keys and scans them; false when all its rows share one bin. */
    private boolean scanSorted(int f, int start, int end, int[] counts, long total, long sumSquares) {
        int size = end - start;
        int[] keys = gathered;
        byte[] c8 = codes;
        int stride = p;
        int first = c8[rows[start] * stride + f] & 0xFF;
        boolean constant = true;
        for (int i = 0; i < size; i++) {
            int row = rows[start + i];
            int code = c8[row * stride + f] & 0xFF;
            keys[i] = code << 23 | row;
            constant &= code == first;
        }
        if (constant) {
            return false;
        }
        FlatTreeBuilder.sort(keys, size);
        int[] left = leftCounts;
        Arrays.fill(left, 0);
        int[] packed = packedRows;
        int shift = labelBits;
        int lmask = labelMask;
        int classes = numClasses;
        long leftWeight = 0;
        long leftSquares = 0;
        long rightSquares = sumSquares;
        double bestNumerator = bestProxyNumerator;
        double bestDenominator = bestProxyDenominator;
        boolean improved = false;
        int last = size - 1;
        int key = keys[0];
        int x = key >>> 23;
        for (int k = 0; k < last; k++) {
            int pr = packed[key & ROW_MASK];
            int c = pr & lmask;
            int w = pr >>> shift;
            int lc = left[c];
            int rc = counts[c] - lc;
            leftSquares += (long) w * (lc + lc + w);
            rightSquares -= (long) w * (rc + rc - w);
            left[c] = lc + w;
            leftWeight += w;
            int nextKey = keys[k + 1];
            int next = nextKey >>> 23;
            if (next > x) {
                long rightWeight = total - leftWeight;
                double numerator = (double) leftSquares * rightWeight + (double) rightSquares * leftWeight;
                double denominator = (double) leftWeight * rightWeight;
                if (numerator * bestDenominator > bestNumerator * denominator) {
                    bestNumerator = numerator;
                    bestDenominator = denominator;
                    bestLeftBin = x;
                    bestRightBin = next;
                    System.arraycopy(left, 0, bestLeftCounts, 0, classes);
                    improved = true;
                }
            }
            key = nextKey;
            x = next;
        }
        if (improved) {
            bestFeature = f;
            bestProxyNumerator = bestNumerator;
            bestProxyDenominator = bestDenominator;
        }
        return true;
    }

    /** Splits the node's rows [start, end) stably into those with code {@code <= leftBin} and the rest. */
    private int partition(int start, int end, int f, int leftBin) {
        int[] r = rows;
        int[] right = buffer;
        byte[] c8 = codes;
        int stride = p;
        int l = start;
        int k2 = 0;
        for (int k = start; k < end; k++) {
            int row = r[k];
            int toLeft = (c8[row * stride + f] & 0xFF) <= leftBin ? 1 : 0;
            r[l] = row;
            right[k2] = row;
            l += toLeft;
            k2 += 1 - toLeft;
        }
        System.arraycopy(right, 0, r, l, k2);
        return l;
    }
}
