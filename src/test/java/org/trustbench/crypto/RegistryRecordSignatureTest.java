package org.trustbench.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trustbench.crypto.RegistryRecordSignature.Result;

/** The canonical form and signature of registry records, and the signatures in the default demo dataset. */
class RegistryRecordSignatureTest {

    private static final Path DATASET = Path.of("sample-data/default");
    private static final Path ISSUER_KEY = Path.of("sample-data/tools/demo-registry-issuer.key.pem");
    private static final Path UNKNOWN_ISSUER_KEY = Path.of("sample-data/tools/demo-unknown-issuer.key.pem");

    private static final String KIND = "LICENCE";
    private static final String SOURCE = "REGULATOR";
    private static final LocalDate FROM = LocalDate.of(2024, 3, 4);
    private static final LocalDate TO = LocalDate.of(2054, 3, 3);
    private static final OffsetDateTime AT = OffsetDateTime.parse("2026-11-19T02:25:00+08:00");

    @TempDir
    Path tmp;

    private static Map<String, String> licenceFields() {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("uscc", "91310120MA17L7TN16");
        f.put("name", "上海钧塔起重设备维修有限公司");
        f.put("address", "上海市奉贤区环城东路1696号8幢5层503室");
        f.put("status", "存续");
        f.put("scope", "一般项目：技术服务。许可项目：特种设备安装改造修理。");
        return f;
    }

    // ------------------------------------------------------------------ canonical form

    @Test
    void canonicalFormGolden() {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("name", "上海钧塔起重设备维修有限公司");
        f.put("address", "上海市奉贤区 \"A\" 座\\2");
        f.put("note", "a\nb\tc\u0001\u001f\b\f\r\u007f\u2028é");
        f.put("Z", "upper");
        f.put("\uFF21", "fullwidth A");            // Ａ U+FF21
        f.put("\uD83D\uDE00", "emoji \uD83D\uDE00"); // 😀 U+1F600: after U+FF21 by code point, before it by UTF-16 unit
        f.put("empty", "");
        f.put("skipped", null);

        String expected = "{\"fields\":{"
                + "\"Z\":\"upper\","
                + "\"address\":\"上海市奉贤区 \\\"A\\\" 座\\\\2\","
                + "\"empty\":\"\","
                + "\"name\":\"上海钧塔起重设备维修有限公司\","
                + "\"note\":\"a\\nb\\tc\\u0001\\u001f\\b\\f\\r\u007f\u2028é\","
                + "\"Ａ\":\"fullwidth A\","
                + "\"😀\":\"emoji 😀\"},"
                + "\"kind\":\"LICENCE\","
                + "\"recordedAt\":\"2026-11-18T18:25:00Z\","
                + "\"source\":\"REGULATOR\","
                + "\"validTo\":\"2054-03-03\"}";
        assertEquals(expected, RegistryRecordSignature.canonicalJson(KIND, SOURCE, f, null, TO, AT));
        assertArrayEquals(expected.getBytes(StandardCharsets.UTF_8),
                RegistryRecordSignature.canonicalBytes(KIND, SOURCE, f, null, TO, AT));
    }

    @Test
    void canonicalFormOfAPlainRecord() {
        assertEquals("{\"fields\":{\"address\":\"上海市奉贤区环城东路1696号8幢5层503室\",\"name\":\"上海钧塔起重设备维修有限公司\","
                        + "\"scope\":\"一般项目：技术服务。许可项目：特种设备安装改造修理。\",\"status\":\"存续\","
                        + "\"uscc\":\"91310120MA17L7TN16\"},\"kind\":\"LICENCE\",\"recordedAt\":\"2026-11-18T18:25:00Z\","
                        + "\"source\":\"REGULATOR\",\"validFrom\":\"2024-03-04\",\"validTo\":\"2054-03-03\"}",
                RegistryRecordSignature.canonicalJson(KIND, SOURCE, licenceFields(), FROM, TO, AT));
        assertEquals("{\"fields\":{},\"kind\":\"IDENTITY\",\"recordedAt\":\"2026-11-18T01:30:00.500Z\",\"source\":\"REGULATOR\"}",
                RegistryRecordSignature.canonicalJson("IDENTITY", SOURCE, Map.of(), null, null,
                        OffsetDateTime.parse("2026-11-18T09:30:00.5+08:00")));
    }

