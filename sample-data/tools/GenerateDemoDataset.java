import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import javax.imageio.ImageIO;
import org.bouncycastle.asn1.gm.GMNamedCurves;
import org.bouncycastle.asn1.gm.GMObjectIdentifiers;
import org.bouncycastle.crypto.digests.SM3Digest;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECNamedDomainParameters;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.signers.HMacDSAKCalculator;
import org.bouncycastle.crypto.signers.StandardDSAEncoding;
import org.bouncycastle.crypto.util.PrivateKeyFactory;
import org.bouncycastle.crypto.util.SubjectPublicKeyInfoFactory;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.math.ec.FixedPointCombMultiplier;
import org.bouncycastle.util.BigIntegers;

/**
 * Generates the TrustBench default demo dataset (format 1, see docs/sample-data.md).
 *
 * Run from the repository root, with BouncyCastle on the class path:
 *
 * <pre>
 *   ./mvnw -q package -DskipTests      # once: fills target/lib
 *   java -cp target/lib/bcprov-jdk18on-1.87.jar sample-data/tools/GenerateDemoDataset.java sample-data/default
 * </pre>
 *
 * Runs with the JDK (JEP 330 source launcher) plus bcprov, which it needs for the SM2 registry
 * signatures. The output is deterministic: a fixed seed, ordered maps and hand-written JSON, PNG
 * and PDF writers, and deterministic SM2 signatures (k from HMAC-SM3, RFC 6979 style), so every
 * run produces the same bytes. Text in the PNG photos is drawn with a built-in bitmap font (no
 * system fonts needed) and without anti-aliasing.
 *
 * Every REGULATOR evidence item carries a {@code signature} (docs/registry-signature.md) made
 * with the demo issuer key sample-data/tools/demo-registry-issuer.key.pem, except in the three
 * SIGNATURE_* cases; {@code issuers.json} lists the demo issuer's public key. The source launcher
 * cannot see the project's classes, so the canonical form and the signing are re-implemented
 * here (classes {@code Canonical} and {@code Sm2Key}); they must stay byte-identical to
 * org.trustbench.crypto.RegistryRecordSignature and Sm2, which RegistryRecordSignatureTest
 * checks against the generated dataset. The demo keys are for the demo only: never trust them
 * in production.
 *
 * All companies, people, addresses, codes and overseas customers are fictitious. USCCs are
 * generated with correct GB 32100-2015 check characters, except for the providers of
 * USCC_CHECK_DIGIT cases, whose 18th character is deliberately wrong.
 */
public class GenerateDemoDataset {

    static final long SEED = 20261120L;
    static final LocalDate REFERENCE_DATE = LocalDate.of(2026, 11, 20);
    static final LocalDate RECEIVED_FIRST = LocalDate.of(2026, 10, 1);
    static final LocalDate RECEIVED_LAST = LocalDate.of(2026, 11, 18);
    static final LocalDate OVERDUE_SPLIT = LocalDate.of(2026, 10, 21);
    static final LocalDate CLEAN_AUTH_MIN_TO = LocalDate.of(2027, 12, 31);

    // ------------------------------------------------------------------ vocabulary

    static final String CRANE = "CRANE";
    static final String PAVER = "PAVER";

    static final String CREDENTIAL_EXPIRED = "CREDENTIAL_EXPIRED";
    static final String CREDENTIAL_OUT_OF_SCOPE = "CREDENTIAL_OUT_OF_SCOPE";
    static final String LICENCE_REVOKED = "LICENCE_REVOKED";
    static final String LICENCE_CANCELLED = "LICENCE_CANCELLED";
    static final String NAME_MISMATCH = "NAME_MISMATCH";
    static final String ADDRESS_MISMATCH = "ADDRESS_MISMATCH";
    static final String NO_INSPECTION = "NO_INSPECTION";
    static final String USCC_CHECK_DIGIT = "USCC_CHECK_DIGIT";
    static final String PERFORMER_DIFFERS = "PERFORMER_DIFFERS";
    static final String AUTHORISATION_EXPIRED = "AUTHORISATION_EXPIRED";
    static final String OUT_OF_REMIT = "OUT_OF_REMIT";
    static final List<String> TAGS = List.of(CREDENTIAL_EXPIRED, CREDENTIAL_OUT_OF_SCOPE,
            LICENCE_REVOKED, LICENCE_CANCELLED, NAME_MISMATCH, ADDRESS_MISMATCH, NO_INSPECTION,
            USCC_CHECK_DIGIT, PERFORMER_DIFFERS, AUTHORISATION_EXPIRED, OUT_OF_REMIT);
    /** Registry-signature scenarios: one case each, appended after the cases built from plan(). */
    static final String SIGNATURE_INVALID = "SIGNATURE_INVALID";
    static final String SIGNATURE_UNKNOWN_ISSUER = "SIGNATURE_UNKNOWN_ISSUER";
    static final String SIGNATURE_MISSING = "SIGNATURE_MISSING";
    static final List<String> SIGNATURE_TAGS = List.of(SIGNATURE_INVALID, SIGNATURE_UNKNOWN_ISSUER,
            SIGNATURE_MISSING);

    // registry signatures (docs/registry-signature.md); paths relative to the repository root
    static final String ISSUER_KEY = "sample-data/tools/demo-registry-issuer.key.pem";
    static final String UNKNOWN_ISSUER_KEY = "sample-data/tools/demo-unknown-issuer.key.pem";
    static final String ISSUER_NAME = "演示登记机关签名密钥（仅供演示） Demo registry issuer key (demo only)";

    static final String REMOTE_DIAGNOSTICS = "REMOTE_DIAGNOSTICS";
    static final String PAVER_3D_CALIBRATION = "PAVER_3D_CALIBRATION";
    static final String CRANE_MAINTENANCE = "CRANE_MAINTENANCE";
    static final String TELEMATICS_INSTALLATION = "TELEMATICS_INSTALLATION";
    static final String SPARE_PARTS_REPLACEMENT = "SPARE_PARTS_REPLACEMENT";
    static final String OPERATOR_TRAINING = "OPERATOR_TRAINING";
    static final List<String> SERVICE_ORDER = List.of(REMOTE_DIAGNOSTICS, PAVER_3D_CALIBRATION,
            CRANE_MAINTENANCE, TELEMATICS_INSTALLATION, SPARE_PARTS_REPLACEMENT, OPERATOR_TRAINING);

    static final String CAT_TOWER_CRANE = "4300";
    static final String CAT_MOBILE_CRANE = "4400";
    static final String CAT_ROAD = "ROAD_MACHINERY";

    static final String REGULATOR_NAME = "上海市市场监督管理局";
    static final String TERRITORY = "中国上海 / Shanghai";

    record District(String code, String zh, String shortZh, String en, double lat, double lon,
                    String[] roads, int weight) {}

    static final District[] DISTRICTS = {
        new District("310101", "黄浦区", "黄浦", "Huangpu", 31.2317, 121.4846,
                new String[] {"制造局路", "蒙自路", "中山南路", "西藏南路"}, 1),
        new District("310104", "徐汇区", "徐汇", "Xuhui", 31.1886, 121.4365,
                new String[] {"宜山路", "漕宝路", "桂平路", "虹漕路"}, 2),
        new District("310105", "长宁区", "长宁", "Changning", 31.2205, 121.4244,
                new String[] {"天山路", "临虹路", "金钟路", "协和路"}, 1),
        new District("310106", "静安区", "静安", "Jing'an", 31.2289, 121.4482,
                new String[] {"共和新路", "汶水路", "万荣路", "江场西路"}, 2),
        new District("310107", "普陀区", "普陀", "Putuo", 31.2496, 121.3959,
                new String[] {"真北路", "武宁路", "金沙江路", "中江路"}, 2),
        new District("310109", "虹口区", "虹口", "Hongkou", 31.2646, 121.5048,
                new String[] {"广纪路", "东大名路", "临平路", "四平路"}, 1),
        new District("310110", "杨浦区", "杨浦", "Yangpu", 31.2596, 121.5261,
                new String[] {"国定路", "政立路", "军工路", "周家嘴路"}, 2),
        new District("310112", "闵行区", "闵行", "Minhang", 31.1128, 121.3817,
                new String[] {"申富路", "元江路", "都会路", "春中路"}, 5),
        new District("310113", "宝山区", "宝山", "Baoshan", 31.4051, 121.4899,
                new String[] {"富联路", "蕴川路", "宝杨路", "月罗公路"}, 5),
        new District("310114", "嘉定区", "嘉定", "Jiading", 31.3748, 121.2656,
                new String[] {"墨玉路", "嘉松北路", "曹安公路", "叶城路"}, 5),
        new District("310115", "浦东新区", "浦东", "Pudong", 31.2213, 121.5447,
                new String[] {"张衡路", "郭守敬路", "川沙路", "金海路", "申江路", "康桥路"}, 8),
        new District("310116", "金山区", "金山", "Jinshan", 30.7420, 121.3416,
                new String[] {"亭卫公路", "龙胜路", "卫清西路", "金山大道"}, 3),
        new District("310117", "松江区", "松江", "Songjiang", 31.0322, 121.2277,
                new String[] {"沪松公路", "民益路", "荣乐东路", "新飞路"}, 4),
        new District("310118", "青浦区", "青浦", "Qingpu", 31.1497, 121.1241,
                new String[] {"华腾路", "崧泽大道", "诸光路", "外青松公路"}, 4),
        new District("310120", "奉贤区", "奉贤", "Fengxian", 30.9180, 121.4740,
                new String[] {"金海公路", "望园路", "环城东路", "大叶公路"}, 4),
        new District("310151", "崇明区", "崇明", "Chongming", 31.6227, 121.3973,
                new String[] {"西门路", "潘园公路", "陈海公路", "北沿公路"}, 2),
    };

