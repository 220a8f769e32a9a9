package org.trustbench.sync.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.security.PublicKey;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trustbench.crypto.RegistryRecordSignature;
import org.trustbench.crypto.Sm2;

/** The whole demo dataset travels as an inbound package, and its registry signatures still verify on arrival. */
class DemoDatasetPackageTest {

    @TempDir
    Path tmp;

    @Test
    void demoDatasetAsInboundPackage() throws Exception {
        List<com.fasterxml.jackson.databind.node.ObjectNode> cases = DemoDatasetPackages.caseRecords();
        JsonNode issuer = Fixtures.JSON.readTree(DemoDatasetPackages.DATASET.resolve("issuers.json").toFile()).get(0);
        JsonNode issuerKey = Fixtures.parse("""
                {"action":"ADD","keyId":"%s","name":%s,"publicKeyPem":%s,"effectiveAt":"2026-11-01T00:00:00+08:00"}"""
                .formatted(issuer.get("keyId").asText(), issuer.get("name"), issuer.get("publicKeyPem")));
        Path file = tmp.resolve("demo-central.zip");
        try (PackageWriter w = PackageWriter.create(file, Fixtures.CENTRAL.getPrivate(), Fixtures.inboundHeader())) {
            try (RecordSink sink = w.openRecords(RecordType.CASE)) {
                for (JsonNode c : cases) {
                    sink.write(c);
                }
            }
            w.writeRecords(RecordType.REGISTRY_UPDATE, List.of(DemoDatasetPackages.registryUpdate()).iterator());
            w.writeRecords(RecordType.ISSUER_KEY, List.of(issuerKey).iterator());
            for (var a : DemoDatasetPackages.attachments().entrySet()) {
                w.addAttachment(a.getKey(), a.getValue());
            }
            w.finish();
        }
        try (VerifiedPackage p = PackageVerifier.verify(file, Fixtures.trusted(Fixtures.CENTRAL), Limits.DEFAULT)) {
            p.requireDirection(Direction.INBOUND);
            assertEquals(cases, Fixtures.readAll(p, RecordType.CASE));
            assertEquals(cases.size(), p.manifest().count(RecordType.CASE));
            assertEquals(DemoDatasetPackages.attachments().size(), p.manifest().attachments().size());

            Map<String, PublicKey> issuers = Map.of(issuer.get("keyId").asText(),
                    Sm2.decodePublicKeyPem(issuer.get("publicKeyPem").asText()));
            Map<RegistryRecordSignature.Result, Integer> results = new EnumMap<>(RegistryRecordSignature.Result.class);
            p.forEachRecord(RecordType.CASE, r -> r.json().get("evidence").forEach(e -> {
                if (e.get("source").asText().equals("REGULATOR")) {
                    results.merge(check(e, issuers), 1, Integer::sum);
                }
            }));
            assertEquals(1, results.get(RegistryRecordSignature.Result.INVALID), results.toString());
            assertEquals(1, results.get(RegistryRecordSignature.Result.UNKNOWN_ISSUER), results.toString());
            assertEquals(1, results.get(RegistryRecordSignature.Result.MISSING), results.toString());
            assertTrue(results.get(RegistryRecordSignature.Result.VALID) > 30, results.toString());
        }
    }

    private static RegistryRecordSignature.Result check(JsonNode e, Map<String, PublicKey> issuers) {
        Map<String, String> fields = new LinkedHashMap<>();
        e.get("fields").fields().forEachRemaining(f -> fields.put(f.getKey(), f.getValue().asText()));
        JsonNode sig = e.get("signature");
        return RegistryRecordSignature.verify(sig == null ? null : sig.get("value").asText(),
                sig == null ? null : sig.get("keyId").asText(), issuers, e.get("kind").asText(), e.get("source").asText(),
                fields, date(e.get("validFrom")), date(e.get("validTo")), OffsetDateTime.parse(e.get("recordedAt").asText()));
    }

    private static LocalDate date(JsonNode n) {
        return n == null || n.isNull() ? null : LocalDate.parse(n.asText());
    }
}
