package org.trustbench.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NameNormaliserTest {

    private static void same(String a, String b) {
        assertEquals(NameNormaliser.normalise(a), NameNormaliser.normalise(b), a + " vs " + b);
    }

    @Test
    void fullWidthBracketsEqualHalfWidth() {
        same("澜岳智能装备（上海）有限公司", "澜岳智能装备(上海)有限公司");
    }

    @Test
    void squareAndLenticularBracketsEqualRoundOnes() {
        same("澜岳智能装备【上海】有限公司", "澜岳智能装备(上海)有限公司");
        same("澜岳智能装备[上海]有限公司", "澜岳智能装备(上海)有限公司");
    }

    @Test
    void fullWidthLettersAndDigitsEqualHalfWidth() {
        same("上海澜岳３Ｄ测控技术有限公司", "上海澜岳3D测控技术有限公司");
    }

    @Test
    void letterCaseIsIgnored() {
        same("上海澜岳3d测控技术有限公司", "上海澜岳3D测控技术有限公司");
    }

    @Test
    void limitedLiabilityCompanyEqualsLimitedCompany() {
        same("上海澜岳智能装备技术有限责任公司", "上海澜岳智能装备技术有限公司");
    }

    @Test
    void whitespaceIncludingIdeographicSpaceIsIgnored() {
        same(" 上海澜岳 智能装备技术　有限公司\t", "上海澜岳智能装备技术有限公司");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Shanghai Lanyue Equipment Co., Ltd.|Shanghai Lanyue Equipment Co.,Ltd",
            "Shanghai Lanyue Equipment Co., Ltd.|Shanghai Lanyue Equipment Company Limited",
            "Shanghai Lanyue Equipment Co.,Ltd|Shanghai Lanyue Equipment Company Limited",
            "Shanghai Lanyue Equipment Co. Ltd.|Shanghai Lanyue Equipment Co., Ltd.",
            "Shanghai Lanyue Equipment CO., LTD.|shanghai lanyue equipment co.,ltd",
            "Shanghai Lanyue Equipment Co.,Ltd.|Shanghai Lanyue Equipment Co,Ltd"})
    void englishSuffixVariantsAreAlike(String a, String b) {
        same(a, b);
    }

    @Test
    void fullWidthEnglishSuffixEqualsHalfWidth() {
        same("Ｓｈａｎｇｈａｉ Lanyue Co．，Ｌｔｄ．", "Shanghai Lanyue Co., Ltd.");
    }

    @Test
    void allVariantsAtOnce() {
        same("澜岳智能装备（上海）３Ｄ技术 有限责任公司", "澜岳智能装备(上海)3D技术有限公司");
    }

    @Test
    void genuinelyDifferentNameStaysDifferent() {
        assertNotEquals(NameNormaliser.normalise("上海澜岳智能装备技术有限公司"), NameNormaliser.normalise("上海澜越智能装备技术有限公司"));
        assertNotEquals(NameNormaliser.normalise("上海澜岳智能装备技术有限公司"), NameNormaliser.normalise("上海汇铺筑路设备科技有限公司"));
    }

    @Test
    void joinStockCompanyIsADifferentLegalForm() {
        assertNotEquals(NameNormaliser.normalise("上海澜岳智能装备技术股份有限公司"), NameNormaliser.normalise("上海澜岳智能装备技术有限公司"));
    }

    @Test
    void suffixIsOnlyRewrittenAtTheEnd() {
        assertNotEquals(NameNormaliser.normalise("上海有限责任公司澜岳分公司"), NameNormaliser.normalise("上海有限公司澜岳分公司"));
    }

    @Test
    void branchOfACompanyIsNotTheCompany() {
        assertNotEquals(NameNormaliser.normalise("上海澜岳智能装备技术有限公司浦东分公司"), NameNormaliser.normalise("上海澜岳智能装备技术有限公司"));
    }

    @Test
    void nullNormalisesToEmpty() {
        assertEquals("", NameNormaliser.normalise(null));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "澜岳智能装备（上海）有限公司|澜岳智能装备(上海)有限公司|width",
            "上海澜岳３Ｄ测控技术有限公司|上海澜岳3D测控技术有限公司|width",
            "上海澜岳 智能装备技术有限公司|上海澜岳智能装备技术有限公司|spacing",
            "上海澜岳（智能）装备 有限公司|上海澜岳(智能)装备有限公司|spacing",
            "上海澜岳智能装备技术有限责任公司|上海澜岳智能装备技术有限公司|suffix",
            "澜岳（上海）装备有限责任公司|澜岳(上海)装备有限公司|suffix",
            "Shanghai Lanyue Co., Ltd.|Shanghai Lanyue Company Limited|format",
            "SHANGHAI LANYUE CO., LTD.|Shanghai Lanyue Co., Ltd.|format",
            "澜岳智能装备【上海】有限公司|澜岳智能装备(上海)有限公司|format",
            "上海澜岳智能装备技术有限公司|上海汇铺筑路设备科技有限公司|different",
            "上海澜岳智能装备技术股份有限公司|上海澜岳智能装备技术有限公司|different"})
    void differenceKindNamesTheReason(String a, String b, String kind) {
        assertEquals(kind, NameNormaliser.differenceKind(a, b));
    }

    @Test
    void identicalOrMissingNamesHaveNoDifferenceKind() {
        assertNull(NameNormaliser.differenceKind("上海澜岳智能装备技术有限公司", "上海澜岳智能装备技术有限公司"));
        assertNull(NameNormaliser.differenceKind(null, "上海澜岳智能装备技术有限公司"));
        assertNull(NameNormaliser.differenceKind("上海澜岳智能装备技术有限公司", null));
    }

    @Test
    void differenceKindAgreesWithNormalise() {
        String[][] pairs = {{"澜岳（上海）有限公司", "澜岳(上海)有限公司"}, {"A B Co., Ltd.", "AB Company Limited"},
                {"上海澜岳智能装备技术有限公司", "上海汇铺筑路设备科技有限公司"}};
        for (String[] p : pairs) {
            boolean alike = NameNormaliser.normalise(p[0]).equals(NameNormaliser.normalise(p[1]));
            assertEquals(!alike, "different".equals(NameNormaliser.differenceKind(p[0], p[1])), p[0] + " / " + p[1]);
        }
    }

    @Test
    void personNamesIgnoreWidthSpacesAndCase() {
        assertEquals(NameNormaliser.normalisePerson("顾明哲"), NameNormaliser.normalisePerson(" 顾 明哲　"));
        assertEquals(NameNormaliser.normalisePerson("Hans Müller"), NameNormaliser.normalisePerson("ＨＡＮＳ ＭÜＬＬＥＲ"));
        assertNotEquals(NameNormaliser.normalisePerson("顾明哲"), NameNormaliser.normalisePerson("顾明喆"));
        assertEquals("", NameNormaliser.normalisePerson(null));
    }
}
