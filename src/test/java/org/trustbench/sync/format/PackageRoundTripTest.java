package org.trustbench.sync.format;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trustbench.crypto.Sm2;

/** Write a package with real SM2 keys and a real ZIP file, verify it, read back exactly what went in. */
class PackageRoundTripTest {

    @TempDir
    Path tmp;

    @Test
    void outboundPackageRoundTrips() throws Exception {
        Path file = Fixtures.outbound(tmp, "out.zip");
        try (VerifiedPackage p = PackageVerifier.verify(file, Fixtures.trusted(Fixtures.WORKSTATION), Limits.DEFAULT)) {
            Manifest m = p.manifest();
            assertEquals(Fixtures.outboundHeader(1, 5), m.header());
            assertEquals(Sm2.fingerprint(Fixtures.WORKSTATION.getPublic()), p.signerKeyId());
            assertEquals(Map.of(RecordType.DECISION, 3L, RecordType.INSPECTION, 1L, RecordType.SIGNOFF, 1L), m.counts());
            assertEquals("{\"decision\":3,\"inspection\":1,\"signoff\":1}", m.countsJson());
            assertEquals(List.of("records/decision.jsonl", "records/inspection.jsonl", "records/signoff.jsonl",
                    "attachments/" + min(Fixtures.PHOTO_SM3, Fixtures.SCAN_SM3),
                    "attachments/" + max(Fixtures.PHOTO_SM3, Fixtures.SCAN_SM3)),
                    m.entries().stream().map(ManifestEntry::path).toList());
            assertEquals(List.of(Fixtures.decision(1, "BA-310115-2026-000180"), Fixtures.decision(2, "BA-310115-2026-000181"),
                    Fixtures.decision(4, "BA-310115-2026-000182")), Fixtures.readAll(p, RecordType.DECISION));
            assertEquals(List.of(Fixtures.signoff(3, 2, "BA-310115-2026-000181")), Fixtures.readAll(p, RecordType.SIGNOFF));
            List<Long> lines = new java.util.ArrayList<>();
            p.forEachRecord(RecordType.DECISION, r -> lines.add(r.line()));
            assertEquals(List.of(1L, 2L, 3L), lines);
            try (InputStream in = p.openAttachment(Fixtures.SCAN_SM3)) {
                assertArrayEquals(Fixtures.SCAN, in.readAllBytes());
            }
            try (InputStream in = p.openAttachment(Fixtures.PHOTO_SM3)) {
                assertArrayEquals(Fixtures.PHOTO, in.readAllBytes());
            }
            p.requireDirection(Direction.OUTBOUND);
            p.requireDemo(true);
            assertEquals(PackageProblem.WRONG_DIRECTION,
                    assertThrows(PackageException.class, () -> p.requireDirection(Direction.INBOUND)).problem());
            assertEquals(PackageProblem.DEMO_INTO_REAL, assertThrows(PackageException.class, () -> p.requireDemo(false)).problem());
        }
    }

    @Test
    void sameInputsGiveTheSameBytesAndNoTemporaryFilesRemain() throws Exception {
        Path a = Fixtures.outbound(tmp, "a.zip");
        Path b = Fixtures.outbound(tmp, "b.zip");
        assertArrayEquals(Files.readAllBytes(a), Files.readAllBytes(b));
        try (Stream<Path> files = Files.list(tmp)) {
            assertEquals(List.of("a.zip", "b.zip"), files.map(f -> f.getFileName().toString()).sorted().toList());
        }
    }

    @Test
    void bytesDoNotDependOnTheTimeZone() throws Exception {
        java.util.TimeZone saved = java.util.TimeZone.getDefault();
        try {
            java.util.TimeZone.setDefault(java.util.TimeZone.getTimeZone("Asia/Shanghai"));
            Path shanghai = Fixtures.outbound(tmp, "sh.zip");
            java.util.TimeZone.setDefault(java.util.TimeZone.getTimeZone("America/Los_Angeles"));
            Path losAngeles = Fixtures.outbound(tmp, "la.zip");
            assertArrayEquals(Files.readAllBytes(shanghai), Files.readAllBytes(losAngeles));
        } finally {
            java.util.TimeZone.setDefault(saved);
        }
    }

