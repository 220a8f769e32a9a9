package org.trustbench.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.trustbench.domain.Attachment;
import org.trustbench.domain.CaseStatus;
import org.trustbench.domain.Equipment;
import org.trustbench.domain.EvidenceItem;
import org.trustbench.domain.EvidenceKind;
import org.trustbench.domain.EvidenceRef;
import org.trustbench.domain.EvidenceSource;
import org.trustbench.domain.FilingCase;
import org.trustbench.domain.Finding;
import org.trustbench.domain.Performer;
import org.trustbench.domain.Provider;
import org.trustbench.domain.RegistrySignature;
import org.trustbench.domain.RegistryStatus;
import org.trustbench.domain.ServiceType;
import org.trustbench.domain.Severity;
import org.trustbench.domain.SiteType;
import org.trustbench.domain.Uscc;
import org.trustbench.verify.CheckInput.SignatureStatus;

/**
 * Builds a clean, valid filing case with a full set of evidence, and varies one thing at a time.
 *
 * <p>The clean case: a Pudong provider files remote diagnostics of an imported Liebherr tower crane
 * (4300, at a factory) and 3D calibration of a Vögele paver (road machinery, on a road project).
 * Evidence: the licence from the registry, the platform and the merchant; a TSG licence from the
 * registry and an engineer's certificate from the merchant; premises from the platform, the merchant
 * and a field inspection; the legal representative's real-person check; the overseas customer's
 * authorisation. Every registry record's signature is VALID and no attachment is corrupt.
 * All codes are generated with correct check characters; no real company is named.
 */
public final class CaseFixtures {

    /** The day the checks run. */
    public static final LocalDate TODAY = LocalDate.of(2026, 11, 10);
    public static final ZoneOffset CST = ZoneOffset.ofHours(8);

    public static final String USCC = uscc("91310115MA1K7Q2P");
    public static final String NAME_ZH = "上海澜岳智能装备技术有限公司";
    public static final String NAME_EN = "Shanghai Lanyue Smart Equipment Technology Co., Ltd.";
    public static final String LEGAL_REP = "顾明哲";
    public static final String ADDRESS = "上海市浦东新区张衡路1000弄12号3层301室";
    public static final LocalDate TERM_TO = LocalDate.of(2046, 7, 29);

    /** A second, unrelated entity (valid code). */
    public static final String OTHER_USCC = uscc("91310114MA1WF7CU");
    public static final String OTHER_NAME = "上海汇铺筑路设备科技有限公司";

    public static final Equipment CRANE = new Equipment("4300", "Liebherr", "172 EC-B", "LH172-20419", true, SiteType.FACTORY);
    public static final Equipment PAVER = new Equipment("ROAD_MACHINERY", "Vögele", "SUPER 1800-3i", "10181342207", false,
            SiteType.ROAD_PROJECT);

    public static final long REGISTRY_LICENCE = 11;
    public static final long PLATFORM_LICENCE = 12;
    public static final long MERCHANT_LICENCE = 13;
    public static final long TSG_LICENCE = 21;
    public static final long ENGINEER_CERT = 22;
    public static final long PLATFORM_PREMISES = 31;
    public static final long MERCHANT_PREMISES = 32;
    public static final long INSPECTION = 33;
    public static final long IDENTITY = 41;
    public static final long AUTHORISATION = 51;

    public static final String TSG_NUMBER = "TS3431902-2029";
    public static final LocalDate TSG_VALID_TO = LocalDate.of(2029, 2, 5);
    public static final String CERT_NUMBER = "3DC-2026-00117";
    public static final String CUSTOMER = "Nordhafen Baumaschinen Service GmbH";
    public static final LocalDate AUTH_FROM = LocalDate.of(2026, 1, 1);
    public static final LocalDate AUTH_TO = LocalDate.of(2027, 12, 31);
    public static final OffsetDateTime REGISTRY_REFRESHED = OffsetDateTime.of(2026, 11, 9, 2, 20, 0, 0, CST);
    public static final OffsetDateTime ID_CHECKED = OffsetDateTime.of(2026, 10, 1, 10, 0, 0, 0, CST);
    public static final OffsetDateTime FILED = OffsetDateTime.of(2026, 10, 1, 14, 35, 0, 0, CST);

