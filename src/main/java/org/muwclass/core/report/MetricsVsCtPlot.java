package org.muwclass.core.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Stroke;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import java.util.function.ToDoubleFunction;
import org.muwclass.core.eval.ConfidenceCut;
import org.muwclass.core.eval.CtSweep;

/** Accuracy, balanced accuracy, macro F1, MCC, completeness and balanced completeness versus CT (paper Fig. 6). */
public final class MetricsVsCtPlot {

    /** Image size, pixels. */
    public static final int WIDTH = 800;
    public static final int HEIGHT = 520;

    private record Series(String name, ToDoubleFunction<ConfidenceCut> value, boolean dashed) {
    }

    private static final List<Series> SERIES = List.of(
            new Series("Accuracy", c -> c.metrics().accuracy(), false),
            new Series("Balanced accuracy", c -> c.metrics().balancedAccuracy(), false),
            new Series("Macro F1", c -> c.metrics().macroF1(), false),
            new Series("MCC", c -> c.metrics().mcc(), false),
            new Series("Completeness", ConfidenceCut::completeness, true),
            new Series("Balanced completeness", ConfidenceCut::balancedCompleteness, true));

    private MetricsVsCtPlot() {
    }

    /**
     * Draws the sweep.
     *
     * @param markThreshold CT value to mark with a vertical line (e.g. 2), or NaN for none
     */
    public static BufferedImage render(CtSweep sweep, double markThreshold) {
        Canvas c = new Canvas(WIDTH, HEIGHT);
        double[] t = sweep.thresholds();
        double xMax = t.length == 0 ? 1 : t[t.length - 1];
        Axes a = new Axes(c, 80, 50, 500, 390, t.length == 0 ? 0 : t[0], xMax, 0, 1);
        c.centred("Metrics and completeness versus confidence threshold", WIDTH / 2.0, 30, Canvas.TITLE);
        a.frame(10, "%.1f", true, 5, "%.1f");
        a.titles("CT threshold", "Score / fraction");
        Stroke solid = new BasicStroke(2f);
        Stroke dashed = new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, new float[] {7f, 5f},
                0f);
        for (int s = 0; s < SERIES.size(); s++) {
            Series ser = SERIES.get(s);
            Path2D.Double line = new Path2D.Double();
            boolean started = false;
            for (ConfidenceCut cut : sweep.cuts()) {
                double v = ser.value().applyAsDouble(cut);
                if (Double.isNaN(v)) {
                    started = false;
                    continue;
                }
                double x = a.px(cut.threshold());
                double y = a.py(Math.max(0, v));
                if (started) {
                    line.lineTo(x, y);
                } else {
                    line.moveTo(x, y);
                    started = true;
                }
            }
            c.g.setColor(Canvas.PALETTE[s]);
            c.g.setStroke(ser.dashed() ? dashed : solid);
            c.g.draw(line);
            int ly = 70 + s * 24;
            c.g.drawLine(600, ly, 630, ly);
            c.g.setStroke(new BasicStroke(1f));
            c.g.setColor(Color.BLACK);
            c.g.setFont(Canvas.LABEL);
            c.g.drawString(ser.name(), 638, ly + 5);
        }
        if (!Double.isNaN(markThreshold) && markThreshold >= a.xMin && markThreshold <= a.xMax) {
            c.g.setColor(Color.DARK_GRAY);
            c.g.setStroke(new BasicStroke(1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, new float[] {2f, 3f},
                    0f));
            int x = (int) Math.round(a.px(markThreshold));
            c.g.drawLine(x, a.top, x, a.top + a.height);
            c.g.setStroke(new BasicStroke(1f));
        }
        return c.image;
    }

    /** Draws and writes a PNG of {@link #WIDTH}×{@link #HEIGHT} pixels. */
    public static void write(CtSweep sweep, double markThreshold, Path png) {
        Canvas.write(render(sweep, markThreshold), png);
    }
}