    /** 字号 (trade name), pinyin, and a confusable but genuinely different trade name. */
    static final String[][] TRADE_NAMES = {
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

    /** industry wording (zh), English, and a different industry wording for NAME_MISMATCH. */
    static final String[][] CRANE_INDUSTRIES = {
        {"起重设备技术服务", "Lifting Equipment Technical Service", "机电设备技术服务"},
        {"起重机械科技", "Hoisting Machinery Technology", "机械设备科技"},
        {"塔机设备服务", "Tower Crane Equipment Service", "塔吊设备租赁"},
        {"工程机械技术服务", "Construction Machinery Technical Service", "工程设备安装"},
        {"起重设备维修", "Lifting Equipment Maintenance", "起重设备租赁"},
        {"智能起重技术", "Smart Lifting Technology", "智能机电技术"},
    };
    static final String[][] PAVER_INDUSTRIES = {
        {"路面机械技术服务", "Road Machinery Technical Service", "路桥机械技术服务"},
        {"3D测控技术", "3D Measurement and Control Technology", "测绘仪器技术"},
        {"筑路设备科技", "Road Construction Equipment Technology", "筑路工程科技"},
        {"智能施工技术", "Smart Construction Technology", "智能建造技术"},
        {"道路机械服务", "Road Equipment Service", "道路养护工程"},
    };
    static final String[][] BRANCH_PROVINCES = {{"江苏", "Jiangsu"}, {"浙江", "Zhejiang"}, {"山东", "Shandong"}};

    static final String CRANE_SCOPE_A = "一般项目：技术服务、技术开发、技术咨询、技术交流、技术转让、技术推广；"
            + "特种设备销售；机械设备销售；机械设备租赁；通用设备修理；专用设备修理；电气设备修理；"
            + "物联网技术服务；软件开发。（除依法须经批准的项目外，凭营业执照依法自主开展经营活动）"
            + "许可项目：特种设备安装改造修理。（依法须经批准的项目，经相关部门批准后方可开展经营活动，"
            + "具体经营项目以相关部门批准文件或许可证件为准）";
    static final String CRANE_SCOPE_B = "一般项目：从事起重机械科技领域内的技术服务、技术咨询；"
            + "起重机械设备及配件的销售；机械设备维修；工业自动控制系统装置销售；信息系统集成服务；"
            + "货物进出口；技术进出口。（除依法须经批准的项目外，凭营业执照依法自主开展经营活动）"
            + "许可项目：特种设备安装改造修理。（依法须经批准的项目，经相关部门批准后方可开展经营活动，"
            + "具体经营项目以相关部门批准文件或许可证件为准）";
    static final String PAVER_SCOPE_A = "一般项目：技术服务、技术开发、技术咨询、技术交流、技术转让、技术推广；"
            + "建筑工程用机械销售；机械设备租赁；通用设备修理；专用设备修理；仪器仪表修理；"
            + "智能控制系统集成；软件开发。（除依法须经批准的项目外，凭营业执照依法自主开展经营活动）";
    static final String PAVER_SCOPE_B = "一般项目：从事道路施工机械及测控设备领域内的技术服务、技术咨询；"
            + "工程机械及配件销售；测绘仪器销售；仪器仪表修理；机械设备租赁；货物进出口。"
            + "（除依法须经批准的项目外，凭营业执照依法自主开展经营活动）";

    static final String SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦方白邹孟熊秦邱江尹薛段雷侯史陶贺顾毛郝龚邵钱严戴孔汤";
    static final String GIVEN_CHARS = "建国志明文华海晓春燕俊杰立新永宏丽静敏伟磊强涛鹏婷雪琳浩宇瑞峰博凯昊晨欣怡佳嘉天思雨梓轩亮斌辉波军平红霞玲勇飞刚秀英兰芳慧颖洁倩宁超勤荣清";
    static final String[] FOREIGN_REPS = {"Markus Keller", "Julien Moreau", "Erik Lindqvist",
        "Stefan Vogt", "Anna Bergström", "Luca Ferraro", "Thomas Brandt"};

    static final String[] OFFICERS = {"陈静怡", "王立新", "周晓峰", "顾佳敏", "沈浩然"};
    static final String[] INSPECTORS = {"许振华", "陆雯", "钱志刚", "蒋晓琳"};
    static final String[] PLATFORMS = {"工业品服务云平台", "设备后市场服务平台", "沪工机械售后服务网", "进口设备服务通"};
    static final String[] SYSTEMS_3D = {"Topcon 3D-MC", "Trimble Roadworks", "Leica iCON", "MOBA"};
    static final String[] TRAINING_CENTRES = {"Nordlicht Paving Systems GmbH",
        "Scandia Machine Control AB", "Géoguidage Routier SAS"};

    record Model(String make, String model, String category, String serialPattern) {}

    /** serial patterns: '#' = random digit, 'Y' = two-digit build year. */
    static final Model[] CRANE_MODELS = {
        new Model("Liebherr", "172 EC-B 8 Litronic", CAT_TOWER_CRANE, "1066#####"),
        new Model("Liebherr", "125 EC-B 6 Litronic", CAT_TOWER_CRANE, "1063#####"),
        new Model("Liebherr", "202 EC-B 10 Litronic", CAT_TOWER_CRANE, "1069#####"),
        new Model("Potain", "MDT 219", CAT_TOWER_CRANE, "P219-######"),
        new Model("Potain", "MDT 189", CAT_TOWER_CRANE, "P189-######"),
        new Model("Terex", "CTT 202", CAT_TOWER_CRANE, "CTT202-Y####"),
        new Model("Terex", "CTT 161", CAT_TOWER_CRANE, "CTT161-Y####"),
        new Model("Wolff", "7534 clear", CAT_TOWER_CRANE, "W7534-####"),
        new Model("Wolff", "6031 clear", CAT_TOWER_CRANE, "W6031-####"),
        new Model("Zoomlion", "TC6013A-6", CAT_TOWER_CRANE, "ZLJ20Y#####"),
        new Model("XCMG", "XGT7020-10S", CAT_TOWER_CRANE, "XGT20Y######"),
        new Model("SANY", "SYT125(T6515-8)", CAT_TOWER_CRANE, "SY0200Y#####"),
        new Model("Yongmao", "STT153", CAT_TOWER_CRANE, "YM153-20Y###"),
    };
    static final int[] CRANE_MODEL_WEIGHTS = {2, 1, 1, 2, 1, 1, 1, 1, 1, 1, 1, 1, 1};
    static final Model[] PAVER_MODELS = {
        new Model("Vögele", "SUPER 1800-3i", CAT_ROAD, "10181######"),
        new Model("Vögele", "SUPER 2100-3i", CAT_ROAD, "10211######"),
        new Model("Dynapac", "SD2550C", CAT_ROAD, "96100Y#####"),
        new Model("Volvo", "P8820D", CAT_ROAD, "VCEP8820D00######"),
        new Model("Bomag", "BF 800 C", CAT_ROAD, "86158260####"),
    };
    static final int[] PAVER_MODEL_WEIGHTS = {3, 1, 2, 2, 2};

    record Customer(String name, String country) {}

    static final Map<String, Customer[]> CUSTOMERS = new LinkedHashMap<>();
    static {
        CUSTOMERS.put("Liebherr", new Customer[] {
            new Customer("Rheinkran Vertriebs- und Service GmbH", "德国 / Germany"),
            new Customer("Alpenturm Kranservice GmbH", "奥地利 / Austria")});
        CUSTOMERS.put("Potain", new Customer[] {
            new Customer("Levage Rhône-Saône SAS", "法国 / France"),
            new Customer("Grues Atlantique Services SARL", "法国 / France")});
        CUSTOMERS.put("Terex", new Customer[] {
            new Customer("Gru Friulane Assistenza S.r.l.", "意大利 / Italy")});
        CUSTOMERS.put("Wolff", new Customer[] {
            new Customer("Neckar Turmkran Technik GmbH", "德国 / Germany")});
        Customer[] lessors = {
            new Customer("Hanseatic Lift Rental GmbH", "德国 / Germany"),
            new Customer("Baltic Hoist Leasing AB", "瑞典 / Sweden"),
            new Customer("Kranpartner Maasvlakte B.V.", "荷兰 / Netherlands")};
        CUSTOMERS.put("Zoomlion", lessors);
        CUSTOMERS.put("XCMG", lessors);
        CUSTOMERS.put("SANY", lessors);
        CUSTOMERS.put("Yongmao", lessors);
        CUSTOMERS.put("Vögele", new Customer[] {
            new Customer("Kurpfalz Straßenfertiger Service GmbH", "德国 / Germany")});
        CUSTOMERS.put("Dynapac", new Customer[] {
            new Customer("Mälardalen Asfaltmaskin AB", "瑞典 / Sweden")});
        CUSTOMERS.put("Volvo", new Customer[] {
            new Customer("Västkust Vägmaskin Service AB", "瑞典 / Sweden")});
        CUSTOMERS.put("Bomag", new Customer[] {
            new Customer("Rhein-Mosel Verdichtungstechnik GmbH", "德国 / Germany"),
            new Customer("Routes et Finisseurs Lyonnais SAS", "法国 / France")});
    }

    // attachments
    static final String PDF_LICENCE = "attachments/business-licence-scan.pdf";
    static final String PDF_CREDENTIAL = "attachments/credential-certificate-scan.pdf";
    static final String PDF_AUTHORISATION = "attachments/authorisation-letter.pdf";
    static final String PNG_STOREFRONT = "attachments/premises-storefront.png";
    static final String PNG_OFFICE = "attachments/premises-office-signage.png";
    static final String PNG_WORKSHOP = "attachments/premises-workshop.png";
    static final String PNG_CRANE_YARD = "attachments/premises-crane-yard.png";
    static final String PNG_CALIBRATION = "attachments/premises-calibration-lab.png";
    static final String PNG_PAVER_BAY = "attachments/premises-paver-bay.png";

    // ------------------------------------------------------------------ main

    public static void main(String[] args) throws Exception {
        System.setProperty("java.awt.headless", "true");
        if (args.length != 1) {
            System.err.println("usage: java sample-data/tools/GenerateDemoDataset.java <output-folder>");
            System.exit(2);
        }
        Uscc.selfCheck();
        Path out = Path.of(args[0]);
        Sm2Key issuer = Sm2Key.load(Path.of(ISSUER_KEY));
        Sm2Key unknownIssuer = Sm2Key.load(Path.of(UNKNOWN_ISSUER_KEY));

        Generator gen = new Generator(new Random(SEED));
        gen.build();
        gen.signRegistryRecords(issuer, unknownIssuer);

        prepareOutputFolder(out);
        Map<String, byte[]> files = new TreeMap<>();
        files.put(PDF_LICENCE, Pdf.document("Business licence scan (demo)", new String[] {
            "Electronic business licence - printed copy",
            "TrustBench demo dataset. All data are fictitious.",
            "Unified social credit code, name, legal representative,",
            "domicile, business scope and term: see the registry record.",
            "This file is not a real licence."}));
        files.put(PDF_CREDENTIAL, Pdf.document("Credential certificate scan (demo)", new String[] {
            "Licence / qualification certificate - scanned copy",
            "TrustBench demo dataset. All data are fictitious.",
            "Type, number, holder, issuer, scope and validity:",
            "see the evidence record it is attached to.",
            "This file is not a real certificate."}));
        files.put(PDF_AUTHORISATION, Pdf.document("Letter of authorisation (demo)", new String[] {
            "Authorisation of an after-sales service provider",
            "TrustBench demo dataset. All data are fictitious.",
            "Customer, authorised party, equipment serials, services,",
            "territory and term: see the evidence record.",
            "This file is not a real authorisation."}));
        for (String f : List.of(PNG_STOREFRONT, PNG_OFFICE, PNG_WORKSHOP, PNG_CRANE_YARD,
                PNG_CALIBRATION, PNG_PAVER_BAY)) {
            files.put(f, Images.photo(f));
        }
        Set<String> referenced = gen.referencedFiles();
        if (!files.keySet().containsAll(referenced)) {
            throw new IllegalStateException("unknown attachment referenced: " + referenced);
        }

        writeText(out.resolve("dataset.json"), Json.write(gen.datasetJson()));
        writeText(out.resolve("providers.json"), Json.write(gen.providersJson()));
        writeText(out.resolve("cases.json"), Json.write(gen.casesJson()));
        writeText(out.resolve("issuers.json"), Json.write(issuersJson(issuer)));
        Files.createDirectories(out.resolve("attachments"));
        for (Map.Entry<String, byte[]> e : files.entrySet()) {
            byte[] data = e.getValue();
            if (e.getKey().endsWith(".png") && data.length > 60 * 1024) {
                throw new IllegalStateException(e.getKey() + " is larger than 60 KB");
            }
            Files.write(out.resolve(e.getKey()), data);
        }
        gen.printSummary(out);
    }

    static void prepareOutputFolder(Path out) throws IOException {
        Files.createDirectories(out);
        for (String f : List.of("dataset.json", "providers.json", "cases.json", "issuers.json")) {
            Files.deleteIfExists(out.resolve(f));
        }
        Path att = out.resolve("attachments");
        if (Files.isDirectory(att)) {
            try (var walk = Files.walk(att)) {
                List<Path> paths = walk.sorted(Comparator.reverseOrder()).toList();
                for (Path p : paths) {
                    Files.delete(p);
                }
            }
        }
    }

    static void writeText(Path p, String text) throws IOException {
        Files.write(p, text.getBytes(StandardCharsets.UTF_8));
    }

    /** issuers.json: the trusted registry issuers. The unknown issuer is deliberately absent. */
    static List<Object> issuersJson(Sm2Key issuer) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("keyId", issuer.keyId);
        m.put("name", ISSUER_NAME);
        m.put("publicKeyPem", issuer.publicKeyPem());
        List<Object> out = new ArrayList<>();
        out.add(m);
        return out;
    }

    // ------------------------------------------------------------------ USCC (GB 32100-2015)

    static final class Uscc {
        static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
        static final int[] ORG_WEIGHTS = {3, 7, 9, 10, 5, 8, 4, 2};
        static final String[] PUBLIC_EXAMPLES = {"91310115591693856A", "91310110666007217T",
            "91350200776049653A", "91440101MA5CJQ4N59"};

        /** GB 11714 check of the organisation code (positions 9-16 → position 17). */
        static char orgCheck(String first8) {
            int sum = 0;
            for (int i = 0; i < 8; i++) {
                char c = first8.charAt(i);
                int v = Character.isDigit(c) ? c - '0' : c - 'A' + 10;
                sum += v * ORG_WEIGHTS[i];
            }
            int c = 11 - sum % 11;
            return c == 10 ? 'X' : c == 11 ? '0' : (char) ('0' + c);
        }

        /** GB 32100 check character (positions 1-17 → position 18). */
        static char check(String first17) {
            int sum = 0;
            int w = 1;
            for (int i = 0; i < 17; i++) {
                int v = ALPHABET.indexOf(first17.charAt(i));
                if (v < 0) {
                    throw new IllegalArgumentException("not a USCC character: " + first17.charAt(i));
                }
                sum += v * w;
                w = w * 3 % 31;
            }
            int c = 31 - sum % 31;
            return ALPHABET.charAt(c == 31 ? 0 : c);
        }

        static boolean position17Ok(String u) {
            return orgCheck(u.substring(8, 16)) == u.charAt(16);
        }

        static boolean position18Ok(String u) {
            return u.length() == 18 && check(u.substring(0, 17)) == u.charAt(17);
        }

        static void selfCheck() {
            for (String u : PUBLIC_EXAMPLES) {
                if (!position18Ok(u)) {
                    throw new IllegalStateException("position-18 check fails for public example " + u);
                }
                if (!position17Ok(u)) {
                    throw new IllegalStateException("position-17 check fails for public example " + u);
                }
            }
        }

        static String make(String district, String orgBody8) {
            String first17 = "91" + district + orgBody8 + orgCheck(orgBody8);
            return first17 + check(first17);
        }

        static String breakCheck(String valid, Random rnd) {
            char good = valid.charAt(17);
            char bad;
            do {
                bad = ALPHABET.charAt(rnd.nextInt(ALPHABET.length()));
            } while (bad == good);
            return valid.substring(0, 17) + bad;
        }
    }

    // ------------------------------------------------------------------ model

