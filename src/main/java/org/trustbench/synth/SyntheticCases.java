package org.trustbench.synth;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Iterator;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.trustbench.crypto.RegistryRecordSignature;
import org.trustbench.crypto.Sm2;
import org.trustbench.domain.Equipment;
import org.trustbench.domain.EvidenceItem;
import org.trustbench.domain.FilingCase;
import org.trustbench.domain.Performer;
import org.trustbench.domain.Provider;
import org.trustbench.domain.RegistrySignature;
import org.trustbench.domain.TrustedIssuer;
import org.trustbench.domain.Uscc;
import org.trustbench.i18n.UserException;
import org.trustbench.i18n.UserMessage;
import org.trustbench.training.Dataset;

/**
 * Deterministic synthetic filing cases at any scale, built from the scenarios of the bundled demo dataset.
 *
 * <p>Case {@code i} of seed {@code s} depends only on {@code (s, i)}: it takes one demo case as its template (so the
 * demo's mix of clean cases and problem scenarios is kept, and each case produces its template's findings) and gives
 * it a new identity: a new provider USCC with correct check characters (or a broken one where the template's
 * scenario breaks it), a new trade name in its Chinese, English and confusable forms, a new legal representative, a
 * new house number and new equipment serials, all replaced consistently in every field of every evidence item.
 * Registry (REGULATOR) records are signed again over their new canonical form with the key the template used, so a
 * valid signature stays valid, an unknown issuer stays unknown and a tampered record stays tampered. SM2 signing is
 * deterministic (RFC 6979 style nonces), so the same seed gives the same bytes. Attachments stay the demo's few shared
 * files, referred to by SM3 digest. Case numbers are {@code BA-<district>-2026-<100000 + i>}, never a demo number
 * (the demo's numbers are below 1000).
 */
public final class SyntheticCases {

    /** The first serial of generated case numbers; the demo dataset stays below it. */
    public static final int FIRST_SERIAL = 100_000;
    /** The most cases one seed can give (six-digit serials). */
    public static final int MAX_CASES = 999_999 - FIRST_SERIAL + 1;

    private static final Pattern HOUSE_NUMBER = Pattern.compile("(\\d+)号");
    private static final String SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦方白邹孟熊秦邱江尹薛段雷侯史陶贺顾毛郝龚邵钱严戴孔汤";
    private static final String GIVEN = "建国志明文华海晓春燕俊杰立新永宏丽静敏伟磊强涛鹏婷雪琳浩宇瑞峰博凯昊晨欣怡佳嘉天思雨梓轩亮斌辉波军平红霞玲勇飞刚秀英兰芳慧颖洁倩宁超勤荣清";
    private static final String ORG_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";

    private final List<FilingCase> templates;
    private final long seed;
    private final PrivateKey issuerKey;
    private final PrivateKey unknownIssuerKey;
    private final Map<String, PublicKey> trusted = new HashMap<>();
    private final String unknownKeyId;
    /** How each template record's signature checked, computed once: every case built from it keeps that result. */
    private final Map<EvidenceItem, RegistryRecordSignature.Result> templateSignatures = new IdentityHashMap<>();

    /**
     * @param template         the demo dataset whose cases are the templates (its issuers are the trusted ones)
     * @param issuerKey        the demo registry issuer's private key (signs what the template signed validly)
     * @param unknownIssuerKey the key of the demo's untrusted issuer (signs what the template's unknown issuer signed)
     */
    public SyntheticCases(Dataset template, long seed, PrivateKey issuerKey, PrivateKey unknownIssuerKey) {
        this.templates = List.copyOf(template.batch().cases());
        this.seed = seed;
        this.issuerKey = Objects.requireNonNull(issuerKey, "issuerKey");
        this.unknownIssuerKey = Objects.requireNonNull(unknownIssuerKey, "unknownIssuerKey");
        for (TrustedIssuer issuer : template.batch().issuers()) {
            trusted.put(issuer.keyId(), Sm2.decodePublicKeyPem(issuer.publicKeyPem()));
        }
        this.unknownKeyId = Sm2.fingerprint(Sm2.publicKeyOf(unknownIssuerKey));
        for (FilingCase t : templates) {
            for (EvidenceItem e : t.evidence()) {
                if (e.signature() != null) {
                    templateSignatures.put(e, RegistryRecordSignature.verify(e.signature().value(),
                            e.signature().keyId(), trusted, e.kind().name(), e.source().name(), e.fields(),
                            e.validFrom(), e.validTo(), e.recordedAt()));
                }
            }
        }
    }

    /** The demo registry issuer's private key, relative to the checkout (DEMO ONLY, public). */
    public static final String ISSUER_KEY_FILE = "sample-data/tools/demo-registry-issuer.key.pem";
    /** The private key of the demo's untrusted issuer, relative to the checkout. */
    public static final String UNKNOWN_ISSUER_KEY_FILE = "sample-data/tools/demo-unknown-issuer.key.pem";

