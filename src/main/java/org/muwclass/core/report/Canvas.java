package org.muwclass.core.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/** A white RGB image with a Graphics2D set up for plotting, plus the text helpers every chart needs. */
final class Canvas {

    static {
        // Charts never need a display; without this a stray DISPLAY variable can make AWT try to open one.
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
    }

    static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 16);
    static final Font LABEL = new Font(Font.SANS_SERIF, Font.PLAIN, 13);
    static final Font SMALL = new Font(Font.SANS_SERIF, Font.PLAIN, 11);

    /** Distinct line colours (the matplotlib "tab10" cycle). */
    static final Color[] PALETTE = {
        new Color(31, 119, 180), new Color(255, 127, 14), new Color(44, 160, 44), new Color(214, 39, 40),
        new Color(148, 103, 189), new Color(140, 86, 75), new Color(227, 119, 194), new Color(127, 127, 127),
        new Color(188, 189, 34), new Color(23, 190, 207)};

    final BufferedImage image;
    final Graphics2D g;

    Canvas(int width, int height) {
        image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        g.setColor(Color.BLACK);
        g.setStroke(new BasicStroke(1f));
    }

    /** Draws {@code text} centred on x, with its baseline at y. */
    void centred(String text, double x, double y, Font font) {
        g.setFont(font);
        FontMetrics fm = g.getFontMetrics();
        g.drawString(text, (float) (x - fm.stringWidth(text) / 2.0), (float) y);
    }

    /** Draws {@code text} right-aligned at x, vertically centred on y. */
    void rightAligned(String text, double x, double y, Font font) {
        g.setFont(font);
        FontMetrics fm = g.getFontMetrics();
        g.drawString(text, (float) (x - fm.stringWidth(text)), (float) (y + fm.getAscent() / 2.0 - 2));
    }

    /** Draws {@code text} rotated by −90° and centred on (x, y). */
    void vertical(String text, double x, double y, Font font) {
        AffineTransform saved = g.getTransform();
        g.rotate(-Math.PI / 2, x, y);
        centred(text, x, y, font);
        g.setTransform(saved);
    }

    /** Draws {@code text} rotated by {@code angle} radians about its right end at (x, y) (slanted tick labels). */
    void rotatedRight(String text, double x, double y, double angle, Font font) {
        AffineTransform saved = g.getTransform();
        g.rotate(angle, x, y);
        g.setFont(font);
        g.drawString(text, (float) (x - g.getFontMetrics().stringWidth(text)), (float) y);
        g.setTransform(saved);
    }

    /** Writes the image as PNG, creating parent folders. */
    void writePng(Path file) {
        g.dispose();
        write(image, file);
    }

    static void write(BufferedImage image, Path file) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            if (!ImageIO.write(image, "png", file.toFile())) {
                throw new IOException("no PNG writer available");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write PNG " + file, e);
        }
    }
}
