package org.trustbench.decision.notice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class TextWrapperTest {

    /** Chinese characters 10 wide, everything else 5. */
    private static final TextWrapper.Measure MEASURE = cp -> TextWrapper.isCjk(cp) ? 10 : 5;

    private static float width(String s) {
        return (float) s.codePoints().mapToDouble(MEASURE::width).sum();
    }

    @Test
    void chineseBreaksBetweenAnyCharactersAndFillsTheLine() {
        List<String> lines = TextWrapper.wrap("经现场核查经营场所与登记住所一致现场有企业名称标识", 100, MEASURE);
        assertEquals(List.of("经现场核查经营场所与", "登记住所一致现场有企", "业名称标识"), lines);
    }

    @Test
    void closingPunctuationNeverStartsALine() {
        List<String> lines = TextWrapper.wrap("一二三四五六七八九十，一二三。", 100, MEASURE);
        for (String l : lines) {
            assertFalse(l.startsWith("，") || l.startsWith("。"), lines.toString());
        }
        assertEquals("一二三四五六七八九十，一二三。", String.join("", lines));
    }

    @Test
    void openingPunctuationStaysWithWhatFollows() {
        List<String> lines = TextWrapper.wrap("一二三四五六七八九（十）", 100, MEASURE);
        assertFalse(lines.get(0).endsWith("（"), lines.toString());
    }

    @Test
    void englishBreaksAtSpaces() {
        List<String> lines = TextWrapper.wrap("The entity that performs the service is not the filing entity.", 100, MEASURE);
        for (String l : lines) {
            assertTrue(width(l) <= 100, l);
            assertFalse(l.startsWith(" ") || l.endsWith(" "), "'" + l + "'");
        }
        assertEquals("The entity that performs the service is not the filing entity.", String.join(" ", lines));
    }

    @Test
    void mixedTextBreaksBetweenChineseAndEnglish() {
        List<String> lines = TextWrapper.wrap("授权书未载明设备序列号。The letter names no serial numbers.", 120, MEASURE);
        for (String l : lines) {
            assertTrue(width(l) <= 120, l);
        }
        assertEquals(List.of("授权书未载明设备序列号。", "The letter names no", "serial numbers."), lines);
    }

    @Test
    void aWordLongerThanTheLineIsBroken() {
        List<String> lines = TextWrapper.wrap("x".repeat(50), 100, MEASURE);
        assertEquals(List.of("x".repeat(20), "x".repeat(20), "x".repeat(10)), lines);
    }

    @Test
    void newlinesStartParagraphs() {
        assertEquals(List.of("一", "", "two"), TextWrapper.wrap("一\n\ntwo", 100, MEASURE));
    }
}