    static final class Addr {
        District d;
        String road;
        int lane;      // 弄, 0 = none
        int no;        // 号
        int bldg;      // 幢, 0 = none
        int floor;     // 层
        int room;      // 室

        Addr copy() {
            Addr a = new Addr();
            a.d = d; a.road = road; a.lane = lane; a.no = no; a.bldg = bldg; a.floor = floor; a.room = room;
            return a;
        }

        String format(boolean spaced) {
            String sp = spaced ? " " : "";
            StringBuilder s = new StringBuilder("上海市").append(sp).append(d.zh()).append(sp).append(road);
            if (lane > 0) {
                s.append(lane).append("弄");
            }
            s.append(no).append("号").append(sp);
            if (bldg > 0) {
                s.append(bldg).append("幢");
            }
            s.append(floor).append("层").append(room).append("室");
            return s.toString();
        }

        @Override
        public String toString() {
            return format(false);
        }
    }

    static final class CaseSpec {
        final List<String> tags = new ArrayList<>();
        final Map<String, String> variant = new HashMap<>();

        boolean has(String tag) {
            return tags.contains(tag);
        }

        String variant(String tag) {
            return variant.getOrDefault(tag, "");
        }
    }

    static final class ProviderSpec {
        final String family;
        boolean branch;
        final List<CaseSpec> cases = new ArrayList<>();

        ProviderSpec(String family) {
            this.family = family;
        }

        ProviderSpec c(String... tagVariants) {
            CaseSpec cs = new CaseSpec();
            for (String tv : tagVariants) {
                String[] parts = tv.split(":", 2);
                cs.tags.add(parts[0]);
                if (parts.length == 2) {
                    cs.variant.put(parts[0], parts[1]);
                }
            }
            cs.tags.sort(Comparator.comparingInt(TAGS::indexOf));
            cases.add(cs);
            return this;
        }

        ProviderSpec branch() {
            branch = true;
            return this;
        }

        boolean any(String tag) {
            return cases.stream().anyMatch(c -> c.has(tag));
        }

        boolean anyVariant(String tag, String variant) {
            return cases.stream().anyMatch(c -> c.has(tag) && c.variant(tag).equals(variant));
        }

        boolean allClean() {
            return cases.stream().allMatch(c -> c.tags.isEmpty());
        }
    }

    static final class Engineer {
        String name;
        String certType;      // OPERATOR_CERT or MANUFACTURER_CERT
        String number;
        String issuer;
        String system3d;      // pavers only
        LocalDate validFrom;
        LocalDate validTo;
    }

    static final class Provider {
        ProviderSpec spec;
        String family;
        District district;
        String uscc;
        String nameZh;
        String nameEn;
        String nameHead;      // nameZh = nameHead + nameTail; a space between them is a spacing variant
        String nameTail;
        String mismatchName;  // a genuinely different name (NAME_MISMATCH)
        String entityType;
        String legalRep;
        boolean foreignRep;
        String legalRepTitle;
        String capital;
        Addr address;
        String authority;
        LocalDate establishedOn;
        LocalDate termTo;
        String status;
        String scope;
        boolean holdsTsg;
        String tsgNumber;
        String tsgLevel;
        LocalDate tsgFrom;
        LocalDate tsgTo;
        final List<Engineer> engineers = new ArrayList<>();
        final List<FilingCase> cases = new ArrayList<>();
    }

    record Equipment(String category, String make, String model, String serial, boolean special, String siteType) {}

    static final class FilingCase {
        int index;
        Provider provider;
        CaseSpec spec;
        String caseNo;
        String platform;
        LocalDate receivedOn;
        String status;
        String assignee;
        List<String> services;
        Provider performer;
        String signedScope;   // SIGNATURE_INVALID: the registry scope as it was when signed
        final List<Equipment> equipment = new ArrayList<>();
        final List<Map<String, Object>> evidence = new ArrayList<>();
    }

    // ------------------------------------------------------------------ generator

    static final class Generator {
        final Random rnd;
        final List<Provider> providers = new ArrayList<>();
        final List<FilingCase> cases = new ArrayList<>();
        final Set<String> usedUscc = new HashSet<>();
        final Set<String> usedPeople = new HashSet<>();
        final Set<String> usedSerials = new HashSet<>();
        final Set<String> usedNumbers = new HashSet<>();
        final List<District> districtBag = new ArrayList<>();
        final List<District> firstDistricts = new ArrayList<>();
        final List<String[]> tradeNames = new ArrayList<>();
        final Map<String, Integer> counters = new TreeMap<>();
        LocalDate forcedReceivedOn;

        Generator(Random rnd) {
            this.rnd = rnd;
        }

        // ---- random helpers
        int between(int lo, int hi) {
            return lo + rnd.nextInt(hi - lo + 1);
        }

        boolean chance(double p) {
            return rnd.nextDouble() < p;
        }

        <T> T pick(T[] a) {
            return a[rnd.nextInt(a.length)];
        }

        <T> T pick(List<T> a) {
            return a.get(rnd.nextInt(a.size()));
        }

        <T> T pickWeighted(T[] a, int[] weights) {
            int total = Arrays.stream(weights).sum();
            int r = rnd.nextInt(total);
            for (int i = 0; i < a.length; i++) {
                r -= weights[i];
                if (r < 0) {
                    return a[i];
                }
            }
            throw new AssertionError();
        }

        LocalDate dateBetween(LocalDate a, LocalDate b) {
            long days = b.toEpochDay() - a.toEpochDay();
            return a.plusDays((long) (rnd.nextDouble() * (days + 1)));
        }

        static String instant(LocalDate d, int h, int m) {
            return String.format(Locale.ROOT, "%sT%02d:%02d:00+08:00", d, h, m);
        }

        String officeInstant(LocalDate d) {
            return instant(d, between(8, 17), between(0, 11) * 5);
        }

        String person() {
            while (true) {
                StringBuilder s = new StringBuilder();
                s.append(SURNAMES.charAt(rnd.nextInt(SURNAMES.length())));
                char g1 = GIVEN_CHARS.charAt(rnd.nextInt(GIVEN_CHARS.length()));
                s.append(g1);
                if (chance(0.7)) {
                    char g2 = GIVEN_CHARS.charAt(rnd.nextInt(GIVEN_CHARS.length()));
                    if (g2 == g1) {
                        continue;
                    }
                    s.append(g2);
                }
                String n = s.toString();
                if (usedPeople.add(n) && !Arrays.asList(OFFICERS).contains(n)
                        && !Arrays.asList(INSPECTORS).contains(n)) {
                    return n;
                }
            }
        }

        String foreignPerson() {
            List<String> free = new ArrayList<>();
            for (String n : FOREIGN_REPS) {
                if (!usedPeople.contains(n)) {
                    free.add(n);
                }
            }
            if (free.isEmpty()) {
                return person();
            }
            String n = pick(free);
            usedPeople.add(n);
            return n;
        }

        String digits(int n) {
            StringBuilder s = new StringBuilder();
            for (int i = 0; i < n; i++) {
                s.append((char) ('0' + rnd.nextInt(10)));
            }
            return s.toString();
        }

        String uniqueNumber(String prefix, int digits, String suffix) {
            while (true) {
                String n = prefix + digits(digits) + suffix;
                if (usedNumbers.add(n)) {
                    return n;
                }
            }
        }

        String serial(Model m) {
            while (true) {
                StringBuilder s = new StringBuilder();
                String yy = String.format(Locale.ROOT, "%02d", between(19, 25));
                for (char c : m.serialPattern().toCharArray()) {
                    if (c == '#') {
                        s.append((char) ('0' + rnd.nextInt(10)));
                    } else if (c == 'Y') {
                        s.append(yy);
                    } else {
                        s.append(c);
                    }
                }
                if (usedSerials.add(s.toString())) {
                    return s.toString();
                }
            }
        }

        String newUscc(District d, LocalDate established) {
            while (true) {
                String body;
                if (established.isBefore(LocalDate.of(2016, 1, 1))) {
                    body = (char) ('5' + rnd.nextInt(3)) + digits(7);
                } else {
                    StringBuilder b = new StringBuilder("MA1");
                    for (int i = 0; i < 5; i++) {
                        b.append(Uscc.ALPHABET.charAt(rnd.nextInt(Uscc.ALPHABET.length())));
                    }
                    body = b.toString();
                }
                String u = Uscc.make(d.code(), body);
                if (!Arrays.asList(Uscc.PUBLIC_EXAMPLES).contains(u) && usedUscc.add(u)) {
                    return u;
                }
            }
        }

        District nextDistrict() {
            if (!firstDistricts.isEmpty()) {
                return firstDistricts.remove(0);
            }
            return pick(districtBag);
        }

        Addr newAddress(District d) {
            Addr a = new Addr();
            a.d = d;
            a.road = pick(d.roads());
            if (chance(0.35)) {
                a.lane = between(1, 199) * 10 + between(0, 9);
                a.no = between(1, 40);
            } else {
                a.no = between(1, 2999);
            }
            a.bldg = chance(0.45) ? between(1, 12) : 0;
            a.floor = between(1, 8);
            a.room = a.floor * 100 + between(1, 12);
            return a;
        }

        // ---- the plan: which providers and cases carry which scenario tags
        List<ProviderSpec> plan() {
            List<ProviderSpec> p = new ArrayList<>();
            // provider-level problems
            p.add(new ProviderSpec(CRANE).c(LICENCE_REVOKED).c(LICENCE_REVOKED, NO_INSPECTION));
            p.add(new ProviderSpec(PAVER).c(LICENCE_REVOKED));
            p.add(new ProviderSpec(CRANE).c(LICENCE_CANCELLED));
            p.add(new ProviderSpec(PAVER).c(LICENCE_CANCELLED));
            p.add(new ProviderSpec(CRANE).c(LICENCE_CANCELLED));
            p.add(new ProviderSpec(PAVER).c(USCC_CHECK_DIGIT).c(USCC_CHECK_DIGIT, CREDENTIAL_EXPIRED + ":ENGINEER"));
            p.add(new ProviderSpec(CRANE).c(USCC_CHECK_DIGIT));
            // credentials
            p.add(new ProviderSpec(CRANE).c(CREDENTIAL_EXPIRED + ":ENGINEER"));
            p.add(new ProviderSpec(CRANE).c(CREDENTIAL_EXPIRED + ":TSG"));
            p.add(new ProviderSpec(PAVER).c(CREDENTIAL_EXPIRED + ":ENGINEER"));
            p.add(new ProviderSpec(CRANE).c(CREDENTIAL_OUT_OF_SCOPE + ":NO_TSG"));
            p.add(new ProviderSpec(CRANE).c(CREDENTIAL_OUT_OF_SCOPE + ":CATEGORY"));
            p.add(new ProviderSpec(PAVER).c(CREDENTIAL_OUT_OF_SCOPE + ":WRONG_CERT"));
            p.add(new ProviderSpec(CRANE).c(CREDENTIAL_OUT_OF_SCOPE + ":TRAINING"));
            // names and addresses
            p.add(new ProviderSpec(CRANE).c().c(NAME_MISMATCH + ":PLATFORM"));
            p.add(new ProviderSpec(PAVER).c(NAME_MISMATCH + ":MERCHANT"));
            p.add(new ProviderSpec(PAVER).c(NAME_MISMATCH + ":PLATFORM").c());
            p.add(new ProviderSpec(CRANE).c(NAME_MISMATCH + ":PLATFORM", ADDRESS_MISMATCH + ":PLATFORM_NUMBER"));
            p.add(new ProviderSpec(CRANE).c(ADDRESS_MISMATCH + ":MERCHANT_ROAD").c());
            p.add(new ProviderSpec(PAVER).c(ADDRESS_MISMATCH + ":INSPECTION_ROOM"));
            p.add(new ProviderSpec(CRANE).c(ADDRESS_MISMATCH + ":REGISTRY_DISTRICT"));
            // inspection
            p.add(new ProviderSpec(CRANE).c().c(NO_INSPECTION));
            p.add(new ProviderSpec(PAVER).c(NO_INSPECTION));
            p.add(new ProviderSpec(CRANE).c(NO_INSPECTION));
            // performer, authorisation, remit
            p.add(new ProviderSpec(PAVER).c(PERFORMER_DIFFERS, AUTHORISATION_EXPIRED));
            p.add(new ProviderSpec(CRANE).c(PERFORMER_DIFFERS));
            p.add(new ProviderSpec(CRANE).c(PERFORMER_DIFFERS));
            p.add(new ProviderSpec(PAVER).c(PERFORMER_DIFFERS));
            p.add(new ProviderSpec(CRANE).c(AUTHORISATION_EXPIRED));
            p.add(new ProviderSpec(PAVER).c(AUTHORISATION_EXPIRED));
            p.add(new ProviderSpec(CRANE).c(AUTHORISATION_EXPIRED));
            p.add(new ProviderSpec(CRANE).c(OUT_OF_REMIT + ":CONSTRUCTION_SITE"));
            p.add(new ProviderSpec(CRANE).c(OUT_OF_REMIT + ":MUNICIPAL_WORKS"));
            p.add(new ProviderSpec(CRANE).c(OUT_OF_REMIT + ":CONSTRUCTION_SITE"));
            // clean providers with two cases
            p.add(new ProviderSpec(CRANE).c().c());
            p.add(new ProviderSpec(CRANE).c().c().branch());
            p.add(new ProviderSpec(CRANE).c().c());
            p.add(new ProviderSpec(PAVER).c().c());
            p.add(new ProviderSpec(PAVER).c().c());
            p.add(new ProviderSpec(PAVER).c().c());
            // clean providers with one case
            for (int i = 0; i < 11; i++) {
                ProviderSpec s = new ProviderSpec(CRANE).c();
                p.add(i == 3 ? s.branch() : s);
            }
            for (int i = 0; i < 9; i++) {
                ProviderSpec s = new ProviderSpec(PAVER).c();
                p.add(i == 5 ? s.branch() : s);
            }
            return p;
        }

