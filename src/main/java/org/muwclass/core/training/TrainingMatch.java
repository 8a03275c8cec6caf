package org.muwclass.core.training;

import org.muwclass.core.model.SourceClass;

/**
 * A target that is a training source: the same CSC name, or a position within the match radius.
 *
 * @param target        index of the target in the target list
 * @param trainingRows  indices of every training row it matches, ascending
 * @param trainingName  name of the closest matched training row
 * @param trainingClass literature class of that row
 * @param separationArcsec distance to that row, arcsec
 */
public record TrainingMatch(int target, int[] trainingRows, String trainingName, SourceClass trainingClass,
                            double separationArcsec) {

    public TrainingMatch {
        trainingRows = trainingRows.clone();
    }

    @Override
    public int[] trainingRows() {
        return trainingRows.clone();
    }
}
