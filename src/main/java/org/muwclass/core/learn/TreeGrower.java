package org.muwclass.core.learn;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Grows CART classification trees (Gini, best split) on a {@link PresortedColumns} matrix, reusing one workspace.
 * One instance per thread; the trees it returns depend only on the matrix, the options and the per-tree seed.
 *
 * <p>The classic presort CART: each feature keeps its in-bag rows in sorted order, a node is the same index range
 * in every feature's array, and a split partitions each feature's range stably (left rows first) so the order
 * survives. Bootstrap draws become per-row weights (count times instance weight); rows not drawn are left out, as in
 * sklearn. Thresholds are midpoints between consecutive distinct values; a row goes right when
 * {@code x > threshold}.
 *
 * <p>Feature sampling follows sklearn's {@code BestSplitter}: features are drawn without replacement (a partial
 * Fisher-Yates shuffle); a drawn feature that is constant in the node counts as visited but is not evaluated; after
 * {@code featuresPerSplit} draws the search stops if at least one non-constant feature was evaluated, otherwise it
 * keeps drawing until it finds one or runs out, in which case the node becomes a leaf. With one sample per leaf
 * allowed, every non-constant feature has a valid split, so this is "keep looking until a valid split exists".
 * Values are equal only when exactly equal (sklearn treats values within 1e-7 as equal).
 */
final class TreeGrower {

    private final PresortedColumns data;
    private final int featuresPerSplit;
    private final int maxDepth;
    private final boolean bootstrap;
    private final int n;
    private final int p;
    private final int numClasses;
    private final int maskWords;

    // Per-tree workspace, indexed by row of the matrix, or by feature * m + position for the m drawn rows.
    private final int[] drawCount;
    private final int[] label;
    private final double[] weight;
    private final int[] order;
    private final byte[] goesLeft;
    private final int[] buffer;
    private final int[] featurePool;
    private final double[] leftCounts;
    private final double[] rightCounts;
    private final double[] childLeftCounts;
    private final double[] childRightCounts;
    private final long[] childMask;
    private int m;

    // Depth-first stack of nodes still to grow.
    private int[] stackStart = new int[64];
    private int[] stackEnd = new int[64];
    private int[] stackDepth = new int[64];
    private int[] stackParent = new int[64];
    private boolean[] stackIsLeft = new boolean[64];
    private double[] stackCounts;
    private long[] stackMask;
    private int stackSize;

    // The tree being built.
    private int[] nodeFeature = new int[256];
    private double[] nodeThreshold = new double[256];
    private int[] nodeLeft = new int[256];
    private int[] nodeRight = new int[256];
    private int[] nodeLeafOffset = new int[256];
    private int nodeCount;
    private double[] leafValues;
    private int leafValuesSize;
    private double[] impurityDecrease;

    // Result of the last split search.
    private int bestFeature;
    private int bestPosition;
    private double bestThreshold;
    private double bestProxyNumerator;
    private double bestProxyDenominator;

    TreeGrower(PresortedColumns data, int featuresPerSplit, int maxDepth, boolean bootstrap) {
        this.data = data;
        this.featuresPerSplit = featuresPerSplit;
        this.maxDepth = maxDepth;
        this.bootstrap = bootstrap;
        this.n = data.numRows;
        this.p = data.numFeatures;
        this.numClasses = data.numClasses;
        this.maskWords = (p + 63) >>> 6;
        this.drawCount = new int[n];
        this.label = data.labels;
        this.weight = new double[n];
        this.order = new int[p * n];
        this.goesLeft = new byte[n];
        this.buffer = new int[n];
        this.featurePool = new int[p];
        this.leftCounts = new double[numClasses];
        this.rightCounts = new double[numClasses];
        this.childLeftCounts = new double[numClasses];
        this.childRightCounts = new double[numClasses];
        this.childMask = new long[maskWords];
        this.stackCounts = new double[64 * numClasses];
        this.stackMask = new long[64 * maskWords];
        this.leafValues = new double[256 * numClasses];
    }