        void build() {
            for (District d : DISTRICTS) {
                for (int i = 0; i < d.weight(); i++) {
                    districtBag.add(d);
                }
                firstDistricts.add(d);
            }
            Collections.shuffle(firstDistricts, rnd);
            tradeNames.addAll(Arrays.asList(TRADE_NAMES));
            Collections.shuffle(tradeNames, rnd);

            List<ProviderSpec> specs = plan();
            Collections.shuffle(specs, rnd);
            for (ProviderSpec s : specs) {
                Provider p = newProvider(s);
                providers.add(p);
                for (CaseSpec cs : s.cases) {
                    FilingCase fc = newCase(p, cs);
                    p.cases.add(fc);
                    cases.add(fc);
                }
            }
            // performers: another active, clean provider of the same family
            for (FilingCase c : cases) {
                if (c.spec.has(PERFORMER_DIFFERS)) {
                    List<Provider> candidates = providers.stream()
                            .filter(p -> p != c.provider && p.family.equals(c.provider.family)
                                    && p.spec.allClean() && !p.spec.branch)
                            .toList();
                    c.performer = pick(candidates);
                }
            }
            // case numbers, statuses, assignees in order of receipt
            cases.sort(Comparator.comparing((FilingCase c) -> c.receivedOn).thenComparingInt(c -> c.index));
            for (District d : DISTRICTS) {
                counters.put(d.code(), between(100, 420));
            }
            for (FilingCase c : cases) {
                String dc = c.provider.district.code();
                int n = counters.get(dc) + between(1, 7);
                counters.put(dc, n);
                c.caseNo = String.format(Locale.ROOT, "BA-%s-2026-%06d", dc, n);
            }
            String[] closedStatuses = {"EXPORTED", "EXPORTED", "DECIDED", "DECIDED", "DECIDED",
                "PENDING_SIGNOFF", "PENDING_SIGNOFF", "PENDING_SIGNOFF"};
            int closed = 0;
            for (FilingCase c : cases) {
                if (c.spec.tags.isEmpty() && closed < closedStatuses.length) {
                    c.status = closedStatuses[closed++];
                } else if (c.receivedOn.isAfter(LocalDate.of(2026, 11, 10))) {
                    c.status = chance(0.75) ? "RECEIVED" : "IN_REVIEW";
                } else {
                    c.status = chance(0.7) ? "IN_REVIEW" : "RECEIVED";
                }
                c.assignee = c.status.equals("RECEIVED") && chance(0.5) ? null : pick(OFFICERS);
            }
            addSignatureCases();
            validate();
        }

        /**
         * Appends one new provider with one case per registry-signature scenario. Runs after every
         * other random draw, so the cases and providers built from plan() are unchanged. The cases
         * are otherwise clean and are received on the latest day of the other cases, so cases.json
         * stays in order of receipt.
         */
        void addSignatureCases() {
            LocalDate last = cases.stream().map(c -> c.receivedOn).max(Comparator.naturalOrder()).orElseThrow();
            String[] families = {CRANE, PAVER, CRANE};
            for (int i = 0; i < SIGNATURE_TAGS.size(); i++) {
                String tag = SIGNATURE_TAGS.get(i);
                ProviderSpec s = new ProviderSpec(families[i]).c(tag);
                Provider p = newProvider(s);
                providers.add(p);
                forcedReceivedOn = dateBetween(last, RECEIVED_LAST);
                FilingCase c = newCase(p, s.cases.get(0));
                forcedReceivedOn = null;
                p.cases.add(c);
                cases.add(c);
                String dc = p.district.code();
                int n = counters.get(dc) + between(1, 7);
                counters.put(dc, n);
                c.caseNo = String.format(Locale.ROOT, "BA-%s-2026-%06d", dc, n);
                if (c.receivedOn.isAfter(LocalDate.of(2026, 11, 10))) {
                    c.status = chance(0.75) ? "RECEIVED" : "IN_REVIEW";
                } else {
                    c.status = chance(0.7) ? "IN_REVIEW" : "RECEIVED";
                }
                c.assignee = c.status.equals("RECEIVED") && chance(0.5) ? null : pick(OFFICERS);
                if (tag.equals(SIGNATURE_INVALID)) {
                    // The scope was signed without its 许可项目 clause; the clause was added afterwards.
                    // The stored scope is the provider's scope, as every other source shows it, so only
                    // the signature reveals the change.
                    int cut = p.scope.indexOf("许可项目");
                    if (cut <= 0) {
                        throw new IllegalStateException("SIGNATURE_INVALID needs a scope with a 许可项目 clause");
                    }
                    c.signedScope = p.scope.substring(0, cut);
                }
            }
        }

        /**
         * Adds a "signature" member (after "attachments") to every REGULATOR evidence item, except
         * for the registry licence of the SIGNATURE_* cases: SIGNATURE_MISSING gets none,
         * SIGNATURE_UNKNOWN_ISSUER is signed with a key that issuers.json does not list, and
         * SIGNATURE_INVALID is signed over a scope that differs from the stored one.
         */
        void signRegistryRecords(Sm2Key issuer, Sm2Key unknownIssuer) throws IOException {
            for (FilingCase c : cases) {
                for (Map<String, Object> e : c.evidence) {
                    if (!e.get("source").equals("REGULATOR")) {
                        continue;
                    }
                    boolean licence = e.get("kind").equals("LICENCE");
                    if (licence && c.spec.has(SIGNATURE_MISSING)) {
                        continue;
                    }
                    Sm2Key key = licence && c.spec.has(SIGNATURE_UNKNOWN_ISSUER) ? unknownIssuer : issuer;
                    @SuppressWarnings("unchecked")
                    Map<String, Object> fields = new LinkedHashMap<>((Map<String, Object>) e.get("fields"));
                    if (licence && c.spec.has(SIGNATURE_INVALID)) {
                        fields.put("scope", c.signedScope);
                    }
                    byte[] canonical = Canonical.bytes((String) e.get("kind"), (String) e.get("source"), fields,
                            (String) e.get("validFrom"), (String) e.get("validTo"), (String) e.get("recordedAt"));
                    Map<String, Object> sig = new LinkedHashMap<>();
                    sig.put("keyId", key.keyId);
                    sig.put("value", Base64.getEncoder().encodeToString(key.sign(canonical)));
                    e.put("signature", sig);
                }
            }
        }

        /** Next unused trade name; crane firms avoid paving-flavoured characters and vice versa. */
        String[] nextTradeName(String family) {
            String avoid = family.equals(CRANE) ? "铺准测" : "塔擎";
            for (int i = 0; i < tradeNames.size(); i++) {
                String[] t = tradeNames.get(i);
                if (t[0].chars().noneMatch(ch -> avoid.indexOf(ch) >= 0) || i == tradeNames.size() - 1) {
                    return tradeNames.remove(i);
                }
            }
            throw new IllegalStateException("out of trade names");
        }

        Provider newProvider(ProviderSpec s) {
            Provider p = new Provider();
            p.spec = s;
            p.family = s.family;
            p.district = nextDistrict();
            String[] trade = nextTradeName(s.family);
            String[] ind;
            do {    // avoid doubled characters such as 塔联塔机 or 沪筑筑路
                ind = pick(s.family.equals(CRANE) ? CRANE_INDUSTRIES : PAVER_INDUSTRIES);
            } while (ind[0].charAt(0) == trade[0].charAt(1) || ind[2].charAt(0) == trade[2].charAt(1));
            String suffix = chance(0.15) ? "有限责任公司" : "有限公司";
            p.establishedOn = dateBetween(LocalDate.of(2009, 3, 1), LocalDate.of(2024, 6, 30));
            boolean foreignInvested = !s.branch && chance(0.3);
            if (s.branch) {
                String[] prov = pick(BRANCH_PROVINCES);
                p.nameHead = prov[0] + trade[0] + ind[0] + "有限公司";
                p.nameTail = "上海" + p.district.shortZh() + "分公司";
                p.mismatchName = prov[0] + trade[2] + ind[2] + "有限公司" + p.nameTail;
                p.nameEn = prov[1] + " " + trade[1] + " " + ind[1] + " Co., Ltd. Shanghai "
                        + p.district.en() + " Branch";
                p.entityType = "有限责任公司分公司（自然人投资或控股）";
                p.legalRepTitle = "负责人";
                p.capital = null;
            } else if (foreignInvested) {
                p.nameHead = trade[0];
                p.nameTail = ind[0] + "（上海）" + suffix;
                p.mismatchName = trade[2] + ind[2] + "（上海）" + suffix;
                p.nameEn = trade[1] + " " + ind[1] + " (Shanghai) Co., Ltd.";
                p.entityType = chance(0.7) ? "有限责任公司（外国法人独资）" : "有限责任公司（中外合资）";
                p.legalRepTitle = "法定代表人";
                p.capital = pick(new String[] {"50", "100", "150", "200", "300"}) + "万美元";
            } else {
                p.nameHead = "上海" + trade[0];
                p.nameTail = ind[0] + suffix;
                p.mismatchName = "上海" + trade[2] + ind[2] + suffix;
                p.nameEn = chance(0.75) ? "Shanghai " + trade[1] + " " + ind[1] + " Co., Ltd." : null;
                p.entityType = pick(new String[] {"有限责任公司（自然人投资或控股）",
                    "有限责任公司（自然人投资或控股）", "有限责任公司（自然人独资）", "其他有限责任公司"});
                p.legalRepTitle = "法定代表人";
                p.capital = pick(new String[] {"100", "200", "300", "500", "800", "1000", "2000"}) + "万元人民币";
            }
            p.nameZh = p.nameHead + p.nameTail;
            p.foreignRep = foreignInvested && chance(0.4);
            p.legalRep = p.foreignRep ? foreignPerson() : person();
            p.address = newAddress(p.district);
            p.authority = "上海市" + p.district.zh() + "市场监督管理局";
            p.termTo = chance(0.5) ? null
                    : p.establishedOn.plusYears(chance(0.5) ? 20 : 30).minusDays(1);
            if (s.any(LICENCE_REVOKED)) {
                p.status = "吊销";
            } else if (s.any(LICENCE_CANCELLED)) {
                p.status = "注销";
            } else {
                p.status = chance(0.8) ? "存续" : "在业";
            }
            p.scope = s.family.equals(CRANE) ? (chance(0.5) ? CRANE_SCOPE_A : CRANE_SCOPE_B)
                    : (chance(0.5) ? PAVER_SCOPE_A : PAVER_SCOPE_B);
            String valid = newUscc(p.district, p.establishedOn);
            p.uscc = s.any(USCC_CHECK_DIGIT) ? Uscc.breakCheck(valid, rnd) : valid;
            usedUscc.add(p.uscc);

            // credentials held by the provider
            if (s.family.equals(CRANE)) {
                p.holdsTsg = !s.anyVariant(CREDENTIAL_OUT_OF_SCOPE, "NO_TSG")
                        && (s.anyVariant(CREDENTIAL_EXPIRED, "TSG") || chance(0.6));
                if (p.holdsTsg) {
                    if (s.anyVariant(CREDENTIAL_EXPIRED, "TSG")) {
                        p.tsgTo = dateBetween(LocalDate.of(2026, 5, 31), LocalDate.of(2026, 10, 31));
                    } else {
                        p.tsgTo = dateBetween(LocalDate.of(2028, 12, 31), LocalDate.of(2030, 6, 30));
                    }
                    p.tsgFrom = p.tsgTo.minusYears(4).plusDays(1);
                    p.tsgNumber = uniqueNumber("TS3431", 3, "-" + p.tsgTo.getYear());
                    p.tsgLevel = chance(0.5) ? "A级" : "B级";
                }
            }
            for (int i = 0; i < 2; i++) {
                p.engineers.add(newEngineer(p.family, false));
            }
            return p;
        }

