package org.trustbench.sync;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.jooq.DSLContext;
import org.jooq.ExecuteContext;
import org.jooq.ExecuteListener;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trustbench.app.AppServices;
import org.trustbench.db.DataFolder;
import org.trustbench.db.Workspace;
import org.trustbench.decision.DecisionDraft;
import org.trustbench.decision.Outcome;
import org.trustbench.decision.ReasonCode;
import org.trustbench.domain.CaseStatus;
import org.trustbench.domain.CaseSummary;
import org.trustbench.i18n.UserException;
import org.trustbench.sync.format.Direction;
import org.trustbench.sync.format.Limits;
import org.trustbench.sync.format.ManifestHeader;
import org.trustbench.sync.format.PackageVerifier;
import org.trustbench.sync.format.PackageWriter;
import org.trustbench.sync.format.RecordType;
import org.trustbench.sync.format.SequenceRange;
import org.trustbench.sync.format.VerifiedPackage;
import org.trustbench.training.Dataset;
import org.trustbench.users.Role;
import org.trustbench.users.User;

/**
 * What an export finds that an earlier one left behind when its process died: the writer's temporary files (removed,
 * nothing else), and a package renamed into place whose marks were never committed (finished under the same package
 * id and range before anything new is exported). Real store, real files, real signatures.
 */
class ExportCrashRecoveryTest {

    private static final User OFFICER = new User(1, "officer1", "李敏", "SH-PD-0101", Set.of(Role.DESK_OFFICER), 0, null, false);

    @TempDir
    Path tmp;
    private AppServices services;
    private Clock clock;

    @BeforeEach
    void open() {
        Dataset dataset;
        try (AppServices probe = AppServices.open(new DataFolder(tmp.resolve("probe")), Workspace.DEMO, Clock.systemUTC())) {
            dataset = probe.demoWorkspace().reset(probe.demoWorkspace().source("default"));
        }
        clock = Clock.fixed(dataset.referenceDate().atTime(12, 0).atZone(ZoneId.of("Asia/Shanghai")).toInstant(),
                ZoneId.of("Asia/Shanghai"));
        services = AppServices.open(new DataFolder(tmp.resolve("store")), Workspace.DEMO, clock);
        services.prepare((d, t) -> { }, () -> false);
    }

    @AfterEach
    void close() {
        services.close();
    }

