package org.muwclass.core.learn;

import java.util.Arrays;

/**
 * The tree a grower is building, in the arrays {@link FlatTree} keeps: nodes numbered in creation order, each a split
 * (feature, threshold, children) or a leaf (class fractions), and the impurity decrease per feature. Shared by the
 * exact ({@link TreeGrower}) and the binned ({@link HistTreeGrower}) split searches; reused tree after tree.
 */
final class FlatTreeBuilder {

    private final int numClasses;
    private int[] nodeFeature = new int[256];
    private double[] nodeThreshold = new double[256];
    private int[] nodeLeft = new int[256];
    private int[] nodeRight = new int[256];
    private int[] nodeLeafOffset = new int[256];
    private int nodeCount;
    private double[] leafValues;
    private int leafValuesSize;
    private double[] impurityDecrease;

    FlatTreeBuilder(int numClasses) {
        this.numClasses = numClasses;
        this.leafValues = new double[256 * numClasses];
    }

    /** Forgets the previous tree; the next one has {@code numFeatures} features. */
    void reset(int numFeatures) {
        nodeCount = 0;
        leafValuesSize = 0;
        impurityDecrease = new double[numFeatures];
    }

    /** Adds a node, as the left or right child of {@code parent} (none when negative). */
    int newNode(int parent, boolean isLeft) {
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
        if (parent >= 0) {
            if (isLeft) {
                nodeLeft[parent] = node;
            } else {
                nodeRight[parent] = node;
            }
        }
        return node;
    }

    /** Makes {@code node} a split on {@code feature} at {@code threshold} that lowers the impurity by {@code decrease}. */
    void split(int node, int feature, double threshold, double decrease) {
        nodeFeature[node] = feature;
        nodeThreshold[node] = threshold;
        impurityDecrease[feature] += decrease;
    }

    /** Makes {@code node} a leaf predicting the class fractions {@code counts / total}. */
    void leaf(int node, int[] counts, long total) {
        if (leafValuesSize + numClasses > leafValues.length) {
            leafValues = Arrays.copyOf(leafValues, leafValues.length * 2);
        }
        for (int c = 0; c < numClasses; c++) {
            leafValues[leafValuesSize + c] = (double) counts[c] / total;
        }
        nodeLeafOffset[node] = leafValuesSize;
        leafValuesSize += numClasses;
    }

    FlatTree build() {
        return new FlatTree(Arrays.copyOf(nodeFeature, nodeCount), Arrays.copyOf(nodeThreshold, nodeCount),
                Arrays.copyOf(nodeLeft, nodeCount), Arrays.copyOf(nodeRight, nodeCount),
                Arrays.copyOf(nodeLeafOffset, nodeCount), Arrays.copyOf(leafValues, leafValuesSize),
                impurityDecrease);
    }

    /** Whether a node of {@code size} rows at {@code depth} stays a leaf: too small, too deep (0: no limit), pure. */
    static boolean isLeaf(int size, int[] counts, int depth, int maxDepth) {
        if (size < 2 || (maxDepth > 0 && depth >= maxDepth)) {
            return true;
        }
        int present = 0;
        for (int c : counts) {
            if (c > 0) {
                present++;
            }
        }
        return present <= 1;
    }

    private static final int INSERTION_SORT_MAX = 24;

    /** Sorts {@code keys[0, size)} ascending: insertion sort when short. */
    static void sort(int[] keys, int size) {
        if (size > INSERTION_SORT_MAX) {
            Arrays.sort(keys, 0, size);
            return;
        }
        for (int i = 1; i < size; i++) {
            int key = keys[i];
            int j = i - 1;
            while (j >= 0 && keys[j] > key) {
                keys[j + 1] = keys[j];
                j--;
            }
            keys[j + 1] = key;
        }
    }
}