        Engineer newEngineer(String family, boolean expired) {
            Engineer e = new Engineer();
            e.name = person();
            if (family.equals(CRANE)) {
                e.certType = "OPERATOR_CERT";
                e.issuer = REGULATOR_NAME;
                if (expired) {
                    e.validTo = dateBetween(LocalDate.of(2026, 4, 30), LocalDate.of(2026, 11, 10));
                } else {
                    e.validTo = dateBetween(LocalDate.of(2028, 11, 30), LocalDate.of(2030, 8, 31));
                }
                e.validFrom = e.validTo.minusYears(4).plusDays(1);
                e.number = uniqueNumber("TZ31" + e.validFrom.getYear(), 6, "");
            } else {
                e.certType = "MANUFACTURER_CERT";
                e.issuer = pick(TRAINING_CENTRES);
                e.system3d = pick(SYSTEMS_3D);
                if (expired) {
                    e.validTo = dateBetween(LocalDate.of(2026, 4, 30), LocalDate.of(2026, 11, 10));
                } else {
                    e.validTo = dateBetween(LocalDate.of(2028, 11, 30), LocalDate.of(2029, 8, 31));
                }
                e.validFrom = e.validTo.minusYears(3).plusDays(1);
                e.number = uniqueNumber("3DC-" + e.validFrom.getYear() + "-", 5, "");
            }
            return e;
        }

        LocalDate receivedDate() {
            if (chance(0.2)) {
                return dateBetween(RECEIVED_FIRST, OVERDUE_SPLIT.minusDays(1));
            }
            return dateBetween(OVERDUE_SPLIT, RECEIVED_LAST);
        }

        FilingCase newCase(Provider p, CaseSpec cs) {
            FilingCase c = new FilingCase();
            c.index = cases.size();
            c.provider = p;
            c.spec = cs;
            c.performer = p;
            c.receivedOn = forcedReceivedOn != null ? forcedReceivedOn : receivedDate();
            c.platform = pick(PLATFORMS);
            boolean crane = p.family.equals(CRANE);

            // services
            Set<String> services = new LinkedHashSet<>();
            if (crane) {
                services.add(REMOTE_DIAGNOSTICS);
                if (chance(0.35)) {
                    services.add(TELEMATICS_INSTALLATION);
                }
                if (chance(0.3)) {
                    services.add(OPERATOR_TRAINING);
                }
                if (p.holdsTsg && chance(0.5)) {
                    services.add(CRANE_MAINTENANCE);
                }
                if (p.holdsTsg && chance(0.35)) {
                    services.add(SPARE_PARTS_REPLACEMENT);
                }
                if (cs.variant(CREDENTIAL_EXPIRED).equals("TSG") || cs.variant(CREDENTIAL_OUT_OF_SCOPE).equals("NO_TSG")) {
                    services.add(CRANE_MAINTENANCE);
                }
                if (cs.variant(CREDENTIAL_OUT_OF_SCOPE).equals("TRAINING")) {
                    services.add(OPERATOR_TRAINING);
                }
            } else {
                services.add(PAVER_3D_CALIBRATION);
                if (chance(0.3)) {
                    services.add(OPERATOR_TRAINING);
                }
                if (chance(0.25)) {
                    services.add(SPARE_PARTS_REPLACEMENT);
                }
                if (chance(0.2)) {
                    services.add(TELEMATICS_INSTALLATION);
                }
            }
            c.services = new ArrayList<>(services);
            c.services.sort(Comparator.comparingInt(SERVICE_ORDER::indexOf));

            // equipment: one make per case
            Model first = crane ? pickWeighted(CRANE_MODELS, CRANE_MODEL_WEIGHTS)
                    : pickWeighted(PAVER_MODELS, PAVER_MODEL_WEIGHTS);
            int count = crane ? (chance(0.55) ? 1 : chance(0.7) ? 2 : 3) : (chance(0.65) ? 1 : 2);
            List<Model> sameMake = new ArrayList<>();
            for (Model m : crane ? CRANE_MODELS : PAVER_MODELS) {
                if (m.make().equals(first.make())) {
                    sameMake.add(m);
                }
            }
            String siteType = crane ? pick(new String[] {"FACTORY", "FACTORY", "FACTORY", "PORT", "PORT", "WAREHOUSE", "WAREHOUSE"})
                    : "ROAD_PROJECT";
            for (int i = 0; i < count; i++) {
                Model m = i == 0 ? first : pick(sameMake);
                String site = siteType;
                if (i == 0 && cs.has(OUT_OF_REMIT)) {
                    site = cs.variant(OUT_OF_REMIT);
                }
                c.equipment.add(new Equipment(m.category(), m.make(), m.model(), serial(m), crane, site));
            }

            buildEvidence(c);
            return c;
        }

        // ---- evidence

        static Map<String, Object> attachment(String file) {
            Map<String, Object> a = new LinkedHashMap<>();
            a.put("file", file);
            a.put("mediaType", file.endsWith(".png") ? "image/png" : "application/pdf");
            return a;
        }

        static Map<String, Object> evidence(String kind, String source, String title, LocalDate from,
                                            LocalDate to, String recordedAt, Map<String, Object> fields,
                                            List<Object> attachments) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("kind", kind);
            e.put("source", source);
            e.put("title", title);
            e.put("validFrom", from == null ? null : from.toString());
            e.put("validTo", to == null ? null : to.toString());
            e.put("recordedAt", recordedAt);
            e.put("fields", fields);
            e.put("attachments", attachments);
            return e;
        }

        String nameVariant(Provider p, boolean allowExact) {
            List<String> variants = new ArrayList<>();
            if (allowExact) {
                variants.add(p.nameZh);
            }
            variants.add(p.nameHead + " " + p.nameTail);
            if (p.nameZh.endsWith("有限责任公司")) {
                variants.add(p.nameZh.substring(0, p.nameZh.length() - 6) + "有限公司");
            } else if (p.nameZh.endsWith("有限公司") && !p.nameZh.endsWith("分公司")) {
                variants.add(p.nameZh.substring(0, p.nameZh.length() - 4) + "有限责任公司");
            }
            if (p.nameZh.contains("（")) {
                variants.add(p.nameZh.replace('（', '(').replace('）', ')'));
            }
            if (p.nameZh.chars().anyMatch(ch -> ch < 128)) {
                StringBuilder s = new StringBuilder();
                for (char ch : p.nameZh.toCharArray()) {
                    s.append(ch > 32 && ch < 127 ? (char) (ch + 0xFEE0) : ch);
                }
                variants.add(s.toString());
            }
            return pick(variants);
        }

        Addr mutate(Addr a, String component) {
            Addr m = a.copy();
            switch (component) {
                case "ROOM" -> {
                    int k;
                    do {
                        k = m.floor * 100 + between(1, 12);
                    } while (k == a.room);
                    m.room = k;
                }
                case "NUMBER" -> {
                    int n;
                    do {
                        n = a.lane > 0 ? between(1, 40) : between(1, 2999);
                    } while (n == a.no);
                    m.no = n;
                }
                case "ROAD" -> {
                    String r;
                    do {
                        r = pick(a.d.roads());
                    } while (r.equals(a.road));
                    m.road = r;
                }
                case "DISTRICT" -> {
                    District d;
                    do {
                        d = pick(DISTRICTS);
                    } while (d == a.d);
                    m.d = d;
                    m.road = pick(d.roads());
                }
                default -> throw new IllegalArgumentException(component);
            }
            return m;
        }

        String gps(District d) {
            double lat = d.lat() + (rnd.nextDouble() - 0.5) * 0.03;
            double lon = d.lon() + (rnd.nextDouble() - 0.5) * 0.03;
            return String.format(Locale.ROOT, "%.6f,%.6f", lat, lon);
        }

        void buildEvidence(FilingCase c) {
            Provider p = c.provider;
            CaseSpec cs = c.spec;
            boolean crane = p.family.equals(CRANE);
            LocalDate rec = c.receivedOn;
            String termTo = p.termTo == null ? "长期" : p.termTo.toString();
            LocalDate registryRefresh = rec.isAfter(REFERENCE_DATE.minusDays(4)) ? REFERENCE_DATE.minusDays(1)
                    : dateBetween(rec.plusDays(1), REFERENCE_DATE.minusDays(1));
            String registryAt = instant(registryRefresh, 2, between(0, 11) * 5);
            String filedAt = officeInstant(rec);

            // addresses as seen by each source
            Addr registry = p.address;
            Addr platformAddr = registry;
            Addr declared = registry;
            Addr inspected = registry;
            switch (cs.variant(ADDRESS_MISMATCH)) {
                case "PLATFORM_NUMBER" -> platformAddr = mutate(registry, "NUMBER");
                case "MERCHANT_ROAD" -> {
                    declared = mutate(registry, "ROAD");
                    inspected = declared;
                }
                case "INSPECTION_ROOM" -> inspected = mutate(registry, "ROOM");
                case "REGISTRY_DISTRICT" -> {
                    Addr moved = mutate(registry, "DISTRICT");
                    platformAddr = moved;
                    declared = moved;
                    inspected = moved;
                }
                default -> { }
            }
            boolean platformSpaced = chance(0.3);
            String platformAddress = platformAddr.format(platformSpaced);

            // names as seen by each source
            String platformName = chance(0.75) ? nameVariant(p, false) : p.nameZh;
            String merchantName = chance(0.4) ? nameVariant(p, false) : p.nameZh;
            switch (cs.variant(NAME_MISMATCH)) {
                case "PLATFORM" -> platformName = p.mismatchName;
                case "MERCHANT" -> merchantName = p.mismatchName;
                default -> { }
            }
            String copyStatus = p.status.equals("吊销") || p.status.equals("注销") ? "存续" : p.status;

            // LICENCE x3
            Map<String, Object> reg = new LinkedHashMap<>();
            reg.put("uscc", p.uscc);
            reg.put("name", p.nameZh);
            if (p.nameEn != null) {
                reg.put("nameEn", p.nameEn);
            }
            reg.put("legalRep", p.legalRep);
            reg.put("address", registry.toString());
            reg.put("status", p.status);
            reg.put("scope", p.scope);
            reg.put("termTo", termTo);
            reg.put("authority", p.authority);
            c.evidence.add(evidence("LICENCE", "REGULATOR", "电子营业执照（登记机关）", p.establishedOn, p.termTo,
                    registryAt, reg, List.of(attachment(PDF_LICENCE))));

            c.evidence.add(evidence("LICENCE", "PLATFORM", "平台公示的营业执照信息", p.establishedOn, p.termTo,
                    filedAt, licenceCopy(p, platformName, platformAddress, copyStatus, termTo), List.of()));
            c.evidence.add(evidence("LICENCE", "MERCHANT", "商家申报的营业执照", p.establishedOn, p.termTo,
                    filedAt, licenceCopy(p, merchantName, registry.toString(), copyStatus, termTo), List.of()));

            // CREDENTIAL(s)
            String category = c.equipment.get(0).category();
            if (crane) {
                boolean wrongCategory = cs.variant(CREDENTIAL_OUT_OF_SCOPE).equals("CATEGORY");
                String cat = wrongCategory ? CAT_MOBILE_CRANE : CAT_TOWER_CRANE;
                if (p.holdsTsg) {
                    Map<String, Object> f = new LinkedHashMap<>();
                    f.put("type", "TSG_LICENCE");
                    f.put("number", p.tsgNumber);
                    f.put("holder", p.nameZh);
                    f.put("issuer", REGULATOR_NAME);
                    f.put("scope", String.join(",", cat, CRANE_MAINTENANCE, SPARE_PARTS_REPLACEMENT));
                    f.put("level", p.tsgLevel);
                    c.evidence.add(evidence("CREDENTIAL", "REGULATOR", "特种设备生产许可证（起重机械安装改造修理）",
                            p.tsgFrom, p.tsgTo, registryAt, f, List.of(attachment(PDF_CREDENTIAL))));
                }
                Engineer e = cs.variant(CREDENTIAL_EXPIRED).equals("ENGINEER") ? newEngineer(CRANE, true)
                        : pick(p.engineers);
                List<String> scope = new ArrayList<>(List.of(cat, REMOTE_DIAGNOSTICS, TELEMATICS_INSTALLATION));
                if (!cs.variant(CREDENTIAL_OUT_OF_SCOPE).equals("TRAINING")) {
                    scope.add(OPERATOR_TRAINING);
                }
                c.evidence.add(operatorCert(e, String.join(",", scope), filedAt));
            } else if (cs.variant(CREDENTIAL_OUT_OF_SCOPE).equals("WRONG_CERT")) {
                Engineer e = newEngineer(CRANE, false);
                c.evidence.add(operatorCert(e, String.join(",", CAT_TOWER_CRANE, REMOTE_DIAGNOSTICS), filedAt));
            } else {
                Engineer e = cs.variant(CREDENTIAL_EXPIRED).equals("ENGINEER") ? newEngineer(PAVER, true)
                        : pick(p.engineers);
                Map<String, Object> f = new LinkedHashMap<>();
                f.put("type", "MANUFACTURER_CERT");
                f.put("number", e.number);
                f.put("holder", e.name);
                f.put("issuer", e.issuer);
                f.put("scope", String.join(",", CAT_ROAD, PAVER_3D_CALIBRATION, TELEMATICS_INSTALLATION,
                        SPARE_PARTS_REPLACEMENT, OPERATOR_TRAINING));
                f.put("level", e.system3d + " 标定工程师");
                c.evidence.add(evidence("CREDENTIAL", "MERCHANT", "3D找平系统标定认证（" + e.system3d + "，" + e.name + "）",
                        e.validFrom, e.validTo, filedAt, f, List.of(attachment(PDF_CREDENTIAL))));
            }

            // PREMISES
            c.evidence.add(evidence("PREMISES", "PLATFORM", "平台登记的经营场所", null, null, filedAt,
                    fieldsOf("address", platformAddress), List.of()));
            c.evidence.add(evidence("PREMISES", "MERCHANT", "商家申报的服务场所", null, null, filedAt,
                    fieldsOf("address", declared.toString()), List.of()));
            if (!cs.has(NO_INSPECTION)) {
                LocalDate day = rec.plusDays(between(1, 4));
                if (day.isAfter(REFERENCE_DATE)) {
                    day = REFERENCE_DATE;
                }
                String inspector = pick(INSPECTORS);
                String at = instant(day, between(9, 16), between(0, 11) * 5);
                Map<String, Object> f = new LinkedHashMap<>();
                f.put("address", inspected.toString());
                f.put("inspector", inspector);
                f.put("inspectedAt", at);
                f.put("gps", gps(inspected.d));
                f.put("result", "CONFIRMED");
                f.put("checklist", crane && chance(0.5) ? "SIGNAGE,STAFF,TOOLS"
                        : "SIGNAGE,STAFF,TOOLS,CALIBRATION_INSTRUMENTS");
                List<Object> photos = new ArrayList<>();
                photos.add(attachment(chance(0.5) ? PNG_STOREFRONT : PNG_OFFICE));
                if (chance(0.6)) {
                    photos.add(attachment(crane ? (chance(0.5) ? PNG_WORKSHOP : PNG_CRANE_YARD)
                            : (chance(0.5) ? PNG_CALIBRATION : PNG_PAVER_BAY)));
                }
                c.evidence.add(evidence("PREMISES", "INSPECTION", "现场核查（" + inspector + "）", null, null, at, f, photos));
            }

            // IDENTITY
            String checkedAt;
            int daysBefore = between(0, 2);
            if (daysBefore == 0) {
                // the real-person check happens at login, shortly before the filing is submitted
                int filedMinutes = Integer.parseInt(filedAt.substring(11, 13)) * 60
                        + Integer.parseInt(filedAt.substring(14, 16));
                int m = filedMinutes - between(1, 9) * 5;
                checkedAt = instant(rec, m / 60, m % 60);
            } else {
                checkedAt = officeInstant(rec.minusDays(daysBefore));
            }
            Map<String, Object> id = new LinkedHashMap<>();
            id.put("person", p.legalRep);
            id.put("method", p.foreignRep || chance(0.35) ? "FACE_MATCH" : "E_LICENCE_LOGIN");
            id.put("checkedAt", checkedAt);
            id.put("result", "PASSED");
            c.evidence.add(evidence("IDENTITY", "REGULATOR", p.legalRepTitle + "实名核验", null, null, checkedAt, id, List.of()));

            // AUTHORISATION
            Equipment e0 = c.equipment.get(0);
            Customer customer = pick(CUSTOMERS.get(e0.make()));
            LocalDate authFrom;
            LocalDate authTo;
            if (cs.has(AUTHORISATION_EXPIRED)) {
                authTo = pick(new LocalDate[] {LocalDate.of(2026, 6, 30), LocalDate.of(2026, 9, 30),
                    LocalDate.of(2026, 10, 31), LocalDate.of(2025, 12, 31)});
                authFrom = authTo.minusYears(2).plusDays(1);
            } else {
                authFrom = dateBetween(LocalDate.of(2025, 6, 1), LocalDate.of(2026, 9, 15));
                authTo = pick(new LocalDate[] {CLEAN_AUTH_MIN_TO, LocalDate.of(2028, 6, 30)});
            }
            List<String> serials = c.equipment.stream().map(Equipment::serial).toList();
            Map<String, Object> auth = new LinkedHashMap<>();
            auth.put("customer", customer.name());
            auth.put("country", customer.country());
            auth.put("authorisedParty", p.nameZh);
            auth.put("authorisedUscc", p.uscc);
            auth.put("equipment", String.join(",", serials));
            auth.put("services", String.join(",", c.services));
            auth.put("territory", TERRITORY);
            String what = e0.make() + " " + e0.model() + (crane ? " 远程诊断"
                    : " / " + credentialSystem(c) + " 3D标定");
            c.evidence.add(evidence("AUTHORISATION", "MERCHANT", "境外客户授权书（" + what + "）", authFrom, authTo,
                    filedAt, auth, List.of(attachment(PDF_AUTHORISATION))));
        }