    @Test
    void leftoversOfKilledWritersAreRemovedButNothingElseAndNoLiveWriter() throws Exception {
        decideCleanCases(2);
        Path out = Files.createDirectories(tmp.resolve("out"));
        String name = "trustbench-" + services.workstationKeys().workstationId() + "-1-2" + ExportService.EXTENSION;
        // A killed writer's folder (its lock file was released when the process died) and its ZIP before the rename.
        Path deadParts = Files.createDirectory(out.resolve("." + name + ".parts-4711"));
        Files.writeString(deadParts.resolve("lock"), "");
        Files.writeString(deadParts.resolve("decision-1.jsonl"), "{}\n");
        Path deadZip = Files.writeString(out.resolve("." + name + ".8080.tmp"), "PK");
        // A folder from before writers took locks: a leftover once it is old enough.
        Path oldParts = Files.createDirectory(out.resolve(".trustbench-old-1-9.tbsync.parts-12"));
        Files.setLastModifiedTime(oldParts, FileTime.from(Instant.now().minus(1, ChronoUnit.DAYS)));
        // Not ours, or not provably dead: left alone.
        Path youngUnlocked = Files.createDirectory(out.resolve(".trustbench-new-1-9.tbsync.parts-13"));
        List<Path> foreign = List.of(Files.writeString(out.resolve(".hidden-notes.txt"), "x"),
                Files.writeString(out.resolve("notes.txt"), "x"),
                Files.writeString(out.resolve(".other.tbsync.tmp"), "x"),
                Files.createDirectory(out.resolve(".x.tbsync.parts-abc")),
                Files.writeString(out.resolve("someone-else.tbsync"), "x"));
        // A writer of this JVM still at work in the same folder, with its own ZIP temp name pattern.
        PackageWriter live = PackageWriter.create(out.resolve("live" + ExportService.EXTENSION),
                services.workstationKeys().privateKey(), new ManifestHeader(UUID.randomUUID(), Direction.OUTBOUND,
                        services.workstationKeys().workstationId(), new SequenceRange(1, 1), OffsetDateTime.now(clock), true));
        Path liveZip = Files.writeString(out.resolve(".live.tbsync.99.tmp"), "PK");
        try {
            Path liveParts = hidden(out).stream().filter(p -> p.getFileName().toString().startsWith(".live.tbsync.parts-"))
                    .findFirst().orElseThrow();

            ExportService.ExportResult r = services.export().export(out, "officer1", null, null, () -> false);

            assertNotNull(r);
            for (Path gone : List.of(deadParts, deadZip, oldParts)) {
                assertFalse(Files.exists(gone), gone + " was left by a killed writer");
            }
            for (Path kept : foreign) {
                assertTrue(Files.exists(kept), kept + " is not a leftover of ours");
            }
            assertTrue(Files.isDirectory(youngUnlocked), "a folder too young to tell is left alone");
            assertTrue(Files.isDirectory(liveParts) && Files.exists(liveZip), "the live writer is not disturbed");
            try (VerifiedPackage p = verify(r.file())) {
                assertEquals(r.packageId(), p.manifest().header().packageId());
            }
        } finally {
            live.abort();
        }
        assertTrue(hidden(out).stream().noneMatch(p -> p.getFileName().toString().startsWith(".live.tbsync.parts-")),
                "the writer cleans its own folder");
    }

    @Test
    void aPackageInPlaceWithoutMarksIsFinishedUnderItsIdBeforeTheRestIsExported() throws Exception {
        decideCleanCases(3);
        Path out = Files.createDirectories(tmp.resolve("out"));
        // The process "dies" between the rename and the marks: the marking transaction never commits.
        ExportService crashing = new ExportService(new SyncPackageRepository(failingMarks(services.store().dsl())),
                services.outbox(), services.workstationKeys(), services.audit(), true, clock);
        assertThrows(RuntimeException.class, () -> crashing.export(out, "officer1", null, null, () -> false));
        List<Path> left = packages(out);
        assertEquals(1, left.size(), "the package was renamed into place: " + left);
        Path first = left.get(0);
        UUID firstId;
        List<String> firstRecords;
        try (VerifiedPackage p = verify(first)) {
            firstId = p.manifest().header().packageId();
            assertEquals(new SequenceRange(1, 3), p.manifest().header().sequence());
        }
        firstRecords = records(first);
        byte[] firstBytes = Files.readAllBytes(first);
        assertEquals(List.of(), services.syncPackages().history(), "no history row yet");
        assertEquals(0, services.outbox().lastExportedSeq(), "nothing marked");
        assertTrue(services.syncPackages().pendingExport().isPresent(), "the export is recorded as pending");

        // New decisions are made before the next export.
        decideCleanCases(2);
        ExportService.ExportResult r = services.export().export(out, "officer1", null, null, () -> false);

        ExportService.ExportResult recovered = r.recovered();
        assertNotNull(recovered, "the pending export was finished first");
        assertEquals(List.of(firstId, 1L, 3L), List.of(recovered.packageId(), recovered.from(), recovered.to()));
        assertEquals(first, recovered.file(), "re-written in place under its name");
        assertEquals(List.of(4L, 5L), List.of(r.from(), r.to()), "the rest is a second package, no overlap");
        assertEquals(List.of(first, r.file()).stream().sorted().toList(), packages(out));
        try (VerifiedPackage p = verify(first)) {
            assertEquals(firstId, p.manifest().header().packageId());
        }
        assertEquals(firstRecords, records(first), "the same records as the package the crash left");
        assertArrayEquals(firstBytes, Files.readAllBytes(first), "same id, time, records and key: the same bytes");
        try (VerifiedPackage p = verify(r.file())) {
            assertEquals(new SequenceRange(4, 5), p.manifest().header().sequence());
            assertEquals(r.packageId(), p.manifest().header().packageId());
        }
        List<SyncPackageRepository.Entry> history = services.syncPackages().history();
        assertEquals(Set.of(firstId.toString(), r.packageId().toString()),
                Set.copyOf(history.stream().map(SyncPackageRepository.Entry::packageId).toList()));
        assertTrue(history.stream().allMatch(e -> e.result().equals("EXPORTED")), history.toString());
        assertTrue(services.syncPackages().pendingExport().isEmpty());
        assertEquals(5, services.outbox().lastExportedSeq());
        assertEquals("sync.export.nothing", assertThrows(UserException.class,
                () -> services.export().export(out, "officer1", null, null, () -> false)).userMessage().key());
    }

