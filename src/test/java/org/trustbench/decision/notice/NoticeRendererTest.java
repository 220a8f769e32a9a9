package org.trustbench.decision.notice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.trustbench.i18n.Messages;

/** Notices rendered with the system's Chinese font and read back with PDFBox's text extraction. */
class NoticeRendererTest {

    private static CjkFont font;
    private static NoticeRenderer renderer;
    private static final NoticeLabels LABELS = NoticeLabels.fromBundles();

    @BeforeAll
    static void findFont() {
        try {
            font = CjkFont.find();
        } catch (NoticeException e) {
            Assumptions.abort("No Chinese TrueType font on this machine (install fonts-wqy-zenhei or set "
                    + CjkFont.ENV + "); notice rendering tests skipped: " + e.userMessage().args());
        }
        renderer = new NoticeRenderer(LABELS, font);
    }

    static NoticeData sample(String outcome, String rationale, boolean demo) {
        List<NoticeData.ReasonText> reasons = switch (outcome) {
            case "APPROVE" -> List.of(new NoticeData.ReasonText("ALL_CHECKS_PASSED",
                    "电子营业执照、资质和经营场所核验均已通过。",
                    "The e-licence, credentials and business premises have all been verified."));
            case "REJECT" -> List.of(
                    new NoticeData.ReasonText("LICENCE_NOT_ACTIVE", "营业执照状态为吊销，主体不具备备案资格。",
                            "The business licence has been revoked; the entity cannot be filed."),
                    new NoticeData.ReasonText("PERFORMER_NOT_FILER", "实际提供服务的主体与备案主体不一致。",
                            "The entity that performs the service is not the filing entity."));
            case "RETURN" -> List.of(new NoticeData.ReasonText("DOCUMENTS_MISSING", "申请材料不齐全。",
                    "The application is incomplete."));
            default -> List.of(new NoticeData.ReasonText("CONSTRUCTION_AUTHORITY",
                    "建筑工地上使用的塔式起重机由住房和城乡建设主管部门监督管理。",
                    "Tower cranes on building sites are supervised by the construction authorities."));
        };
        List<NoticeData.SupplementText> supplements = "RETURN".equals(outcome)
                ? List.of(new NoticeData.SupplementText("覆盖所申报服务的有效资质证书", "A valid credential covering the declared services"),
                        new NoticeData.SupplementText("境外制造商出具的授权书", "The overseas manufacturer's letter of authorisation"))
                : List.of();
        return new NoticeData("SH-PD-2026-000123", "上海浦江远程设备技术服务有限公司",
                "Shanghai Pujiang Remote Equipment Technical Service Co., Ltd.", "91310115TB2026N17H", outcome,
                reasons, supplements, rationale, LocalDate.of(2026, 6, 15), "PD-0421", "李明",
                "上海市浦东新区市场监督管理局", "Shanghai Pudong New Area Administration for Market Regulation",
                "REFER".equals(outcome) ? "上海市浦东新区建设和交通委员会" : null, demo);
    }

