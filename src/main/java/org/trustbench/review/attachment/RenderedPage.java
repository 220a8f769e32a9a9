package org.trustbench.review.attachment;

import java.awt.image.BufferedImage;

/**
 * One page or image as plain pixels (non-premultiplied ARGB, row by row), so view models need no
 * JavaFX image class; the view copies it into a {@code WritableImage}.
 *
 * @param scale display pixels per image pixel at 100% zoom: 1 for images read in full, below 1 for
 *              PDF pages rendered above screen resolution, above 1 for large images read subsampled
 */
public record RenderedPage(int width, int height, int[] argb, double scale) {

    public RenderedPage {
        if (width <= 0 || height <= 0 || argb.length != width * height || !(scale > 0)) {
            throw new IllegalArgumentException("bad page " + width + "x" + height + " (" + argb.length + " pixels), scale " + scale);
        }
    }

    public RenderedPage(int width, int height, int[] argb) {
        this(width, height, argb, 1.0);
    }

    static RenderedPage of(BufferedImage image, double scale) {
        int w = image.getWidth();
        int h = image.getHeight();
        return new RenderedPage(w, h, image.getRGB(0, 0, w, h, null, 0, w), scale);
    }

    /** Width in display pixels at 100% zoom. */
    public double displayWidth() {
        return width * scale;
    }

    /** Height in display pixels at 100% zoom. */
    public double displayHeight() {
        return height * scale;
    }
}