    public static final String INSPECTION_PHOTO = "premises-storefront.png";
    public static final String INSPECTION_PHOTO_SM3 = digest(INSPECTION);
    public static final String INSPECTION_TITLE = "现场核查（陆雯）";

    private CaseFixtures() {
    }

    /** A code with correct organisation and check characters for positions 1–16. */
    public static String uscc(String first16) {
        String first17 = first16 + Uscc.organisationCheck(first16.substring(8, 16));
        return first17 + Uscc.checkCharacter(first17);
    }

    /** A deterministic, lower-case hex SM3-like digest. */
    public static String digest(long seed) {
        return String.format("%064x", seed * 0x9E3779B97F4A7C15L & Long.MAX_VALUE);
    }

    public static Builder clean() {
        return new Builder();
    }

    /** Runs one rule over the built case. */
    public static List<Finding> run(Rule rule, Builder b) {
        List<Finding> out = new ArrayList<>();
        rule.check(b.input(), out);
        return out;
    }

    /** Asserts there is exactly one finding and returns it. */
    public static Finding only(List<Finding> findings) {
        assertEquals(1, findings.size(), () -> "expected one finding, got " + findings);
        return findings.get(0);
    }

    public static void assertFinding(Finding f, String ruleId, Severity severity, String messageKey, List<String> args,
                                     List<EvidenceRef> refs) {
        assertEquals(ruleId, f.ruleId(), "rule id");
        assertEquals(severity, f.severity(), "severity");
        assertEquals(messageKey, f.messageKey(), "message key");
        assertEquals(args, f.args(), "arguments");
        assertEquals(refs, f.refs(), "evidence refs");
    }

    public static EvidenceRef ref(long id, String field) {
        return new EvidenceRef(id, field);
    }

    public static EvidenceItem item(long id, EvidenceKind kind, EvidenceSource source, String title, Map<String, String> fields,
                                    LocalDate validFrom, LocalDate validTo, OffsetDateTime recordedAt,
                                    List<Attachment> attachments) {
        RegistrySignature sig = source == EvidenceSource.REGULATOR
                ? new RegistrySignature(digest(7), "MEQCIF" + id) : null;
        return new EvidenceItem(id, kind, source, title, fields, validFrom, validTo, recordedAt, attachments, sig);
    }