        String credentialSystem(FilingCase c) {
            for (Map<String, Object> e : c.evidence) {
                if (e.get("kind").equals("CREDENTIAL")) {
                    @SuppressWarnings("unchecked")
                    Map<String, Object> f = (Map<String, Object>) e.get("fields");
                    Object level = f.get("level");
                    if (level != null && f.get("type").equals("MANUFACTURER_CERT")) {
                        return ((String) level).replace(" 标定工程师", "");
                    }
                }
            }
            return SYSTEMS_3D[c.index % SYSTEMS_3D.length];
        }

        Map<String, Object> operatorCert(Engineer e, String scope, String recordedAt) {
            Map<String, Object> f = new LinkedHashMap<>();
            f.put("type", "OPERATOR_CERT");
            f.put("number", e.number);
            f.put("holder", e.name);
            f.put("issuer", e.issuer);
            f.put("scope", scope);
            return evidence("CREDENTIAL", "MERCHANT", "特种设备作业人员证（" + e.name + "）", e.validFrom, e.validTo,
                    recordedAt, f, List.of(attachment(PDF_CREDENTIAL)));
        }

        static Map<String, Object> licenceCopy(Provider p, String name, String address, String status, String termTo) {
            Map<String, Object> f = new LinkedHashMap<>();
            f.put("uscc", p.uscc);
            f.put("name", name);
            f.put("legalRep", p.legalRep);
            f.put("address", address);
            f.put("status", status);
            f.put("scope", p.scope);
            f.put("termTo", termTo);
            return f;
        }

        static Map<String, Object> fieldsOf(String k, String v) {
            Map<String, Object> f = new LinkedHashMap<>();
            f.put(k, v);
            return f;
        }

        // ---- output

        Map<String, Object> datasetJson() {
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("format", 1);
            d.put("name", "default");
            d.put("titleZh", "进口特种设备售后服务商备案核验演示数据（虚构）");
            d.put("titleEn", "Demo: filings of after-sales service providers for imported special equipment (fictitious)");
            d.put("referenceDate", REFERENCE_DATE.toString());
            Map<String, Object> exp = new LinkedHashMap<>();
            exp.put("providers", providers.size());
            exp.put("cases", cases.size());
            exp.put("evidence", evidenceCount());
            exp.put("attachments", attachmentCount());
            d.put("expected", exp);
            return d;
        }

        int evidenceCount() {
            return cases.stream().mapToInt(c -> c.evidence.size()).sum();
        }

        int attachmentCount() {
            return cases.stream().flatMap(c -> c.evidence.stream())
                    .mapToInt(e -> ((List<?>) e.get("attachments")).size()).sum();
        }

        Set<String> referencedFiles() {
            Set<String> s = new TreeSet<>();
            for (FilingCase c : cases) {
                for (Map<String, Object> e : c.evidence) {
                    for (Object a : (List<?>) e.get("attachments")) {
                        s.add((String) ((Map<?, ?>) a).get("file"));
                    }
                }
            }
            return s;
        }