    /** Grows one tree; all its randomness (bootstrap, feature draws) comes from {@code seed}. */
    FlatTree grow(long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        drawSample(rng);
        for (int f = 0; f < p; f++) {
            featurePool[f] = f;
        }
        nodeCount = 0;
        leafValuesSize = 0;
        impurityDecrease = new double[p];
        stackSize = 0;
        double[] rootCounts = new double[numClasses];
        for (int row = 0; row < n; row++) {
            rootCounts[label[row]] += weight[row];
        }
        push(0, m, 0, -1, false, rootCounts, new long[maskWords]);
        double[] counts = new double[numClasses];
        long[] mask = new long[maskWords];
        while (stackSize > 0) {
            stackSize--;
            int slot = stackSize;
            int start = stackStart[slot];
            int end = stackEnd[slot];
            int depth = stackDepth[slot];
            int parent = stackParent[slot];
            boolean isLeft = stackIsLeft[slot];
            System.arraycopy(stackCounts, slot * numClasses, counts, 0, numClasses);
            System.arraycopy(stackMask, slot * maskWords, mask, 0, maskWords);
            int node = newNode();
            if (parent >= 0) {
                if (isLeft) {
                    nodeLeft[parent] = node;
                } else {
                    nodeRight[parent] = node;
                }
            }
            double total = 0;
            double sumSquares = 0;
            for (double c : counts) {
                total += c;
                sumSquares += c * c;
            }
            if (isLeaf(end - start, counts, depth) || !findSplit(start, end, counts, total, sumSquares, mask, rng)) {
                makeLeaf(node, counts, total);
                continue;
            }
            nodeFeature[node] = bestFeature;
            nodeThreshold[node] = bestThreshold;
            impurityDecrease[bestFeature] += bestProxyNumerator / bestProxyDenominator - sumSquares / total;
            int split = bestPosition + 1;
            double[] left = childLeftCounts;
            double[] right = childRightCounts;
            Arrays.fill(left, 0.0);
            Arrays.fill(right, 0.0);
            sumCounts(bestFeature, start, split, left);
            sumCounts(bestFeature, split, end, right);
            boolean leftIsLeaf = isLeaf(split - start, left, depth + 1);
            boolean rightIsLeaf = isLeaf(end - split, right, depth + 1);
            System.arraycopy(mask, 0, childMask, 0, maskWords);
            if (!(leftIsLeaf && rightIsLeaf)) {
                partition(start, split, end, bestFeature);
            }
            // Right first so that the left subtree is grown (and numbered) first.
            push(split, end, depth + 1, node, false, right, childMask);
            push(start, split, depth + 1, node, true, left, childMask);
        }
        return new FlatTree(Arrays.copyOf(nodeFeature, nodeCount), Arrays.copyOf(nodeThreshold, nodeCount),
                Arrays.copyOf(nodeLeft, nodeCount), Arrays.copyOf(nodeRight, nodeCount),
                Arrays.copyOf(nodeLeafOffset, nodeCount), Arrays.copyOf(leafValues, leafValuesSize),
                impurityDecrease);
    }

    /**
     * Bootstrap (n draws with replacement) or the whole set; lays the drawn rows out in every feature's presorted
     * order. Rows keep their index in the matrix; {@link #weight} is 0 for rows not drawn.
     */
    private void drawSample(SplittableRandom rng) {
        if (bootstrap) {
            Arrays.fill(drawCount, 0);
            for (int i = 0; i < n; i++) {
                drawCount[rng.nextInt(n)]++;
            }
        } else {
            Arrays.fill(drawCount, 1);
        }
        m = 0;
        for (int row = 0; row < n; row++) {
            weight[row] = drawCount[row] * data.weight(row);
            if (drawCount[row] > 0) {
                m++;
            }
        }
        for (int f = 0; f < p; f++) {
            int k = f * m;
            for (int row : data.order[f]) {
                order[k] = row;
                k += drawCount[row] > 0 ? 1 : 0;
            }
        }
    }

    private boolean isLeaf(int size, double[] counts, int depth) {
        if (size < 2 || (maxDepth > 0 && depth >= maxDepth)) {
            return true;
        }
        int present = 0;
        for (double c : counts) {
            if (c > 0) {
                present++;
            }
        }
        return present <= 1;
    }

