package org.trustbench.sync.format;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Mutates a valid package a few thousand times (bit flips, byte edits, truncation, entry reordering, junk). Each
 * mutation is either refused with a PackageException (never another exception, never a hang), or verifies and yields
 * exactly the original records and attachments.
 */
class PackageFuzzTest {

    /** 2,000 by default; {@code -Dfuzz.iterations=N -Dfuzz.seed=S} for a longer campaign. */
    private static final int ITERATIONS = Integer.getInteger("fuzz.iterations", 2_000);
    private static final long SEED = Long.getLong("fuzz.seed", 20261126L);

    @TempDir
    Path tmp;

    @Test
    void mutatedPackagesAreRefusedCleanlyOrReadInFull() throws Exception {
        Path original = tmp.resolve("original.zip");
        try (PackageWriter w = PackageWriter.create(original, Fixtures.WORKSTATION.getPrivate(), Fixtures.outboundHeader(1, 5))) {
            w.writeRecords(RecordType.DECISION, List.of(Fixtures.decision(1, "BA-310115-2026-000180"),
                    Fixtures.decision(2, "BA-310115-2026-000181"), Fixtures.decision(4, "BA-310115-2026-000182")).iterator());
            w.writeRecords(RecordType.SIGNOFF, List.of(Fixtures.signoff(3, 2, "BA-310115-2026-000181")).iterator());
            w.writeRecords(RecordType.INSPECTION, List.of(Fixtures.inspection(5, "BA-1", Fixtures.PHOTO_SM3)).iterator());
            w.addAttachment(Fixtures.PHOTO_SM3, Fixtures.PHOTO);
            w.finish();
        }
        byte[] valid = Files.readAllBytes(original);
        Map<RecordType, List<JsonNode>> expected = contents(original);
        Random random = new Random(SEED);
        Map<String, Integer> outcomes = new TreeMap<>();
        Path file = tmp.resolve("mutant.zip");

        assertTimeoutPreemptively(Duration.ofMinutes(Math.max(3, ITERATIONS / 2_000 * 2)), () -> {
            for (int i = 0; i < ITERATIONS; i++) {
                String kind = mutate(valid, random, file);
                String outcome;
                try {
                    Map<RecordType, List<JsonNode>> got = contents(file);
                    assertEquals(expected, got, "mutation " + i + " (" + kind + ") verified but changed the records");
                    outcome = "valid";
                } catch (PackageException e) {
                    Throwable cause = e.getCause();
                    if (cause instanceof RuntimeException && !(cause instanceof PackageException)) {
                        fail("mutation " + i + " (" + kind + ") hit an unexpected " + cause, cause);
                    }
                    outcome = e.problem().name();
                } catch (RuntimeException | Error e) {
                    throw new AssertionError("mutation " + i + " (" + kind + ") threw " + e, e);
                }
                outcomes.merge(outcome, 1, Integer::sum);
                outcomes.merge("kind " + kind, 1, Integer::sum);
            }
        });
        System.out.println("fuzz " + ITERATIONS + " mutations, seed " + SEED + ": " + outcomes);
        int validCount = outcomes.getOrDefault("valid", 0);
        assertTrue(validCount > 0 && validCount < ITERATIONS, "some survive, most are refused: " + outcomes);
    }

    /**
     * The same for records a trusted signer got wrong: record bytes mutated, then listed and signed correctly, so
     * every mutation reaches the JSON and schema checks. A survivor must read back as exactly the lines in the file.
     */
    @Test
    void signedButMutatedRecordsAreRefusedCleanlyOrReadAsWritten() throws Exception {
        Path original = Fixtures.outbound(tmp, "original.zip");
        Random random = new Random(SEED + 1);
        Map<String, Integer> outcomes = new TreeMap<>();
        Path file = tmp.resolve("mutant.zip");
        List<RecordType> types = List.of(RecordType.DECISION, RecordType.SIGNOFF, RecordType.INSPECTION);
        assertTimeoutPreemptively(Duration.ofMinutes(3), () -> {
            for (int i = 0; i < ITERATIONS / 2; i++) {
                Forge f = Forge.of(original, Fixtures.WORKSTATION.getPrivate());
                RecordType type = types.get(random.nextInt(types.size()));
                byte[] content = f.entries.get(type.entryPath()).clone();
                for (int n = 1 + random.nextInt(3); n > 0; n--) {
                    int at = random.nextInt(content.length);
                    content[at] = random.nextInt(3) == 0 ? (byte) "{}[]\",:0a\n\u00e9".charAt(random.nextInt(11))
                            : (byte) (content[at] ^ (1 << random.nextInt(8)));
                }
                f.put(type.entryPath(), content).write(file);
                try {
                    Map<RecordType, List<JsonNode>> got = contents(file);
                    List<JsonNode> lines = new ArrayList<>();
                    for (String line : new String(content, java.nio.charset.StandardCharsets.UTF_8).split("\n")) {
                        lines.add(Fixtures.JSON.readTree(line));
                    }
                    assertEquals(lines, got.get(type), "mutation " + i + " verified: records must be the file's lines");
                    outcomes.merge("valid", 1, Integer::sum);
                } catch (PackageException e) {
                    Throwable cause = e.getCause();
                    if (cause instanceof RuntimeException && !(cause instanceof PackageException)) {
                        fail("mutation " + i + " hit an unexpected " + cause, cause);
                    }
                    outcomes.merge(e.problem().name(), 1, Integer::sum);
                }
            }
        });
        System.out.println("signed-content fuzz " + ITERATIONS / 2 + " mutations, seed " + (SEED + 1) + ": " + outcomes);
        assertTrue(outcomes.size() > 5, "reaches many checks: " + outcomes);
    }

