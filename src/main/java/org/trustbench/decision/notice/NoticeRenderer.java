package org.trustbench.decision.notice;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.text.Normalizer;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.state.PDExtendedGraphicsState;
import org.apache.pdfbox.pdmodel.graphics.state.RenderingMode;
import org.apache.pdfbox.util.Matrix;
import org.trustbench.i18n.UserMessage;

/**
 * Renders the filing decision notice (决定告知书) as an A4 PDF: every label in Chinese with the
 * English beneath, in one embedded (subset) Chinese font; long text wraps by measured width and
 * flows onto further pages. Layout: docs/decision-notice.md. Plain Java, no UI; thread-safe. The same
 * data and labels always give the same bytes.
 */
public final class NoticeRenderer {

    private static final PDRectangle PAGE = PDRectangle.A4;
    private static final float LEFT = 64;
    private static final float RIGHT = PAGE.getWidth() - 64;
    private static final float WIDTH = RIGHT - LEFT;
    private static final float TOP = PAGE.getHeight() - 54;
    private static final float BOTTOM = 62;
    private static final float FOOTER_Y = 40;
    private static final float LABEL_COLUMN = 132;
    private static final float ITEM_INDENT = 20;
    private static final float BOX_PADDING = 8;

    private static final Color BLACK = new Color(0x1a, 0x1a, 0x1a);
    private static final Color GREY = new Color(0x55, 0x55, 0x55);
    private static final Color LIGHT = new Color(0x88, 0x88, 0x88);
    private static final Color RED = new Color(0xb0, 0x1e, 0x1e);
    private static final Color BOX_FILL = new Color(0xf4, 0xf4, 0xf1);

    private static final Style AUTHORITY_ZH = new Style(15, true, BLACK, 1.45f);
    private static final Style AUTHORITY_EN = new Style(9, false, GREY, 1.4f);
    private static final Style TITLE_ZH = new Style(19, true, BLACK, 1.5f);
    private static final Style TITLE_EN = new Style(10.5f, false, GREY, 1.4f);
    private static final Style LABEL_ZH = new Style(10.5f, false, GREY, 1.45f);
    private static final Style LABEL_EN = new Style(8, false, LIGHT, 1.35f);
    private static final Style VALUE_ZH = new Style(10.5f, false, BLACK, 1.45f);
    private static final Style VALUE_EN = new Style(9, false, GREY, 1.4f);
    private static final Style BODY_ZH = new Style(11, false, BLACK, 1.55f);
    private static final Style BODY_EN = new Style(9, false, GREY, 1.4f);
    private static final Style HEADING_ZH = new Style(12, true, BLACK, 1.5f);
    private static final Style HEADING_EN = new Style(9.5f, false, GREY, 1.5f);
    private static final Style OUTCOME_ZH = new Style(16, true, BLACK, 1.45f);
    private static final Style OUTCOME_EN = new Style(11, false, BLACK, 1.45f);
    private static final Style SMALL_ZH = new Style(9.5f, false, GREY, 1.45f);
    private static final Style SMALL_EN = new Style(8, false, LIGHT, 1.45f);
    private static final Style FOOTER = new Style(8, false, LIGHT, 1.2f);
    private static final Style DEMO_HEADER = new Style(9, true, RED, 1.2f);

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
            new Job(document, font, opened, data).run();
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

    private record Style(float size, boolean bold, Color color, float leading) {
        float lineHeight() {
            return size * leading;
        }
    }

    /** A piece of text on a line; {@code x} is relative to the line start, or NaN to follow the previous run. */
    private record Run(String text, Style style, float x) {
        static Run at(float x, String text, Style style) {
            return new Run(text, style, x);
        }

        static Run next(String text, Style style) {
            return new Run(text, style, Float.NaN);
        }
    }

    private enum Align { LEFT, CENTER, RIGHT }

    private record Line(List<Run> runs, Align align, float indent, float gapBefore) {
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
    private static final class Block {
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

    /** One rendering: builds the blocks, paginates, then adds footers and the demo marks. */
    private final class Job {
        private final PDDocument document;
        private final PDType0Font font;
        private final CjkFont.Opened glyphs;
        private final NoticeData data;
        private final Map<Integer, Float> widths = new HashMap<>();
        private final List<PDPage> pages = new ArrayList<>();
        private PDPageContentStream cs;
        private float y;
        private boolean dry;
        private int pageNo;

        Job(PDDocument document, PDType0Font font, CjkFont.Opened glyphs, NoticeData data) {
            this.document = document;
            this.font = font;
            this.glyphs = glyphs;
            this.data = data;
        }

