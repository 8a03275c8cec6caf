package org.muwclass.core.report;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.Collection;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import org.muwclass.core.model.SourceClass;

/** Number of sources per class, all versus those passing the CT cut, as grouped bars (paper Fig. 9). */
public final class ClassCountsPlot {

    /** Image size, pixels. */
    public static final int WIDTH = 800;
    public static final int HEIGHT = 480;

    private ClassCountsPlot() {
    }

    /**
     * Counts sources per class.
     *
     * @param classOf   the class to count by (predicted class for a field, true or predicted for the TD)
     * @param ctOf      the source's CT
     * @param threshold the CT cut
     * @return {@code [0][class]} = all, {@code [1][class]} = with CT ≥ threshold
     */
    public static <T> long[][] count(Collection<T> sources, Function<T, SourceClass> classOf,
            ToDoubleFunction<T> ctOf, double threshold) {
        long[][] n = new long[2][SourceClass.count()];
        for (T s : sources) {
            int k = classOf.apply(s).ordinal();
            n[0][k]++;
            if (ctOf.applyAsDouble(s) >= threshold) {
                n[1][k]++;
            }
        }
        return n;
    }

    /**
     * Draws the bars.
     *
     * @param all       sources per class, in {@link SourceClass} order
     * @param confident sources per class passing the cut
     * @param threshold the CT cut, for the legend
     * @param what      what the classes are, e.g. {@code "predicted class"}
     */
    public static BufferedImage render(long[] all, long[] confident, double threshold, String what) {
        Canvas c = new Canvas(WIDTH, HEIGHT);
        long max = 1;
        for (long v : all) {
            max = Math.max(max, v);
        }
        double yMax = niceCeiling(max * 1.1);
        int k = SourceClass.count();
        Axes a = new Axes(c, 90, 50, 660, 340, 0, k, 0, yMax);
        c.centred("Sources per " + what, WIDTH / 2.0, 30, Canvas.TITLE);
        a.frame(5, "%.0f", false, 0, null);
        a.titles(null, "Number of sources");
        Color allColour = Canvas.PALETTE[0];
        Color cutColour = Canvas.PALETTE[1];
        for (SourceClass cls : SourceClass.values()) {
            int i = cls.ordinal();
            double x0 = a.px(i + 0.12);
            double bw = (a.px(1) - a.px(0)) * 0.36;
            bar(c, a, x0, bw, all[i], allColour);
            bar(c, a, x0 + bw, bw, confident[i], cutColour);
            c.g.setColor(Color.BLACK);
            c.centred(cls.label(), a.px(i + 0.5), a.top + a.height + 18, Canvas.LABEL);
        }
        c.g.setColor(allColour);
        c.g.fillRect(560, 60, 14, 14);
        c.g.setColor(cutColour);
        c.g.fillRect(560, 82, 14, 14);
        c.g.setColor(Color.BLACK);
        c.g.setFont(Canvas.LABEL);
        c.g.drawString("all", 580, 72);
        c.g.drawString("CT ≥ " + trim(threshold), 580, 94);
        c.centred(capitalised(what), a.left + a.width / 2.0, a.top + a.height + 42, Canvas.LABEL);
        return c.image;
    }

    /** Draws and writes a PNG of {@link #WIDTH}×{@link #HEIGHT} pixels. */
    public static void write(long[] all, long[] confident, double threshold, String what, Path png) {
        Canvas.write(render(all, confident, threshold, what), png);
    }

    private static void bar(Canvas c, Axes a, double x, double w, long value, Color colour) {
        double y = a.py(value);
        c.g.setColor(colour);
        c.g.fill(new java.awt.geom.Rectangle2D.Double(x, y, w, a.py(0) - y));
        c.g.setColor(Color.BLACK);
        c.centred(String.valueOf(value), x + w / 2, y - 3, Canvas.SMALL);
    }

    static double niceCeiling(double v) {
        double p = Math.pow(10, Math.floor(Math.log10(v)));
        for (double m : new double[] {1, 2, 2.5, 5, 10}) {
            if (m * p >= v) {
                return m * p;
            }
        }
        return 10 * p;
    }

    static String trim(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
    }

    private static String capitalised(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
