package org.trustbench.decision.notice;

import java.util.ArrayList;
import java.util.List;

/**
 * Line breaking for mixed Chinese and English text, measured with the notice font: Chinese may
 * break between any two characters (but never before closing punctuation such as ，。）or after
 * opening punctuation such as （《), English breaks at spaces, and a word longer than the line is
 * broken where it overflows. Newlines start new paragraphs.
 */
final class TextWrapper {

    /** The advance width of one code point, in points at the size being laid out. */
    @FunctionalInterface
    interface Measure {
        float width(int codePoint);
    }

    private static final String CLOSING = "，。、；：？！）》」』】〕〉’”…·,.;:!?)]}%";
    private static final String OPENING = "（《「『【〔〈‘“([{";

    private TextWrapper() {
    }

    /** {@code text} broken into lines no wider than {@code maxWidth}. */
    static List<String> wrap(String text, float maxWidth, Measure measure) {
        List<String> lines = new ArrayList<>();
        for (String para : text.split("\n", -1)) {
            wrapParagraph(para, maxWidth, measure, lines);
        }
        return lines;
    }

    private static void wrapParagraph(String para, float maxWidth, Measure m, List<String> out) {
        int[] cps = para.codePoints().toArray();
        int start = 0;
        int lastBreak = -1;
        float w = 0;
        for (int i = 0; i < cps.length; i++) {
            if (i > start && canBreakBefore(cps, i)) {
                lastBreak = i;
            }
            float cw = m.width(cps[i]);
            while (w + cw > maxWidth && !isSpace(cps[i]) && i > start) {
                int end = lastBreak > start ? lastBreak : i;
                out.add(trimEnd(cps, start, end));
                start = end;
                while (start < i && isSpace(cps[start])) {
                    start++;
                }
                w = 0;
                lastBreak = -1;
                for (int k = start; k < i; k++) {
                    if (k > start && canBreakBefore(cps, k)) {
                        lastBreak = k;
                    }
                    w += m.width(cps[k]);
                }
                if (i > start && canBreakBefore(cps, i)) {
                    lastBreak = i;
                }
            }
            w += cw;
        }
        out.add(trimEnd(cps, start, cps.length));
    }

    static boolean canBreakBefore(int[] cps, int i) {
        int a = cps[i - 1];
        int b = cps[i];
        if (isSpace(b) || CLOSING.indexOf(b) >= 0 || OPENING.indexOf(a) >= 0) {
            return false;
        }
        if (isSpace(a) || isCjk(a) || isCjk(b)) {
            return true;
        }
        // Long codes and paths: allow a break after a hyphen or slash between letters or digits.
        return (a == '-' || a == '/') && i >= 2 && Character.isLetterOrDigit(cps[i - 2]) && Character.isLetterOrDigit(b);
    }

    static boolean isCjk(int cp) {
        Character.UnicodeScript script = Character.UnicodeScript.of(cp);
        if (script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HIRAGANA
                || script == Character.UnicodeScript.KATAKANA || script == Character.UnicodeScript.HANGUL
                || script == Character.UnicodeScript.BOPOMOFO) {
            return true;
        }
        Character.UnicodeBlock block = Character.UnicodeBlock.of(cp);
        return block == Character.UnicodeBlock.CJK_SYMBOLS_AND_PUNCTUATION
                || block == Character.UnicodeBlock.HALFWIDTH_AND_FULLWIDTH_FORMS
                || block == Character.UnicodeBlock.CJK_COMPATIBILITY_FORMS
                || block == Character.UnicodeBlock.VERTICAL_FORMS;
    }

    private static boolean isSpace(int cp) {
        return cp == ' ' || cp == '\t';
    }

    private static String trimEnd(int[] cps, int start, int end) {
        while (end > start && isSpace(cps[end - 1])) {
            end--;
        }
        return new String(cps, start, end - start);
    }
}