    @Test
    void progressAndCancellation() throws Exception {
        long[] last = {0, 0};
        Path file = tmp.resolve("p.zip");
        try (PackageWriter w = PackageWriter.create(file, Fixtures.WORKSTATION.getPrivate(), Fixtures.outboundHeader(1, 1))) {
            w.writeRecords(RecordType.INSPECTION, List.of(Fixtures.inspection(1, "BA-1", Fixtures.SCAN_SM3)).iterator());
            w.addAttachment(Fixtures.SCAN_SM3, Fixtures.SCAN);
            w.finish((done, total) -> {
                last[0] = done;
                last[1] = total;
            });
        }
        assertTrue(last[1] > Fixtures.SCAN.length && last[0] == last[1], last[0] + "/" + last[1]);
        try (VerifiedPackage p = PackageVerifier.verify(file, Fixtures.trusted(Fixtures.WORKSTATION), Limits.DEFAULT,
                (done, total) -> last[0] = done)) {
            assertEquals(p.manifest().entries().stream().mapToLong(ManifestEntry::size).sum(), last[0]);
        }
        java.util.concurrent.CancellationException stop = new java.util.concurrent.CancellationException("stop");
        Progress cancel = (done, total) -> {
            throw stop;
        };
        assertThrows(java.util.concurrent.CancellationException.class,
                () -> PackageVerifier.verify(file, Fixtures.trusted(Fixtures.WORKSTATION), Limits.DEFAULT, cancel));
        Path cancelled = tmp.resolve("c.zip");
        try (PackageWriter w = PackageWriter.create(cancelled, Fixtures.WORKSTATION.getPrivate(), Fixtures.outboundHeader(1, 1))) {
            w.writeRecords(RecordType.INSPECTION, List.of(Fixtures.inspection(1, "BA-1", Fixtures.SCAN_SM3)).iterator());
            w.addAttachment(Fixtures.SCAN_SM3, Fixtures.SCAN);
            assertThrows(java.util.concurrent.CancellationException.class, () -> w.finish(cancel));
        }
        try (Stream<Path> files = Files.list(tmp)) {
            assertEquals(List.of("p.zip"), files.map(f -> f.getFileName().toString()).toList(), "cancel leaves no trace");
        }
    }

    @Test
    void abortLeavesNothingAndTheTargetUntouched() throws Exception {
        Path target = tmp.resolve("x.zip");
        Files.writeString(target, "previous");
        try (PackageWriter w = PackageWriter.create(target, Fixtures.WORKSTATION.getPrivate(), Fixtures.outboundHeader(1, 1))) {
            w.writeRecords(RecordType.DECISION, List.of(Fixtures.decision(1, "BA-1")).iterator());
            w.abort();
        }
        try (Stream<Path> files = Files.list(tmp)) {
            assertEquals(List.of(target), files.toList());
        }
        assertEquals("previous", Files.readString(target));
    }

    @Test
    void writerRefusesWhatTheVerifierWouldRefuse() throws Exception {
        try (PackageWriter w = PackageWriter.create(tmp.resolve("w.zip"), Fixtures.WORKSTATION.getPrivate(),
                Fixtures.outboundHeader(1, 2))) {
            RecordSink sink = w.openRecords(RecordType.DECISION);
            JsonNode bad = Fixtures.decision(1, "BA-1").put("decidedAt", "2026-11-20 09:00");
            PackageException e = assertThrows(PackageException.class, () -> sink.write(bad));
            assertEquals(PackageProblem.FIELD_INSTANT, e.problem());
            assertEquals("decidedAt", e.field());
            assertEquals(1, e.line());
            sink.write(Fixtures.decision(1, "BA-1"));
            assertEquals(PackageProblem.SEQUENCE_OUT_OF_RANGE,
                    assertThrows(PackageException.class, () -> sink.write(Fixtures.decision(3, "BA-1"))).problem());
            sink.close();
            // sequence 2 never written
            assertEquals(PackageProblem.SEQUENCE_GAP, assertThrows(PackageException.class, w::finish).problem());
        }
        try (Stream<Path> files = Files.list(tmp)) {
            assertEquals(0, files.count(), "a failed finish aborts and cleans up");
        }
    }

    @Test
    void attachmentWithWrongDigestIsRefusedByTheWriter() throws Exception {
        try (PackageWriter w = PackageWriter.create(tmp.resolve("w.zip"), Fixtures.WORKSTATION.getPrivate(),
                Fixtures.outboundHeader(1, 1))) {
            PackageException e = assertThrows(PackageException.class, () -> w.addAttachment(Fixtures.PHOTO_SM3, Fixtures.SCAN));
            assertEquals(PackageProblem.DIGEST_MISMATCH, e.problem());
        }
    }

    @Test
    void inboundPackageWithoutSequence() throws Exception {
        Path file = tmp.resolve("in.zip");
        try (PackageWriter w = PackageWriter.create(file, Fixtures.CENTRAL.getPrivate(), Fixtures.inboundHeader())) {
            w.writeRecords(RecordType.ISSUER_KEY, List.of(Fixtures.parse("""
                    {"action":"ADD","keyId":"%s","name":"市场监管局登记签名密钥","publicKeyPem":%s,
                     "effectiveAt":"2026-11-01T00:00:00+08:00"}""".formatted(Sm2.fingerprint(Fixtures.CENTRAL.getPublic()),
                    Fixtures.JSON.writeValueAsString(Sm2.encodePublicKeyPem(Fixtures.CENTRAL.getPublic()))))).iterator());
            w.finish();
        }
        try (VerifiedPackage p = PackageVerifier.verify(file, Fixtures.trusted(Fixtures.CENTRAL), Limits.DEFAULT)) {
            assertEquals(null, p.manifest().header().sequence());
            assertEquals(1, p.manifest().count(RecordType.ISSUER_KEY));
            assertTrue(Fixtures.readAll(p, RecordType.CASE).isEmpty());
        }
    }

    private static String min(String a, String b) {
        return a.compareTo(b) < 0 ? a : b;
    }

    private static String max(String a, String b) {
        return a.compareTo(b) < 0 ? b : a;
    }
}
