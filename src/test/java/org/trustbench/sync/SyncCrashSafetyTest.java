package org.trustbench.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trustbench.app.AppServices;
import org.trustbench.db.DataFolder;
import org.trustbench.db.Workspace;
import org.trustbench.i18n.UserException;
import org.trustbench.sync.format.Limits;
import org.trustbench.sync.format.PackageVerifier;
import org.trustbench.sync.format.RecordType;
import org.trustbench.sync.format.VerifiedPackage;
import org.trustbench.training.DatasetReader;
import org.trustbench.training.DatasetSource;

/**
 * Crash safety of import and export (issue #5): child JVMs run a real import of the signed demo central package, or
 * a real export of decisions recorded through DecisionService, on a real H2 file store, and are killed with SIGKILL
 * at seeded random points: after a random delay, at a chosen poll of the operation's cancel hook (inside the
 * import's transaction, or while the export streams records), the moment the export's package file appears, or
 * after the operation reported success. After each kill the store must open, hold the operation's effects fully or
 * not at all, keep its audit chain and gap-free outbox, and a re-run must complete exactly once.
 *
 * <p>{@code -Dcrash.iterations=N} (kills per direction, default 7) and {@code -Dcrash.seed=S} for a longer run.
 */
class SyncCrashSafetyTest {

    private static final int ITERATIONS = Integer.getInteger("crash.iterations", 7);
    private static final long SEED = Long.getLong("crash.seed", 20261126L);
    private static final Path DEMO_KEY = Path.of(DemoPackageService.DEFAULT_KEY_FILE);
    private static final ClassLoader LOADER = SyncCrashSafetyTest.class.getClassLoader();
    private static final long STEP_TIMEOUT_MS = 180_000;

    @TempDir
    Path tmp;
    private Instant now;
    private Clock clock;

    /** Where the parent kills the child. */
    private sealed interface Plan permits AfterDone, Delay, Pause, OnPackageFile {
        default long pauseAt() {
            return 0;
        }
    }

    private record AfterDone() implements Plan {
    }

    private record Delay(long millis) implements Plan {
    }

    private record Pause(long poll) implements Plan {
        @Override
        public long pauseAt() {
            return poll;
        }
    }

    private record OnPackageFile(Path folder) implements Plan {
    }

    /** What the child reported before it was killed. */
    private record Killed(Plan plan, boolean done, Long millis, Long polls, List<String> output) {
    }

    @BeforeEach
    void clock() {
        var dataset = DatasetReader.read(DatasetSource.classpath("default", LOADER));
        clock = Clock.fixed(dataset.referenceDate().atTime(12, 0).atZone(SyncCrashChild.ZONE).toInstant(), SyncCrashChild.ZONE);
        now = clock.instant();
    }