    @Test
    void aCancelledOrFailedExportBeforeTheRenameLeavesNothingPending() throws Exception {
        decideCleanCases(1);
        Path out = Files.createDirectories(tmp.resolve("out"));
        assertNull(services.export().export(out, "officer1", null, null, () -> true));
        assertTrue(services.syncPackages().pendingExport().isEmpty());
        assertEquals(List.of(), packages(out));
        ExportService.ExportResult r = services.export().export(out, "officer1", null, null, () -> false);
        assertNull(r.recovered());
        assertEquals(List.of(1L, 1L), List.of(r.from(), r.to()));
    }

    /** The store's DSL, but the statement that marks outbox records exported fails (as if the process died there). */
    private static DSLContext failingMarks(DSLContext dsl) {
        return dsl.configuration().derive(new ExecuteListener() {
            @Override
            public void executeStart(ExecuteContext ctx) {
                String sql = String.valueOf(ctx.sql()).toLowerCase(Locale.ROOT);
                // Completing the pending export marks its range exported (V6): fail there, inside the marking transaction.
                if (sql.startsWith("update") && sql.contains("sync_package")) {
                    throw new IllegalStateException("simulated crash before the marks");
                }
            }
        }).dsl();
    }

    private void decideCleanCases(int n) {
        int done = 0;
        for (CaseSummary s : services.caseQueueRepository().findAllSummaries()) {
            if (done == n) {
                break;
            }
            if (s.status() == CaseStatus.IN_REVIEW && s.findingCount() == 0) {
                services.decisions().decide(OFFICER, new DecisionDraft(s.id(), Outcome.APPROVE,
                        List.of(ReasonCode.ALL_CHECKS_PASSED), "", List.of(), Set.of(), "", null));
                done++;
            }
        }
        assertEquals(n, done);
    }

    private static List<Path> hidden(Path out) throws Exception {
        try (Stream<Path> files = Files.list(out)) {
            return files.filter(p -> p.getFileName().toString().startsWith(".")).toList();
        }
    }

    private static List<Path> packages(Path out) throws Exception {
        try (Stream<Path> files = Files.list(out)) {
            return files.filter(p -> !p.getFileName().toString().startsWith(".")).map(Path::toAbsolutePath).sorted().toList();
        }
    }

    private VerifiedPackage verify(Path file) {
        return PackageVerifier.verify(file, Map.of(services.workstationKeys().fingerprint(),
                services.workstationKeys().publicKey()), Limits.DEFAULT);
    }

    private List<String> records(Path file) {
        List<String> lines = new ArrayList<>();
        try (VerifiedPackage p = verify(file)) {
            for (RecordType t : List.of(RecordType.DECISION, RecordType.SIGNOFF)) {
                p.forEachRecord(t, rec -> lines.add(t.typeName() + " " + rec.json()));
            }
        }
        return lines;
    }
}
