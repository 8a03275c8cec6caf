package org.muwclass.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.muwclass.core.report.ClassCountsPlot;
import org.muwclass.core.report.ProbabilityPlot;
import org.muwclass.core.report.ProbabilityProfile;
import org.muwclass.tables.ClassifiedSource;

/** Figures of a field classification: class counts with and without the CT cut, and example probabilities. */
final class ClassificationFigures {

    static final String CLASS_COUNTS = "class_counts.png";
    static final String PROBABILITIES = "probabilities.png";
    static final int EXAMPLES = 4;

    private ClassificationFigures() {
    }

    static void write(List<ClassifiedSource> sources, double ctThreshold, Path dir) {
        long[][] counts = ClassCountsPlot.count(sources, ClassifiedSource::predicted, ClassifiedSource::ct,
                ctThreshold);
        ClassCountsPlot.write(counts[0], counts[1], ctThreshold, "predicted class", dir.resolve(CLASS_COUNTS));
        ProbabilityPlot.write(examples(sources, EXAMPLES), dir.resolve(PROBABILITIES));
    }

    /** Sources evenly spaced in CT rank, least confident first (NaN CT sorts last). */
    static List<ProbabilityProfile> examples(List<ClassifiedSource> sources, int count) {
        List<ClassifiedSource> sorted = new ArrayList<>(sources);
        sorted.sort(Comparator.comparingDouble(ClassifiedSource::ct).thenComparing(ClassifiedSource::name));
        int n = Math.min(count, sorted.size());
        List<ProbabilityProfile> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int idx = n == 1 ? 0 : (int) Math.round((double) i * (sorted.size() - 1) / (n - 1));
            ClassifiedSource s = sorted.get(idx);
            out.add(new ProbabilityProfile(s.name(), s.mean(), s.std(), String.format(Locale.ROOT,
                    "predicted %s, CT=%.2f", s.predicted().label(), s.ct())));
        }
        return out;
    }
}
