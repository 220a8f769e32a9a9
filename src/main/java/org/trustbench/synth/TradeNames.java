package org.trustbench.synth;

/**
 * Fictitious trade names (字号) built from two characters, with their pinyin, and a confusable but different name
 * for name-mismatch scenarios. Plausible, never a real firm's name by design: the pairs are drawn at random.
 */
final class TradeNames {

    private static final String[][] FIRST = {
        {"擎", "Qing"}, {"恒", "Heng"}, {"锐", "Rui"}, {"卓", "Zhuo"}, {"嘉", "Jia"}, {"承", "Cheng"}, {"舜", "Shun"},
        {"砺", "Li"}, {"昱", "Yu"}, {"澄", "Cheng"}, {"朗", "Lang"}, {"峰", "Feng"}, {"坤", "Kun"}, {"铂", "Bo"},
        {"翊", "Yi"}, {"宸", "Chen"}, {"湛", "Zhan"}, {"臻", "Zhen"}, {"跃", "Yue"}, {"拓", "Tuo"}, {"宏", "Hong"},
        {"曜", "Yao"}, {"岱", "Dai"}, {"弘", "Hong"}, {"骁", "Xiao"}, {"磐", "Pan"}, {"沐", "Mu"}, {"汇", "Hui"},
        {"屹", "Yi"}, {"崇", "Chong"}, {"骏", "Jun"}, {"晟", "Sheng"}, {"瀚", "Han"}, {"铠", "Kai"}, {"淞", "Song"},
        {"禹", "Yu"}, {"璟", "Jing"}, {"麒", "Qi"}, {"雍", "Yong"}, {"曦", "Xi"}, {"岚", "Lan"}, {"峻", "Jun"},
        {"翎", "Ling"}, {"睿", "Rui"}, {"泓", "Hong"}, {"钧", "Jun"}, {"启", "Qi"}, {"博", "Bo"},
    };
    private static final String[][] SECOND = {
        {"域", "yu"}, {"铺", "pu"}, {"联", "lian"}, {"衡", "heng"}, {"岳", "yue"}, {"驰", "chi"}, {"塔", "ta"},
        {"升", "sheng"}, {"远", "yuan"}, {"途", "tu"}, {"准", "zhun"}, {"测", "ce"}, {"筑", "zhu"}, {"航", "hang"},
        {"泰", "tai"}, {"鼎", "ding"}, {"源", "yuan"}, {"科", "ke"}, {"通", "tong"}, {"信", "xin"}, {"合", "he"},
        {"德", "de"}, {"安", "an"}, {"捷", "jie"}, {"凯", "kai"}, {"沣", "feng"}, {"弛", "chi"}, {"浦", "pu"},
    };

    /** One trade name: Chinese, pinyin as used in an English name, and a confusable different Chinese name. */
    record TradeName(String zh, String pinyin, String confusableZh) {
    }

    private TradeNames() {
    }

    static TradeName pick(java.util.SplittableRandom r) {
        int a = r.nextInt(FIRST.length);
        int b = r.nextInt(SECOND.length);
        int other = (b + 1 + r.nextInt(SECOND.length - 1)) % SECOND.length;
        return new TradeName(FIRST[a][0] + SECOND[b][0], FIRST[a][1] + SECOND[b][1], FIRST[(a + 7) % FIRST.length][0]
                + SECOND[other][0]);
    }
}
