package org.trustbench.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trustbench.app.AppServices;
import org.trustbench.audit.AuditQuery;
import org.trustbench.db.DataFolder;
import org.trustbench.db.IdList;
import org.trustbench.db.Workspace;
import org.trustbench.decision.DecisionDraft;
import org.trustbench.decision.Outcome;
import org.trustbench.decision.ReasonCode;
import org.trustbench.domain.CaseStatus;
import org.trustbench.domain.CaseSummary;
import org.trustbench.i18n.UserException;
import org.trustbench.sync.format.Limits;
import org.trustbench.sync.format.PackageVerifier;
import org.trustbench.sync.format.RecordType;
import org.trustbench.sync.format.VerifiedPackage;
import org.trustbench.training.Dataset;
import org.trustbench.users.Role;
import org.trustbench.users.User;

/** Decisions leave as a signed package that the format's own verifier accepts; nothing is exported twice by default. */
class ExportServiceTest {

    private static final User OFFICER = new User(1, "officer1", "李敏", "SH-PD-0101", Set.of(Role.DESK_OFFICER), 0, null, false);

    @TempDir
    Path tmp;
    private AppServices services;

    @BeforeEach
    void open() {
        Dataset dataset;
        try (AppServices probe = AppServices.open(new DataFolder(tmp.resolve("probe")), Workspace.DEMO, Clock.systemUTC())) {
            dataset = probe.demoWorkspace().reset(probe.demoWorkspace().source("default"));
        }
        Clock clock = Clock.fixed(dataset.referenceDate().atTime(12, 0).atZone(ZoneId.of("Asia/Shanghai")).toInstant(),
                ZoneId.of("Asia/Shanghai"));
        services = AppServices.open(new DataFolder(tmp.resolve("store")), Workspace.DEMO, clock);
        services.prepare((d, t) -> { }, () -> false);
    }

    @AfterEach
    void close() {
        services.close();
    }

    private List<Long> decideCleanCases(int n) {
        List<Long> ids = new ArrayList<>();
        for (CaseSummary s : services.caseQueueRepository().findAllSummaries()) {
            if (ids.size() == n) {
                break;
            }
            if (s.status() == CaseStatus.IN_REVIEW && s.findingCount() == 0) {
                services.decisions().decide(OFFICER, new DecisionDraft(s.id(), Outcome.APPROVE, List.of(ReasonCode.ALL_CHECKS_PASSED),
                        "", List.of(), Set.of(), "", null));
                ids.add(s.id());
            }
        }
        assertEquals(n, ids.size());
        return ids;
    }

    @Test
    void exportWritesAVerifiablePackageAndMarksTheRecords() throws Exception {
        List<Long> decided = decideCleanCases(3);
        Path out = Files.createDirectories(tmp.resolve("out"));
        ExportService.ExportResult r = services.export().export(out, "officer1", null, null, () -> false);
        assertEquals(1, r.from());
        assertEquals(3, r.to());
        assertEquals(Map.of("decision", 3L, "signoff", 0L), r.counts());
        assertTrue(Files.isRegularFile(r.file()));
        try (var listing = Files.list(out)) {
            assertEquals(List.of(r.file().getFileName().toString()), listing.map(p -> p.getFileName().toString()).toList(),
                    "no temporary file is left behind");
        }

        try (VerifiedPackage p = PackageVerifier.verify(r.file(),
                Map.of(services.workstationKeys().fingerprint(), services.workstationKeys().publicKey()), Limits.DEFAULT)) {
            List<String> caseNos = new ArrayList<>();
            p.forEachRecord(RecordType.DECISION, rec -> caseNos.add(rec.json().get("caseNo").asText()));
            assertEquals(3, caseNos.size());
            assertTrue(p.manifest().header().demo(), "a demo store's package says so");
        }
        for (long id : decided) {
            assertEquals(CaseStatus.EXPORTED, services.caseQueueRepository().findCase(id).orElseThrow().status());
        }
        assertEquals(3, services.outbox().lastExportedSeq());
        assertEquals("EXPORT", services.audit().list(new AuditQuery("package:", null, null, null, 1)).get(0).action().name());

        // Nothing new: refused with a clear message; a chosen range exports the same records again.
        assertEquals("sync.export.nothing", assertThrows(UserException.class,
                () -> services.export().export(out, "officer1", null, null, () -> false)).userMessage().key());
        Path again = Files.createDirectories(tmp.resolve("again"));
        ExportService.ExportResult second = services.export().export(again, "officer1", 1L, 3L, () -> false);
        assertNotEquals(r.packageId(), second.packageId());
        assertEquals(records(r.file()), records(second.file()), "re-exporting a range reproduces the same records");
        List<SyncPackageRepository.Entry> history = services.syncPackages().history();
        assertEquals(2, history.size());
        assertEquals(Set.of(r.packageId().toString(), second.packageId().toString()),
                Set.of(history.get(0).packageId(), history.get(1).packageId()));
        assertTrue(history.stream().allMatch(e -> e.direction().equals("OUTBOUND") && e.result().equals("EXPORTED")
                && e.from() == 1 && e.to() == 3 && e.counts().contains("\"decision\":3")), history.toString());
    }

