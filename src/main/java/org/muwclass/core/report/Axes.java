package org.muwclass.core.report;

import java.awt.Color;
import java.util.Locale;

/** A rectangular plot area with linear data→pixel mapping, grid, ticks and axis titles. */
final class Axes {

    final Canvas canvas;
    final int left;
    final int top;
    final int width;
    final int height;
    final double xMin;
    final double xMax;
    final double yMin;
    final double yMax;

    Axes(Canvas canvas, int left, int top, int width, int height, double xMin, double xMax, double yMin, double yMax) {
        this.canvas = canvas;
        this.left = left;
        this.top = top;
        this.width = width;
        this.height = height;
        this.xMin = xMin;
        this.xMax = xMax == xMin ? xMin + 1 : xMax;
        this.yMin = yMin;
        this.yMax = yMax == yMin ? yMin + 1 : yMax;
    }

    double px(double x) {
        return left + (x - xMin) / (xMax - xMin) * width;
    }

    double py(double y) {
        return top + height - (y - yMin) / (yMax - yMin) * height;
    }

    /** Frame, light grid and numeric y ticks; numeric x ticks too when {@code xTicks} is true. */
    void frame(int yTickCount, String yFormat, boolean xTicks, int xTickCount, String xFormat) {
        var g = canvas.g;
        for (int t = 0; t <= yTickCount; t++) {
            double v = yMin + (yMax - yMin) * t / yTickCount;
            int y = (int) Math.round(py(v));
            g.setColor(new Color(225, 225, 225));
            g.drawLine(left, y, left + width, y);
            g.setColor(Color.BLACK);
            g.drawLine(left - 4, y, left, y);
            canvas.rightAligned(String.format(Locale.ROOT, yFormat, v), left - 7, y, Canvas.SMALL);
        }
        if (xTicks) {
            for (int t = 0; t <= xTickCount; t++) {
                double v = xMin + (xMax - xMin) * t / xTickCount;
                int x = (int) Math.round(px(v));
                g.setColor(new Color(225, 225, 225));
                g.drawLine(x, top, x, top + height);
                g.setColor(Color.BLACK);
                g.drawLine(x, top + height, x, top + height + 4);
                canvas.centred(String.format(Locale.ROOT, xFormat, v), x, top + height + 18, Canvas.SMALL);
            }
        }
        g.setColor(Color.BLACK);
        g.drawRect(left, top, width, height);
    }

    void titles(String xTitle, String yTitle) {
        canvas.g.setColor(Color.BLACK);
        if (xTitle != null) {
            canvas.centred(xTitle, left + width / 2.0, top + height + 42, Canvas.LABEL);
        }
        if (yTitle != null) {
            canvas.vertical(yTitle, left - 48, top + height / 2.0, Canvas.LABEL);
        }
    }
}