    @Test
    void canonicalFormIgnoresFieldOrderAndOffsetButNotTheInstant() {
        Map<String, String> reordered = new TreeMap<>(java.util.Comparator.reverseOrder());
        reordered.putAll(licenceFields());
        byte[] a = RegistryRecordSignature.canonicalBytes(KIND, SOURCE, licenceFields(), FROM, TO, AT);
        assertArrayEquals(a, RegistryRecordSignature.canonicalBytes(KIND, SOURCE, reordered, FROM, TO, AT));
        assertArrayEquals(a, RegistryRecordSignature.canonicalBytes(KIND, SOURCE, licenceFields(), FROM, TO,
                OffsetDateTime.parse("2026-11-18T18:25:00Z")), "same instant, other offset");
        assertFalse(java.util.Arrays.equals(a, RegistryRecordSignature.canonicalBytes(KIND, SOURCE, licenceFields(), FROM,
                TO, OffsetDateTime.parse("2026-11-19T02:25:00+09:00"))));
    }

    @Test
    void unpairedSurrogateIsRejected() {
        Map<String, String> f = Map.of("name", "bad \uD83D end");
        assertThrows(IllegalArgumentException.class,
                () -> RegistryRecordSignature.canonicalJson(KIND, SOURCE, f, null, null, AT));
        KeyPair kp = Sm2.generateKeyPair();
        String keyId = Sm2.fingerprint(kp.getPublic());
        assertEquals(Result.INVALID, RegistryRecordSignature.verify("MEUCIQ==", keyId, Map.of(keyId, kp.getPublic()),
                KIND, SOURCE, f, null, null, AT));
    }

    // ------------------------------------------------------------------ sign and verify

    @Test
    void validSignatureVerifies() {
        KeyPair kp = Sm2.generateKeyPair();
        String keyId = Sm2.fingerprint(kp.getPublic());
        String sig = RegistryRecordSignature.sign(kp.getPrivate(), KIND, SOURCE, licenceFields(), FROM, TO, AT);
        assertEquals(sig, RegistryRecordSignature.sign(kp.getPrivate(), KIND, SOURCE, licenceFields(), FROM, TO, AT),
                "deterministic");
        assertEquals(Result.VALID, RegistryRecordSignature.verify(sig, keyId, Map.of(keyId, kp.getPublic()),
                KIND, SOURCE, licenceFields(), FROM, TO, AT));
    }

    @Test
    void tamperedRecordIsInvalid() {
        KeyPair kp = Sm2.generateKeyPair();
        String keyId = Sm2.fingerprint(kp.getPublic());
        Map<String, PublicKey> trusted = Map.of(keyId, kp.getPublic());
        String sig = RegistryRecordSignature.sign(kp.getPrivate(), KIND, SOURCE, licenceFields(), FROM, TO, AT);

        Map<String, String> changed = licenceFields();
        changed.put("address", "上海市奉贤区环城东路1696号8幢5层504室");
        assertEquals(Result.INVALID, RegistryRecordSignature.verify(sig, keyId, trusted, KIND, SOURCE, changed, FROM, TO, AT));
        Map<String, String> added = licenceFields();
        added.put("nameEn", "Shanghai Junta");
        assertEquals(Result.INVALID, RegistryRecordSignature.verify(sig, keyId, trusted, KIND, SOURCE, added, FROM, TO, AT));
        assertEquals(Result.INVALID, RegistryRecordSignature.verify(sig, keyId, trusted, KIND, SOURCE, licenceFields(),
                FROM, TO.plusDays(1), AT));
        assertEquals(Result.INVALID, RegistryRecordSignature.verify(sig, keyId, trusted, KIND, SOURCE, licenceFields(),
                null, TO, AT));
        assertEquals(Result.INVALID, RegistryRecordSignature.verify(sig, keyId, trusted, KIND, "PLATFORM", licenceFields(),
                FROM, TO, AT));
        assertEquals(Result.INVALID, RegistryRecordSignature.verify(sig, keyId, trusted, KIND, SOURCE, licenceFields(),
                FROM, TO, AT.plusSeconds(1)));
    }

