package org.muwclass.core.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.geom.Ellipse2D;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import org.muwclass.core.model.SourceClass;

/** Class probabilities of a few sources with ±1σ error bars, one colour per source (paper Fig. 7). */
public final class ProbabilityPlot {

    /** Image size, pixels. */
    public static final int WIDTH = 880;
    public static final int HEIGHT = 500;
    /** At most this many sources fit the legend. */
    public static final int MAX_SOURCES = 10;

    private ProbabilityPlot() {
    }

    /** Draws up to {@link #MAX_SOURCES} profiles; more raise an IllegalArgumentException. */
    public static BufferedImage render(List<ProbabilityProfile> sources) {
        if (sources.size() > MAX_SOURCES) {
            throw new IllegalArgumentException("at most " + MAX_SOURCES + " sources per probability plot, got "
                    + sources.size());
        }
        Canvas c = new Canvas(WIDTH, HEIGHT);
        int k = SourceClass.count();
        Axes a = new Axes(c, 80, 50, 460, 360, 0, k, 0, 1);
        c.centred("Classification probabilities (mean ± 1σ over Monte-Carlo draws)", WIDTH / 2.0, 30, Canvas.TITLE);
        a.frame(10, "%.1f", false, 0, null);
        a.titles(null, "Probability");
        for (SourceClass cls : SourceClass.values()) {
            c.g.setColor(Color.BLACK);
            c.centred(cls.label(), a.px(cls.ordinal() + 0.5), a.top + a.height + 18, Canvas.LABEL);
        }
        c.centred("Class", a.left + a.width / 2.0, a.top + a.height + 42, Canvas.LABEL);
        int n = sources.size();
        for (int s = 0; s < n; s++) {
            ProbabilityProfile p = sources.get(s);
            Color colour = Canvas.PALETTE[s % Canvas.PALETTE.length];
            double[] prob = p.probabilities();
            double[] err = p.errors();
            double offset = n == 1 ? 0.5 : 0.2 + 0.6 * s / (n - 1);
            c.g.setStroke(new BasicStroke(1.5f));
            for (int i = 0; i < k; i++) {
                if (Double.isNaN(prob[i])) {
                    continue;
                }
                double x = a.px(i + offset);
                double y = a.py(prob[i]);
                c.g.setColor(colour);
                if (!Double.isNaN(err[i]) && err[i] > 0) {
                    double lo = a.py(Math.max(0, prob[i] - err[i]));
                    double hi = a.py(Math.min(1, prob[i] + err[i]));
                    c.g.draw(new java.awt.geom.Line2D.Double(x, lo, x, hi));
                    c.g.draw(new java.awt.geom.Line2D.Double(x - 3, lo, x + 3, lo));
                    c.g.draw(new java.awt.geom.Line2D.Double(x - 3, hi, x + 3, hi));
                }
                c.g.fill(new Ellipse2D.Double(x - 4, y - 4, 8, 8));
            }
            int ly = 66 + s * 36;
            c.g.setColor(colour);
            c.g.fill(new Ellipse2D.Double(560, ly - 9, 10, 10));
            c.g.setColor(Color.BLACK);
            c.g.setFont(Canvas.LABEL);
            c.g.drawString(p.name(), 576, ly);
            if (!p.note().isEmpty()) {
                c.g.setFont(Canvas.SMALL);
                c.g.drawString(p.note(), 576, ly + 14);
            }
        }
        c.g.setStroke(new BasicStroke(1f));
        return c.image;
    }

    /** Draws and writes a PNG of {@link #WIDTH}×{@link #HEIGHT} pixels. */
    public static void write(List<ProbabilityProfile> sources, Path png) {
        Canvas.write(render(sources), png);
    }
}