    /** A generator whose registry keys are read from the checkout ({@code toolsRoot} is the repository root). */
    public static SyntheticCases fromCheckout(Dataset template, long seed, Path checkout) {
        return new SyntheticCases(template, seed, readKey(checkout.resolve(ISSUER_KEY_FILE)),
                readKey(checkout.resolve(UNKNOWN_ISSUER_KEY_FILE)));
    }

    /** Cases {@code 0 .. n-1}, generated one at a time as the iterator is read. */
    public Iterator<FilingCase> iterator(int n) {
        if (n < 0 || n > MAX_CASES) {
            throw new IllegalArgumentException("case count out of range: " + n);
        }
        return new Iterator<>() {
            private int next;

            @Override
            public boolean hasNext() {
                return next < n;
            }

            @Override
            public FilingCase next() {
                if (next >= n) {
                    throw new java.util.NoSuchElementException();
                }
                return caseAt(next++);
            }
        };
    }

    /** When the generated packages' issuer keys take effect: the template's reference date, fixed for determinism. */
    public static OffsetDateTime effectiveAt(Dataset template) {
        return template.referenceDate().minusYears(1).atStartOfDay().atOffset(ZoneOffset.ofHours(8));
    }

    private static PrivateKey readKey(Path file) {
        try {
            return Sm2.decodePrivateKeyPem(Files.readString(file, StandardCharsets.US_ASCII));
        } catch (NoSuchFileException e) {
            throw new UserException(UserMessage.of("synth.keyMissing", file.toAbsolutePath()), e);
        } catch (IOException | RuntimeException e) {
            throw new UserException(UserMessage.of("sync.demoPackage.badKey", file, String.valueOf(e.getMessage())), e);
        }
    }

    /** Case {@code index} (0-based) of this seed. */
    public FilingCase caseAt(int index) {
        if (index < 0 || index >= MAX_CASES) {
            throw new IllegalArgumentException("case index out of range: " + index);
        }
        SplittableRandom r = new SplittableRandom(mix(seed, index));
        FilingCase t = templates.get(r.nextInt(templates.size()));
        Provider tp = t.provider();
        Map<String, String> replace = new LinkedHashMap<>();

        String newUscc = uscc(tp.uscc(), r);
        replace.put(tp.uscc(), newUscc);
        String[] trade = TemplateTradeNames.of(tp.nameZh());
        if (trade != null) {
            TradeNames.TradeName n = TradeNames.pick(r);
            replace.put(trade[0], n.zh());
            replace.put(trade[1], n.pinyin());
            replace.put(trade[2], n.confusableZh());
        }
        if (tp.legalRep() != null && tp.legalRep().codePointCount(0, tp.legalRep().length()) >= 2
                && tp.legalRep().codePoints().allMatch(Character::isIdeographic)) {
            replace.put(tp.legalRep(), person(r));
        }
        Matcher m = HOUSE_NUMBER.matcher(tp.registeredAddress());
        if (m.find()) {
            replace.put(m.group(), (3000 + r.nextInt(6000)) + "号");
        }
        String suffix = Integer.toString(index, 36).toUpperCase(java.util.Locale.ROOT);
        for (Equipment e : t.equipment()) {
            replace.putIfAbsent(e.serial(), e.serial() + "-" + suffix);
        }
        Rewriter w = new Rewriter(replace);

        Provider p = new Provider(0, newUscc, w.apply(tp.nameZh()), w.apply(tp.nameEn()), tp.entityType(),
                w.apply(tp.legalRep()), tp.legalRepTitle(), tp.registeredCapital(), w.apply(tp.registeredAddress()),
                tp.registrationAuthority(), tp.establishedOn(), tp.termTo(), tp.registryStatus(), tp.businessScope());
        List<Equipment> equipment = new ArrayList<>();
        for (Equipment e : t.equipment()) {
            equipment.add(new Equipment(e.categoryCode(), e.make(), e.model(), w.apply(e.serial()), e.specialEquipment(),
                    e.siteType()));
        }
        List<EvidenceItem> evidence = new ArrayList<>();
        for (EvidenceItem e : t.evidence()) {
            evidence.add(evidence(e, w));
        }
        String caseNo = "BA-" + t.districtCode() + "-2026-" + String.format(java.util.Locale.ROOT, "%06d", FIRST_SERIAL + index);
        Performer performer = new Performer(w.apply(t.performer().uscc()), w.apply(t.performer().name()));
        return new FilingCase(0, caseNo, p, t.districtCode(), t.platform(), t.receivedOn(), t.deadlineOn(), t.status(),
                t.assignee(), t.services(), performer, t.subcontractDeclared(), equipment, evidence);
    }

