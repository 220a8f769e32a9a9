package org.trustbench.sync.format;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.PublicKey;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.trustbench.crypto.Sm2;
import org.trustbench.crypto.Sm3;

/** Keys, records and packages for the format tests. */
final class Fixtures {

    static final ObjectMapper JSON = new ObjectMapper();
    /** Fixed test keys (made with {@code openssl genpkey -algorithm SM2}), so packages and fuzz runs repeat exactly. */
    static final KeyPair WORKSTATION = pair("""
            -----BEGIN PRIVATE KEY-----
            MIGHAgEAMBMGByqGSM49AgEGCCqBHM9VAYItBG0wawIBAQQgvbLlhb03LzdM/CjG
            bw1QMyS8EyeuBZRi4oyjIjpLgxChRANCAATvqz6VPJq71WosOLXiKbnwiyGmG33e
            Mk0pls7/46rp3AZYXGTWmnFHi8D7M9FWYs7w0ntZdThThI1Y4Rwwe2ZD
            -----END PRIVATE KEY-----
            """);
    static final KeyPair CENTRAL = pair("""
            -----BEGIN PRIVATE KEY-----
            MIGHAgEAMBMGByqGSM49AgEGCCqBHM9VAYItBG0wawIBAQQg3knTiSJ/qXLej6Hi
            sEzP3CheHwp0wF60oXT4uzRwDUWhRANCAARZpvUXDtPBvnT/GgV1/AqrG6PCCD3T
            BfwFsd5+vUvuEXjF8wEhqdb67FC9FERA6S+XBD6iMShiyGGx9BcCXVCX
            -----END PRIVATE KEY-----
            """);
    static final OffsetDateTime CREATED = OffsetDateTime.parse("2026-11-20T09:30:00+08:00");
    static final UUID PACKAGE_ID = UUID.fromString("6f1c2a4e-8b1d-4c3e-9a7f-0123456789ab");
    static final byte[] PHOTO = "premises photo \u2014 not really a JPEG".getBytes(StandardCharsets.UTF_8);
    static final String PHOTO_SM3 = Sm3.hex(PHOTO);
    static final byte[] SCAN = new byte[50_000];

    static {
        for (int i = 0; i < SCAN.length; i++) {
            SCAN[i] = (byte) (i * 31 + i / 7);
        }
    }

    static final String SCAN_SM3 = Sm3.hex(SCAN);

    private Fixtures() {
    }

    private static KeyPair pair(String pem) {
        var key = Sm2.decodePrivateKeyPem(pem);
        return new KeyPair(Sm2.publicKeyOf(key), key);
    }

    static Map<String, PublicKey> trusted(KeyPair... pairs) {
        Map<String, PublicKey> m = new HashMap<>();
        for (KeyPair p : pairs) {
            m.put(Sm2.fingerprint(p.getPublic()), p.getPublic());
        }
        return m;
    }

    static ObjectNode parse(String json) {
        try {
            return (ObjectNode) JSON.readTree(json);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static ManifestHeader outboundHeader(long from, long to) {
        return new ManifestHeader(PACKAGE_ID, Direction.OUTBOUND, "ws-pudong-07", new SequenceRange(from, to), CREATED, true);
    }

    static ManifestHeader inboundHeader() {
        return new ManifestHeader(PACKAGE_ID, Direction.INBOUND, "central", null, CREATED, true);
    }

    static ObjectNode decision(long seq, String caseNo) {
        return parse("""
                {"seq":%d,"decisionId":"ws-pudong-07/%d","caseNo":"%s","outcome":"RETURN",
                 "reasons":["DOCUMENTS_MISSING"],"rationale":"营业执照扫描件缺页","supplements":["RENEWED_CREDENTIAL"],
                 "acknowledged":["CREDENTIAL_EXPIRED"],"overrideJustification":null,
                 "findings":[{"ruleId":"CREDENTIAL_EXPIRED","severity":"BLOCKER","messageKey":"finding.credential.expired",
                              "args":["TSG-2021-0042","2026-09-30"]}],
                 "evidenceDigests":[{"evidenceId":12,"kind":"LICENCE","source":"REGULATOR",
                   "sm3":"7f8df39554f6161d6b42ec2572c6ac7d340173d7172c5ae15da3e38d16bb63a5","attachments":[]}],
                 "decidedBy":"chen.jy","decidedAt":"2026-11-20T09:00:00+08:00","supersedes":null}
                """.formatted(seq, seq, caseNo));
    }

    static ObjectNode signoff(long seq, long decisionSeq, String caseNo) {
        return parse("""
                {"seq":%d,"decisionId":"ws-pudong-07/%d","caseNo":"%s","verdict":"SIGNED_OFF","note":null,
                 "signedBy":"wang.supervisor","signedAt":"2026-11-20T10:15:00+08:00"}
                """.formatted(seq, decisionSeq, caseNo));
    }

    static ObjectNode inspection(long seq, String caseNo, String... attachmentSm3) {
        ObjectNode o = parse("""
                {"seq":%d,"inspectionId":"ws-pudong-07/i%d","caseNo":"%s","providerUscc":"91310115MA1TA3905T",
                 "inspector":"陈静怡","inspectedAt":"2026-11-19T14:05:00+08:00","address":"上海市浦东新区川沙路783弄31号",
                 "gps":"31.1912,121.6985","result":"CONFIRMED","checklist":["SIGNAGE","STAFF"],"notes":null,
                 "attachments":[]}
                """.formatted(seq, seq, caseNo));
        ArrayNode a = (ArrayNode) o.get("attachments");
        for (String sm3 : attachmentSm3) {
            a.addObject().put("sm3", sm3).put("fileName", "photo-" + sm3.substring(0, 6) + ".jpg")
                    .put("mediaType", "image/jpeg");
        }
        return o;
    }

    /** An outbound package: 3 decisions, 1 sign-off, 1 inspection with two photos; sequence 1–5. */
    static Path outbound(Path dir, String name) throws IOException {
        try (PackageWriter w = PackageWriter.create(dir.resolve(name), WORKSTATION.getPrivate(), outboundHeader(1, 5))) {
            w.writeRecords(RecordType.DECISION, List.of(decision(1, "BA-310115-2026-000180"),
                    decision(2, "BA-310115-2026-000181"), decision(4, "BA-310115-2026-000182")).iterator());
            w.writeRecords(RecordType.SIGNOFF, List.of(signoff(3, 2, "BA-310115-2026-000181")).iterator());
            w.writeRecords(RecordType.INSPECTION,
                    List.of(inspection(5, "BA-310115-2026-000182", SCAN_SM3, PHOTO_SM3)).iterator());
            w.addAttachment(PHOTO_SM3, PHOTO);
            w.addAttachment(SCAN_SM3, SCAN);
            return w.finish();
        }
    }

    static List<JsonNode> readAll(VerifiedPackage p, RecordType type) {
        List<JsonNode> out = new ArrayList<>();
        p.forEachRecord(type, r -> out.add(r.json()));
        return out;
    }
}
