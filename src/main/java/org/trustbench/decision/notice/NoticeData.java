package org.trustbench.decision.notice;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Everything printed on one filing decision notice (决定告知书), already translated: the notice
 * shows Chinese with English beneath regardless of the officer's UI language.
 *
 * @param caseNo         the case number
 * @param providerNameZh the provider's registered Chinese name
 * @param providerNameEn the provider's English name, or {@code null}
 * @param uscc           the unified social credit code
 * @param outcome        {@code APPROVE}, {@code REJECT}, {@code RETURN} or {@code REFER}
 *                       (the names of {@code org.trustbench.decision.Outcome})
 * @param reasons        the reasons for the decision, in order
 * @param supplements    the items the provider must supply (for {@code RETURN}; empty otherwise)
 * @param rationale      the officer's free-text rationale (Chinese or English), or {@code null}
 * @param decidedOn      the date of the decision
 * @param officerId      the deciding officer's ID
 * @param officerName    the deciding officer's name, or {@code null}
 * @param authorityZh    the issuing authority, e.g. 上海市浦东新区市场监督管理局
 * @param authorityEn    the issuing authority in English, or {@code null}
 * @param referredTo     the authority a {@code REFER} case goes to, or {@code null}
 * @param demo           demo data: every page carries a large "演示 DEMO — 非正式文书 NOT AN OFFICIAL
 *                       DOCUMENT" watermark and a header line
 */
public record NoticeData(String caseNo, String providerNameZh, String providerNameEn, String uscc, String outcome,
                         List<ReasonText> reasons, List<SupplementText> supplements, String rationale,
                         LocalDate decidedOn, String officerId, String officerName, String authorityZh,
                         String authorityEn, String referredTo, boolean demo) {

    /** The outcome codes a notice can state. */
    public static final Set<String> OUTCOMES = Set.of("APPROVE", "REJECT", "RETURN", "REFER");

    public NoticeData {
        Objects.requireNonNull(caseNo, "caseNo");
        Objects.requireNonNull(providerNameZh, "providerNameZh");
        Objects.requireNonNull(uscc, "uscc");
        Objects.requireNonNull(outcome, "outcome");
        if (!OUTCOMES.contains(outcome)) {
            throw new IllegalArgumentException("unknown outcome " + outcome + "; expected one of " + OUTCOMES);
        }
        reasons = reasons == null ? List.of() : List.copyOf(reasons);
        supplements = supplements == null ? List.of() : List.copyOf(supplements);
        Objects.requireNonNull(decidedOn, "decidedOn");
        Objects.requireNonNull(officerId, "officerId");
        Objects.requireNonNull(authorityZh, "authorityZh");
    }

    /**
     * One reason: its code (e.g. {@code LICENCE_NOT_ACTIVE}, not printed) and its text in both languages.
     *
     * @param textEn the English text, or {@code null} to print the Chinese line only
     */
    public record ReasonText(String code, String textZh, String textEn) {
        public ReasonText {
            Objects.requireNonNull(textZh, "textZh");
        }
    }

    /**
     * One item the provider must supply.
     *
     * @param textEn the English text, or {@code null} to print the Chinese line only
     */
    public record SupplementText(String textZh, String textEn) {
        public SupplementText {
            Objects.requireNonNull(textZh, "textZh");
        }
    }
}