    @Test
    void theOutboxExportedStateFollowsTheRangesOfFinishedExports() throws Exception {
        decideCleanCases(3);
        Path out = Files.createDirectories(tmp.resolve("out"));
        String first = services.export().export(out, "officer1", null, null, () -> false).packageId().toString();
        decideCleanCases(2);
        assertEquals(Arrays.asList(first, first, first, null, null), exportedIn(), "4..5 are not exported yet");
        assertEquals(3, services.outbox().lastExportedSeq());

        ExportService.ExportResult again = services.export().export(Files.createDirectories(tmp.resolve("again")), "officer1",
                2L, 3L, () -> false);
        assertEquals(3, services.outbox().lastExportedSeq(), "re-exporting an older range moves nothing on");
        assertEquals(first, exportedIn().get(0));
        assertEquals(Arrays.asList(null, null), exportedIn().subList(3, 5));

        ExportService.ExportResult rest = services.export().export(out, "officer1", null, null, () -> false);
        assertEquals(List.of(4L, 5L), List.of(rest.from(), rest.to()), "the next export starts after the newest range");
        assertEquals(Arrays.asList(rest.packageId().toString(), rest.packageId().toString()), exportedIn().subList(3, 5));
        assertEquals(5, services.outbox().lastExportedSeq());
        assertNotEquals(again.packageId(), rest.packageId());
    }

    private List<String> exportedIn() {
        List<String> in = new ArrayList<>();
        services.outbox().forEach(1, Long.MAX_VALUE, r -> in.add(r.exportedIn()));
        return in;
    }

    @Test
    void aCancelledExportLeavesNoFileAndChangesNothing() throws Exception {
        decideCleanCases(1);
        Path out = Files.createDirectories(tmp.resolve("out"));
        assertEquals(null, services.export().export(out, "officer1", null, null, () -> true));
        try (var listing = Files.list(out)) {
            assertEquals(0, listing.count());
        }
        assertEquals(0, services.outbox().lastExportedSeq());
    }