        void run() throws IOException {
            List<Block> blocks = build();
            // A dry run first: if the closing block (authority, date, officer) would stand alone at the
            // top of a page, the content before it moves over with it, as official documents require.
            layout(blocks, true);
            Block closing = blocks.get(blocks.size() - 1);
            Block before = blocks.get(blocks.size() - 2);
            if (closing.firstPage > before.lastPage && blocks.size() > 2) {
                if (before.keepTogether || before.lines.size() <= 4) {
                    Block heading = blocks.get(blocks.size() - 3);
                    Block target = heading.keepWithNext && heading.firstPage == before.firstPage ? heading : before;
                    target.breakBeforeLine = 0;
                } else {
                    before.breakBeforeLine = Math.max(1, before.lines.size() - 2);
                }
            }
            try {
                layout(blocks, false);
            } finally {
                if (cs != null) {
                    cs.close();
                }
            }
            decoratePages();
            describe();
        }

        private void layout(List<Block> blocks, boolean dryRun) throws IOException {
            dry = dryRun;
            pageNo = 0;
            newPage();
            for (int i = 0; i < blocks.size(); i++) {
                place(blocks.get(i), i + 1 < blocks.size() ? blocks.get(i + 1) : null);
            }
        }

        // ---- content -------------------------------------------------------------------------

        private List<Block> build() {
            List<Block> blocks = new ArrayList<>();
            Block head = new Block();
            head.lines.addAll(centred(data.authorityZh(), AUTHORITY_ZH));
            if (present(data.authorityEn())) {
                head.lines.addAll(centred(data.authorityEn(), AUTHORITY_EN));
            }
            List<Line> title = centred(labels.title().zh(), TITLE_ZH);
            title.set(0, withGap(title.get(0), 10));
            head.lines.addAll(title);
            head.lines.addAll(centred(labels.title().en(), TITLE_EN));
            head.ruleBelow = true;
            blocks.add(head);

            Block fields = new Block().gap(6);
            field(fields, labels.caseNo(), List.of(new Part(data.caseNo(), VALUE_ZH)));
            List<Part> provider = new ArrayList<>();
            provider.add(new Part(data.providerNameZh(), VALUE_ZH));
            if (present(data.providerNameEn())) {
                provider.add(new Part(data.providerNameEn(), VALUE_EN));
            }
            field(fields, labels.applicant(), provider);
            field(fields, labels.uscc(), List.of(new Part(data.uscc(), VALUE_ZH)));
            field(fields, labels.decidedOn(), List.of(new Part(dateZh(), VALUE_ZH), new Part(dateEn(), VALUE_EN)));
            blocks.add(fields);

            Block salutation = new Block().gap(12);
            salutation.lines.addAll(wrapped(labels.salutation().zh(data.providerNameZh()), BODY_ZH, 0, WIDTH));
            String addressee = present(data.providerNameEn()) ? data.providerNameEn() : data.providerNameZh();
            salutation.lines.addAll(wrapped(labels.salutation().en(addressee), BODY_EN, 0, WIDTH));
            salutation.lines.addAll(wrapped("\u3000\u3000" + labels.intro().zh(), BODY_ZH, 0, WIDTH));
            salutation.lines.addAll(wrapped(labels.intro().en(), BODY_EN, 0, WIDTH));
            blocks.add(salutation);

            Block decision = new Block().gap(12);
            decision.boxed = true;
            NoticeLabels.Text outcome = labels.outcome(data.outcome());
            decision.lines.add(new Line(List.of(Run.next(labels.decision().zh(), SMALL_ZH),
                    Run.next(labels.decision().en(), SMALL_EN)), Align.LEFT, BOX_PADDING, 0));
            decision.lines.addAll(wrapped(outcome.zh(), OUTCOME_ZH, BOX_PADDING, WIDTH - 2 * BOX_PADDING));
            decision.lines.addAll(wrapped(outcome.en(), OUTCOME_EN, BOX_PADDING, WIDTH - 2 * BOX_PADDING));
            if ("REFER".equals(data.outcome()) && present(data.referredTo())) {
                List<Line> to = fieldLines(labels.referredTo(), List.of(new Part(data.referredTo(), VALUE_ZH)),
                        BOX_PADDING, WIDTH - 2 * BOX_PADDING);
                to.set(0, withGap(to.get(0), 6));
                decision.lines.addAll(to);
            }
            blocks.add(decision);

            if (!data.reasons().isEmpty()) {
                blocks.add(heading(labels.reasons()));
                int n = 1;
                for (NoticeData.ReasonText r : data.reasons()) {
                    blocks.add(item(n++, r.textZh(), r.textEn()));
                }
            }

            if ("RETURN".equals(data.outcome()) || !data.supplements().isEmpty()) {
                blocks.add(heading(labels.supplements()));
                Block intro = new Block();
                intro.lines.addAll(wrapped(labels.supplementsIntro().zh(), BODY_ZH, 0, WIDTH));
                intro.lines.addAll(wrapped(labels.supplementsIntro().en(), BODY_EN, 0, WIDTH));
                blocks.add(intro);
                int n = 1;
                for (NoticeData.SupplementText s : data.supplements()) {
                    blocks.add(item(n++, s.textZh(), s.textEn()));
                }
            }

            if (present(data.rationale())) {
                blocks.add(heading(labels.rationale()));
                Block text = new Block();
                text.keepTogether = false;
                text.lines.addAll(wrapped(data.rationale().strip(), BODY_ZH, 0, WIDTH));
                blocks.add(text);
            }

            blocks.add(signature());
            return blocks;
        }