    @Test
    void aKilledImportIsAppliedFullyOrNotAtAllAndReRunsExactlyOnce() throws Exception {
        Path pkg = tmp.resolve("central.tbsync");
        UUID packageId = new DemoPackageService(LOADER, clock).write(pkg, DEMO_KEY).packageId();
        Path template = tmp.resolve("template");
        StoreState before;
        try (AppServices s = AppServices.open(new DataFolder(template), Workspace.DEMO, clock)) {
            s.trust().trustDemoCentral("test", LOADER);
            before = StoreState.of(s);
        }
        StoreState after;
        int newCases;
        Path reference = tmp.resolve("reference");
        StoreState.copyFolder(template, reference);
        try (AppServices s = AppServices.open(new DataFolder(reference), Workspace.DEMO, clock)) {
            ImportService.ImportResult r = s.importer().importPackage(pkg, "test", () -> false);
            newCases = r.caseIds().size();
            after = StoreState.of(s);
        }
        assertTrue(newCases > 10 && after.caseChecks() == newCases, "the reference import applied and checked the cases");

        Random random = new Random(SEED);
        Map<String, Integer> outcomes = new TreeMap<>();
        Killed calibration = null;
        for (int i = 0; i < ITERATIONS; i++) {
            Path data = tmp.resolve("import-" + i);
            StoreState.copyFolder(template, data);
            Plan plan = i == 0 ? new AfterDone()
                    : random.nextInt(3) == 0 ? new Pause(1 + random.nextInt((int) (long) calibration.polls()))
                    : new Delay(random.nextInt((int) (calibration.millis() * 6 / 5) + 1));
            Killed k = runAndKill("import", data, pkg, plan, i);
            if (i == 0) {
                calibration = k;
            }
            String where = "import kill " + i + " " + plan + " (seed " + SEED + ")";
            try (AppServices s = AppServices.open(new DataFolder(data), Workspace.DEMO, clock)) {
                StoreState found = StoreState.of(s);
                boolean applied = found.core().equals(after.core());
                assertTrue(applied || found.core().equals(before.core()), where + ": half applied: " + found.core()
                        + "\nbefore " + before.core() + "\nafter  " + after.core());
                if (k.done()) {
                    assertTrue(applied, where + ": the child reported the import done, so it must survive SIGKILL");
                }
                if (plan instanceof Pause p && p.poll() > 1) {
                    assertFalse(applied, where + ": killed inside the import's transaction, nothing may be committed");
                }
                StoreState.assertInvariants(s, where);
                // What start-up does (AppServices.prepare): check every case that was never checked.
                s.checks().checkOutdated((d, t) -> { }, () -> false);
                assertEquals(found.core().get("filing_case"), StoreState.of(s).caseChecks(), where + ": every case checked");

                ImportService.ImportResult rerun = s.importer().importPackage(pkg, "test", () -> false);
                assertEquals(packageId, rerun.packageId(), where);
                assertEquals(applied, rerun.alreadyImported(), where + ": re-run applies exactly when the kill left nothing");
                assertEquals(applied ? 0 : newCases, rerun.caseIds().size(), where);
                assertTrue(s.importer().importPackage(pkg, "test", () -> false).alreadyImported(), where + ": then already imported");
                assertEquals(after, StoreState.of(s), where + ": after the re-run the store is as after one clean import");
                StoreState.assertInvariants(s, where);
                outcomes.merge(applied ? "applied before kill" : "nothing applied", 1, Integer::sum);
            }
            outcomes.merge(plan.getClass().getSimpleName(), 1, Integer::sum);
            StoreState.deleteFolder(data);
        }
        System.out.println("import crash safety, " + ITERATIONS + " kills, seed " + SEED + ", calibration "
                + calibration.millis() + " ms / " + calibration.polls() + " polls: " + outcomes);
    }

