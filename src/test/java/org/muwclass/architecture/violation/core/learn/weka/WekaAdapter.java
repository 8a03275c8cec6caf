package org.muwclass.architecture.violation.core.learn.weka;

/** Allowed: Weka in core.learn.weka. */
public class WekaAdapter {

    public int attributes(weka.core.Instances data) {
        return data.numAttributes();
    }
}