        private record Part(String text, Style style) {
        }

        /**
         * The closing block: the issuing authority and the date on the right (where the seal goes),
         * the officer's name and ID on the left beside the date.
         */
        private Block signature() {
            List<List<Run>> rightLines = new ArrayList<>();
            for (Part p : List.of(new Part(data.authorityZh(), BODY_ZH), new Part(data.authorityEn(), BODY_EN),
                    new Part(dateZh(), BODY_ZH), new Part(dateEn(), BODY_EN))) {
                if (present(p.text())) {
                    for (String s : wrap(p.text(), p.style(), WIDTH * 0.62f)) {
                        rightLines.add(new ArrayList<>(List.of(Run.at(WIDTH - width(s, p.style()), s, p.style()))));
                    }
                }
            }
            List<String[]> officer = new ArrayList<>();
            if (present(data.officerName())) {
                officer.add(new String[] {clean(labels.officerName().zh()), clean(labels.officerName().en()),
                        clean(data.officerName())});
            }
            officer.add(new String[] {clean(labels.officerId().zh()), clean(labels.officerId().en()), clean(data.officerId())});
            float valueX = 0;
            for (String[] o : officer) {
                valueX = Math.max(valueX, width(o[0], SMALL_ZH) + SMALL_EN.size() * 0.6f + width(o[1], SMALL_EN) + 12);
            }
            // The officer lines sit beside the last lines on the right (the date), or below them when too wide.
            int first = Math.max(0, rightLines.size() - officer.size());
            for (int i = 0; i < officer.size() && first < rightLines.size(); i++) {
                List<Run> beside = rightLines.get(first + i);
                float rightStart = beside.isEmpty() ? WIDTH : beside.get(0).x();
                if (valueX + width(officer.get(i)[2], VALUE_ZH) + 16 > rightStart) {
                    first = rightLines.size();
                }
            }
            while (rightLines.size() < first + officer.size()) {
                rightLines.add(new ArrayList<>());
            }
            for (int i = 0; i < officer.size(); i++) {
                String[] o = officer.get(i);
                List<Run> runs = rightLines.get(first + i);
                runs.add(Run.at(0, o[0], SMALL_ZH));
                runs.add(Run.next(o[1], SMALL_EN));
                runs.add(Run.at(valueX, o[2], VALUE_ZH));
            }
            Block b = new Block().gap(18);
            for (List<Run> runs : rightLines) {
                b.lines.add(new Line(runs, Align.LEFT, 0, 0));
            }
            return b;
        }

        private Block heading(NoticeLabels.Text label) {
            Block b = new Block().gap(12);
            b.keepWithNext = true;
            b.lines.add(new Line(List.of(Run.next(clean(label.zh()), HEADING_ZH),
                    Run.next(clean(label.en()), HEADING_EN)), Align.LEFT, 0, 0));
            return b;
        }

        private Block item(int number, String zh, String en) {
            Block b = new Block().gap(3);
            List<Line> lines = new ArrayList<>(wrapped(zh, BODY_ZH, ITEM_INDENT, WIDTH - ITEM_INDENT));
            Line first = lines.get(0);
            List<Run> runs = new ArrayList<>();
            runs.add(Run.at(-ITEM_INDENT, number + ".", BODY_ZH));
            for (Run r : first.runs()) {
                runs.add(Run.at(0, r.text(), r.style()));
            }
            lines.set(0, new Line(runs, Align.LEFT, ITEM_INDENT, 0));
            b.lines.addAll(lines);
            if (present(en)) {
                b.lines.addAll(wrapped(en, BODY_EN, ITEM_INDENT, WIDTH - ITEM_INDENT));
            }
            return b;
        }

        private void field(Block b, NoticeLabels.Text label, List<Part> value) {
            List<Line> lines = fieldLines(label, value, 0, WIDTH);
            if (!b.lines.isEmpty()) {
                lines.set(0, withGap(lines.get(0), 2));
            }
            b.lines.addAll(lines);
        }