    @Test
    void progressRisesToTheWholeAndCancellingWhileWritingLeavesNothing() throws Exception {
        decideCleanCases(3);
        Path out = Files.createDirectories(tmp.resolve("out"));
        // Cancelled in the second half, while the package's bytes are written: no file, nothing marked.
        List<Long> seen = new ArrayList<>();
        boolean[] stop = {false};
        assertEquals(null, services.export().export(out, "officer1", null, null, (done, total) -> {
            assertEquals(ExportService.PROGRESS_TOTAL, total);
            seen.add(done);
            stop[0] = done > ExportService.PROGRESS_TOTAL / 2;
        }, () -> stop[0]));
        assertTrue(seen.stream().anyMatch(d -> d > ExportService.PROGRESS_TOTAL / 2), "it reached the writing half: " + seen);
        try (var listing = Files.list(out)) {
            assertEquals(0, listing.count(), "no package and no temporary file");
        }
        assertEquals(0, services.outbox().lastExportedSeq());
        assertEquals(List.of(), services.syncPackages().history());

        seen.clear();
        ExportService.ExportResult r = services.export().export(out, "officer1", null, null, (done, total) -> seen.add(done),
                () -> false);
        assertEquals(3, r.to());
        for (int i = 1; i < seen.size(); i++) {
            assertTrue(seen.get(i) >= seen.get(i - 1), "progress never goes back: " + seen);
        }
        assertEquals(0L, seen.get(0));
        assertEquals(ExportService.PROGRESS_TOTAL, seen.get(seen.size() - 1));
        assertTrue(seen.stream().anyMatch(d -> d > 0 && d < ExportService.PROGRESS_TOTAL), seen.toString());
    }

    @Test
    void onlyTheCasesWhoseDecisionsTheExportCarriedMoveToExported() throws Exception {
        List<Long> decided = decideCleanCases(3); // outbox records 1, 2, 3, one per case
        Path out = Files.createDirectories(tmp.resolve("out"));
        ExportService.ExportResult r = services.export().export(out, "officer1", 1L, 2L, () -> false);
        assertEquals(Map.of("decision", 2L, "signoff", 0L), r.counts());
        assertEquals(CaseStatus.EXPORTED, services.caseQueueRepository().findCase(decided.get(0)).orElseThrow().status());
        assertEquals(CaseStatus.EXPORTED, services.caseQueueRepository().findCase(decided.get(1)).orElseThrow().status());
        assertEquals(CaseStatus.DECIDED, services.caseQueueRepository().findCase(decided.get(2)).orElseThrow().status(),
                "its decision is not in the package");
        services.export().export(out, "officer1", null, null, () -> false); // the rest: record 3
        assertEquals(CaseStatus.EXPORTED, services.caseQueueRepository().findCase(decided.get(2)).orElseThrow().status());
    }

    @Test
    void marksAnyNumberOfExportedCases() {
        List<Long> decided = decideCleanCases(2);
        long notDecided = services.findingRepository().allCaseIds().stream().filter(id -> !decided.contains(id)
                        && services.caseQueueRepository().findCase(id).orElseThrow().status().ordinal()
                        < CaseStatus.DECIDED.ordinal())
                .findFirst().orElseThrow();
        CaseStatus before = services.caseQueueRepository().findCase(notDecided).orElseThrow().status();
        // More ids than one UPDATE takes (IdList.MAX); most match no case, one is a case that is not DECIDED.
        List<Long> ids = new ArrayList<>();
        for (long i = 0; i < 2L * IdList.MAX + 5; i++) {
            ids.add(1_000_000 + i);
        }
        ids.add(IdList.MAX + 3, decided.get(0));
        ids.add(decided.get(1));
        ids.add(notDecided);
        SyncPackageRepository repo = services.syncPackages();
        int marked = repo.dsl().transactionResult(tx -> repo.markExported(tx.dsl(), ids));
        assertEquals(2, marked);
        for (long id : decided) {
            assertEquals(CaseStatus.EXPORTED, services.caseQueueRepository().findCase(id).orElseThrow().status());
        }
        assertEquals(before, services.caseQueueRepository().findCase(notDecided).orElseThrow().status(),
                "only a DECIDED case moves");
    }

    private List<String> records(Path file) {
        List<String> lines = new ArrayList<>();
        try (VerifiedPackage p = PackageVerifier.verify(file,
                Map.of(services.workstationKeys().fingerprint(), services.workstationKeys().publicKey()), Limits.DEFAULT)) {
            p.forEachRecord(RecordType.DECISION, rec -> lines.add(rec.json().toString()));
        }
        return lines;
    }
}
