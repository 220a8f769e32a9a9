package org.trustbench.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.trustbench.db.jooq.Tables.ATTACHMENT_BLOB;
import static org.trustbench.db.jooq.Tables.FILING_CASE;
import static org.trustbench.db.jooq.Tables.TRUSTED_ISSUER;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trustbench.app.AppServices;
import org.trustbench.crypto.Sm3;
import org.trustbench.db.DataFolder;
import org.trustbench.db.Workspace;
import org.trustbench.domain.Attachment;
import org.trustbench.domain.EvidenceItem;
import org.trustbench.domain.FilingCase;
import org.trustbench.domain.TrustedIssuer;
import org.trustbench.sync.format.PackageException;
import org.trustbench.sync.format.Direction;
import org.trustbench.sync.format.ManifestHeader;
import org.trustbench.sync.format.PackageMutations;
import org.trustbench.sync.format.PackageWriter;
import org.trustbench.sync.format.RecordType;
import org.trustbench.training.Dataset;
import org.trustbench.training.DatasetReader;
import org.trustbench.training.DatasetSource;

/**
 * The fuzz requirement of issue #5 at the import level: a small signed inbound package (cases with evidence and
 * attachments, issuer keys) is mutated (bit flips, byte edits, truncation, entry reordering, junk) and each mutant is
 * imported into a real store. A mutant is either refused with a PackageException naming the entry, and the store is
 * left exactly as it was, or it is applied completely: every case, evidence item, attachment and issuer key as a
 * clean import of the original gives, and then it counts as already imported.
 *
 * <p>{@code -Dfuzz.import.iterations=N -Dfuzz.seed=S} for a longer campaign.
 */
class ImportFuzzTest {

    private static final int ITERATIONS = Integer.getInteger("fuzz.import.iterations", 800);
    private static final long SEED = Long.getLong("fuzz.seed", 20261126L) + 7;
    private static final ClassLoader LOADER = ImportFuzzTest.class.getClassLoader();
    private static final Path DEMO_KEY = Path.of(DemoPackageService.DEFAULT_KEY_FILE);
    private static final UUID PACKAGE_ID = UUID.fromString("0b7e4f0c-5a35-4f6e-9d52-1f2e3d4c5b6a");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;
    private Clock clock;

    @Test
    void mutatedInboundPackagesAreRefusedWithoutTraceOrImportedCompletely() throws Exception {
        Dataset dataset = DatasetReader.read(DatasetSource.classpath("default", LOADER));
        clock = Clock.fixed(dataset.referenceDate().atTime(12, 0).atZone(SyncCrashChild.ZONE).toInstant(), SyncCrashChild.ZONE);
        Path original = tmp.resolve("small.tbsync");
        writeSmall(dataset, 3, original);
        byte[] valid = Files.readAllBytes(original);

        Path template = tmp.resolve("template");
        try (AppServices s = AppServices.open(new DataFolder(template), Workspace.DEMO, clock)) {
            s.trust().trustDemoCentral("test", LOADER);
        }
        Path referenceFolder = tmp.resolve("reference");
        StoreState.copyFolder(template, referenceFolder);
        StoreState after;
        Map<String, Object> expected;
        try (AppServices s = AppServices.open(new DataFolder(referenceFolder), Workspace.DEMO, clock)) {
            assertEquals(3, s.importer().importPackage(original, "fuzz", () -> false).caseIds().size());
            after = StoreState.of(s);
            expected = contents(s);
        }

        Random random = new Random(SEED);
        Map<String, Integer> outcomes = new TreeMap<>();
        Set<String> importedMutants = new HashSet<>();
        Path file = tmp.resolve("mutant.tbsync");
        Path storeFolder = tmp.resolve("fuzz");
        StoreState.copyFolder(template, storeFolder);
        AppServices[] store = {AppServices.open(new DataFolder(storeFolder), Workspace.DEMO, clock)};
        StoreState before = StoreState.of(store[0]);
        long[] resetNanos = {0};
        long start = System.nanoTime();
        try {
            assertTimeoutPreemptively(Duration.ofMinutes(Math.max(4, ITERATIONS / 500)), () -> {
                for (int i = 0; i < ITERATIONS; i++) {
                    String kind = PackageMutations.mutate(valid, random, file);
                    String where = "mutation " + i + " (" + kind + ", seed " + SEED + ")";
                    String digest = Sm3.hex(Files.readAllBytes(file));
                    if (importedMutants.contains(digest)) {
                        outcomes.merge("valid (same bytes as an imported one)", 1, Integer::sum);
                        continue;
                    }
                    String outcome;
                    try {
                        ImportService.ImportResult r = store[0].importer().importPackage(file, "fuzz", () -> false);
                        assertFalse(r.alreadyImported(), where);
                        assertEquals(after, StoreState.of(store[0]), where + ": still valid, so applied completely");
                        assertEquals(expected, contents(store[0]), where + ": still valid, so applied exactly as the original");
                        assertTrue(store[0].importer().importPackage(original, "fuzz", () -> false).alreadyImported(), where);
                        StoreState.assertInvariants(store[0], where);
                        importedMutants.add(digest);
                        outcome = "valid, imported";
                        long resetStart = System.nanoTime();
                        store[0].close();
                        StoreState.deleteFolder(storeFolder);
                        StoreState.copyFolder(template, storeFolder);
                        store[0] = AppServices.open(new DataFolder(storeFolder), Workspace.DEMO, clock);
                        resetNanos[0] += System.nanoTime() - resetStart;
                    } catch (PackageException e) {
                        Throwable cause = e.getCause();
                        if (cause instanceof RuntimeException && !(cause instanceof PackageException)) {
                            fail(where + " hit an unexpected " + cause, cause);
                        }
                        assertFalse(e.entry() == null || e.entry().isBlank(), where + ": the refusal names the entry: " + e);
                        assertEquals(before, StoreState.of(store[0]), where + ": a refused package leaves no trace");
                        outcome = e.problem().name();
                    } catch (RuntimeException | Error e) {
                        throw new AssertionError(where + " threw " + e, e);
                    }
                    outcomes.merge(outcome, 1, Integer::sum);
                }
            });
        } finally {
            store[0].close();
        }
        System.out.println("import fuzz " + ITERATIONS + " mutations, seed " + SEED + ", " + (System.nanoTime() - start) / 1_000_000
                + " ms (" + resetNanos[0] / 1_000_000 + " ms re-creating stores): " + outcomes);
        assertTrue(outcomes.getOrDefault("valid, imported", 0) > 0, "some mutants stay valid and are imported: " + outcomes);
        assertTrue(outcomes.size() > 5, "reaches many checks: " + outcomes);
    }

