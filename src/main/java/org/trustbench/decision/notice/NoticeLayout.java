package org.trustbench.decision.notice;

import static org.trustbench.decision.notice.NoticeCanvas.BLACK;
import static org.trustbench.decision.notice.NoticeCanvas.BOX_PADDING;
import static org.trustbench.decision.notice.NoticeCanvas.GREY;
import static org.trustbench.decision.notice.NoticeCanvas.LIGHT;
import static org.trustbench.decision.notice.NoticeCanvas.WIDTH;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.trustbench.decision.notice.NoticeCanvas.Align;
import org.trustbench.decision.notice.NoticeCanvas.Block;
import org.trustbench.decision.notice.NoticeCanvas.Line;
import org.trustbench.decision.notice.NoticeCanvas.Run;
import org.trustbench.decision.notice.NoticeCanvas.Style;

/**
 * The sections of the decision notice (docs/decision-notice.md) as {@link Block}s for a
 * {@link NoticeCanvas}: heading with authority and title, case fields, salutation, the boxed decision,
 * reasons, supplements, rationale and the closing block (authority, date, officer). Measures text with
 * the canvas it lays out for. One instance per rendering.
 */
final class NoticeLayout {

    private static final float LABEL_COLUMN = 132;
    private static final float ITEM_INDENT = 20;

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

    private final NoticeLabels labels;
    private final NoticeData data;
    private final NoticeCanvas canvas;

    NoticeLayout(NoticeLabels labels, NoticeData data, NoticeCanvas canvas) {
        this.labels = labels;
        this.data = data;
        this.canvas = canvas;
    }

    /**
     * After a dry run of {@code blocks}: if the closing block (authority, date, officer) would stand
     * alone at the top of a page, the content before it moves over with it, as official documents require.
     */
    static void keepClosingWithContent(List<Block> blocks) {
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
    }

    /** The notice's blocks, top to bottom; the closing block is last. */
    List<Block> build() {
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
                for (String s : canvas.wrap(p.text(), p.style(), WIDTH * 0.62f)) {
                    rightLines.add(new ArrayList<>(List.of(Run.at(WIDTH - canvas.width(s, p.style()), s, p.style()))));
                }
            }
        }
        List<String[]> officer = new ArrayList<>();
        if (present(data.officerName())) {
            officer.add(new String[] {canvas.clean(labels.officerName().zh()), canvas.clean(labels.officerName().en()),
                    canvas.clean(data.officerName())});
        }
        officer.add(new String[] {canvas.clean(labels.officerId().zh()), canvas.clean(labels.officerId().en()),
                canvas.clean(data.officerId())});
        float valueX = 0;
        for (String[] o : officer) {
            valueX = Math.max(valueX,
                    canvas.width(o[0], SMALL_ZH) + SMALL_EN.size() * 0.6f + canvas.width(o[1], SMALL_EN) + 12);
        }
        // The officer lines sit beside the last lines on the right (the date), or below them when too wide.
        int first = Math.max(0, rightLines.size() - officer.size());
        for (int i = 0; i < officer.size() && first < rightLines.size(); i++) {
            List<Run> beside = rightLines.get(first + i);
            float rightStart = beside.isEmpty() ? WIDTH : beside.get(0).x();
            if (valueX + canvas.width(officer.get(i)[2], VALUE_ZH) + 16 > rightStart) {
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
        b.lines.add(new Line(List.of(Run.next(canvas.clean(label.zh()), HEADING_ZH),
                Run.next(canvas.clean(label.en()), HEADING_EN)), Align.LEFT, 0, 0));
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
        List<Run> left = List.of(Run.at(0, canvas.clean(label.zh()), LABEL_ZH),
                Run.at(0, canvas.clean(label.en()), LABEL_EN));
        List<Run> right = new ArrayList<>();
        for (Part p : value) {
            for (String s : canvas.wrap(p.text(), p.style(), width - (LABEL_COLUMN - indent))) {
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

    private List<Line> aligned(String text, Style style, Align align) {
        List<Line> lines = new ArrayList<>();
        for (String s : canvas.wrap(text, style, WIDTH)) {
            lines.add(new Line(List.of(Run.next(s, style)), align, 0, 0));
        }
        return lines;
    }

    private List<Line> wrapped(String text, Style style, float indent, float width) {
        List<Line> lines = new ArrayList<>();
        for (String s : canvas.wrap(text, style, width)) {
            lines.add(new Line(List.of(Run.next(s, style)), Align.LEFT, indent, 0));
        }
        return lines;
    }

    private static Line withGap(Line l, float gap) {
        return new Line(l.runs(), l.align(), l.indent(), gap);
    }

    private String dateZh() {
        return DateTimeFormatter.ofPattern(labels.datePattern().zh(), Locale.SIMPLIFIED_CHINESE).format(data.decidedOn());
    }

    private String dateEn() {
        return DateTimeFormatter.ofPattern(labels.datePattern().en(), Locale.ENGLISH).format(data.decidedOn());
    }

    private static boolean present(String s) {
        return s != null && !s.isBlank();
    }
}
