package org.muwclass.testsupport;

import java.util.ArrayList;
import java.util.List;
import org.muwclass.core.learn.weka.LearnerCatalogue;
import org.muwclass.core.model.SourceMeasurements;
import org.muwclass.core.physics.XrayAbsorption;
import org.muwclass.core.pipeline.ClassificationRun;
import org.muwclass.core.pipeline.EbvResolver;
import org.muwclass.core.training.TrainingSet;
import org.muwclass.core.training.TrainingSetReader;

/**
 * The pipeline tests' split of the shipped training set (TD) into a small training set and a few targets: every
 * {@code trainEvery}-th TD row trains, and of the other rows those whose index is {@code targetOffset} modulo
 * {@code targetEvery} are the targets (with their true classes, so tests can check accuracy). Small enough for
 * forests of a few trees in milliseconds, drawn from every part of the table.
 *
 * @param training the training rows, origin {@code "every N-th TD row"}
 * @param targets  the target rows, in TD order
 */
public record TrainingSplits(TrainingSet training, List<SourceMeasurements> targets) {

    public TrainingSplits {
        targets = List.copyOf(targets);
    }

    /** Every 10th TD row trains; the rows 7, 157, 307, ... are the targets. */
    public static TrainingSplits everyTenth() {
        return of(10, 150, 7);
    }

    /**
     * @param trainEvery   row {@code i} trains when {@code i % trainEvery == 0}
     * @param targetEvery  a row that does not train is a target when {@code i % targetEvery == targetOffset}
     * @param targetOffset see {@code targetEvery}
     */
    public static TrainingSplits of(int trainEvery, int targetEvery, int targetOffset) {
        TrainingSet td = TrainingSetReader.readDefault();
        List<SourceMeasurements> train = new ArrayList<>();
        List<SourceMeasurements> targets = new ArrayList<>();
        for (int i = 0; i < td.size(); i++) {
            if (i % trainEvery == 0) {
                train.add(td.sources().get(i));
            } else if (i % targetEvery == targetOffset) {
                targets.add(td.sources().get(i));
            }
        }
        return new TrainingSplits(TrainingSet.of(train, "every " + trainEvery + "th TD row"), targets);
    }

    /**
     * A classification run on the training rows with the standard learners at {@code trees} trees per forest, the
     * default X-ray absorption and the standard E(B-V) resolver.
     */
    public ClassificationRun run(int trees) {
        return new ClassificationRun(training, LearnerCatalogue.standard(trees), XrayAbsorption.loadDefault(),
                EbvResolver.standard());
    }
}
