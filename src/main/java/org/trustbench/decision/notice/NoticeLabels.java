package org.trustbench.decision.notice;

import java.text.MessageFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.trustbench.i18n.Messages;

/**
 * The fixed wording of the decision notice in both languages, read from the {@code notice.*} keys
 * of the zh_CN and en bundles. Patterns use {@link MessageFormat} placeholders; {@code datePattern}
 * is a {@link java.time.format.DateTimeFormatter} pattern.
 */
public record NoticeLabels(Text title, Text caseNo, Text applicant, Text uscc, Text salutation, Text intro,
                           Text decision, Map<String, Text> outcomes, Text reasons, Text supplements,
                           Text supplementsIntro, Text referredTo, Text rationale, Text decidedOn, Text officerId,
                           Text officerName, Text datePattern, Text page, Text demoMark, Text demoNotOfficial) {

    public NoticeLabels {
        outcomes = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(outcomes)); // stable order: the PDF ID is seeded from it
        for (String code : NoticeData.OUTCOMES) {
            Objects.requireNonNull(outcomes.get(code), "label for outcome " + code);
        }
    }

    /** Labels from the application's bundles. */
    public static NoticeLabels fromBundles() {
        return from(Messages.forLocale(Messages.CHINESE), Messages.forLocale(Messages.ENGLISH));
    }

    /** Labels read from the Chinese and the English bundle. */
    public static NoticeLabels from(Messages zh, Messages en) {
        Map<String, Text> outcomes = new LinkedHashMap<>();
        for (String code : NoticeData.OUTCOMES) {
            outcomes.put(code, new Text(zh.get("notice.outcome." + code), en.get("notice.outcome." + code)));
        }
        return new NoticeLabels(
                new Text(zh.get("notice.title"), en.get("notice.title")),
                new Text(zh.get("notice.caseNo"), en.get("notice.caseNo")),
                new Text(zh.get("notice.applicant"), en.get("notice.applicant")),
                new Text(zh.get("notice.uscc"), en.get("notice.uscc")),
                new Text(zh.get("notice.salutation"), en.get("notice.salutation")),
                new Text(zh.get("notice.intro"), en.get("notice.intro")),
                new Text(zh.get("notice.decision"), en.get("notice.decision")),
                outcomes,
                new Text(zh.get("notice.reasons"), en.get("notice.reasons")),
                new Text(zh.get("notice.supplements"), en.get("notice.supplements")),
                new Text(zh.get("notice.supplements.intro"), en.get("notice.supplements.intro")),
                new Text(zh.get("notice.referredTo"), en.get("notice.referredTo")),
                new Text(zh.get("notice.rationale"), en.get("notice.rationale")),
                new Text(zh.get("notice.decidedOn"), en.get("notice.decidedOn")),
                new Text(zh.get("notice.officerId"), en.get("notice.officerId")),
                new Text(zh.get("notice.officerName"), en.get("notice.officerName")),
                new Text(zh.get("notice.datePattern"), en.get("notice.datePattern")),
                new Text(zh.get("notice.page"), en.get("notice.page")),
                new Text(zh.get("notice.demo.mark"), en.get("notice.demo.mark")),
                new Text(zh.get("notice.demo.notOfficial"), en.get("notice.demo.notOfficial")));
    }

    /** The label of an outcome code ({@code APPROVE} …). */
    public Text outcome(String code) {
        Text t = outcomes.get(code);
        if (t == null) {
            throw new IllegalArgumentException("unknown outcome " + code);
        }
        return t;
    }

    /** The demo watermark: "演示 DEMO — 非正式文书 NOT AN OFFICIAL DOCUMENT". */
    public String demoWatermark() {
        return demoMark.zh() + " " + demoMark.en() + " — " + demoNotOfficial.zh() + " " + demoNotOfficial.en();
    }

    /** One label in Chinese and English; either may be a {@link MessageFormat} pattern. */
    public record Text(String zh, String en) {

        public Text {
            Objects.requireNonNull(zh, "zh");
            Objects.requireNonNull(en, "en");
        }

        /** The Chinese pattern filled with {@code args}. */
        public String zh(Object... args) {
            return args.length == 0 ? zh : new MessageFormat(zh, Locale.SIMPLIFIED_CHINESE).format(args);
        }

        /** The English pattern filled with {@code args}. */
        public String en(Object... args) {
            return args.length == 0 ? en : new MessageFormat(en, Locale.ENGLISH).format(args);
        }
    }
}
