package org.trustbench.decision.notice;

import java.awt.Color;
import java.io.IOException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.state.PDExtendedGraphicsState;
import org.apache.pdfbox.pdmodel.graphics.state.RenderingMode;
import org.apache.pdfbox.util.Matrix;

/**
 * The page machinery of one notice rendering: A4 geometry, text measuring and cleaning in the embedded
 * Chinese font, placing {@link Block}s of {@link Line}s down the page with a cursor and breaking onto new
 * pages, and the page furniture (footer, demo header and watermark). Knows nothing of the notice's
 * sections; {@link NoticeLayout} builds the blocks. One instance per rendering; not thread-safe.
 */
final class NoticeCanvas {

    static final PDRectangle PAGE = PDRectangle.A4;
    static final float LEFT = 64;
    static final float RIGHT = PAGE.getWidth() - 64;
    static final float WIDTH = RIGHT - LEFT;
    static final float TOP = PAGE.getHeight() - 54;
    static final float BOTTOM = 62;
    static final float FOOTER_Y = 40;
    static final float BOX_PADDING = 8;

    static final Color BLACK = new Color(0x1a, 0x1a, 0x1a);
    static final Color GREY = new Color(0x55, 0x55, 0x55);
    static final Color LIGHT = new Color(0x88, 0x88, 0x88);
    static final Color RED = new Color(0xb0, 0x1e, 0x1e);
    static final Color BOX_FILL = new Color(0xf4, 0xf4, 0xf1);

    private static final Style FOOTER = new Style(8, false, LIGHT, 1.2f);
    private static final Style DEMO_HEADER = new Style(9, true, RED, 1.2f);

    record Style(float size, boolean bold, Color color, float leading) {
        float lineHeight() {
            return size * leading;
        }
    }

    /** A piece of text on a line; {@code x} is relative to the line start, or NaN to follow the previous run. */
    record Run(String text, Style style, float x) {
        static Run at(float x, String text, Style style) {
            return new Run(text, style, x);
        }

        static Run next(String text, Style style) {
            return new Run(text, style, Float.NaN);
        }
    }

    enum Align { LEFT, CENTER, RIGHT }

    record Line(List<Run> runs, Align align, float indent, float gapBefore) {
        float height() {
            float h = 0;
            for (Run r : runs) {
                h = Math.max(h, r.style().lineHeight());
            }
            return h + gapBefore;
        }

        float ascent() {
            float s = 0;
            for (Run r : runs) {
                s = Math.max(s, r.style().size());
            }
            return s;
        }
    }

    /** Lines placed together: kept on one page when they fit, and with the next block when asked. */
    static final class Block {
        final List<Line> lines = new ArrayList<>();
        float gapBefore;
        boolean keepTogether = true;
        boolean keepWithNext;
        boolean boxed;
        boolean ruleBelow;
        /** Layout results and adjustments: pages of the first and last line; a forced page break. */
        int firstPage;
        int lastPage;
        int breakBeforeLine = -1;

        Block gap(float g) {
            gapBefore = g;
            return this;
        }

        float height() {
            float h = 0;
            for (Line l : lines) {
                h += l.height();
            }
            return h + (boxed ? 2 * BOX_PADDING : 0) + (ruleBelow ? 8 : 0);
        }

        float leadHeight(int n) {
            if (!keepTogether) {
                float h = 0;
                for (int i = 0; i < Math.min(n, lines.size()); i++) {
                    h += lines.get(i).height();
                }
                return h;
            }
            return height();
        }
    }

    private final PDDocument document;
    private final PDType0Font font;
    private final CjkFont.Opened glyphs;
    private final float top;
    private final Map<Integer, Float> widths = new HashMap<>();
    private final List<PDPage> pages = new ArrayList<>();
    private PDPageContentStream cs;
    private float y;
    private boolean dry;
    private int pageNo;

    /** @param topInset room kept free above the content on every page (for the demo header) */
    NoticeCanvas(PDDocument document, PDType0Font font, CjkFont.Opened glyphs, float topInset) {
        this.document = document;
        this.font = font;
        this.glyphs = glyphs;
        this.top = TOP - topInset;
    }