    /**
     * The first {@code n} cases that carry attachments, with their attachments and every issuer key, as the DEMO
     * central system writes them (DemoPackageService's records and key), under a fixed package ID and time so that
     * a seed always gives the same mutants.
     */
    private void writeSmall(Dataset d, int n, Path out) throws Exception {
        List<FilingCase> cases = new ArrayList<>();
        Map<String, byte[]> blobs = new TreeMap<>();
        for (FilingCase c : d.batch().cases()) {
            List<Attachment> attachments = c.evidence().stream().flatMap(e -> e.attachments().stream()).toList();
            if (cases.size() < n && !attachments.isEmpty()) {
                cases.add(c);
                attachments.forEach(a -> blobs.put(a.sm3(), d.batch().blobs().get(a.sm3())));
            }
        }
        OffsetDateTime created = OffsetDateTime.now(clock);
        try (PackageWriter w = PackageWriter.create(out, DemoPackageService.readKey(DEMO_KEY), new ManifestHeader(PACKAGE_ID,
                Direction.INBOUND, DemoPackageService.WORKSTATION_ID, null, created, true))) {
            w.writeRecords(RecordType.CASE, cases.stream().map(DemoPackageService::caseRecord).iterator());
            List<ObjectNode> issuers = new ArrayList<>();
            for (TrustedIssuer issuer : d.batch().issuers()) {
                ObjectNode o = JSON.createObjectNode();
                o.put("action", "ADD");
                o.put("keyId", issuer.keyId());
                o.put("name", issuer.name());
                o.put("publicKeyPem", issuer.publicKeyPem());
                o.put("effectiveAt", created.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
                issuers.add(o);
            }
            w.writeRecords(RecordType.ISSUER_KEY, issuers.iterator());
            for (Map.Entry<String, byte[]> blob : blobs.entrySet()) {
                w.addAttachment(blob.getKey(), blob.getValue());
            }
            w.finish();
        }
    }

    /** What the import put in the store: the cases as read back, every blob's digest re-computed, the issuer keys. */
    private static Map<String, Object> contents(AppServices s) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (long id : s.store().dsl().select(FILING_CASE.ID).from(FILING_CASE).orderBy(FILING_CASE.ID).fetch(FILING_CASE.ID)) {
            FilingCase c = s.caseQueueRepository().findCase(id).orElseThrow();
            out.put("case " + c.caseNo(), c);
            for (EvidenceItem e : c.evidence()) {
                out.put("evidence " + c.caseNo() + " " + e.title(), e.attachments().stream().map(Attachment::sm3).toList());
            }
        }
        s.store().dsl().selectFrom(ATTACHMENT_BLOB).orderBy(ATTACHMENT_BLOB.SM3)
                .forEach(b -> {
                    assertEquals(b.getSm3(), Sm3.hex(b.getContent()), "stored blob matches its digest");
                    out.put("blob " + b.getSm3(), b.getContent().length);
                });
        out.put("issuers", s.store().dsl().select(TRUSTED_ISSUER.KEY_ID).from(TRUSTED_ISSUER).orderBy(TRUSTED_ISSUER.KEY_ID)
                .fetch(TRUSTED_ISSUER.KEY_ID));
        return out;
    }
}