    @Test
    void signatureOfAnotherKeyUnderATrustedKeyIdIsInvalid() {
        KeyPair trustedPair = Sm2.generateKeyPair();
        KeyPair otherPair = Sm2.generateKeyPair();
        String keyId = Sm2.fingerprint(trustedPair.getPublic());
        String sig = RegistryRecordSignature.sign(otherPair.getPrivate(), KIND, SOURCE, licenceFields(), FROM, TO, AT);
        assertEquals(Result.INVALID, RegistryRecordSignature.verify(sig, keyId, Map.of(keyId, trustedPair.getPublic()),
                KIND, SOURCE, licenceFields(), FROM, TO, AT));
    }

    @Test
    void unknownIssuer() {
        KeyPair kp = Sm2.generateKeyPair();
        KeyPair trustedPair = Sm2.generateKeyPair();
        String sig = RegistryRecordSignature.sign(kp.getPrivate(), KIND, SOURCE, licenceFields(), FROM, TO, AT);
        Map<String, PublicKey> trusted = Map.of(Sm2.fingerprint(trustedPair.getPublic()), trustedPair.getPublic());
        assertEquals(Result.UNKNOWN_ISSUER, RegistryRecordSignature.verify(sig, Sm2.fingerprint(kp.getPublic()), trusted,
                KIND, SOURCE, licenceFields(), FROM, TO, AT));
        assertEquals(Result.UNKNOWN_ISSUER, RegistryRecordSignature.verify(sig, Sm2.fingerprint(kp.getPublic()), Map.of(),
                KIND, SOURCE, licenceFields(), FROM, TO, AT));
    }

    @Test
    void missingSignatureOrKeyId() {
        KeyPair kp = Sm2.generateKeyPair();
        String keyId = Sm2.fingerprint(kp.getPublic());
        Map<String, PublicKey> trusted = Map.of(keyId, kp.getPublic());
        String sig = RegistryRecordSignature.sign(kp.getPrivate(), KIND, SOURCE, licenceFields(), FROM, TO, AT);
        for (String[] c : new String[][] {{null, keyId}, {"", keyId}, {"  ", keyId}, {sig, null}, {sig, ""}, {sig, " "},
            {null, null}}) {
            assertEquals(Result.MISSING, RegistryRecordSignature.verify(c[0], c[1], trusted, KIND, SOURCE, licenceFields(),
                    FROM, TO, AT), c[0] + " / " + c[1]);
        }
    }

    @Test
    void malformedSignatureIsInvalid() {
        KeyPair kp = Sm2.generateKeyPair();
        String keyId = Sm2.fingerprint(kp.getPublic());
        Map<String, PublicKey> trusted = Map.of(keyId, kp.getPublic());
        String sig = RegistryRecordSignature.sign(kp.getPrivate(), KIND, SOURCE, licenceFields(), FROM, TO, AT);
        for (String bad : List.of("not base64!", "@@@@", "MEUCIQ", sig.substring(1), sig + "A",
                Base64.getEncoder().encodeToString("garbage bytes".getBytes(StandardCharsets.UTF_8)))) {
            assertEquals(Result.INVALID, RegistryRecordSignature.verify(bad, keyId, trusted, KIND, SOURCE, licenceFields(),
                    FROM, TO, AT), bad);
        }
    }

    // ------------------------------------------------------------------ the demo dataset

    private record Item(String caseNo, List<String> scenarios, JsonNode evidence) {
        String kind() {
            return evidence.get("kind").asText();
        }

