package org.trustbench.review.attachment;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Locale;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.trustbench.i18n.UserMessage;

/** Turns attachment bytes into a {@link RenderedPage}: PDF pages with PDFBox, images with ImageIO. */
final class PageRenderer {

    /** PDF pages are rendered at 1.5 times screen resolution so text stays sharp up to 150%. */
    static final float PDF_DPI = 144f;
    static final double SCREEN_DPI = 96.0;
    /** About 64 MB of pixels; larger pages are rendered at a lower resolution, larger images subsampled. */
    static final long MAX_PIXELS = 16_000_000L;
    static final int MAX_SIDE = 8192;
    private static final byte[] PDF_MAGIC = "%PDF-".getBytes(StandardCharsets.US_ASCII);

    /** One rendered page and how many pages the attachment has; {@code paged} is true for PDFs. */
    record Result(RenderedPage page, int pageIndex, int pageCount, boolean paged) {
    }

    private PageRenderer() {
    }

    /**
     * Renders page {@code pageIndex} (from 0, clamped to the pages there are) of {@code content}.
     *
     * @throws AttachmentException if the content cannot be read as its type, or the type cannot be previewed
     */
    static Result render(AttachmentContent content, int pageIndex) {
        if (isPdf(content)) {
            try (PdfPages pdf = PdfPages.open(content.fileName(), content.bytes())) {
                int index = Math.max(0, Math.min(pageIndex, pdf.pageCount() - 1));
                float dpi = pdf.dpiFor(index, PDF_DPI, MAX_PIXELS);
                BufferedImage image = pdf.render(index, dpi);
                return new Result(RenderedPage.of(image, SCREEN_DPI / dpi), index, pdf.pageCount(), true);
            }
        }
        String type = content.mediaType() == null ? "" : content.mediaType().toLowerCase(Locale.ROOT);
        if (type.startsWith("image/")) {
            return new Result(decodeImage(content.fileName(), content.bytes()), 0, 1, false);
        }
        throw new AttachmentException(UserMessage.of("attachment.error.unsupportedType", content.fileName(),
                content.mediaType()), null);
    }

    static boolean isPdf(AttachmentContent content) {
        byte[] b = content.bytes();
        return "application/pdf".equalsIgnoreCase(content.mediaType())
                || b.length >= PDF_MAGIC.length && Arrays.equals(b, 0, PDF_MAGIC.length, PDF_MAGIC, 0, PDF_MAGIC.length);
    }

    /** Decodes a PNG, JPEG … image; very large images are read subsampled. */
    static RenderedPage decodeImage(String fileName, byte[] bytes) {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                throw AttachmentException.unreadableImage(fileName, "unknown image format", null);
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                long w = reader.getWidth(0);
                long h = reader.getHeight(0);
                int step = 1;
                while (w / step > MAX_SIDE || h / step > MAX_SIDE || (w / step) * (h / step) > MAX_PIXELS) {
                    step++;
                }
                ImageReadParam param = reader.getDefaultReadParam();
                param.setSourceSubsampling(step, step, 0, 0);
                return RenderedPage.of(reader.read(0, param), step);
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof AttachmentException a) {
                throw a;
            }
            throw AttachmentException.unreadableImage(fileName, AttachmentException.reason(e), e);
        }
    }
}
