package org.trustbench.review.attachment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.trustbench.crypto.Sm3;

/** PDF pages rendered with PDFBox from the demo dataset's scans; broken files give a user error. */
class PdfPagesTest {

    private static byte[] sample(String name) throws IOException {
        return Files.readAllBytes(AttachmentLoaderTest.ATTACHMENTS.resolve(name));
    }

    @Test
    void rendersTheFirstPageOfTheBusinessLicenceScan() throws IOException {
        try (PdfPages pdf = PdfPages.open("business-licence-scan.pdf", sample("business-licence-scan.pdf"))) {
            assertEquals(1, pdf.pageCount());
            BufferedImage page = pdf.render(0, 72);
            assertEquals(595, page.getWidth()); // A4 in points
            assertEquals(842, page.getHeight());
            long inked = 0;
            for (int y = 0; y < page.getHeight(); y++) {
                for (int x = 0; x < page.getWidth(); x++) {
                    if ((page.getRGB(x, y) & 0xFFFFFF) != 0xFFFFFF) {
                        inked++;
                    }
                }
            }
            assertTrue(inked > 5_000, "the page has a frame, a header band and text: " + inked + " non-white pixels");
            assertEquals(2 * 595, pdf.render(0, 144).getWidth());
        }
    }

    @Test
    void hugePagesAreRenderedBelowTheRequestedResolution() throws IOException {
        try (PdfPages pdf = PdfPages.open("business-licence-scan.pdf", sample("business-licence-scan.pdf"))) {
            assertEquals(144f, pdf.dpiFor(0, 144f, PageRenderer.MAX_PIXELS));
            float limited = pdf.dpiFor(0, 144f, 100_000);
            assertTrue(limited < 144f);
            BufferedImage small = pdf.render(0, limited);
            assertTrue((long) small.getWidth() * small.getHeight() <= 101_000);
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 9, 40, 120})
    void aTruncatedPdfIsAnAttachmentErrorNamingTheFile(int keep) throws IOException {
        byte[] truncated = Arrays.copyOf(sample("business-licence-scan.pdf"), keep);
        AttachmentException e = assertThrows(AttachmentException.class, () -> PdfPages.open("cut.pdf", truncated).close());
        assertEquals("attachment.error.unreadablePdf", e.userMessage().key());
        assertEquals("cut.pdf", e.userMessage().args().get(0));
        assertTrue(!e.userMessage().args().get(1).toString().isBlank());
    }

    @Test
    void garbageIsAnAttachmentError() {
        byte[] garbage = "this is not a PDF at all, just some text pretending to be one".getBytes(StandardCharsets.US_ASCII);
        AttachmentException e = assertThrows(AttachmentException.class, () -> PdfPages.open("garbage.pdf", garbage).close());
        assertEquals("attachment.error.unreadablePdf", e.userMessage().key());
    }

    @Test
    void pageRendererGivesPdfPagesAtScreenScaleAndImagesPixelForPixel() throws IOException {
        byte[] pdf = sample("business-licence-scan.pdf");
        PageRenderer.Result page = PageRenderer.render(content("business-licence-scan.pdf", "application/pdf", pdf), 5);
        assertEquals(0, page.pageIndex(), "the page index is clamped to the pages there are");
        assertEquals(1, page.pageCount());
        assertTrue(page.paged());
        assertEquals(595 * 96 / 72.0, page.page().displayWidth(), 1.0);

        byte[] png = sample("premises-workshop.png");
        BufferedImage expected = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(png));
        PageRenderer.Result image = PageRenderer.render(content("premises-workshop.png", "image/png", png), 0);
        assertTrue(!image.paged());
        assertEquals(expected.getWidth(), image.page().width());
        assertEquals(expected.getHeight(), image.page().height());
        assertEquals(expected.getRGB(10, 10), image.page().argb()[10 * image.page().width() + 10]);

        AttachmentException e = assertThrows(AttachmentException.class,
                () -> PageRenderer.render(content("notes.txt", "text/plain", "hello".getBytes(StandardCharsets.UTF_8)), 0));
        assertEquals("attachment.error.unsupportedType", e.userMessage().key());
        AttachmentException bad = assertThrows(AttachmentException.class,
                () -> PageRenderer.render(content("broken.png", "image/png", Arrays.copyOf(png, 16)), 0));
        assertEquals("attachment.error.unreadableImage", bad.userMessage().key());
    }

    private static AttachmentContent content(String name, String type, byte[] bytes) {
        String sm3 = Sm3.hex(bytes);
        return new AttachmentContent(name, type, sm3, bytes, sm3, true);
    }
}