        /** A label column (Chinese over English) beside a value column of wrapped parts. */
        private List<Line> fieldLines(NoticeLabels.Text label, List<Part> value, float indent, float width) {
            List<Run> left = List.of(Run.at(0, clean(label.zh()), LABEL_ZH), Run.at(0, clean(label.en()), LABEL_EN));
            List<Run> right = new ArrayList<>();
            for (Part p : value) {
                for (String s : wrap(p.text(), p.style(), width - (LABEL_COLUMN - indent))) {
                    right.add(Run.at(LABEL_COLUMN - indent, s, p.style()));
                }
            }
            List<Line> lines = new ArrayList<>();
            for (int i = 0; i < Math.max(left.size(), right.size()); i++) {
                List<Run> runs = new ArrayList<>();
                if (i < left.size()) {
                    runs.add(left.get(i));
                }
                if (i < right.size()) {
                    runs.add(right.get(i));
                }
                lines.add(new Line(runs, Align.LEFT, indent, 0));
            }
            return lines;
        }

        private List<Line> centred(String text, Style style) {
            return aligned(text, style, Align.CENTER);
        }

        private List<Line> right(String text, Style style) {
            return aligned(text, style, Align.RIGHT);
        }

        private List<Line> aligned(String text, Style style, Align align) {
            List<Line> lines = new ArrayList<>();
            for (String s : wrap(text, style, WIDTH)) {
                lines.add(new Line(List.of(Run.next(s, style)), align, 0, 0));
            }
            return lines;
        }

        private List<Line> wrapped(String text, Style style, float indent, float width) {
            List<Line> lines = new ArrayList<>();
            for (String s : wrap(text, style, width)) {
                lines.add(new Line(List.of(Run.next(s, style)), Align.LEFT, indent, 0));
            }
            return lines;
        }

        private Line withGap(Line l, float gap) {
            return new Line(l.runs(), l.align(), l.indent(), gap);
        }

        private List<String> wrap(String text, Style style, float width) {
            float scale = style.size() / 1000f;
            return TextWrapper.wrap(clean(text), width, cp -> glyphWidth(cp) * scale);
        }

        private String dateZh() {
            return DateTimeFormatter.ofPattern(labels.datePattern().zh(), Locale.SIMPLIFIED_CHINESE).format(data.decidedOn());
        }

        private String dateEn() {
            return DateTimeFormatter.ofPattern(labels.datePattern().en(), Locale.ENGLISH).format(data.decidedOn());
        }

        // ---- fonts ---------------------------------------------------------------------------

        /** The text with line breaks normalised, controls dropped and characters the font lacks shown as "?". */
        private String clean(String text) {
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

        private float glyphWidth(int cp) {
            return widths.computeIfAbsent(cp, c -> {
                try {
                    return font.getStringWidth(new String(Character.toChars(c)));
                } catch (IOException | IllegalArgumentException e) {
                    return 1000f;
                }
            });
        }

        private float width(String text, Style style) {
            float w = 0;
            for (int cp : text.codePoints().toArray()) {
                w += glyphWidth(cp);
            }
            return w * style.size() / 1000f;
        }

        // ---- pages ---------------------------------------------------------------------------

        private void newPage() throws IOException {
            pageNo++;
            y = TOP - (data.demo() ? 14 : 0);
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
            return y >= TOP - (data.demo() ? 14 : 0) - 0.01f;
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

        /** Footer, demo header and demo watermark on every page, once the page count is known. */
        private void decoratePages() throws IOException {
            int total = pages.size();
            String watermark = clean(labels.demoWatermark());
            for (int i = 0; i < total; i++) {
                try (PDPageContentStream s = new PDPageContentStream(document, pages.get(i),
                        PDPageContentStream.AppendMode.APPEND, true, true)) {
                    s.setStrokingColor(LIGHT);
                    s.setLineWidth(0.4f);
                    s.moveTo(LEFT, FOOTER_Y + 12);
                    s.lineTo(RIGHT, FOOTER_Y + 12);
                    s.stroke();
                    String left = clean(labels.caseNo().zh() + " " + labels.caseNo().en() + " " + data.caseNo());
                    String right = clean(labels.page().zh(i + 1, total) + " · " + labels.page().en(i + 1, total));
                    text(s, left, FOOTER, LEFT, FOOTER_Y);
                    text(s, right, FOOTER, RIGHT - width(right, FOOTER), FOOTER_Y);
                    if (data.demo()) {
                        text(s, watermark, DEMO_HEADER, LEFT + (WIDTH - width(watermark, DEMO_HEADER)) / 2,
                                PAGE.getHeight() - 34);
                        diagonal(s, watermark);
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

        private void describe() {
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

    private static boolean present(String s) {
        return s != null && !s.isBlank();
    }
}