    /** Verifies and reads everything; the attachment must read back byte for byte. */
    private static Map<RecordType, List<JsonNode>> contents(Path file) throws IOException {
        Map<RecordType, List<JsonNode>> out = new EnumMap<>(RecordType.class);
        try (VerifiedPackage p = PackageVerifier.verify(file, Fixtures.trusted(Fixtures.WORKSTATION), Limits.DEFAULT)) {
            for (RecordType t : RecordType.values()) {
                List<JsonNode> records = Fixtures.readAll(p, t);
                if (!records.isEmpty()) {
                    out.put(t, records);
                }
            }
            for (ManifestEntry a : p.manifest().attachments()) {
                String sm3 = a.path().substring("attachments/".length());
                try (InputStream in = p.openAttachment(sm3)) {
                    assertEquals(sm3, org.trustbench.crypto.Sm3.hex(in.readAllBytes()));
                }
            }
        }
        return out;
    }

    private static String mutate(byte[] valid, Random r, Path file) throws IOException {
        byte[] m;
        String kind;
        int choice = r.nextInt(100);
        if (choice < 40) {
            kind = "bitflip";
            m = valid.clone();
            int at = r.nextInt(m.length);
            m[at] ^= (byte) (1 << r.nextInt(8));
        } else if (choice < 55) {
            kind = "bytes";
            m = valid.clone();
            for (int n = 1 + r.nextInt(8); n > 0; n--) {
                m[r.nextInt(m.length)] = (byte) r.nextInt(256);
            }
        } else if (choice < 65) {
            kind = "tail";
            m = valid.clone();
            int at = Math.max(0, m.length - 1 - r.nextInt(Math.min(m.length, 400)));
            m[at] ^= (byte) (1 << r.nextInt(8));
        } else if (choice < 75) {
            kind = "truncate";
            m = java.util.Arrays.copyOf(valid, r.nextInt(valid.length));
        } else if (choice < 85) {
            kind = "reorder";
            m = reorder(valid, r);
        } else if (choice < 95) {
            kind = "insert-delete";
            int at = r.nextInt(valid.length);
            int n = 1 + r.nextInt(16);
            if (r.nextBoolean()) {
                byte[] junk = new byte[n];
                r.nextBytes(junk);
                m = new byte[valid.length + n];
                System.arraycopy(valid, 0, m, 0, at);
                System.arraycopy(junk, 0, m, at, n);
                System.arraycopy(valid, at, m, at + n, valid.length - at);
            } else {
                n = Math.min(n, valid.length - at);
                m = new byte[valid.length - n];
                System.arraycopy(valid, 0, m, 0, at);
                System.arraycopy(valid, at + n, m, at, valid.length - at - n);
            }
        } else {
            kind = "prepend-append";
            byte[] junk = new byte[1 + r.nextInt(64)];
            r.nextBytes(junk);
            m = new byte[valid.length + junk.length];
            boolean prepend = r.nextBoolean();
            System.arraycopy(junk, 0, m, prepend ? 0 : valid.length, junk.length);
            System.arraycopy(valid, 0, m, prepend ? junk.length : 0, valid.length);
        }
        Files.write(file, m);
        return kind;
    }

    /** The same entries and bytes in another order (sometimes the same order: those stay valid). */
    private static byte[] reorder(byte[] valid, Random r) throws IOException {
        List<Map.Entry<String, byte[]>> entries = new ArrayList<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(valid))) {
            ZipEntry e;
            while ((e = in.getNextEntry()) != null) {
                entries.add(Map.entry(e.getName(), in.readAllBytes()));
            }
        }
        if (r.nextInt(4) == 0) {
            Collections.shuffle(entries, r);
        } else {
            int a = r.nextInt(entries.size());
            int b = r.nextInt(entries.size());
            Collections.swap(entries, a, b);
        }
        return Forge.zip(entries, Map.of());
    }
}