    /**
     * Finds the best split of the node's rows [start, end); sets the best* fields and returns false when every
     * feature is constant in the node. Maximises sklearn's Gini proxy sumSq(left)/w(left) + sumSq(right)/w(right),
     * which orders splits as the weighted Gini decrease does; ties keep the first found.
     */
    private boolean findSplit(int start, int end, double[] counts, double total, double sumSquares, long[] mask,
            SplittableRandom rng) {
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
            int base = f * m;
            double[] column = data.columns[f];
            if (column[order[base + start]] == column[order[base + end - 1]]) {
                continue;
            }
            evaluated = true;
            scanFeature(f, start, end, counts, total, sumSquares);
        }
        return bestFeature >= 0;
    }

    /**
     * Scans one feature's sorted rows in the node, moving one row at a time from right to left. The proxy
     * {@code sqL/wL + sqR/wR} is compared as the fraction {@code (sqL*wR + sqR*wL) / (wL*wR)} by cross-multiplying,
     * which avoids two divisions per row; exact ties still compare equal, so the first best split is kept.
     */
    private void scanFeature(int f, int start, int end, double[] counts, double total, double sumSquares) {
        int base = f * m;
        double[] column = data.columns[f];
        double[] left = leftCounts;
        double[] right = rightCounts;
        Arrays.fill(left, 0.0);
        System.arraycopy(counts, 0, right, 0, numClasses);
        double leftWeight = 0;
        double rightWeight = total;
        double leftSquares = 0;
        double rightSquares = sumSquares;
        double bestNumerator = bestProxyNumerator;
        double bestDenominator = bestProxyDenominator;
        int bestK = -1;
        int last = base + end - 1;
        int row = order[base + start];
        double x = column[row];
        for (int k = base + start; k < last; k++) {
            int c = label[row];
            double w = weight[row];
            double lc = left[c];
            double rc = right[c];
            leftSquares += w * (lc + lc + w);
            rightSquares -= w * (rc + rc - w);
            left[c] = lc + w;
            right[c] = rc - w;
            leftWeight += w;
            rightWeight -= w;
            int nextRow = order[k + 1];
            double next = column[nextRow];
            if (next > x) {
                double numerator = leftSquares * rightWeight + rightSquares * leftWeight;
                double denominator = leftWeight * rightWeight;
                if (numerator * bestDenominator > bestNumerator * denominator) {
                    bestNumerator = numerator;
                    bestDenominator = denominator;
                    bestK = k;
                }
            }
            row = nextRow;
            x = next;
        }
        if (bestK >= 0) {
            bestProxyNumerator = bestNumerator;
            bestProxyDenominator = bestDenominator;
            bestFeature = f;
            bestPosition = bestK - base;
            bestThreshold = midpoint(column[order[bestK]], column[order[bestK + 1]]);
        }
    }

    /** sklearn's threshold: the midpoint, or the lower value when rounding or overflow would misplace it. */
    static double midpoint(double low, double high) {
        double mid = low / 2.0 + high / 2.0;
        return mid >= low && mid < high && !Double.isInfinite(mid) ? mid : low;
    }

    private void sumCounts(int f, int from, int to, double[] counts) {
        int base = f * m;
        for (int k = base + from; k < base + to; k++) {
            int id = order[k];
            counts[label[id]] += weight[id];
        }
    }

    /**
     * Splits every feature's range [start, end) stably into rows going left ([start, split)) and right. The split
     * feature is already in that order. Features constant in the node are skipped and recorded in
     * {@link #childMask}: they stay constant below, so their ranges are never read again.
     */
    private void partition(int start, int split, int end, int splitFeature) {
        int splitBase = splitFeature * m;
        for (int k = splitBase + start; k < splitBase + split; k++) {
            goesLeft[order[k]] = 1;
        }
        for (int k = splitBase + split; k < splitBase + end; k++) {
            goesLeft[order[k]] = 0;
        }
        for (int f = 0; f < p; f++) {
            if (f == splitFeature || (childMask[f >>> 6] & (1L << f)) != 0) {
                continue;
            }
            int base = f * m;
            double[] column = data.columns[f];
            if (column[order[base + start]] == column[order[base + end - 1]]) {
                childMask[f >>> 6] |= 1L << f;
                continue;
            }
            int l = base + start;
            int r = 0;
            for (int k = base + start; k < base + end; k++) {
                int id = order[k];
                int toLeft = goesLeft[id];
                order[l] = id;
                buffer[r] = id;
                l += toLeft;
                r += 1 - toLeft;
            }
            System.arraycopy(buffer, 0, order, l, r);
        }
    }

    private int newNode() {
        if (nodeCount == nodeFeature.length) {
            int size = nodeCount * 2;
            nodeFeature = Arrays.copyOf(nodeFeature, size);
            nodeThreshold = Arrays.copyOf(nodeThreshold, size);
            nodeLeft = Arrays.copyOf(nodeLeft, size);
            nodeRight = Arrays.copyOf(nodeRight, size);
            nodeLeafOffset = Arrays.copyOf(nodeLeafOffset, size);
        }
        int node = nodeCount++;
        nodeFeature[node] = -1;
        nodeThreshold[node] = Double.NaN;
        nodeLeft[node] = -1;
        nodeRight[node] = -1;
        nodeLeafOffset[node] = -1;
        return node;
    }

    private void makeLeaf(int node, double[] counts, double total) {
        if (leafValuesSize + numClasses > leafValues.length) {
            leafValues = Arrays.copyOf(leafValues, leafValues.length * 2);
        }
        for (int c = 0; c < numClasses; c++) {
            leafValues[leafValuesSize + c] = counts[c] / total;
        }
        nodeLeafOffset[node] = leafValuesSize;
        leafValuesSize += numClasses;
    }

    private void push(int start, int end, int depth, int parent, boolean isLeft, double[] counts, long[] mask) {
        if (stackSize == stackStart.length) {
            int size = stackSize * 2;
            stackStart = Arrays.copyOf(stackStart, size);
            stackEnd = Arrays.copyOf(stackEnd, size);
            stackDepth = Arrays.copyOf(stackDepth, size);
            stackParent = Arrays.copyOf(stackParent, size);
            stackIsLeft = Arrays.copyOf(stackIsLeft, size);
            stackCounts = Arrays.copyOf(stackCounts, size * numClasses);
            stackMask = Arrays.copyOf(stackMask, size * maskWords);
        }
        int slot = stackSize++;
        stackStart[slot] = start;
        stackEnd[slot] = end;
        stackDepth[slot] = depth;
        stackParent[slot] = parent;
        stackIsLeft[slot] = isLeft;
        System.arraycopy(counts, 0, stackCounts, slot * numClasses, numClasses);
        System.arraycopy(mask, 0, stackMask, slot * maskWords, maskWords);
    }
}