    @Test
    void aKilledExportMarksAllOrNothingAndReExportsTheRemainingRangeOnce() throws Exception {
        Path template = tmp.resolve("template");
        StoreState before;
        try (AppServices s = AppServices.open(new DataFolder(template), Workspace.DEMO, clock)) {
            s.prepare((d, t) -> { }, () -> false);
            CrashDecisions.record(s);
            before = StoreState.of(s);
        }
        long last = before.core().get("outbox");
        assertTrue(last >= 10 && before.core().get("decision_signoff") > 0, "decisions and sign-offs in the outbox: " + before);

        Path reference = tmp.resolve("reference");
        StoreState.copyFolder(template, reference);
        StoreState after;
        List<String> expectedRecords;
        try (AppServices s = AppServices.open(new DataFolder(reference), Workspace.DEMO, clock)) {
            ExportService.ExportResult r = s.export().export(Files.createDirectories(tmp.resolve("reference-out")), "test",
                    null, null, () -> false);
            assertEquals(1, r.from());
            assertEquals(last, r.to());
            expectedRecords = records(s, r.file());
            after = StoreState.of(s);
        }
        assertEquals(last, expectedRecords.size());

        Random random = new Random(SEED + 1);
        Map<String, Integer> outcomes = new TreeMap<>();
        Killed calibration = null;
        for (int i = 0; i < ITERATIONS; i++) {
            Path data = tmp.resolve("export-" + i);
            Path out = Files.createDirectories(tmp.resolve("export-" + i + "-out"));
            StoreState.copyFolder(template, data);
            int choice = random.nextInt(4);
            Plan plan = i == 0 ? new AfterDone()
                    : choice == 0 ? new Pause(1 + random.nextInt((int) (long) calibration.polls()))
                    : choice == 1 ? new OnPackageFile(out)
                    : new Delay(random.nextInt((int) (calibration.millis() * 6 / 5) + 1));
            Killed k = runAndKill("export", data, out, plan, i);
            if (i == 0) {
                calibration = k;
            }
            String where = "export kill " + i + " " + plan + " (seed " + SEED + ")";
            try (AppServices s = AppServices.open(new DataFolder(data), Workspace.DEMO, clock)) {
                StoreState found = StoreState.of(s);
                boolean marked = found.core().equals(after.core());
                assertTrue(marked || found.core().equals(before.core()), where + ": half marked: " + found.core()
                        + "\nbefore " + before.core() + "\nafter  " + after.core());
                if (k.done()) {
                    assertTrue(marked, where + ": the child reported the export done, so it must survive SIGKILL");
                }
                if (plan instanceof Pause) {
                    assertFalse(marked, where + ": killed while streaming records, nothing may be marked");
                }
                StoreState.assertInvariants(s, where);
                List<Path> packages = packageFiles(out, where);
                if (hiddenFiles(out) > 0) {
                    outcomes.merge("temporary files left behind", 1, Integer::sum);
                }
                List<SyncPackageRepository.Entry> history = s.syncPackages().history();
                Set<String> carriedBy = new java.util.HashSet<>();
                s.outbox().forEach(1, Long.MAX_VALUE, r -> carriedBy.add(r.exportedIn()));
                if (marked) {
                    assertEquals(1, history.size(), where);
                    SyncPackageRepository.Entry e = history.get(0);
                    assertEquals(List.of("OUTBOUND", 1L, last), List.of(e.direction(), e.from(), e.to()), where);
                    assertEquals(Set.of(e.packageId()), carriedBy, where + ": every record marked with the recorded package");
                    assertEquals(List.of(Path.of(e.fileName())), packages, where + ": the recorded package is in place");
                    assertEquals(e.packageId(), packageId(s, packages.get(0)).toString(), where);
                    assertEquals(expectedRecords, records(s, packages.get(0)), where);
                    UserException nothing = assertThrows(UserException.class,
                            () -> s.export().export(out, "test", null, null, () -> false), where);
                    assertEquals("sync.export.nothing", nothing.userMessage().key(), where);
                    outcomes.merge("marked before kill", 1, Integer::sum);
                } else {
                    assertEquals(List.of(), history, where);
                    assertEquals(java.util.Collections.singleton(null), carriedBy, where + ": nothing marked");
                    assertTrue(packages.size() <= 1, where + ": " + packages);
                    UUID leftId = null;
                    if (!packages.isEmpty()) {
                        // Renamed into place, killed before the marks: a complete, signed package of the same records.
                        assertEquals(expectedRecords, records(s, packages.get(0)), where + ": the unrecorded package");
                        leftId = packageId(s, packages.get(0));
                        assertEquals(leftId.toString(), s.syncPackages().pendingExport().orElseThrow().packageId(),
                                where + ": the package in place is the recorded pending export");
                        outcomes.merge("package file without history", 1, Integer::sum);
                    }
                    ExportService.ExportResult r = s.export().export(out, "test", null, null, () -> false);
                    assertEquals(List.of(1L, last), List.of(r.from(), r.to()), where + ": the re-run exports the whole range");
                    assertEquals(expectedRecords, records(s, r.file()), where + ": re-export reproduces the same records");
                    assertEquals(List.of(r.file()), packageFiles(out, where), where);
                    // A writer killed between creating its parts folder and its lock file leaves a folder that the
                    // next export cannot tell from a writer just starting; it is removed once past the grace period.
                    if (lockLessPartsFolders(out) > 0) {
                        outcomes.merge("killed before the writer's lock (kept for the grace period)", 1, Integer::sum);
                    }
                    assertEquals(0, hiddenFiles(out) - lockLessPartsFolders(out),
                            where + ": the next export removes the killed writer's temporary files");
                    if (leftId != null) {
                        assertEquals(leftId, r.packageId(), where + ": the unrecorded package is finished under its own id");
                    }
                    assertEquals(r.packageId(), packageId(s, r.file()), where);
                    assertTrue(s.syncPackages().pendingExport().isEmpty(), where + ": nothing pending afterwards");
                    assertEquals(r.packageId().toString(), s.syncPackages().history().get(0).packageId(), where);
                    outcomes.merge("nothing marked", 1, Integer::sum);
                }
                assertThrows(UserException.class, () -> s.export().export(out, "test", null, null, () -> false),
                        where + ": nothing is exported twice");
                assertEquals(after.core(), StoreState.of(s).core(), where + ": as after one clean export");
                StoreState.assertInvariants(s, where);
            }
            outcomes.merge(plan.getClass().getSimpleName(), 1, Integer::sum);
            StoreState.deleteFolder(data);
        }
        System.out.println("export crash safety, " + ITERATIONS + " kills, seed " + (SEED + 1) + ", " + last + " outbox records"
                + ", calibration " + calibration.millis() + " ms / " + calibration.polls() + " polls: " + outcomes);
    }

