package org.trustbench.review.attachment;

import java.awt.image.BufferedImage;
import java.io.IOException;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;

/**
 * A PDF opened from bytes with PDFBox, rendered page by page. Not thread-safe: open one per task
 * and close it when done.
 */
public final class PdfPages implements AutoCloseable {

    private final String fileName;
    private final PDDocument document;
    private final PDFRenderer renderer;

    private PdfPages(String fileName, PDDocument document) {
        this.fileName = fileName;
        this.document = document;
        this.renderer = new PDFRenderer(document);
    }

    /**
     * Opens the PDF in {@code bytes}.
     *
     * @throws AttachmentException {@code attachment.error.unreadablePdf} if the bytes are not a readable PDF
     *         (truncated, corrupt, password protected) or it has no pages
     */
    public static PdfPages open(String fileName, byte[] bytes) {
        PDDocument document;
        try {
            document = Loader.loadPDF(bytes);
        } catch (IOException | RuntimeException e) {
            throw AttachmentException.unreadablePdf(fileName, e);
        }
        if (document.getNumberOfPages() == 0) {
            closeQuietly(document);
            throw AttachmentException.unreadablePdf(fileName, new IOException("the document has no pages"));
        }
        return new PdfPages(fileName, document);
    }

    public int pageCount() {
        return document.getNumberOfPages();
    }

    /**
     * The highest resolution up to {@code wantedDpi} at which page {@code pageIndex} (from 0) fits in
     * {@code maxPixels} pixels, so that huge pages do not exhaust memory.
     */
    public float dpiFor(int pageIndex, float wantedDpi, long maxPixels) {
        PDRectangle box = document.getPage(checkIndex(pageIndex)).getCropBox();
        double inches = Math.max(1, box.getWidth()) / 72.0 * (Math.max(1, box.getHeight()) / 72.0);
        return (float) Math.min(wantedDpi, Math.sqrt(maxPixels / inches));
    }

    /**
     * Renders page {@code pageIndex} (from 0) at {@code dpi} as an RGB image.
     *
     * @throws AttachmentException {@code attachment.error.unreadablePdf} if the page cannot be rendered
     */
    public BufferedImage render(int pageIndex, float dpi) {
        checkIndex(pageIndex);
        try {
            return renderer.renderImageWithDPI(pageIndex, dpi, ImageType.RGB);
        } catch (IOException | RuntimeException e) {
            throw AttachmentException.unreadablePdf(fileName, e);
        }
    }

    private int checkIndex(int pageIndex) {
        if (pageIndex < 0 || pageIndex >= pageCount()) {
            throw new IndexOutOfBoundsException("page " + pageIndex + " of " + pageCount());
        }
        return pageIndex;
    }

    @Override
    public void close() {
        closeQuietly(document);
    }

    private static void closeQuietly(PDDocument document) {
        try {
            document.close();
        } catch (IOException e) {
            // The document was read from memory; nothing is left open.
        }
    }
}