        List<Object> providersJson() {
            List<Object> out = new ArrayList<>();
            for (Provider p : providers) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("uscc", p.uscc);
                m.put("nameZh", p.nameZh);
                if (p.nameEn != null) {
                    m.put("nameEn", p.nameEn);
                }
                m.put("entityType", p.entityType);
                m.put("legalRep", p.legalRep);
                m.put("legalRepTitle", p.legalRepTitle);
                if (p.capital != null) {
                    m.put("registeredCapital", p.capital);
                }
                m.put("registeredAddress", p.address.toString());
                m.put("registrationAuthority", p.authority);
                m.put("establishedOn", p.establishedOn.toString());
                m.put("termTo", p.termTo == null ? null : p.termTo.toString());
                m.put("registryStatus", p.status);
                m.put("businessScope", p.scope);
                out.add(m);
            }
            return out;
        }

        List<Object> casesJson() {
            List<Object> out = new ArrayList<>();
            for (FilingCase c : cases) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("caseNo", c.caseNo);
                m.put("providerUscc", c.provider.uscc);
                m.put("districtCode", c.provider.district.code());
                m.put("platform", c.platform);
                m.put("receivedOn", c.receivedOn.toString());
                m.put("deadlineOn", c.receivedOn.plusDays(30).toString());
                m.put("status", c.status);
                m.put("assignee", c.assignee);
                m.put("services", new ArrayList<Object>(c.services));
                Map<String, Object> perf = new LinkedHashMap<>();
                perf.put("uscc", c.performer.uscc);
                perf.put("name", c.performer.nameZh);
                m.put("performer", perf);
                m.put("subcontractDeclared", false);
                m.put("scenarios", new ArrayList<Object>(c.spec.tags));
                List<Object> eq = new ArrayList<>();
                for (Equipment e : c.equipment) {
                    Map<String, Object> em = new LinkedHashMap<>();
                    em.put("category", e.category());
                    em.put("make", e.make());
                    em.put("model", e.model());
                    em.put("serial", e.serial());
                    em.put("specialEquipment", e.special());
                    em.put("siteType", e.siteType());
                    eq.add(em);
                }
                m.put("equipment", eq);
                m.put("evidence", new ArrayList<Object>(c.evidence));
                out.add(m);
            }
            return out;
        }

        void validate() {
            Map<String, Integer> tagCounts = new TreeMap<>();
            for (FilingCase c : cases) {
                for (String t : c.spec.tags) {
                    tagCounts.merge(t, 1, Integer::sum);
                }
            }
            for (String t : TAGS) {
                if (tagCounts.getOrDefault(t, 0) < 3) {
                    throw new IllegalStateException("scenario " + t + " appears in fewer than 3 cases");
                }
            }
            for (String t : SIGNATURE_TAGS) {
                if (tagCounts.getOrDefault(t, 0) != 1) {
                    throw new IllegalStateException("scenario " + t + " must appear in exactly 1 case");
                }
            }
            for (Provider p : providers) {
                boolean shouldFail = p.spec.any(USCC_CHECK_DIGIT);
                if (!Uscc.position17Ok(p.uscc) || Uscc.position18Ok(p.uscc) == shouldFail) {
                    throw new IllegalStateException("USCC check unexpected for " + p.uscc);
                }
                if (!p.uscc.substring(2, 8).equals(p.district.code())) {
                    throw new IllegalStateException("USCC district mismatch " + p.uscc);
                }
            }
            Set<String> caseNos = new HashSet<>();
            for (FilingCase c : cases) {
                if (!caseNos.add(c.caseNo)) {
                    throw new IllegalStateException("duplicate case number " + c.caseNo);
                }
            }
        }

        void printSummary(Path out) {
            System.out.printf(Locale.ROOT, "wrote %s: %d providers, %d cases, %d evidence items, %d attachment references%n",
                    out, providers.size(), cases.size(), evidenceCount(), attachmentCount());
        }
    }

    // ------------------------------------------------------------------ registry signatures

    /**
     * The canonical form of a registry record (docs/registry-signature.md). A copy of
     * org.trustbench.crypto.RegistryRecordSignature.canonicalJson: keep the two byte-identical.
     */
    static final class Canonical {
        static byte[] bytes(String kind, String source, Map<String, Object> fields, String validFrom,
                            String validTo, String recordedAt) {
            StringBuilder sb = new StringBuilder(256);
            sb.append("{\"fields\":{");
            List<String> keys = new ArrayList<>(fields.keySet());
            keys.sort(Canonical::compareCodePoints);
            boolean first = true;
            for (String k : keys) {
                Object v = fields.get(k);
                if (v == null) {
                    continue;
                }
                if (!first) {
                    sb.append(',');
                }
                first = false;
                string(sb, k);
                sb.append(':');
                string(sb, (String) v);
            }
            sb.append("},\"kind\":");
            string(sb, kind);
            sb.append(",\"recordedAt\":");
            string(sb, OffsetDateTime.parse(recordedAt).toInstant().toString());
            sb.append(",\"source\":");
            string(sb, source);
            if (validFrom != null) {
                sb.append(",\"validFrom\":");
                string(sb, LocalDate.parse(validFrom).toString());
            }
            if (validTo != null) {
                sb.append(",\"validTo\":");
                string(sb, LocalDate.parse(validTo).toString());
            }
            sb.append('}');
            return sb.toString().getBytes(StandardCharsets.UTF_8);
        }

        static void string(StringBuilder sb, String s) {
            sb.append('"');
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                switch (c) {
                    case '"' -> sb.append("\\\"");
                    case '\\' -> sb.append("\\\\");
                    case '\b' -> sb.append("\\b");
                    case '\f' -> sb.append("\\f");
                    case '\n' -> sb.append("\\n");
                    case '\r' -> sb.append("\\r");
                    case '\t' -> sb.append("\\t");
                    default -> {
                        if (c < 0x20) {
                            sb.append("\\u00").append(Character.forDigit(c >> 4, 16))
                                    .append(Character.forDigit(c & 0xF, 16));
                        } else if (Character.isHighSurrogate(c) && i + 1 < s.length()
                                && Character.isLowSurrogate(s.charAt(i + 1))) {
                            sb.append(c).append(s.charAt(++i));
                        } else if (Character.isSurrogate(c)) {
                            throw new IllegalArgumentException("unpaired surrogate at index " + i);
                        } else {
                            sb.append(c);
                        }
                    }
                }
            }
            sb.append('"');
        }

        static int compareCodePoints(String a, String b) {
            int i = 0;
            int j = 0;
            while (i < a.length() && j < b.length()) {
                int ca = a.codePointAt(i);
                int cb = b.codePointAt(j);
                if (ca != cb) {
                    return Integer.compare(ca, cb);
                }
                i += Character.charCount(ca);
                j += Character.charCount(cb);
            }
            return Integer.compare(a.length() - i, b.length() - j);
        }
    }

    /**
     * An SM2 signing key read from a PKCS#8 PEM file, with deterministic SM3withSM2 signing
     * (signer ID 1234567812345678, k from HMAC-SM3). A copy of org.trustbench.crypto.Sm2.sign.
     */
    static final class Sm2Key {
        static final byte[] ID = "1234567812345678".getBytes(StandardCharsets.US_ASCII);
        static final ECDomainParameters DOMAIN =
                new ECNamedDomainParameters(GMObjectIdentifiers.sm2p256v1, GMNamedCurves.getByName("sm2p256v1"));

        final BigInteger d;
        final ECPoint q;
        final byte[] spki;
        final String keyId;

        Sm2Key(BigInteger d) throws IOException {
            this.d = d;
            this.q = new FixedPointCombMultiplier().multiply(DOMAIN.getG(), d).normalize();
            this.spki = SubjectPublicKeyInfoFactory.createSubjectPublicKeyInfo(new ECPublicKeyParameters(q, DOMAIN))
                    .getEncoded("DER");
            this.keyId = hex(sm3(spki));
        }

        static Sm2Key load(Path pem) throws IOException {
            if (!Files.isRegularFile(pem)) {
                throw new IOException(pem + " not found: run the generator from the repository root");
            }
            String text = Files.readString(pem, StandardCharsets.US_ASCII);
            String body = text.replace("-----BEGIN PRIVATE KEY-----", "").replace("-----END PRIVATE KEY-----", "")
                    .replaceAll("\\s", "");
            ECPrivateKeyParameters k = (ECPrivateKeyParameters) PrivateKeyFactory.createKey(Base64.getDecoder().decode(body));
            if (!k.getParameters().getCurve().equals(DOMAIN.getCurve()) || !k.getParameters().getG().equals(DOMAIN.getG())) {
                throw new IOException(pem + " is not an sm2p256v1 key");
            }
            return new Sm2Key(k.getD());
        }

        String publicKeyPem() {
            return "-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(spki)
                    + "\n-----END PUBLIC KEY-----\n";
        }

        byte[] sign(byte[] data) throws IOException {
            BigInteger n = DOMAIN.getN();
            SM3Digest digest = new SM3Digest();
            byte[] z = z();
            digest.update(z, 0, z.length);
            digest.update(data, 0, data.length);
            byte[] eBytes = new byte[32];
            digest.doFinal(eBytes, 0);
            BigInteger e = new BigInteger(1, eBytes);
            HMacDSAKCalculator kCalculator = new HMacDSAKCalculator(new SM3Digest());
            kCalculator.init(n, d, eBytes);
            BigInteger dPlusOneInv = BigIntegers.modOddInverse(n, d.add(BigInteger.ONE));
            FixedPointCombMultiplier multiplier = new FixedPointCombMultiplier();
            while (true) {
                BigInteger k = kCalculator.nextK();
                ECPoint p = multiplier.multiply(DOMAIN.getG(), k).normalize();
                BigInteger r = e.add(p.getAffineXCoord().toBigInteger()).mod(n);
                if (r.signum() == 0 || r.add(k).equals(n)) {
                    continue;
                }
                BigInteger s = dPlusOneInv.multiply(k.subtract(r.multiply(d))).mod(n);
                if (s.signum() == 0) {
                    continue;
                }
                return StandardDSAEncoding.INSTANCE.encode(n, r, s);
            }
        }

        byte[] z() {
            SM3Digest dg = new SM3Digest();
            int bits = ID.length * 8;
            dg.update((byte) (bits >> 8));
            dg.update((byte) bits);
            dg.update(ID, 0, ID.length);
            for (byte[] b : List.of(DOMAIN.getCurve().getA().getEncoded(), DOMAIN.getCurve().getB().getEncoded(),
                    DOMAIN.getG().getAffineXCoord().getEncoded(), DOMAIN.getG().getAffineYCoord().getEncoded(),
                    q.getAffineXCoord().getEncoded(), q.getAffineYCoord().getEncoded())) {
                dg.update(b, 0, b.length);
            }
            byte[] out = new byte[32];
            dg.doFinal(out, 0);
            return out;
        }

        static byte[] sm3(byte[] data) {
            SM3Digest dg = new SM3Digest();
            dg.update(data, 0, data.length);
            byte[] out = new byte[32];
            dg.doFinal(out, 0);
            return out;
        }

        static String hex(byte[] b) {
            StringBuilder s = new StringBuilder();
            for (byte x : b) {
                s.append(Character.forDigit((x >> 4) & 0xF, 16)).append(Character.forDigit(x & 0xF, 16));
            }
            return s.toString();
        }
    }

    // ------------------------------------------------------------------ JSON

    static final class Json {
        static String write(Object v) {
            StringBuilder sb = new StringBuilder();
            value(sb, v, 0);
            sb.append('\n');
            return sb.toString();
        }

        static void indent(StringBuilder sb, int n) {
            for (int i = 0; i < n; i++) {
                sb.append("  ");
            }
        }

        static void value(StringBuilder sb, Object v, int level) {
            if (v == null) {
                sb.append("null");
            } else if (v instanceof String s) {
                string(sb, s);
            } else if (v instanceof Boolean || v instanceof Integer || v instanceof Long) {
                sb.append(v);
            } else if (v instanceof Map<?, ?> m) {
                if (m.isEmpty()) {
                    sb.append("{}");
                    return;
                }
                sb.append("{\n");
                int i = 0;
                for (Map.Entry<?, ?> e : m.entrySet()) {
                    indent(sb, level + 1);
                    string(sb, (String) e.getKey());
                    sb.append(": ");
                    value(sb, e.getValue(), level + 1);
                    sb.append(++i < m.size() ? ",\n" : "\n");
                }
                indent(sb, level);
                sb.append('}');
            } else if (v instanceof List<?> l) {
                if (l.isEmpty()) {
                    sb.append("[]");
                    return;
                }
                sb.append("[\n");
                for (int i = 0; i < l.size(); i++) {
                    indent(sb, level + 1);
                    value(sb, l.get(i), level + 1);
                    sb.append(i + 1 < l.size() ? ",\n" : "\n");
                }
                indent(sb, level);
                sb.append(']');
            } else {
                throw new IllegalArgumentException("cannot write " + v.getClass());
            }
        }

        static void string(StringBuilder sb, String s) {
            sb.append('"');
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                switch (c) {
                    case '"' -> sb.append("\\\"");
                    case '\\' -> sb.append("\\\\");
                    case '\n' -> sb.append("\\n");
                    case '\r' -> sb.append("\\r");
                    case '\t' -> sb.append("\\t");
                    case '\b' -> sb.append("\\b");
                    case '\f' -> sb.append("\\f");
                    default -> {
                        if (c < 0x20 || c == '\u2028' || c == '\u2029') {
                            sb.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                        } else {
                            sb.append(c);
                        }
                    }
                }
            }
            sb.append('"');
        }
    }

    // ------------------------------------------------------------------ PDF

    static final class Pdf {
        static byte[] document(String title, String[] lines) {
            StringBuilder content = new StringBuilder();
            content.append("0.2 0.3 0.5 RG 1.5 w 40 40 515 762 re S\n");
            content.append("0.92 0.94 0.97 rg 40 742 515 60 re f\n");
            content.append("0 0 0 rg\n");
            content.append("BT /F1 20 Tf 60 765 Td (").append(escape(title)).append(") Tj ET\n");
            int y = 700;
            for (String line : lines) {
                content.append("BT /F1 12 Tf 60 ").append(y).append(" Td (").append(escape(line)).append(") Tj ET\n");
                y -= 22;
            }
            content.append("0.8 0.1 0.1 RG 2 w 400 90 m 540 90 l 540 150 l 400 150 l h S\n");
            content.append("0.8 0.1 0.1 rg BT /F1 14 Tf 418 114 Td (DEMO ONLY) Tj ET\n");
            String stream = content.toString();

            List<String> objects = new ArrayList<>();
            objects.add("<< /Type /Catalog /Pages 2 0 R >>");
            objects.add("<< /Type /Pages /Kids [3 0 R] /Count 1 >>");
            objects.add("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
                    + "/Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>");
            objects.add("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>");
            objects.add("<< /Length " + stream.getBytes(StandardCharsets.ISO_8859_1).length + " >>\nstream\n"
                    + stream + "endstream");
            objects.add("<< /Title (" + escape(title) + ") /Producer (TrustBench GenerateDemoDataset) >>");

            ByteArrayOutputStream out = new ByteArrayOutputStream();
            write(out, "%PDF-1.4\n");
            out.write(new byte[] {'%', (byte) 0xE2, (byte) 0xE3, (byte) 0xCF, (byte) 0xD3, '\n'}, 0, 6);
            List<Integer> offsets = new ArrayList<>();
            for (int i = 0; i < objects.size(); i++) {
                offsets.add(out.size());
                write(out, (i + 1) + " 0 obj\n" + objects.get(i) + "\nendobj\n");
            }
            int xref = out.size();
            StringBuilder x = new StringBuilder();
            x.append("xref\n0 ").append(objects.size() + 1).append('\n');
            x.append("0000000000 65535 f \n");
            for (int off : offsets) {
                x.append(String.format(Locale.ROOT, "%010d 00000 n \n", off));
            }
            x.append("trailer\n<< /Size ").append(objects.size() + 1).append(" /Root 1 0 R /Info 6 0 R >>\n");
            x.append("startxref\n").append(xref).append("\n%%EOF\n");
            write(out, x.toString());
            return out.toByteArray();
        }

        static String escape(String s) {
            return s.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)");
        }

        static void write(ByteArrayOutputStream out, String s) {
            byte[] b = s.getBytes(StandardCharsets.ISO_8859_1);
            out.write(b, 0, b.length);
        }
    }

    // ------------------------------------------------------------------ PNG photos

    static final class Images {
        static final int W = 640;
        static final int H = 420;

        static final Map<Character, String[]> FONT = new HashMap<>();
        static {
            glyph('A', ".###.", "#...#", "#...#", "#####", "#...#", "#...#", "#...#");
            glyph('B', "####.", "#...#", "#...#", "####.", "#...#", "#...#", "####.");
            glyph('C', ".###.", "#...#", "#....", "#....", "#....", "#...#", ".###.");
            glyph('D', "####.", "#...#", "#...#", "#...#", "#...#", "#...#", "####.");
            glyph('E', "#####", "#....", "#....", "####.", "#....", "#....", "#####");
            glyph('F', "#####", "#....", "#....", "####.", "#....", "#....", "#....");
            glyph('G', ".###.", "#...#", "#....", "#.###", "#...#", "#...#", ".###.");
            glyph('H', "#...#", "#...#", "#...#", "#####", "#...#", "#...#", "#...#");
            glyph('I', ".###.", "..#..", "..#..", "..#..", "..#..", "..#..", ".###.");
            glyph('J', "..###", "...#.", "...#.", "...#.", "...#.", "#..#.", ".##..");
            glyph('K', "#...#", "#..#.", "#.#..", "##...", "#.#..", "#..#.", "#...#");
            glyph('L', "#....", "#....", "#....", "#....", "#....", "#....", "#####");
            glyph('M', "#...#", "##.##", "#.#.#", "#.#.#", "#...#", "#...#", "#...#");
            glyph('N', "#...#", "#...#", "##..#", "#.#.#", "#..##", "#...#", "#...#");
            glyph('O', ".###.", "#...#", "#...#", "#...#", "#...#", "#...#", ".###.");
            glyph('P', "####.", "#...#", "#...#", "####.", "#....", "#....", "#....");
            glyph('Q', ".###.", "#...#", "#...#", "#...#", "#.#.#", "#..#.", ".##.#");
            glyph('R', "####.", "#...#", "#...#", "####.", "#.#..", "#..#.", "#...#");
            glyph('S', ".####", "#....", "#....", ".###.", "....#", "....#", "####.");
            glyph('T', "#####", "..#..", "..#..", "..#..", "..#..", "..#..", "..#..");
            glyph('U', "#...#", "#...#", "#...#", "#...#", "#...#", "#...#", ".###.");
            glyph('V', "#...#", "#...#", "#...#", "#...#", "#...#", ".#.#.", "..#..");
            glyph('W', "#...#", "#...#", "#...#", "#.#.#", "#.#.#", "#.#.#", ".#.#.");
            glyph('X', "#...#", "#...#", ".#.#.", "..#..", ".#.#.", "#...#", "#...#");
            glyph('Y', "#...#", "#...#", ".#.#.", "..#..", "..#..", "..#..", "..#..");
            glyph('Z', "#####", "....#", "...#.", "..#..", ".#...", "#....", "#####");
            glyph('0', ".###.", "#...#", "#..##", "#.#.#", "##..#", "#...#", ".###.");
            glyph('1', "..#..", ".##..", "..#..", "..#..", "..#..", "..#..", ".###.");
            glyph('2', ".###.", "#...#", "....#", "...#.", "..#..", ".#...", "#####");
            glyph('3', "#####", "...#.", "..#..", "...#.", "....#", "#...#", ".###.");
            glyph('4', "...#.", "..##.", ".#.#.", "#..#.", "#####", "...#.", "...#.");
            glyph('5', "#####", "#....", "####.", "....#", "....#", "#...#", ".###.");
            glyph('6', "..##.", ".#...", "#....", "####.", "#...#", "#...#", ".###.");
            glyph('7', "#####", "....#", "...#.", "..#..", ".#...", ".#...", ".#...");
            glyph('8', ".###.", "#...#", "#...#", ".###.", "#...#", "#...#", ".###.");
            glyph('9', ".###.", "#...#", "#...#", ".####", "....#", "...#.", ".##..");
            glyph('-', ".....", ".....", ".....", "#####", ".....", ".....", ".....");
            glyph('.', ".....", ".....", ".....", ".....", ".....", ".##..", ".##..");
            glyph(':', ".....", ".##..", ".##..", ".....", ".##..", ".##..", ".....");
            glyph('/', "....#", "....#", "...#.", "..#..", ".#...", "#....", "#....");
            glyph(' ', ".....", ".....", ".....", ".....", ".....", ".....", ".....");
        }

        static void glyph(char c, String... rows) {
            FONT.put(c, rows);
        }

        static int textWidth(String s, int scale) {
            return s.length() * 6 * scale - scale;
        }

        static void text(Graphics2D g, String s, int x, int y, int scale, Color color) {
            g.setColor(color);
            int cx = x;
            for (char ch : s.toUpperCase(Locale.ROOT).toCharArray()) {
                String[] rows = FONT.get(ch);
                if (rows == null) {
                    throw new IllegalArgumentException("no glyph for " + ch);
                }
                for (int r = 0; r < 7; r++) {
                    for (int col = 0; col < 5; col++) {
                        if (rows[r].charAt(col) == '#') {
                            g.fillRect(cx + col * scale, y + r * scale, scale, scale);
                        }
                    }
                }
                cx += 6 * scale;
            }
        }

        static void centred(Graphics2D g, String s, int cx, int y, int scale, Color color) {
            text(g, s, cx - textWidth(s, scale) / 2, y, scale, color);
        }

        static void rect(Graphics2D g, Color c, int x, int y, int w, int h) {
            g.setColor(c);
            g.fillRect(x, y, w, h);
        }

        static void poly(Graphics2D g, Color c, int[] xs, int[] ys) {
            g.setColor(c);
            g.fillPolygon(xs, ys, xs.length);
        }

        static void outdoor(Graphics2D g, int horizon) {
            for (int y = 0; y < horizon; y += 6) {
                int t = y * 255 / horizon;
                g.setColor(new Color(120 + t * 80 / 255, 170 + t * 50 / 255, 225 + t * 20 / 255));
                g.fillRect(0, y, W, 6);
            }
            rect(g, new Color(150, 150, 145), 0, horizon, W, H - horizon);
            g.setColor(new Color(175, 175, 170));
            for (int x = -200; x < W; x += 80) {
                g.drawLine(x, H - 30, x + 200, horizon);
            }
        }

        static void indoor(Graphics2D g, Color wall, int floorY) {
            rect(g, wall, 0, 0, W, floorY);
            rect(g, new Color(120, 115, 110), 0, floorY, W, H - floorY);
            g.setColor(new Color(105, 100, 96));
            for (int x = 0; x < W; x += 64) {
                g.drawLine(x, floorY, x, H);
            }
        }

        static void footer(Graphics2D g, String label) {
            rect(g, new Color(30, 34, 40), 0, H - 30, W, 30);
            text(g, "DEMO PHOTO - FICTITIOUS", 12, H - 22, 2, Color.WHITE);
            String right = label;
            text(g, right, W - 12 - textWidth(right, 2), H - 22, 2, new Color(255, 210, 90));
        }

        static void window(Graphics2D g, int x, int y, int w, int h) {
            rect(g, new Color(70, 70, 75), x - 4, y - 4, w + 8, h + 8);
            rect(g, new Color(170, 205, 230), x, y, w, h);
            g.setColor(new Color(70, 70, 75));
            g.fillRect(x + w / 2 - 2, y, 4, h);
            g.fillRect(x, y + h / 2 - 2, w, 4);
        }

        static byte[] photo(String file) throws IOException {
            BufferedImage img = new BufferedImage(W, H, BufferedImage.TYPE_INT_RGB);
            Graphics2D g = img.createGraphics();
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_OFF);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_SPEED);
            Color dark = new Color(35, 50, 80);
            switch (file) {
                case PNG_STOREFRONT -> {
                    outdoor(g, 300);
                    rect(g, new Color(225, 215, 195), 70, 50, 500, 250);
                    rect(g, new Color(200, 190, 170), 70, 50, 500, 12);
                    rect(g, dark, 110, 78, 420, 56);
                    centred(g, "SERVICE CENTER", 320, 92, 4, Color.WHITE);
                    window(g, 110, 165, 140, 90);
                    window(g, 390, 165, 140, 90);
                    rect(g, new Color(110, 75, 50), 280, 170, 80, 130);
                    rect(g, new Color(230, 190, 90), 345, 232, 6, 6);
                    rect(g, new Color(240, 240, 235), 286, 150, 68, 14);
                    centred(g, "NO. 12", 320, 153, 1, dark);
                    footer(g, "STOREFRONT");
                }
                case PNG_OFFICE -> {
                    indoor(g, new Color(232, 228, 220), 330);
                    rect(g, new Color(205, 200, 190), 0, 300, W, 30);
                    rect(g, new Color(60, 90, 140), 170, 36, 300, 44);
                    centred(g, "TECH SERVICE", 320, 48, 3, Color.WHITE);
                    rect(g, new Color(150, 110, 70), 250, 100, 140, 230);
                    rect(g, new Color(120, 85, 55), 262, 112, 116, 90);
                    rect(g, new Color(120, 85, 55), 262, 214, 116, 100);
                    rect(g, new Color(220, 200, 120), 368, 210, 10, 10);
                    rect(g, new Color(245, 245, 240), 410, 140, 110, 40);
                    centred(g, "ROOM 301", 465, 153, 2, dark);
                    rect(g, new Color(60, 130, 70), 60, 240, 50, 90);
                    rect(g, new Color(90, 70, 50), 70, 300, 30, 30);
                    footer(g, "SIGNAGE");
                }
                case PNG_WORKSHOP -> {
                    outdoor(g, 290);
                    poly(g, new Color(120, 120, 130), new int[] {30, 320, 610}, new int[] {70, 20, 70});
                    rect(g, new Color(205, 210, 215), 40, 70, 560, 220);
                    rect(g, dark, 200, 84, 240, 40);
                    centred(g, "WORKSHOP", 320, 94, 3, Color.WHITE);
                    rect(g, new Color(160, 165, 170), 200, 140, 240, 150);
                    g.setColor(new Color(130, 135, 140));
                    for (int y = 146; y < 290; y += 9) {
                        g.drawLine(200, y, 439, y);
                    }
                    rect(g, new Color(90, 90, 95), 70, 150, 100, 120);
                    g.setColor(new Color(200, 160, 60));
                    for (int y = 170; y < 270; y += 25) {
                        g.fillRect(78, y, 84, 6);
                    }
                    poly(g, new Color(240, 120, 30), new int[] {480, 492, 504}, new int[] {290, 262, 290});
                    poly(g, new Color(240, 120, 30), new int[] {530, 542, 554}, new int[] {290, 262, 290});
                    footer(g, "WORKSHOP");
                }
                case PNG_CRANE_YARD -> {
                    outdoor(g, 320);
                    Color steel = new Color(230, 180, 40);
                    rect(g, steel, 300, 80, 18, 240);
                    g.setColor(new Color(150, 110, 20));
                    for (int y = 80; y < 320; y += 18) {
                        g.drawLine(300, y, 317, y + 18);
                        g.drawLine(317, y, 300, y + 18);
                    }
                    rect(g, steel, 150, 70, 440, 10);
                    g.setColor(new Color(150, 110, 20));
                    for (int x = 150; x < 590; x += 16) {
                        g.drawLine(x, 70, x + 8, 79);
                    }
                    poly(g, steel, new int[] {300, 309, 318}, new int[] {70, 30, 70});
                    rect(g, new Color(90, 90, 95), 160, 80, 50, 26);
                    rect(g, new Color(240, 240, 240), 319, 82, 24, 18);
                    g.setColor(new Color(60, 60, 60));
                    g.drawLine(520, 80, 520, 210);
                    rect(g, new Color(200, 40, 30), 512, 210, 16, 14);
                    rect(g, new Color(40, 110, 170), 60, 250, 150, 70);
                    rect(g, new Color(170, 60, 40), 420, 262, 160, 58);
                    rect(g, dark, 40, 150, 230, 36);
                    centred(g, "CRANE DIAGNOSTICS", 155, 161, 2, Color.WHITE);
                    footer(g, "CRANE YARD");
                }
                case PNG_CALIBRATION -> {
                    indoor(g, new Color(225, 230, 228), 300);
                    rect(g, new Color(50, 90, 110), 40, 30, 300, 44);
                    centred(g, "CALIBRATION LAB", 190, 42, 3, Color.WHITE);
                    rect(g, new Color(140, 110, 80), 40, 220, 320, 16);
                    rect(g, new Color(110, 85, 60), 50, 236, 12, 84);
                    rect(g, new Color(110, 85, 60), 338, 236, 12, 84);
                    rect(g, new Color(40, 40, 45), 90, 180, 90, 40);
                    rect(g, new Color(120, 170, 210), 96, 184, 78, 30);
                    rect(g, new Color(60, 60, 60), 220, 196, 110, 24);
                    rect(g, new Color(120, 220, 120), 228, 202, 40, 10);
                    poly(g, new Color(60, 60, 65), new int[] {478, 484, 440, 432}, new int[] {160, 160, 340, 340});
                    poly(g, new Color(60, 60, 65), new int[] {478, 484, 488, 482}, new int[] {160, 160, 340, 340});
                    poly(g, new Color(60, 60, 65), new int[] {478, 484, 536, 528}, new int[] {160, 160, 340, 340});
                    rect(g, new Color(240, 200, 40), 460, 112, 42, 48);
                    rect(g, new Color(40, 40, 45), 470, 124, 22, 16);
                    footer(g, "CALIBRATION LAB");
                }
                case PNG_PAVER_BAY -> {
                    indoor(g, new Color(210, 212, 215), 300);
                    rect(g, new Color(60, 60, 70), 0, 0, W, 26);
                    rect(g, dark, 130, 40, 380, 40);
                    centred(g, "PAVER 3D CALIBRATION", 320, 50, 3, Color.WHITE);
                    Color yellow = new Color(240, 190, 30);
                    poly(g, yellow, new int[] {120, 200, 200, 120}, new int[] {200, 200, 280, 280});
                    rect(g, yellow, 200, 170, 250, 110);
                    rect(g, new Color(40, 40, 45), 330, 130, 90, 40);
                    rect(g, new Color(150, 200, 230), 338, 136, 74, 26);
                    rect(g, new Color(90, 90, 95), 450, 250, 90, 30);
                    rect(g, new Color(30, 30, 30), 200, 280, 230, 28);
                    g.setColor(new Color(70, 70, 70));
                    for (int x = 206; x < 428; x += 14) {
                        g.fillRect(x, 284, 8, 20);
                    }
                    rect(g, new Color(120, 120, 125), 500, 150, 6, 100);
                    rect(g, new Color(230, 60, 40), 490, 136, 26, 16);
                    footer(g, "PAVER BAY");
                }
                default -> throw new IllegalArgumentException(file);
            }
            g.dispose();
            ByteArrayOutputStream bos = new ByteArrayOutputStream();
            ImageIO.setUseCache(false);
            if (!ImageIO.write(img, "png", bos)) {
                throw new IOException("no PNG writer");
            }
            return bos.toByteArray();
        }
    }
}