    /**
     * Places the blocks from the top of a first page. A dry run only records where each block's first
     * and last lines fall ({@link Block#firstPage}, {@link Block#lastPage}) and adds no pages.
     */
    void layout(List<Block> blocks, boolean dryRun) throws IOException {
        dry = dryRun;
        pageNo = 0;
        newPage();
        for (int i = 0; i < blocks.size(); i++) {
            place(blocks.get(i), i + 1 < blocks.size() ? blocks.get(i + 1) : null);
        }
    }

    /** Closes the content stream of the last page drawn, if any. */
    void close() throws IOException {
        if (cs != null) {
            cs.close();
        }
    }

    /** The text with line breaks normalised, controls dropped and characters the font lacks shown as "?". */
    String clean(String text) {
        String s = Normalizer.normalize(text, Normalizer.Form.NFC).replace("\r\n", "\n").replace('\r', '\n')
                .replace('\t', ' ');
        StringBuilder b = new StringBuilder(s.length());
        s.codePoints().forEach(cp -> {
            if (cp == '\n') {
                b.append('\n');
            } else if (Character.getType(cp) == Character.CONTROL || Character.getType(cp) == Character.FORMAT) {
                return;
            } else if (glyphs.hasGlyph(cp)) {
                b.appendCodePoint(cp);
            } else if (Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
                b.append(' ');
            } else {
                b.append('?');
            }
        });
        return b.toString();
    }

    /** The cleaned text broken into lines no wider than {@code width} in {@code style}. */
    List<String> wrap(String text, Style style, float width) {
        float scale = style.size() / 1000f;
        return TextWrapper.wrap(clean(text), width, cp -> glyphWidth(cp) * scale);
    }

    private float glyphWidth(int cp) {
        return widths.computeIfAbsent(cp, c -> {
            try {
                return font.getStringWidth(new String(Character.toChars(c)));
            } catch (IOException | IllegalArgumentException e) {
                return 1000f;
            }
        });
    }

    float width(String text, Style style) {
        float w = 0;
        for (int cp : text.codePoints().toArray()) {
            w += glyphWidth(cp);
        }
        return w * style.size() / 1000f;
    }

    private void newPage() throws IOException {
        pageNo++;
        y = top;
        if (dry) {
            return;
        }
        if (cs != null) {
            cs.close();
        }
        PDPage page = new PDPage(PAGE);
        document.addPage(page);
        pages.add(page);
        cs = new PDPageContentStream(document, page);
    }

    private boolean atTop() {
        return y >= top - 0.01f;
    }

    private float room() {
        return y - BOTTOM;
    }

    private void place(Block b, Block next) throws IOException {
        float gap = atTop() ? 0 : b.gapBefore;
        float need = b.keepTogether ? b.height() : b.leadHeight(3);
        if (b.keepWithNext && next != null) {
            need += next.gapBefore + next.leadHeight(3);
        }
        boolean forced = b.breakBeforeLine == 0 && !atTop();
        if (forced || gap + need > room() && !atTop() && need <= TOP - BOTTOM) {
            newPage();
            gap = 0;
        }
        y -= gap;
        b.firstPage = pageNo;
        if (b.boxed) {
            drawBox(b);
        } else {
            for (int i = 0; i < b.lines.size(); i++) {
                Line l = b.lines.get(i);
                if ((l.height() > room() || i > 0 && i == b.breakBeforeLine) && !atTop()) {
                    newPage();
                }
                draw(l);
            }
        }
        b.lastPage = pageNo;
        if (b.ruleBelow) {
            y -= 4;
            rule(y, 0.8f, BLACK);
            y -= 4;
        }
    }

    private void drawBox(Block b) throws IOException {
        float h = b.height();
        if (!dry) {
            cs.setNonStrokingColor(BOX_FILL);
            cs.addRect(LEFT, y - h, WIDTH, h);
            cs.fill();
            cs.setNonStrokingColor(BLACK);
            cs.addRect(LEFT, y - h, 3, h);
            cs.fill();
        }
        y -= BOX_PADDING;
        for (Line l : b.lines) {
            draw(l);
        }
        y -= BOX_PADDING;
    }

    private void rule(float at, float thickness, Color color) throws IOException {
        if (dry) {
            return;
        }
        cs.setStrokingColor(color);
        cs.setLineWidth(thickness);
        cs.moveTo(LEFT, at);
        cs.lineTo(RIGHT, at);
        cs.stroke();
    }