        String source() {
            return evidence.get("source").asText();
        }

        Map<String, String> fields() {
            Map<String, String> f = new LinkedHashMap<>();
            evidence.get("fields").fields().forEachRemaining(e -> f.put(e.getKey(), e.getValue().asText()));
            return f;
        }

        LocalDate date(String name) {
            JsonNode n = evidence.get(name);
            return n == null || n.isNull() ? null : LocalDate.parse(n.asText());
        }

        OffsetDateTime recordedAt() {
            return OffsetDateTime.parse(evidence.get("recordedAt").asText());
        }

        String sig(String member) {
            JsonNode s = evidence.get("signature");
            return s == null ? null : s.get(member).asText();
        }

        Result verify(Map<String, PublicKey> trusted) {
            return RegistryRecordSignature.verify(sig("value"), sig("keyId"), trusted, kind(), source(), fields(),
                    date("validFrom"), date("validTo"), recordedAt());
        }

        byte[] canonical() {
            return RegistryRecordSignature.canonicalBytes(kind(), source(), fields(), date("validFrom"), date("validTo"),
                    recordedAt());
        }
    }

    private static List<Item> datasetItems() throws IOException {
        JsonNode cases = new ObjectMapper().readTree(DATASET.resolve("cases.json").toFile());
        List<Item> items = new ArrayList<>();
        for (JsonNode c : cases) {
            List<String> scenarios = new ArrayList<>();
            c.get("scenarios").forEach(s -> scenarios.add(s.asText()));
            for (JsonNode e : c.get("evidence")) {
                items.add(new Item(c.get("caseNo").asText(), scenarios, e));
            }
        }
        return items;
    }

    private static Map<String, PublicKey> datasetIssuers() throws IOException {
        JsonNode issuers = new ObjectMapper().readTree(DATASET.resolve("issuers.json").toFile());
        Map<String, PublicKey> trusted = new HashMap<>();
        for (JsonNode i : issuers) {
            PublicKey key = Sm2.decodePublicKeyPem(i.get("publicKeyPem").asText());
            assertEquals(Sm2.fingerprint(key), i.get("keyId").asText(), "keyId is the key's fingerprint");
            assertTrue(i.get("name").asText().contains("demo only"));
            trusted.put(i.get("keyId").asText(), key);
        }
        return trusted;
    }

    private static PrivateKey key(Path pem) throws IOException {
        return Sm2.decodePrivateKeyPem(Files.readString(pem, StandardCharsets.US_ASCII));
    }

