package org.muwclass.core.oversampling;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.muwclass.core.features.TrainingMatrix;

/**
 * SMOTE exactly as the paper's pipeline runs it (imblearn {@code SMOTE(k_neighbors=4)}, strategy 'auto';
 * docs/algorithm.md §7.1), written here because Weka's SMOTE filter differs (one class per pass, a percentage,
 * per-attribute gaps):
 * <ol>
 *   <li>Record each column's minimum over the non-missing training values.</li>
 *   <li>Missing values (NaN) become {@value #EXNUM}, so the neighbour search groups rows by missing-data pattern.</li>
 *   <li>Every class smaller than the largest is filled with synthetic rows up to the largest count. Per synthetic row:
 *       pick a base row of the class uniformly (with replacement), one of its k nearest same-class neighbours
 *       (Euclidean, excluding itself) uniformly, and one u ~ U(0,1): x = base + u (neighbour - base).</li>
 *   <li>Every value (original rows included) below its column's training minimum becomes missing (NaN) again.</li>
 * </ol>
 * Output: the original rows in order, then the synthetic rows class by class in class-index order. The caller then
 * replaces NaN with -100 ({@link MissingValues#fill}).
 *
 * <p>Small classes: with n rows (1 &lt; n &lt;= k) the neighbours are the other n - 1 rows; a class with a single row
 * is duplicated (imblearn would refuse). Neighbour ties are broken by row order.
 */
public final class Smote {

    /** Stand-in for missing values during the neighbour search (upstream's {@code exnum}). */
    public static final double EXNUM = -9999999;
    /** Neighbours per row, as in the paper. */
    public static final int DEFAULT_K = 4;

    private final int k;

    /** @param k neighbours per row, &gt;= 1 (the paper uses 4) */
    public Smote(int k) {
        if (k < 1) {
            throw new IllegalArgumentException("SMOTE k must be >= 1, got " + k);
        }
        this.k = k;
    }

    /** SMOTE with k = 4. */
    public static Smote paper() {
        return new Smote(DEFAULT_K);
    }

    /**
     * Balances the classes.
     *
     * @param train      standardised training rows (NaN = missing) and class indices
     * @param numClasses number of classes (labels are 0..numClasses-1)
     * @param rng        the draw's oversampling stream
     */
    public TrainingMatrix resample(TrainingMatrix train, int numClasses, SplittableRandom rng) {
        double[][] x = train.rows();
        int[] y = train.labels();
        int n = x.length;
        if (n == 0) {
            throw new IllegalArgumentException("Cannot oversample an empty training set");
        }
        int d = x[0].length;
        double[] colMin = new double[d];
        Arrays.fill(colMin, Double.POSITIVE_INFINITY);
        double[][] filled = new double[n][];
        for (int i = 0; i < n; i++) {
            double[] r = x[i].clone();
            for (int j = 0; j < d; j++) {
                if (Double.isNaN(r[j])) {
                    r[j] = EXNUM;
                } else if (r[j] < colMin[j]) {
                    colMin[j] = r[j];
                }
            }
            filled[i] = r;
        }
        List<List<Integer>> byClass = new ArrayList<>();
        for (int c = 0; c < numClasses; c++) {
            byClass.add(new ArrayList<>());
        }
        for (int i = 0; i < n; i++) {
            byClass.get(y[i]).add(i);
        }
        int majority = byClass.stream().mapToInt(List::size).max().orElse(0);

        List<double[]> rows = new ArrayList<>(Arrays.asList(filled));
        List<Integer> labels = new ArrayList<>(n + numClasses * majority);
        for (int label : y) {
            labels.add(label);
        }
        for (int c = 0; c < numClasses; c++) {
            List<Integer> members = byClass.get(c);
            int need = majority - members.size();
            if (members.isEmpty() || need <= 0) {
                continue;
            }
            int[][] nn = neighbours(filled, members);
            for (int s = 0; s < need; s++) {
                int base;
                int nb;
                if (nn[0].length == 0) {
                    base = 0;
                    nb = 0;
                } else {
                    int pick = rng.nextInt(members.size() * nn[0].length);
                    base = pick / nn[0].length;
                    nb = nn[base][pick % nn[0].length];
                }
                double u = rng.nextDouble();
                double[] a = filled[members.get(base)];
                double[] b = filled[members.get(nb)];
                double[] r = new double[d];
                for (int j = 0; j < d; j++) {
                    r[j] = a[j] + u * (b[j] - a[j]);
                }
                rows.add(r);
                labels.add(c);
            }
        }
        double[][] outRows = rows.toArray(new double[0][]);
        for (double[] r : outRows) {
            for (int j = 0; j < d; j++) {
                if (r[j] < colMin[j]) {
                    r[j] = Double.NaN;
                }
            }
        }
        return new TrainingMatrix(outRows, labels.stream().mapToInt(Integer::intValue).toArray());
    }

    /**
     * For each member (by position in {@code members}), the positions of its k nearest other members; a class of one
     * row gets an empty neighbour list.
     */
    private int[][] neighbours(double[][] x, List<Integer> members) {
        int m = members.size();
        int kk = Math.min(k, m - 1);
        int[][] out = new int[m][kk];
        double[] bestD = new double[kk];
        for (int a = 0; a < m; a++) {
            double[] xa = x[members.get(a)];
            int[] best = out[a];
            int filled = 0;
            for (int b = 0; b < m; b++) {
                if (b == a) {
                    continue;
                }
                double[] xb = x[members.get(b)];
                double s = 0;
                for (int j = 0; j < xa.length; j++) {
                    double t = xa[j] - xb[j];
                    s += t * t;
                }
                // insertion into the sorted k best; strict < keeps the earlier row on ties
                if (filled < kk || s < bestD[kk - 1]) {
                    int pos = filled < kk ? filled++ : kk - 1;
                    while (pos > 0 && s < bestD[pos - 1]) {
                        bestD[pos] = bestD[pos - 1];
                        best[pos] = best[pos - 1];
                        pos--;
                    }
                    bestD[pos] = s;
                    best[pos] = b;
                }
            }
        }
        return out;
    }
}
