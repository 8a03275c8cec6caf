package org.muwclass.core.report;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.Locale;
import org.muwclass.core.eval.ConfusionMatrix;
import org.muwclass.core.model.SourceClass;

/**
 * A normalised confusion matrix as a heat map with the percentage in every cell, as in the paper's Fig. 8. Rows are
 * true classes, columns predicted classes.
 */
public final class ConfusionMatrixPlot {

    /** Which normalisation to draw. */
    public enum Kind {
        /** Rows sum to 1: fraction of each true class given each prediction. */
        RECALL("Recall"),
        /** Columns sum to 1: fraction of each prediction that is each true class. */
        PRECISION("Precision");

        private final String title;

        Kind(String title) {
            this.title = title;
        }

        public String title() {
            return title;
        }
    }

    /** Image size, pixels. */
    public static final int WIDTH = 720;
    public static final int HEIGHT = 680;

    private ConfusionMatrixPlot() {
    }

    /**
     * Draws the matrix.
     *
     * @param subtitle free text after the kind, e.g. {@code "all sources (n=2941)"}
     */
    public static BufferedImage render(ConfusionMatrix cm, Kind kind, String subtitle) {
        double[][] m = kind == Kind.RECALL ? cm.recallMatrix() : cm.precisionMatrix();
        SourceClass[] classes = SourceClass.values();
        int k = classes.length;
        Canvas c = new Canvas(WIDTH, HEIGHT);
        int left = 120;
        int top = 60;
        int cell = 64;
        c.centred(kind.title() + " confusion matrix" + (subtitle.isEmpty() ? "" : ": " + subtitle),
                WIDTH / 2.0, 30, Canvas.TITLE);
        long[][] counts = cm.counts();
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                double v = m[i][j];
                int x = left + j * cell;
                int y = top + i * cell;
                c.g.setColor(Double.isNaN(v) ? new Color(230, 230, 230) : blues(v));
                c.g.fillRect(x, y, cell, cell);
                c.g.setColor(Double.isNaN(v) || v < 0.5 ? Color.BLACK : Color.WHITE);
                String text = Double.isNaN(v) ? "–" : String.format(Locale.ROOT, "%.0f%%", 100 * v);
                c.centred(text, x + cell / 2.0, y + cell / 2.0 + 2, Canvas.LABEL);
                c.centred(String.valueOf(counts[i][j]), x + cell / 2.0, y + cell / 2.0 + 17, Canvas.SMALL);
            }
        }
        c.g.setColor(Color.BLACK);
        c.g.drawRect(left, top, k * cell, k * cell);
        for (int i = 0; i < k; i++) {
            c.rightAligned(classes[i].label(), left - 6, top + i * cell + cell / 2.0, Canvas.LABEL);
            c.rotatedRight(classes[i].label(), left + i * cell + cell / 2.0 + 4, top + k * cell + 12,
                    -Math.PI / 4, Canvas.LABEL);
        }
        c.centred("Predicted class", left + k * cell / 2.0, HEIGHT - 20, Canvas.LABEL);
        c.vertical("True class", 18, top + k * cell / 2.0, Canvas.LABEL);
        drawColourBar(c, left + k * cell + 30, top, k * cell);
        return c.image;
    }

    /** Draws and writes a PNG of {@link #WIDTH}×{@link #HEIGHT} pixels. */
    public static void write(ConfusionMatrix cm, Kind kind, String subtitle, Path png) {
        Canvas.write(render(cm, kind, subtitle), png);
    }

    private static void drawColourBar(Canvas c, int x, int y, int height) {
        for (int p = 0; p < height; p++) {
            c.g.setColor(blues(1.0 - (double) p / (height - 1)));
            c.g.fillRect(x, y + p, 20, 1);
        }
        c.g.setColor(Color.BLACK);
        c.g.drawRect(x, y, 20, height);
        for (int t = 0; t <= 4; t++) {
            double v = t / 4.0;
            int py = (int) Math.round(y + (1 - v) * height);
            c.g.drawLine(x + 20, py, x + 24, py);
            c.g.setFont(Canvas.SMALL);
            c.g.drawString(String.format(Locale.ROOT, "%.0f%%", 100 * v), x + 27, py + 4);
        }
    }

    /** Sequential white→dark-blue colour for v in [0, 1] (close to matplotlib's "Blues"). */
    static Color blues(double v) {
        double t = Math.max(0, Math.min(1, v));
        int[][] stops = {{247, 251, 255}, {198, 219, 239}, {107, 174, 214}, {33, 113, 181}, {8, 48, 107}};
        double pos = t * (stops.length - 1);
        int i = Math.min(stops.length - 2, (int) Math.floor(pos));
        double f = pos - i;
        int r = (int) Math.round(stops[i][0] + f * (stops[i + 1][0] - stops[i][0]));
        int gr = (int) Math.round(stops[i][1] + f * (stops[i + 1][1] - stops[i][1]));
        int b = (int) Math.round(stops[i][2] + f * (stops[i + 1][2] - stops[i][2]));
        return new Color(r, gr, b);
    }
}