    /** The template case number that case {@code index} is built from (its scenarios are the template's). */
    public String templateOf(int index) {
        SplittableRandom r = new SplittableRandom(mix(seed, index));
        return templates.get(r.nextInt(templates.size())).caseNo();
    }

    private EvidenceItem evidence(EvidenceItem e, Rewriter w) {
        Map<String, String> fields = new LinkedHashMap<>();
        e.fields().forEach((k, v) -> fields.put(k, w.apply(v)));
        RegistrySignature signature = e.signature() == null ? null : resign(e, fields);
        return new EvidenceItem(0, e.kind(), e.source(), w.apply(e.title()), fields, e.validFrom(), e.validTo(),
                e.recordedAt(), e.attachments(), signature);
    }

    /** Signs the rewritten record so that it checks as the template's record did. */
    private RegistrySignature resign(EvidenceItem e, Map<String, String> fields) {
        return switch (templateSignatures.get(e)) {
            case VALID -> sign(issuerKey, e, fields, e.signature().keyId());
            case UNKNOWN_ISSUER -> e.signature().keyId().equals(unknownKeyId)
                    ? sign(unknownIssuerKey, e, fields, unknownKeyId) : e.signature();
            case INVALID -> sign(issuerKey, e, tampered(fields), e.signature().keyId());
            case MISSING -> e.signature();
        };
    }

    private static RegistrySignature sign(PrivateKey key, EvidenceItem e, Map<String, String> fields, String keyId) {
        return new RegistrySignature(keyId, RegistryRecordSignature.sign(key, e.kind().name(), e.source().name(), fields,
                e.validFrom(), e.validTo(), e.recordedAt()));
    }

    /** What the record said when it was signed: the scope before its 许可项目 clause was added (or one field less). */
    private static Map<String, String> tampered(Map<String, String> fields) {
        Map<String, String> signed = new LinkedHashMap<>(fields);
        String scope = signed.get("scope");
        int clause = scope == null ? -1 : scope.indexOf("许可项目");
        if (clause > 0) {
            signed.put("scope", scope.substring(0, clause));
        } else {
            signed.put("signedVersion", "1");
        }
        return signed;
    }

    /** A new code in the template's district and category, with correct check characters unless the template's fail. */
    private static String uscc(String template, SplittableRandom r) {
        String head = template.substring(0, 8);
        StringBuilder body = new StringBuilder("MA");
        for (int i = 0; i < 6; i++) {
            body.append(ORG_ALPHABET.charAt(r.nextInt(ORG_ALPHABET.length())));
        }
        String first17 = head + body + Uscc.organisationCheck(body.toString());
        char check = Uscc.checkCharacter(first17);
        Uscc.Result result = Uscc.validate(template);
        if (result == Uscc.Result.VALID) {
            return first17 + check;
        }
        char wrong = ORG_ALPHABET.charAt((ORG_ALPHABET.indexOf(check) + 1 + r.nextInt(ORG_ALPHABET.length() - 1))
                % ORG_ALPHABET.length());
        return first17 + wrong;
    }

    private static String person(SplittableRandom r) {
        StringBuilder sb = new StringBuilder();
        sb.append(SURNAMES.charAt(r.nextInt(SURNAMES.length())));
        int given = r.nextInt(3) == 0 ? 1 : 2;
        for (int i = 0; i < given; i++) {
            sb.append(GIVEN.charAt(r.nextInt(GIVEN.length())));
        }
        return sb.toString();
    }

    private static long mix(long seed, int index) {
        long z = seed * 0x9E3779B97F4A7C15L + index;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** Replaces every key by its value in one pass, so a replacement is never replaced again. */
    private static final class Rewriter {
        private final String[] from;
        private final String[] to;

        Rewriter(Map<String, String> replace) {
            List<Map.Entry<String, String>> entries = new ArrayList<>(replace.entrySet());
            entries.removeIf(e -> e.getKey() == null || e.getKey().isEmpty());
            entries.sort((a, b) -> Integer.compare(b.getKey().length(), a.getKey().length()));
            from = entries.stream().map(Map.Entry::getKey).toArray(String[]::new);
            to = entries.stream().map(Map.Entry::getValue).toArray(String[]::new);
        }

        String apply(String s) {
            if (s == null) {
                return null;
            }
            StringBuilder out = null;
            int i = 0;
            int copied = 0;
            outer:
            while (i < s.length()) {
                for (int k = 0; k < from.length; k++) {
                    if (s.startsWith(from[k], i)) {
                        if (out == null) {
                            out = new StringBuilder(s.length() + 16);
                        }
                        out.append(s, copied, i).append(to[k]);
                        i += from[k].length();
                        copied = i;
                        continue outer;
                    }
                }
                i++;
            }
            if (out == null) {
                return s;
            }
            return out.append(s, copied, s.length()).toString();
        }
    }
}
