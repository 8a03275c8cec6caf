package org.muwclass.core.learn.weka;

import java.lang.reflect.Field;
import weka.classifiers.Classifier;
import weka.classifiers.IteratedSingleClassifierEnhancer;
import weka.classifiers.trees.RandomForest;
import weka.classifiers.trees.RandomTree;

/**
 * sklearn-style mean decrease in impurity (MDI) of a trained Weka {@link RandomForest}: for every split node, the
 * node's training weight times its Gini impurity minus the same for its children, summed per attribute, normalised to
 * 1 within each tree, averaged over trees and normalised again (as sklearn's {@code feature_importances_}).
 *
 * <p>Weka does not expose tree nodes, so this reads RandomForest's and RandomTree's protected fields by reflection
 * (weka-stable 3.8.x layout: {@code m_Classifiers}, {@code m_Tree}, {@code Tree.m_Successors/m_Attribute/
 * m_ClassDistribution}). Leaves keep their class weights; a split node's weights are the sum of its children's.
 * Weka grows its trees by information gain, sklearn by Gini; the measure is the same, the trees differ slightly.
 */
final class ForestImportance {

    private ForestImportance() {
    }

    /**
     * @param forest        a trained forest
     * @param numAttributes number of input attributes (the class attribute excluded)
     * @return importance per attribute, summing to 1 (all zero for a forest of stumps)
     * @throws IllegalStateException when the Weka internals differ from the expected layout
     */
    static double[] mdi(RandomForest forest, int numAttributes) {
        try {
            Field classifiers = IteratedSingleClassifierEnhancer.class.getDeclaredField("m_Classifiers");
            classifiers.setAccessible(true);
            Field tree = RandomTree.class.getDeclaredField("m_Tree");
            tree.setAccessible(true);
            Class<?> nodeClass = Class.forName(RandomTree.class.getName() + "$Tree");
            NodeFields f = new NodeFields(field(nodeClass, "m_Successors"), field(nodeClass, "m_Attribute"),
                    field(nodeClass, "m_ClassDistribution"));
            double[] total = new double[numAttributes];
            for (Classifier c : (Classifier[]) classifiers.get(forest)) {
                double[] imp = new double[numAttributes];
                visit(tree.get(c), f, imp);
                double s = 0;
                for (double v : imp) {
                    s += v;
                }
                for (int j = 0; j < numAttributes && s > 0; j++) {
                    total[j] += imp[j] / s;
                }
            }
            double s = 0;
            for (double v : total) {
                s += v;
            }
            for (int j = 0; j < numAttributes && s > 0; j++) {
                total[j] /= s;
            }
            return total;
        } catch (ReflectiveOperationException | ClassCastException e) {
            throw new IllegalStateException("Unexpected Weka RandomForest internals: " + e, e);
        }
    }

    private record NodeFields(Field successors, Field attribute, Field distribution) {
    }

    private static Field field(Class<?> c, String name) throws NoSuchFieldException {
        Field f = c.getDeclaredField(name);
        f.setAccessible(true);
        return f;
    }

    /** Adds the node's weighted Gini decrease to {@code imp} and returns its class weights (null when empty). */
    private static double[] visit(Object node, NodeFields f, double[] imp) throws IllegalAccessException {
        int attribute = f.attribute().getInt(node);
        if (attribute < 0) {
            return (double[]) f.distribution().get(node);
        }
        Object[] children = (Object[]) f.successors().get(node);
        double[] counts = null;
        double childTerm = 0;
        for (Object child : children) {
            double[] cc = visit(child, f, imp);
            if (cc == null) {
                continue;
            }
            childTerm += weightedGini(cc);
            if (counts == null) {
                counts = cc.clone();
            } else {
                for (int k = 0; k < counts.length; k++) {
                    counts[k] += cc[k];
                }
            }
        }
        if (counts != null) {
            imp[attribute] += weightedGini(counts) - childTerm;
        }
        return counts;
    }

    /** n * Gini impurity of a weight vector (n = its sum). */
    private static double weightedGini(double[] w) {
        double n = 0;
        double sq = 0;
        for (double v : w) {
            n += v;
            sq += v * v;
        }
        return n > 0 ? n - sq / n : 0;
    }
}
