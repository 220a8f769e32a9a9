package org.trustbench.synth;

/** The trade names of the bundled demo dataset (sample-data/tools/GenerateDemoDataset.java): zh, pinyin, confusable. */
final class TemplateTradeNames {

    static final String[][] ALL = {
        {"擎域", "Qingyu", "擎宇"}, {"恒铺", "Hengpu", "衡浦"}, {"塔联", "Talian", "塔连"},
        {"鼎擎", "Dingqing", "顶晴"}, {"锐衡", "Ruiheng", "瑞恒"}, {"沪岳", "Huyue", "虎跃"},
        {"卓驰", "Zhuochi", "倬弛"}, {"嘉铺", "Jiapu", "佳浦"}, {"巍擎", "Weiqing", "威庆"},
        {"承衡", "Chengheng", "诚恒"}, {"舜擎", "Shunqing", "顺庆"}, {"钧塔", "Junta", "君达"},
        {"砺升", "Lisheng", "立胜"}, {"途衡", "Tuheng", "图恒"}, {"昱驰", "Yuchi", "宇弛"},
        {"澄远", "Chengyuan", "诚源"}, {"匠擎", "Jiangqing", "江清"}, {"筑衡", "Zhuheng", "竹恒"},
        {"朗驰", "Langchi", "浪驰"}, {"峰塔", "Fengta", "丰达"}, {"沪筑", "Huzhu", "虎柱"},
        {"衡岳", "Hengyue", "恒悦"}, {"骋途", "Chengtu", "成图"}, {"坤擎", "Kunqing", "昆庆"},
        {"铂衡", "Boheng", "博恒"}, {"栎塔", "Lita", "立达"}, {"翊升", "Yisheng", "逸胜"},
        {"宸铺", "Chenpu", "晨浦"}, {"湛准", "Zhanzhun", "展准"}, {"臻衡", "Zhenheng", "振恒"},
        {"跃擎", "Yueqing", "悦庆"}, {"浦准", "Puzhun", "普准"}, {"拓衡", "Tuoheng", "托恒"},
        {"宏铺", "Hongpu", "鸿浦"}, {"梵塔", "Fanta", "凡达"}, {"曜升", "Yaosheng", "耀胜"},
        {"岱衡", "Daiheng", "代恒"}, {"弘测", "Hongce", "宏策"}, {"溯准", "Suzhun", "速准"},
        {"骁擎", "Xiaoqing", "晓庆"}, {"磐塔", "Panta", "盘达"}, {"沐衡", "Muheng", "木恒"},
        {"汇铺", "Huipu", "惠浦"}, {"屹塔", "Yita", "亿达"}, {"弈准", "Yizhun", "易准"},
        {"崇塔", "Chongta", "冲达"}, {"骏衡", "Junheng", "俊恒"}, {"柘铺", "Zhepu", "浙浦"},
        {"晟途", "Shengtu", "盛图"}, {"瀚准", "Hanzhun", "汉准"}, {"铠擎", "Kaiqing", "凯庆"},
        {"舒塔", "Shuta", "书达"}, {"淞衡", "Songheng", "松恒"}, {"洵铺", "Xunpu", "迅浦"},
        {"禹擎", "Yuqing", "玉庆"}, {"璟准", "Jingzhun", "景准"}, {"策衡", "Ceheng", "测恒"},
        {"麒塔", "Qita", "奇达"}, {"雍铺", "Yongpu", "永浦"}, {"曦驰", "Xichi", "溪池"},
        {"岚擎", "Lanqing", "兰庆"}, {"御衡", "Yuheng", "宇恒"}, {"峻准", "Junzhun", "骏准"},
        {"翎铺", "Lingpu", "凌浦"},
    };

    private TemplateTradeNames() {
    }

    /** The entry whose Chinese trade name occurs in {@code nameZh}, or {@code null}. */
    static String[] of(String nameZh) {
        for (String[] t : ALL) {
            if (nameZh.contains(t[0])) {
                return t;
            }
        }
        return null;
    }
}