    private Killed runAndKill(String mode, Path data, Path target, Plan plan, int i) throws Exception {
        ChildJvm child = ChildJvm.start(tmp.resolve(mode + "-" + i + ".stderr"), SyncCrashChild.class.getName(), mode,
                data.toString(), target.toString(), now.toString(), Long.toString(plan.pauseAt()));
        try {
            assertNotNull(child.await(STEP_TIMEOUT_MS, "READY"), "child " + i + " did not start");
            if (plan instanceof AfterDone) {
                assertNotNull(child.await(STEP_TIMEOUT_MS, "DONE"), "child " + i + " did not finish");
            } else if (plan instanceof Pause) {
                assertNotNull(child.await(STEP_TIMEOUT_MS, "PAUSED", "DONE"), "child " + i + " did not pause");
            } else if (plan instanceof Delay d) {
                Thread.sleep(d.millis());
            } else if (plan instanceof OnPackageFile f) {
                waitForPackage(f.folder(), child);
            }
        } finally {
            child.sigkill();
        }
        Thread.sleep(20); // let the reader thread take the last lines
        List<String> output = child.output();
        String done = output.stream().filter(l -> l.startsWith("DONE")).findFirst().orElse(null);
        Long millis = null;
        Long polls = null;
        if (done != null) {
            String[] parts = done.split(" ");
            millis = Long.parseLong(parts[1]);
            polls = Long.parseLong(parts[2]);
        }
        return new Killed(plan, done != null, millis, polls, output);
    }

    /** Spins until the export's package appears (the kill then lands between the rename and the marks, or after). */
    private static void waitForPackage(Path folder, ChildJvm child) throws Exception {
        long deadline = System.nanoTime() + STEP_TIMEOUT_MS * 1_000_000;
        while (System.nanoTime() < deadline && child.alive()) {
            try (Stream<Path> files = Files.list(folder)) {
                if (files.anyMatch(p -> p.getFileName().toString().endsWith(ExportService.EXTENSION)
                        && !p.getFileName().toString().startsWith("."))) {
                    return;
                }
            }
            LockSupport.parkNanos(100_000);
        }
        throw new AssertionError("no package appeared in " + folder + "; child output " + child.output());
    }

    /**
     * The packages in an export folder. Anything else must be one of the writer's hidden temporary files (a kill
     * leaves them behind), named so that nobody takes them for a package.
     */
    private static List<Path> packageFiles(Path out, String where) throws Exception {
        List<Path> packages = new ArrayList<>();
        try (Stream<Path> files = Files.list(out)) {
            for (Path p : files.sorted().toList()) {
                String name = p.getFileName().toString();
                if (name.startsWith(".")) {
                    assertTrue(name.endsWith(".tmp") || name.contains(ExportService.EXTENSION + ".parts-"),
                            where + ": unexpected hidden file " + name);
                } else {
                    assertTrue(name.endsWith(ExportService.EXTENSION) && Files.isRegularFile(p), where + ": unexpected " + name);
                    packages.add(p.toAbsolutePath());
                }
            }
        }
        return packages;
    }

    private static long lockLessPartsFolders(Path out) throws Exception {
        try (Stream<Path> files = Files.list(out)) {
            return files.filter(p -> p.getFileName().toString().startsWith(".") && p.getFileName().toString().contains(".parts-")
                    && Files.isDirectory(p) && !Files.exists(p.resolve("lock"))).count();
        }
    }

    private static long hiddenFiles(Path out) throws Exception {
        try (Stream<Path> files = Files.list(out)) {
            return files.filter(p -> p.getFileName().toString().startsWith(".")).count();
        }
    }

    /** The records of an exported package (verified against the store's own key), in entry and line order. */
    private static List<String> records(AppServices s, Path file) {
        List<String> lines = new ArrayList<>();
        try (VerifiedPackage p = verify(s, file)) {
            for (RecordType t : List.of(RecordType.DECISION, RecordType.SIGNOFF)) {
                p.forEachRecord(t, r -> lines.add(t.typeName() + " " + r.json()));
            }
        }
        return lines;
    }

    private static UUID packageId(AppServices s, Path file) {
        try (VerifiedPackage p = verify(s, file)) {
            return p.manifest().header().packageId();
        }
    }

    private static VerifiedPackage verify(AppServices s, Path file) {
        return PackageVerifier.verify(file, Map.of(s.workstationKeys().fingerprint(), s.workstationKeys().publicKey()),
                Limits.DEFAULT);
    }
}
