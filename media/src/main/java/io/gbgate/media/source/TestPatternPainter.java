package io.gbgate.media.source;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.time.Clock;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

/**
 * Draws the test picture with Java2D into one reused BGR image: 75% colour bars, a box that
 * moves one step per frame, the camera name, the wall clock with milliseconds and the frame
 * number. Not thread-safe.
 */
final class TestPatternPainter implements AutoCloseable {
    private static final Color[] BARS = {
        new Color(191, 191, 191), new Color(191, 191, 0), new Color(0, 191, 191), new Color(0, 191, 0),
        new Color(191, 0, 191), new Color(191, 0, 0), new Color(0, 0, 191),
    };
    private static final Color LABEL_BACKGROUND = new Color(0, 0, 0, 170);
    private static final DateTimeFormatter CLOCK_FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS");

    private final String cameraName;
    private final int width;
    private final int height;
    private final Clock clock;
    private final BufferedImage image;
    private final Graphics2D graphics;
    private final int boxSize;
    private final int margin;
    private final BasicStroke crossStroke;

    TestPatternPainter(String cameraName, int width, int height, Clock clock) {
        this.cameraName = cameraName;
        this.width = width;
        this.height = height;
        this.clock = clock;
        this.image = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
        this.graphics = image.createGraphics();
        graphics.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        graphics.setFont(new Font(Font.MONOSPACED, Font.BOLD, Math.max(10, height / 16)));
        this.boxSize = Math.max(8, height / 6);
        this.margin = Math.max(4, height / 40);
        this.crossStroke = new BasicStroke(Math.max(2, boxSize / 12f));
    }

    /**
     * Paints frame {@code index} and returns the pixels, B G R per pixel, rows {@code 3 * width}
     * bytes apart. The array is reused by the next call.
     */
    byte[] paint(long index) {
        int barsHeight = height * 2 / 3;
        for (int i = 0; i < BARS.length; i++) {
            int x0 = i * width / BARS.length;
            int x1 = (i + 1) * width / BARS.length;
            graphics.setColor(BARS[i]);
            graphics.fillRect(x0, 0, x1 - x0, barsHeight);
        }
        graphics.setColor(Color.DARK_GRAY);
        graphics.fillRect(0, barsHeight, width, height - barsHeight);
        paintMovingBox(index, barsHeight);
        FontMetrics metrics = graphics.getFontMetrics();
        label(cameraName, margin, margin, metrics);
        String clockText = CLOCK_FORMAT.format(ZonedDateTime.now(clock));
        label(clockText, margin, height - margin - metrics.getHeight(), metrics);
        String frameText = "#" + index;
        label(frameText, width - margin - metrics.stringWidth(frameText) - 2 * margin, margin, metrics);
        return ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
    }

    /** The box sweeps across the picture and back, and bobs between the bars and the bottom. */
    private void paintMovingBox(long index, int barsHeight) {
        int travelX = width - boxSize;
        int travelY = height - boxSize;
        int x = (int) triangle(index * Math.max(2, width / 100), travelX);
        int y = (int) triangle(index * Math.max(1, height / 120), travelY);
        graphics.setColor(Color.WHITE);
        graphics.fillRect(x, y, boxSize, boxSize);
        graphics.setColor(Color.BLACK);
        graphics.setStroke(crossStroke);
        graphics.drawLine(x, y, x + boxSize, y + boxSize);
        graphics.drawLine(x + boxSize, y, x, y + boxSize);
        graphics.setColor(Color.ORANGE);
        graphics.fillRect(0, barsHeight, (int) (index % width), Math.max(2, height / 90));
    }

    private static long triangle(long position, int span) {
        if (span <= 0) {
            return 0;
        }
        long phase = position % (2L * span);
        return phase <= span ? phase : 2L * span - phase;
    }

    private void label(String text, int x, int y, FontMetrics metrics) {
        graphics.setColor(LABEL_BACKGROUND);
        graphics.fillRect(x, y, metrics.stringWidth(text) + 2 * margin, metrics.getHeight());
        graphics.setColor(Color.WHITE);
        graphics.drawString(text, x + margin, y + metrics.getAscent());
    }

    @Override
    public void close() {
        graphics.dispose();
    }
}
