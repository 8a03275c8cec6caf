package org.muwclass.core.learn.weka;

import java.util.ArrayList;
import java.util.List;
import org.muwclass.core.features.FeatureSchema;
import org.muwclass.core.model.SourceClass;
import weka.core.Attribute;
import weka.core.DenseInstance;
import weka.core.Instance;
import weka.core.Instances;

/**
 * Weka data sets built from feature matrices: numeric attributes named by the schema, then a nominal class attribute
 * with the {@link SourceClass} labels in class order (so Weka's class index equals {@code SourceClass.ordinal()}).
 * Each row is copied once, into the instance's value array (Weka needs the class value appended); the instances are
 * then handed to the data set without the defensive copy {@link Instances#add(Instance)} makes.
 */
final class WekaData {

    private WekaData() {
    }

    /** An empty data set with the schema's attributes and the class attribute set. */
    static Instances header(FeatureSchema schema, int capacity) {
        ArrayList<Attribute> atts = new ArrayList<>(schema.size() + 1);
        for (String n : schema.names()) {
            atts.add(new Attribute(n));
        }
        List<String> labels = new ArrayList<>();
        for (SourceClass c : SourceClass.values()) {
            labels.add(c.label());
        }
        atts.add(new Attribute("class", labels));
        DirectInstances data = new DirectInstances(schema.id(), atts, capacity);
        data.setClassIndex(schema.size());
        return data;
    }

    /** A training data set holding the rows and labels. */
    static Instances training(FeatureSchema schema, double[][] rows, int[] labels) {
        DirectInstances data = (DirectInstances) header(schema, rows.length);
        for (int i = 0; i < rows.length; i++) {
            data.addDirect(instance(schema, rows[i], labels[i]));
        }
        return data;
    }

    /** One instance (class value missing when {@code label} is negative); its dataset is not set. */
    static Instance instance(FeatureSchema schema, double[] row, int label) {
        if (row.length != schema.size()) {
            throw new IllegalArgumentException("Row has " + row.length + " columns, schema " + schema.size());
        }
        double[] v = new double[row.length + 1];
        System.arraycopy(row, 0, v, 0, row.length);
        v[row.length] = label < 0 ? weka.core.Utils.missingValue() : label;
        return new DenseInstance(1.0, v);
    }

    /** Instances whose {@code add} can skip the copy. */
    private static final class DirectInstances extends Instances {

        private static final long serialVersionUID = 1L;

        DirectInstances(String name, ArrayList<Attribute> atts, int capacity) {
            super(name, atts, capacity);
        }

        void addDirect(Instance inst) {
            inst.setDataset(this);
            m_Instances.add(inst);
        }
    }
}