    /**
     * Proves the generator's copy of the canonical form and of deterministic signing agrees with this class: every
     * REGULATOR record verifies, except the three signature scenarios, and re-signing reproduces the stored values.
     */
    @Test
    void demoDatasetSignaturesVerify() throws IOException {
        Map<String, PublicKey> trusted = datasetIssuers();
        PrivateKey issuer = key(ISSUER_KEY);
        PrivateKey unknown = key(UNKNOWN_ISSUER_KEY);
        String issuerId = Sm2.fingerprint(Sm2.publicKeyOf(issuer));
        String unknownId = Sm2.fingerprint(Sm2.publicKeyOf(unknown));
        assertEquals(Map.of(issuerId, Sm2.publicKeyOf(issuer)).keySet(), trusted.keySet(),
                "issuers.json lists exactly the demo issuer");

        Map<Result, Integer> counts = new TreeMap<>();
        int regulator = 0;
        for (Item it : datasetItems()) {
            if (!it.source().equals("REGULATOR")) {
                assertNull(it.evidence().get("signature"), it.caseNo() + ": only registry records are signed");
                continue;
            }
            regulator++;
            Result r = it.verify(trusted);
            counts.merge(r, 1, Integer::sum);
            boolean licence = it.kind().equals("LICENCE");
            if (licence && it.scenarios().contains("SIGNATURE_MISSING")) {
                assertEquals(Result.MISSING, r, it.caseNo());
                assertNull(it.evidence().get("signature"), it.caseNo());
            } else if (licence && it.scenarios().contains("SIGNATURE_UNKNOWN_ISSUER")) {
                assertEquals(Result.UNKNOWN_ISSUER, r, it.caseNo());
                assertEquals(unknownId, it.sig("keyId"));
                assertEquals(Result.VALID, it.verify(Map.of(unknownId, Sm2.publicKeyOf(unknown))),
                        "signed correctly, by a key that is not trusted");
            } else if (licence && it.scenarios().contains("SIGNATURE_INVALID")) {
                assertEquals(Result.INVALID, r, it.caseNo());
                assertEquals(issuerId, it.sig("keyId"));
                // The signature covers the scope without its 许可项目 clause, which was added after signing.
                Map<String, String> original = it.fields();
                String scope = original.get("scope");
                original.put("scope", scope.substring(0, scope.indexOf("许可项目")));
                assertEquals(it.sig("value"), RegistryRecordSignature.sign(issuer, it.kind(), it.source(), original,
                        it.date("validFrom"), it.date("validTo"), it.recordedAt()));
            } else {
                assertEquals(Result.VALID, r, it.caseNo() + " " + it.kind());
                assertEquals(issuerId, it.sig("keyId"));
                assertEquals(it.sig("value"), RegistryRecordSignature.sign(issuer, it.kind(), it.source(), it.fields(),
                        it.date("validFrom"), it.date("validTo"), it.recordedAt()), "deterministic, byte-identical");
            }
        }
        assertEquals(1, counts.get(Result.MISSING));
        assertEquals(1, counts.get(Result.UNKNOWN_ISSUER));
        assertEquals(1, counts.get(Result.INVALID));
        assertEquals(regulator - 3, counts.get(Result.VALID));
        assertTrue(regulator > 100, "all registry records were seen: " + regulator);
    }

    /** The manual check of docs/registry-signature.md, with stock OpenSSL, on a dataset record. */
    @Test
    void demoDatasetRecordVerifiesWithOpenSsl() throws Exception {
        Assumptions.assumeTrue(Sm2Test.opensslAvailable(), "no OpenSSL 3 on PATH");
        JsonNode issuers = new ObjectMapper().readTree(DATASET.resolve("issuers.json").toFile());
        Path pub = Files.writeString(tmp.resolve("pub.pem"), issuers.get(0).get("publicKeyPem").asText());
        Item valid = null;
        Item tampered = null;
        for (Item it : datasetItems()) {
            if (it.kind().equals("LICENCE") && it.source().equals("REGULATOR")) {
                if (valid == null && it.scenarios().isEmpty()) {
                    valid = it;
                }
                if (it.scenarios().contains("SIGNATURE_INVALID")) {
                    tampered = it;
                }
            }
        }
        assertEquals("Signature Verified Successfully", opensslVerify(pub, valid).trim());
        assertNotEquals("Signature Verified Successfully", opensslVerify(pub, tampered).trim());

        Sm2Test.Run keyId = Sm2Test.openssl(tmp, "pkey", "-pubin", "-in", pub.toString(), "-outform", "DER",
                "-out", tmp.resolve("pub.der").toString());
        assertEquals(0, keyId.exit(), keyId.output());
        assertEquals(valid.sig("keyId"), Sm3.hex(Files.readAllBytes(tmp.resolve("pub.der"))));
    }

    private String opensslVerify(Path pub, Item it) throws IOException {
        Path canonical = Files.write(tmp.resolve("canonical.bin"), it.canonical());
        Path sig = Files.write(tmp.resolve("sig.der"), Base64.getDecoder().decode(it.sig("value")));
        return Sm2Test.openssl(tmp, "pkeyutl", "-verify", "-pubin", "-inkey", pub.toString(), "-rawin",
                "-in", canonical.toString(), "-sigfile", sig.toString(), "-digest", "sm3",
                "-pkeyopt", "distid:1234567812345678").output();
    }
}