    private void draw(Line line) throws IOException {
        y -= line.gapBefore();
        if (dry) {
            y -= line.height() - line.gapBefore();
            return;
        }
        float baseline = y - line.ascent();
        float[] xs = new float[line.runs().size()];
        float cursor = 0;
        float extent = 0;
        for (int i = 0; i < xs.length; i++) {
            Run r = line.runs().get(i);
            xs[i] = Float.isNaN(r.x()) ? cursor + (i > 0 ? r.style().size() * 0.6f : 0) : r.x();
            cursor = xs[i] + width(r.text(), r.style());
            extent = Math.max(extent, cursor);
        }
        float origin = LEFT + line.indent();
        if (line.align() == Align.CENTER) {
            origin = LEFT + (WIDTH - extent) / 2;
        } else if (line.align() == Align.RIGHT) {
            origin = RIGHT - extent;
        }
        for (int i = 0; i < xs.length; i++) {
            Run r = line.runs().get(i);
            text(cs, r.text(), r.style(), origin + xs[i], baseline);
        }
        y -= line.height() - line.gapBefore();
    }

    private void text(PDPageContentStream s, String text, Style style, float x, float baseline) throws IOException {
        if (text.isEmpty()) {
            return;
        }
        s.beginText();
        s.setFont(font, style.size());
        s.setNonStrokingColor(style.color());
        if (style.bold()) {
            // The CJK font has no bold face: thicken the glyphs by stroking their outlines too.
            s.setStrokingColor(style.color());
            s.setLineWidth(style.size() * 0.03f);
            s.setRenderingMode(RenderingMode.FILL_STROKE);
        } else {
            s.setRenderingMode(RenderingMode.FILL);
        }
        s.newLineAtOffset(x, baseline);
        s.showText(text);
        s.endText();
    }

    /**
     * Footer, and demo header and watermark, on every page, once the page count is known.
     *
     * @param footerLeft the footer's left text (the case number)
     * @param pageLabel  the footer's right text for (page, total), pages counted from 1
     * @param watermark  the demo mark for header and diagonal watermark, or null on a real notice
     */
    void decoratePages(String footerLeft, BiFunction<Integer, Integer, String> pageLabel, String watermark)
            throws IOException {
        int total = pages.size();
        String mark = watermark == null ? null : clean(watermark);
        for (int i = 0; i < total; i++) {
            try (PDPageContentStream s = new PDPageContentStream(document, pages.get(i),
                    PDPageContentStream.AppendMode.APPEND, true, true)) {
                s.setStrokingColor(LIGHT);
                s.setLineWidth(0.4f);
                s.moveTo(LEFT, FOOTER_Y + 12);
                s.lineTo(RIGHT, FOOTER_Y + 12);
                s.stroke();
                String left = clean(footerLeft);
                String right = clean(pageLabel.apply(i + 1, total));
                text(s, left, FOOTER, LEFT, FOOTER_Y);
                text(s, right, FOOTER, RIGHT - width(right, FOOTER), FOOTER_Y);
                if (mark != null) {
                    text(s, mark, DEMO_HEADER, LEFT + (WIDTH - width(mark, DEMO_HEADER)) / 2,
                            PAGE.getHeight() - 34);
                    diagonal(s, mark);
                }
            }
        }
    }

    private void diagonal(PDPageContentStream s, String watermark) throws IOException {
        float w = PAGE.getWidth();
        float h = PAGE.getHeight();
        double angle = Math.atan2(h, w);
        float diagonal = (float) Math.hypot(w, h);
        float size = Math.min(44, 0.66f * diagonal / (width(watermark, DEMO_HEADER) / DEMO_HEADER.size()));
        Style style = new Style(size, true, RED, 1);
        PDExtendedGraphicsState faint = new PDExtendedGraphicsState();
        faint.setNonStrokingAlphaConstant(0.14f);
        faint.setStrokingAlphaConstant(0.14f);
        s.saveGraphicsState();
        s.setGraphicsStateParameters(faint);
        s.beginText();
        s.setFont(font, size);
        s.setNonStrokingColor(RED);
        s.setStrokingColor(RED);
        s.setLineWidth(size * 0.03f);
        s.setRenderingMode(RenderingMode.FILL_STROKE);
        Matrix m = Matrix.getTranslateInstance(w / 2, h / 2);
        m.rotate(angle);
        m.translate(-width(watermark, style) / 2, -size / 3);
        s.setTextMatrix(m);
        s.showText(watermark);
        s.endText();
        s.restoreGraphicsState();
    }
}
