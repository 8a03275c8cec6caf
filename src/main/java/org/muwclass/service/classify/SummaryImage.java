package org.muwclass.service.classify;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.muwclass.core.report.ClassCountsPlot;
import org.muwclass.core.report.ProbabilityPlot;
import org.muwclass.core.report.ProbabilityProfile;
import org.muwclass.tables.ClassifiedSource;

/**
 * The PNG summary of a classification (like Fig. 7 of Yang et al. 2022): class counts with and without the CT cut
 * above, the class probabilities of the most and least confident sources below.
 */
final class SummaryImage {

    /** Sources shown from each end of the CT ranking. */
    static final int EACH_END = 4;

    private SummaryImage() {
    }

    static void write(List<ClassifiedSource> rows, double ctThreshold, OutputStream out) throws IOException {
        long[][] counts = ClassCountsPlot.count(rows, ClassifiedSource::predicted, ClassifiedSource::ct,
                ctThreshold);
        BufferedImage top = ClassCountsPlot.render(counts[0], counts[1], ctThreshold, "predicted class");
        List<ClassifiedSource> byCt = new ArrayList<>(rows);
        byCt.sort(Comparator.comparingDouble(ClassifiedSource::ct).reversed());
        List<ProbabilityProfile> profiles = new ArrayList<>();
        int n = Math.min(EACH_END, byCt.size());
        for (int i = 0; i < n; i++) {
            profiles.add(profile(byCt.get(i), "most confident"));
        }
        for (int i = Math.max(n, byCt.size() - n); i < byCt.size(); i++) {
            profiles.add(profile(byCt.get(i), "least confident"));
        }
        BufferedImage bottom = ProbabilityPlot.render(profiles);
        BufferedImage all = new BufferedImage(Math.max(top.getWidth(), bottom.getWidth()),
                top.getHeight() + bottom.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = all.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, all.getWidth(), all.getHeight());
            g.drawImage(top, (all.getWidth() - top.getWidth()) / 2, 0, null);
            g.drawImage(bottom, (all.getWidth() - bottom.getWidth()) / 2, top.getHeight(), null);
        } finally {
            g.dispose();
        }
        if (!ImageIO.write(all, "png", out)) {
            throw new IOException("No PNG writer available");
        }
    }

    private static ProbabilityProfile profile(ClassifiedSource s, String which) {
        return new ProbabilityProfile(s.name(), s.mean(), s.std(), String.format(Locale.ROOT, "%s %s, CT=%.2f",
                which, s.predicted().label(), s.ct()));
    }
}
