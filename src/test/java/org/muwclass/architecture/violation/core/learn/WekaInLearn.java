package org.muwclass.architecture.violation.core.learn;

/** Violation: Weka used outside core.learn.weka. */
public class WekaInLearn {

    public int attributes(weka.core.Instances data) {
        return data.numAttributes();
    }
}