    private static Map<String, String> fields(String... kv) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return m;
    }

    private static Attachment pdf(String name, long seed) {
        return new Attachment(name, "application/pdf", digest(seed), 48_213 + seed);
    }

    /** Mutable builder of one case; every method varies one thing of the clean case. */
    public static final class Builder {

        private String uscc = USCC;
        private String nameZh = NAME_ZH;
        private String nameEn = NAME_EN;
        private String legalRep = LEGAL_REP;
        private String registeredAddress = ADDRESS;
        private LocalDate termTo = TERM_TO;
        private RegistryStatus status = RegistryStatus.ACTIVE;
        private List<ServiceType> services = List.of(ServiceType.REMOTE_DIAGNOSTICS, ServiceType.PAVER_3D_CALIBRATION);
        private List<Equipment> equipment = List.of(CRANE, PAVER);
        private Performer performer = new Performer(USCC, NAME_ZH);
        private boolean subcontract;
        private final Map<Long, EvidenceItem> evidence = new LinkedHashMap<>();
        private LocalDate today = TODAY;
        private VerificationSettings settings = VerificationSettings.DEFAULTS;
        private final Map<Long, SignatureStatus> signatureOverrides = new HashMap<>();
        private final Set<Long> notInSignatureMap = new HashSet<>();
        private final Set<String> corrupt = new HashSet<>();

        private Builder() {
            String scope = "一般项目：起重机械及筑路机械的技术服务、技术咨询；通用设备修理；专用设备修理；仪器仪表修理；"
                    + "软件开发。（除依法须经批准的项目外，凭营业执照依法自主开展经营活动）";
            LocalDate est = LocalDate.of(2016, 7, 30);
            add(CaseFixtures.item(REGISTRY_LICENCE, EvidenceKind.LICENCE, EvidenceSource.REGULATOR, "电子营业执照（登记机关）",
                    fields("uscc", USCC, "name", NAME_ZH, "nameEn", NAME_EN, "legalRep", LEGAL_REP, "address", ADDRESS,
                            "status", "存续", "scope", scope, "termTo", TERM_TO.toString(),
                            "authority", "上海市浦东新区市场监督管理局"),
                    est, TERM_TO, REGISTRY_REFRESHED, List.of(pdf("business-licence-scan.pdf", REGISTRY_LICENCE))));
            add(CaseFixtures.item(PLATFORM_LICENCE, EvidenceKind.LICENCE, EvidenceSource.PLATFORM, "平台公示的营业执照信息",
                    fields("uscc", USCC, "name", NAME_ZH, "legalRep", LEGAL_REP, "address", ADDRESS, "status", "存续",
                            "scope", scope, "termTo", TERM_TO.toString()),
                    est, TERM_TO, FILED, List.of()));
            add(CaseFixtures.item(MERCHANT_LICENCE, EvidenceKind.LICENCE, EvidenceSource.MERCHANT, "商家申报的营业执照",
                    fields("uscc", USCC, "name", NAME_ZH, "legalRep", LEGAL_REP, "address", ADDRESS, "status", "存续",
                            "scope", scope, "termTo", TERM_TO.toString()),
                    est, TERM_TO, FILED, List.of()));
            add(CaseFixtures.item(TSG_LICENCE, EvidenceKind.CREDENTIAL, EvidenceSource.REGULATOR, "特种设备生产许可证（起重机械安装改造修理）",
                    fields("type", "TSG_LICENCE", "number", TSG_NUMBER, "holder", NAME_ZH, "issuer", "上海市市场监督管理局",
                            "scope", "4300,REMOTE_DIAGNOSTICS", "level", "A级"),
                    LocalDate.of(2025, 2, 6), TSG_VALID_TO, OffsetDateTime.of(2026, 10, 15, 2, 35, 0, 0, CST),
                    List.of(pdf("tsg-licence-scan.pdf", TSG_LICENCE))));
            add(CaseFixtures.item(ENGINEER_CERT, EvidenceKind.CREDENTIAL, EvidenceSource.MERCHANT, "3D找平系统标定认证（Topcon 3D-MC，郭嘉）",
                    fields("type", "MANUFACTURER_CERT", "number", CERT_NUMBER, "holder", "郭嘉",
                            "issuer", "Nordlicht Paving Systems GmbH", "scope", "ROAD_MACHINERY,PAVER_3D_CALIBRATION",
                            "level", "Topcon 3D-MC 标定工程师"),
                    LocalDate.of(2026, 1, 28), LocalDate.of(2029, 1, 27), FILED,
                    List.of(pdf("credential-certificate-scan.pdf", ENGINEER_CERT))));
            add(CaseFixtures.item(PLATFORM_PREMISES, EvidenceKind.PREMISES, EvidenceSource.PLATFORM, "平台登记的经营场所",
                    fields("address", ADDRESS), null, null, FILED, List.of()));
            add(CaseFixtures.item(MERCHANT_PREMISES, EvidenceKind.PREMISES, EvidenceSource.MERCHANT, "商家申报的服务场所",
                    fields("address", ADDRESS), null, null, FILED, List.of()));
            add(CaseFixtures.item(INSPECTION, EvidenceKind.PREMISES, EvidenceSource.INSPECTION, INSPECTION_TITLE,
                    fields("address", ADDRESS, "inspector", "陆雯", "inspectedAt", "2026-10-03T11:10:00+08:00",
                            "gps", "31.205125,121.597606", "result", "CONFIRMED",
                            "checklist", "SIGNAGE,STAFF,TOOLS,CALIBRATION_INSTRUMENTS"),
                    null, null, OffsetDateTime.of(2026, 10, 3, 11, 10, 0, 0, CST),
                    List.of(new Attachment(INSPECTION_PHOTO, "image/png", INSPECTION_PHOTO_SM3, 311_804))));
            add(CaseFixtures.item(IDENTITY, EvidenceKind.IDENTITY, EvidenceSource.REGULATOR, "法定代表人实名核验",
                    fields("person", LEGAL_REP, "method", "FACE_MATCH", "checkedAt", ID_CHECKED.toString(), "result", "PASSED"),
                    null, null, ID_CHECKED, List.of()));
            add(CaseFixtures.item(AUTHORISATION, EvidenceKind.AUTHORISATION, EvidenceSource.MERCHANT,
                    "境外客户授权书（Liebherr 172 EC-B / Vögele SUPER 1800-3i）",
                    fields("customer", CUSTOMER, "country", "德国 / Germany", "authorisedParty", NAME_ZH,
                            "authorisedUscc", USCC, "equipment", CRANE.serial() + "," + PAVER.serial(),
                            "services", "REMOTE_DIAGNOSTICS,PAVER_3D_CALIBRATION", "territory", "中国上海 / Shanghai"),
                    AUTH_FROM, AUTH_TO, FILED, List.of(pdf("authorisation-letter.pdf", AUTHORISATION))));
        }

        // --- provider -------------------------------------------------------------------------

        /** The provider's code as the case records it (evidence unchanged). */
        public Builder providerUscc(String code) {
            this.uscc = code;
            return this;
        }

        /** The entity's code everywhere: provider, performer, licences and authorisation. */
        public Builder filerUscc(String code) {
            this.uscc = code;
            this.performer = new Performer(code, performer.name());
            for (long id : new long[] {REGISTRY_LICENCE, PLATFORM_LICENCE, MERCHANT_LICENCE}) {
                field(id, "uscc", code);
            }
            return field(AUTHORISATION, "authorisedUscc", code);
        }

        public Builder nameZh(String name) {
            this.nameZh = name;
            return this;
        }

        public Builder nameEn(String name) {
            this.nameEn = name;
            return this;
        }

        public Builder legalRep(String name) {
            this.legalRep = name;
            return this;
        }

        public Builder registeredAddress(String address) {
            this.registeredAddress = address;
            return this;
        }

        /** End of the business term; {@code null} for 长期. */
        public Builder termTo(LocalDate date) {
            this.termTo = date;
            return this;
        }

        public Builder registryStatus(RegistryStatus s) {
            this.status = s;
            return this;
        }

        // --- case ------------------------------------------------------------------------------

        public Builder services(ServiceType... s) {
            this.services = List.of(s);
            return this;
        }

        public Builder equipment(Equipment... e) {
            this.equipment = List.of(e);
            return this;
        }

        public Builder performer(String code, String name) {
            this.performer = new Performer(code, name);
            return this;
        }

        public Builder subcontractDeclared(boolean declared) {
            this.subcontract = declared;
            return this;
        }

        // --- evidence --------------------------------------------------------------------------

        public EvidenceItem item(long id) {
            EvidenceItem e = evidence.get(id);
            if (e == null) {
                throw new IllegalArgumentException("no evidence " + id);
            }
            return e;
        }

        public Builder add(EvidenceItem e) {
            evidence.put(e.id(), e);
            return this;
        }

        public Builder without(long... ids) {
            for (long id : ids) {
                evidence.remove(id);
            }
            return this;
        }

        /** Sets a field of an evidence item; {@code null} removes it. */
        public Builder field(long id, String key, String value) {
            EvidenceItem e = item(id);
            Map<String, String> f = new LinkedHashMap<>(e.fields());
            if (value == null) {
                f.remove(key);
            } else {
                f.put(key, value);
            }
            return replace(e, f, e.validFrom(), e.validTo(), e.recordedAt(), e.attachments());
        }

        public Builder validFrom(long id, LocalDate date) {
            EvidenceItem e = item(id);
            return replace(e, e.fields(), date, e.validTo(), e.recordedAt(), e.attachments());
        }

        public Builder validTo(long id, LocalDate date) {
            EvidenceItem e = item(id);
            return replace(e, e.fields(), e.validFrom(), date, e.recordedAt(), e.attachments());
        }

        public Builder recordedAt(long id, OffsetDateTime at) {
            EvidenceItem e = item(id);
            return replace(e, e.fields(), e.validFrom(), e.validTo(), at, e.attachments());
        }

        /** Every registry (REGULATOR) item was recorded at {@code at}. */
        public Builder registryRefreshedAt(OffsetDateTime at) {
            for (EvidenceItem e : List.copyOf(evidence.values())) {
                if (e.source() == EvidenceSource.REGULATOR) {
                    recordedAt(e.id(), at);
                }
            }
            return this;
        }

        public Builder attachments(long id, Attachment... a) {
            EvidenceItem e = item(id);
            return replace(e, e.fields(), e.validFrom(), e.validTo(), e.recordedAt(), Arrays.asList(a));
        }

        private Builder replace(EvidenceItem e, Map<String, String> f, LocalDate from, LocalDate to, OffsetDateTime at,
                                List<Attachment> attachments) {
            evidence.put(e.id(), new EvidenceItem(e.id(), e.kind(), e.source(), e.title(), f, from, to, at, attachments,
                    e.signature()));
            return this;
        }

        // --- check input -----------------------------------------------------------------------

        public Builder today(LocalDate day) {
            this.today = day;
            return this;
        }

        public Builder settings(VerificationSettings s) {
            this.settings = s;
            return this;
        }

        /** The signature result the service computed for a registry item. */
        public Builder signature(long id, SignatureStatus s) {
            signatureOverrides.put(id, s);
            return this;
        }

        /** The service computed no signature result for this item (left out of the map). */
        public Builder noSignatureResult(long id) {
            notInSignatureMap.add(id);
            return this;
        }

        public Builder corrupt(String sm3) {
            corrupt.add(sm3);
            return this;
        }

        public Provider provider() {
            return new Provider(7, uscc, nameZh, nameEn, "有限责任公司(自然人投资或控股)", legalRep, "法定代表人",
                    "500万元人民币", registeredAddress, "上海市浦东新区市场监督管理局", LocalDate.of(2016, 7, 30), termTo,
                    status, "一般项目：起重机械及筑路机械的技术服务、技术咨询；通用设备修理；专用设备修理。");
        }

        public FilingCase build() {
            return new FilingCase(1001, "BA-310115-2026-000901", provider(), "310115", "沪工机械售后服务网",
                    LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 31), CaseStatus.IN_REVIEW, "陈静怡", services,
                    performer, subcontract, equipment, List.copyOf(evidence.values()));
        }

        public CheckInput input() {
            Map<Long, SignatureStatus> sigs = new HashMap<>();
            for (EvidenceItem e : evidence.values()) {
                if (e.source() == EvidenceSource.REGULATOR && !notInSignatureMap.contains(e.id())) {
                    sigs.put(e.id(), signatureOverrides.getOrDefault(e.id(), SignatureStatus.VALID));
                }
            }
            for (Map.Entry<Long, SignatureStatus> o : signatureOverrides.entrySet()) {
                sigs.putIfAbsent(o.getKey(), o.getValue());
            }
            return new CheckInput(build(), today, settings, sigs, corrupt);
        }
    }
}