    private static String text(byte[] pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(doc);
        }
    }

    private static int pages(byte[] pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return doc.getNumberOfPages();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"APPROVE", "REJECT", "RETURN", "REFER"})
    void everyOutcomePrintsChineseAndEnglish(String outcome) throws IOException {
        NoticeData data = sample(outcome, "经现场核查，经营场所与登记住所一致。", false);
        byte[] pdf = renderer.render(data);
        assertTrue(new String(pdf, 0, 5, java.nio.charset.StandardCharsets.ISO_8859_1).startsWith("%PDF-"));
        String text = text(pdf);
        int pages = pages(pdf);
        for (String expected : List.of("进口特种设备售后服务商备案决定告知书", "Notice of Filing Decision",
                "SH-PD-2026-000123", "上海浦江远程设备技术服务有限公司",
                "Shanghai Pujiang Remote Equipment Technical Service Co., Ltd.", "91310115TB2026N17H",
                LABELS.outcome(outcome).zh(), LABELS.outcome(outcome).en(),
                data.reasons().get(0).textZh(), data.reasons().get(0).textEn(),
                "经现场核查，经营场所与登记住所一致。", "PD-0421", "李明", "2026年6月15日", "15 June 2026",
                "上海市浦东新区市场监督管理局", "Shanghai Pudong New Area Administration for Market Regulation",
                "Page 1 of 1", "第 1 页，共 1 页")) {
            assertTrue(flat(text).contains(flat(expected.replace("1 of 1", pages + " of " + pages).replace("共 1 页", "共 " + pages + " 页"))), outcome + ": missing \"" + expected + "\" in\n" + text);
        }
        assertFalse(text.contains("NOT AN OFFICIAL DOCUMENT"), "no demo mark on a real notice");
        assertFalse(text.contains("!notice."), "a label is missing from the bundles:\n" + text);
    }

    @Test
    void outcomesAreTheAgreedWording() {
        Messages zh = Messages.forLocale(Messages.CHINESE);
        Messages en = Messages.forLocale(Messages.ENGLISH);
        NoticeLabels labels = NoticeLabels.from(zh, en);
        assertEquals("准予备案", labels.outcome("APPROVE").zh());
        assertEquals("不予备案", labels.outcome("REJECT").zh());
        assertEquals("退回补正", labels.outcome("RETURN").zh());
        assertEquals("移送其他部门处理", labels.outcome("REFER").zh());
        assertEquals("Filing approved", labels.outcome("APPROVE").en());
        assertEquals("演示 DEMO — 非正式文书 NOT AN OFFICIAL DOCUMENT", labels.demoWatermark());
        assertFalse(labels.toString().contains("!notice."), labels.toString());
    }

    @Test
    void returnListsTheSupplements() throws IOException {
        String text = flat(text(renderer.render(sample("RETURN", null, false))));
        assertTrue(text.contains(flat("覆盖所申报服务的有效资质证书")), text);
        assertTrue(text.contains(flat("A valid credential covering the declared services")), text);
        assertTrue(text.contains(flat("The overseas manufacturer's letter of authorisation")), text);
        assertTrue(text.contains(flat(LABELS.supplements().zh())) && text.contains(flat(LABELS.supplements().en())), text);
    }

    @Test
    void referNamesTheAuthority() throws IOException {
        String text = flat(text(renderer.render(sample("REFER", null, false))));
        assertTrue(text.contains(flat("上海市浦东新区建设和交通委员会")), text);
        assertTrue(text.contains(flat(LABELS.referredTo().en())), text);
    }

    @Test
    void aLongRationaleFlowsOntoMorePagesAndWrapsInsideTheMargins() throws IOException {
        StringBuilder r = new StringBuilder();
        for (int i = 1; i <= 40; i++) {
            r.append("第").append(i).append("项：经营场所现场核查时未见企业名称标识，现场人员无法出示塔式起重机远程诊断所需的检测设备，")
                    .append("且平台登记地址与住所不一致。Item ").append(i)
                    .append(": at the field inspection no signage with the entity's name was found and staff could not show the "
                            + "instruments needed for remote diagnostics of tower cranes.\n");
        }
        byte[] pdf = renderer.render(sample("REJECT", r.toString(), false));
        int pages = pages(pdf);
        assertTrue(pages >= 2, "pages: " + pages);
        String text = text(pdf);
        assertTrue(text.contains("Page " + pages + " of " + pages), text);
        assertTrue(flat(text).contains("第40项"), "the end of the rationale is printed");
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            for (PDPage page : doc.getPages()) {
                // Every glyph lies inside the page (text extraction reports positions).
                PDFTextStripper stripper = new PDFTextStripper() {
                    @Override
                    protected void writeString(String s, List<org.apache.pdfbox.text.TextPosition> positions) {
                        for (org.apache.pdfbox.text.TextPosition p : positions) {
                            assertTrue(p.getXDirAdj() >= 40 && p.getXDirAdj() + p.getWidthDirAdj() <= page.getMediaBox().getWidth() - 40,
                                    "glyph outside the margins: " + s + " at " + p.getXDirAdj());
                        }
                    }
                };
                stripper.setStartPage(doc.getPages().indexOf(page) + 1);
                stripper.setEndPage(doc.getPages().indexOf(page) + 1);
                stripper.getText(doc);
            }
        }
    }

    @Test
    void theClosingBlockNeverStandsAloneOnALastPage() throws IOException {
        for (int n = 1; n <= 40; n += 3) {
            StringBuilder r = new StringBuilder();
            for (int i = 1; i <= n; i++) {
                r.append("审查说明第").append(i).append("行。\n");
            }
            byte[] pdf = renderer.render(sample("RETURN", r.toString(), false));
            try (PDDocument doc = Loader.loadPDF(pdf)) {
                PDFTextStripper stripper = new PDFTextStripper();
                stripper.setStartPage(doc.getNumberOfPages());
                String last = stripper.getText(doc);
                assertTrue(last.contains("审查说明第" + n + "行"), n + " lines: the end of the rationale\n" + last);
                if (doc.getNumberOfPages() > 1) {
                    assertTrue(last.contains("审查说明第" + (n - 1) + "行") || last.contains("Rationale"),
                            n + " lines: the closing block has text above it on the last page\n" + last);
                }
            }
        }
    }

    @Test
    void theSameDataGivesTheSameBytes() {
        NoticeData data = sample("REJECT", "同一份告知书。", true);
        assertTrue(java.util.Arrays.equals(renderer.render(data), renderer.render(data)));
    }

    @Test
    void aVeryLongEnglishWordIsBrokenRatherThanOverflowing() throws IOException {
        String word = "https://example.invalid/" + "x".repeat(300);
        String text = flat(text(renderer.render(sample("APPROVE", word, false))));
        assertTrue(text.contains("x".repeat(300)), text);
    }

    @Test
    void demoNoticesCarryTheWatermarkOnEveryPage() throws IOException {
        byte[] pdf = renderer.render(sample("APPROVE", "演示。\n".repeat(120), true));
        assertTrue(pages(pdf) >= 2);
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            for (int p = 1; p <= doc.getNumberOfPages(); p++) {
                PDFTextStripper stripper = new PDFTextStripper();
                stripper.setStartPage(p);
                stripper.setEndPage(p);
                String page = stripper.getText(doc);
                assertTrue(page.contains("演示 DEMO — 非正式文书 NOT AN OFFICIAL DOCUMENT"), "page " + p + ":\n" + page);
            }
            assertTrue(doc.getDocumentInformation().getKeywords().contains("NOT AN OFFICIAL DOCUMENT"));
        }
    }

    @Test
    void theFontIsEmbeddedAsASubset() throws IOException {
        byte[] pdf = renderer.render(sample("APPROVE", null, false));
        assertTrue(pdf.length < 400_000, "a subset keeps the notice small: " + pdf.length + " bytes");
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            PDPage page = doc.getPage(0);
            for (org.apache.pdfbox.cos.COSName name : page.getResources().getFontNames()) {
                PDFont f = page.getResources().getFont(name);
                assertTrue(f.isEmbedded(), f.getName());
                assertTrue(f.getName().matches("[A-Z]{6}\\+.*"), "subset tag: " + f.getName());
            }
        }
    }

    @Test
    void missingOptionalFieldsAreLeftOut() throws IOException {
        NoticeData data = new NoticeData("C-1", "上海某某科技有限公司", null, "91310000TB2026Q16W", "APPROVE", List.of(),
                List.of(), null, LocalDate.of(2026, 7, 1), "SH-0001", null, "上海市市场监督管理局", null, null, false);
        String text = text(renderer.render(data));
        assertTrue(flat(text).contains(flat("上海某某科技有限公司")), text);
        assertTrue(text.contains("To 上海某某科技有限公司:"), "the English salutation falls back to the Chinese name: " + text);
        assertFalse(text.contains("null"), text);
    }

    @Test
    void charactersTheFontLacksDoNotBreakRendering() throws IOException {
        String text = text(renderer.render(sample("APPROVE", "Emoji \uD83D\uDE00 and control \u0007 chars\tare tolerated.", false)));
        assertTrue(text.contains("Emoji"), text);
    }

    @Test
    void anUnknownOutcomeIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> sample("MAYBE", null, false));
    }

    /** Writes the sample notices to target/notice-samples for a look (docs/decision-notice.md). */
    @Test
    void writeSamples() throws IOException {
        Path dir = Path.of("target", "notice-samples");
        Files.createDirectories(dir);
        for (String outcome : NoticeData.OUTCOMES) {
            Files.write(dir.resolve("notice-" + outcome + ".pdf"), renderer.render(sample(outcome,
                    "经现场核查，经营场所与登记住所一致，现场有企业名称标识，工程师持有效特种设备作业人员证，并配备塔式起重机远程诊断所需的设备。",
                    false)));
        }
        Files.write(dir.resolve("notice-RETURN-demo.pdf"), renderer.render(sample("RETURN",
                "授权书未载明设备序列号和服务期限。The letter of authorisation names neither the serial numbers nor the term of service.",
                true)));
    }

    /** Text extraction may break lines anywhere: compare without whitespace. */
    private static String flat(String s) {
        return s.replaceAll("\\s+", "");
    }
}
