package org.trustbench.decision.notice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trustbench.i18n.Messages;

class CjkFontTest {

    private static final Path WQY = Path.of("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc");

    @TempDir
    Path tmp;

    @Test
    void noUsableCandidateGivesTheNoFontMessageWithThePlacesSearched() throws IOException {
        Path missing = tmp.resolve("no-such-font.ttc");
        Path notAFont = Files.writeString(tmp.resolve("readme.ttf"), "not a font", StandardCharsets.UTF_8);
        Path cff = Files.write(tmp.resolve("cff.otf"), "OTTO and then nothing useful".getBytes(StandardCharsets.ISO_8859_1));
        Path emptyDir = Files.createDirectory(tmp.resolve("fonts"));
        NoticeException e = assertThrows(NoticeException.class,
                () -> CjkFont.find(List.of(missing, notAFont, cff, emptyDir)));
        assertEquals("notice.error.noCjkFont", e.userMessage().key());
        String searched = String.valueOf(e.userMessage().args().get(0));
        assertTrue(searched.contains(missing.toString()) && searched.contains(notAFont.toString())
                && searched.contains(emptyDir + "/**"), searched);
    }

    @Test
    void theNoFontMessageTellsTheOfficerHowToFixItInBothLanguages() {
        NoticeException e = assertThrows(NoticeException.class, () -> CjkFont.find(List.of(tmp.resolve("x.ttf"))));
        String zh = Messages.forLocale(Messages.CHINESE).format(e.userMessage());
        String en = Messages.forLocale(Messages.ENGLISH).format(e.userMessage());
        for (String text : List.of(zh, en)) {
            assertTrue(text.contains("fonts-wqy-zenhei") && text.contains("TRUSTBENCH_CJK_FONT")
                    && text.contains(tmp.resolve("x.ttf").toString()), text);
        }
        assertTrue(zh.contains("未找到中文字体"), zh);
        assertTrue(en.startsWith("No Chinese font was found"), en);
    }

    @Test
    void aFontWithoutChineseGlyphsIsSkipped() {
        Path dejavu = Path.of("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf");
        Assumptions.assumeTrue(Files.isRegularFile(dejavu), "DejaVu Sans not installed");
        assertTrue(CjkFont.probe(dejavu).isEmpty());
    }

    @Test
    void wenQuanYiZenHeiIsFoundAndTheFirstFontOfTheCollectionIsUsed() {
        Assumptions.assumeTrue(Files.isRegularFile(WQY), "fonts-wqy-zenhei not installed");
        CjkFont font = CjkFont.find(List.of(tmp.resolve("missing.ttf"), WQY));
        assertEquals(WQY, font.path());
        assertEquals(0, font.index());
        assertEquals("WenQuanYiZenHei", font.name());
    }

    @Test
    void aFolderCandidateIsScanned() {
        Assumptions.assumeTrue(Files.isRegularFile(WQY), "fonts-wqy-zenhei not installed");
        CjkFont font = CjkFont.find(List.of(WQY.getParent()));
        assertEquals(WQY, font.path());
    }

    @Test
    void theSystemPropertyComesFirstAndABadValueFallsBackToTheUsualPlaces() {
        Assumptions.assumeTrue(Files.isRegularFile(WQY), "fonts-wqy-zenhei not installed");
        String before = System.getProperty(CjkFont.PROPERTY);
        try {
            System.setProperty(CjkFont.PROPERTY, WQY.toString());
            assertEquals(WQY, CjkFont.find().path());
            System.setProperty(CjkFont.PROPERTY, tmp.resolve("gone.ttc").toString());
            assertTrue(CjkFont.probe(CjkFont.find().path()).isPresent());
        } finally {
            if (before == null) {
                System.clearProperty(CjkFont.PROPERTY);
            } else {
                System.setProperty(CjkFont.PROPERTY, before);
            }
        }
    }

    @Test
    void probeRejectsMissingFilesAndFolders() {
        assertFalse(CjkFont.probe(tmp.resolve("none.ttf")).isPresent());
        assertFalse(CjkFont.probe(tmp).isPresent());
        assertFalse(CjkFont.probe(null).isPresent());
    }
}
