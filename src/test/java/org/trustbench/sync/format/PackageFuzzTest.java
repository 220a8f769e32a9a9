package org.trustbench.sync.format;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Mutates a valid package a few thousand times (bit flips, byte edits, truncation, entry reordering, junk). Each
 * mutation is either refused with a PackageException (never another exception, never a hang), or verifies and yields
 * exactly the original records and attachments. The same mutations ({@link PackageMutations}) are imported into a
 * real store by {@code org.trustbench.sync.ImportFuzzTest}: refused without a trace, or applied completely.
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
                String kind = PackageMutations.mutate(valid, random, file);
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
}
