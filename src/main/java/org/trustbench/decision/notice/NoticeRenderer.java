package org.trustbench.decision.notice;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Objects;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.trustbench.decision.notice.NoticeCanvas.Block;
import org.trustbench.i18n.UserMessage;

/**
 * Renders the filing decision notice (决定告知书) as an A4 PDF: every label in Chinese with the
 * English beneath, in one embedded (subset) Chinese font; long text wraps by measured width and
 * flows onto further pages. Layout: docs/decision-notice.md. Plain Java, no UI; thread-safe. The same
 * data and labels always give the same bytes.
 */
public final class NoticeRenderer {

    private final NoticeLabels labels;
    private final CjkFont fixedFont;
    private CjkFont foundFont;

    /** A renderer that looks for a Chinese font ({@link CjkFont#find()}) on first use. */
    public NoticeRenderer(NoticeLabels labels) {
        this.labels = Objects.requireNonNull(labels, "labels");
        this.fixedFont = null;
    }

    /** A renderer with the given font. */
    public NoticeRenderer(NoticeLabels labels, CjkFont font) {
        this.labels = Objects.requireNonNull(labels, "labels");
        this.fixedFont = Objects.requireNonNull(font, "font");
    }

    /** The font this renderer uses, searching for it first if needed. */
    public synchronized CjkFont font() {
        if (fixedFont != null) {
            return fixedFont;
        }
        if (foundFont == null) {
            foundFont = CjkFont.find();
        }
        return foundFont;
    }

    /**
     * The notice for {@code data} as PDF bytes.
     *
     * @throws NoticeException {@code notice.error.noCjkFont} when no Chinese font is available,
     *                         {@code notice.error.render} when the font cannot be read
     */
    public byte[] render(NoticeData data) {
        Objects.requireNonNull(data, "data");
        CjkFont cjk = font();
        try (CjkFont.Opened opened = cjk.open(); PDDocument document = new PDDocument()) {
            PDType0Font font = opened.embedSubset(document);
            write(document, new NoticeCanvas(document, font, opened, data.demo() ? 14 : 0), data);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        } catch (IOException | RuntimeException e) {
            if (e instanceof NoticeException ne) {
                throw ne;
            }
            throw new NoticeException(UserMessage.of("notice.error.render", String.valueOf(e.getMessage())), e);
        }
    }

    /** One rendering: builds the blocks, paginates, then adds footers and the demo marks. */
    private void write(PDDocument document, NoticeCanvas canvas, NoticeData data) throws IOException {
        List<Block> blocks = new NoticeLayout(labels, data, canvas).build();
        // A dry run first, to keep the closing block from standing alone at the top of a page.
        canvas.layout(blocks, true);
        NoticeLayout.keepClosingWithContent(blocks);
        try {
            canvas.layout(blocks, false);
        } finally {
            canvas.close();
        }
        canvas.decoratePages(labels.caseNo().zh() + " " + labels.caseNo().en() + " " + data.caseNo(),
                (page, total) -> labels.page().zh(page, total) + " · " + labels.page().en(page, total),
                data.demo() ? labels.demoWatermark() : null);
        describe(document, data);
    }

    private void describe(PDDocument document, NoticeData data) {
        PDDocumentInformation info = document.getDocumentInformation();
        info.setTitle(labels.title().zh() + " " + data.caseNo());
        info.setSubject(labels.title().en());
        info.setAuthor(data.authorityZh());
        info.setCreator("TrustBench");
        if (data.demo()) {
            info.setKeywords(labels.demoWatermark());
        }
        document.getDocumentCatalog().setLanguage("zh-CN");
        // The file ID is seeded from the content, so the same notice data gives the same bytes.
        document.setDocumentId(seed(data.toString() + labels));
    }

    private static long seed(String content) {
        try {
            byte[] d = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(content.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return java.nio.ByteBuffer.wrap(d).getLong();
        } catch (java.security.NoSuchAlgorithmException e) {
            return content.hashCode();
        }
    }
}
