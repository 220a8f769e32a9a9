package org.trustbench.sync.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.BeforeAll;
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
import org.trustbench.i18n.Messages;
import org.trustbench.sync.DemoPackageService;
import org.trustbench.training.Dataset;
import org.trustbench.training.DatasetReader;
import org.trustbench.training.DatasetSource;
import org.trustbench.users.Role;
import org.trustbench.users.User;

/** The Sync screen's view model on real stores: export and import with progress, cancel, refusals and history. */
class SyncViewModelTest {

    private static final Executor SAME_THREAD = Runnable::run;
    private static final ClassLoader LOADER = SyncViewModelTest.class.getClassLoader();
    private static final User OFFICER = new User(1, "officer1", "李敏", "SH-PD-0101", Set.of(Role.DESK_OFFICER), 0, null, false);

    @TempDir
    Path tmp;
    private Clock clock;

    @BeforeAll
    static void toolkit() throws Exception {
        FxThread.start();
    }

    @BeforeEach
    void clock() throws Exception {
        Dataset dataset = DatasetReader.read(DatasetSource.classpath("default", LOADER));
        clock = Clock.fixed(dataset.referenceDate().atTime(12, 0).atZone(ZoneId.of("Asia/Shanghai")).toInstant(),
                ZoneId.of("Asia/Shanghai"));
    }

    private AppServices preparedDemoStore(String name) {
        AppServices s = AppServices.open(new DataFolder(tmp.resolve(name)), Workspace.DEMO, clock);
        s.prepare((d, t) -> { }, () -> false);
        return s;
    }

    /** A demo store as on first open, without its dataset, trusting the DEMO central key. */
    private AppServices emptyDemoStore(String name) {
        AppServices s = AppServices.open(new DataFolder(tmp.resolve(name)), Workspace.DEMO, clock);
        s.trust().trustDemoCentral("test", LOADER);
        return s;
    }

    private static SyncViewModel vm(AppServices s) {
        return new SyncViewModel(s.export(), s.importer(), s.syncPackages(), () -> s.workstationKeys().fingerprint(), "officer1",
                SAME_THREAD);
    }

    private static void decideCleanCases(AppServices s, int n) {
        int done = 0;
        for (CaseSummary c : s.caseQueueRepository().findAllSummaries()) {
            if (done < n && c.status() == CaseStatus.IN_REVIEW && c.findingCount() == 0) {
                s.decisions().decide(OFFICER, new DecisionDraft(c.id(), Outcome.APPROVE, List.of(ReasonCode.ALL_CHECKS_PASSED),
                        "", List.of(), Set.of(), "", null));
                done++;
            }
        }
        assertEquals(n, done);
    }

    private Path demoPackage() {
        Path file = tmp.resolve("central.tbsync");
        new DemoPackageService(LOADER, clock).write(file, Path.of(DemoPackageService.DEFAULT_KEY_FILE));
        return file;
    }

    private static List<Path> files(Path dir) throws Exception {
        try (var s = Files.list(dir)) {
            return s.toList();
        }
    }

    @Test
    void exportReportsProgressThenAHistoryRowAndATellsListeners() throws Exception {
        try (AppServices s = preparedDemoStore("a")) {
            decideCleanCases(s, 2);
            SyncViewModel vm = vm(s);
            // The fingerprint is read in the background when the Sync screen first asks for it: empty until then.
            javafx.beans.property.ReadOnlyStringProperty[] fingerprint = new javafx.beans.property.ReadOnlyStringProperty[1];
            FxThread.run(() -> fingerprint[0] = vm.fingerprintProperty());
            assertEquals(s.workstationKeys().fingerprint(), fingerprint[0].get());
            Path out = Files.createDirectories(tmp.resolve("out"));
            List<Double> progress = new ArrayList<>();
            List<SyncNotice> notices = new ArrayList<>();
            int[] afterJob = {0};
            vm.addNoticeListener(notices::add);
            vm.addAfterJob(() -> afterJob[0]++);
            FxThread.run(() -> {
                vm.exportJob().progressProperty().addListener((o, a, b) -> progress.add(b.doubleValue()));
                vm.exportTo(out);
            });

            assertTrue(progress.stream().anyMatch(p -> p > 0 && p < 1), "progress between 0 and 1 was shown: " + progress);
            SyncNotice done = vm.exportJob().outcomeProperty().get();
            assertEquals(SyncNotice.Kind.SUCCESS, done.kind(), String.valueOf(done));
            assertEquals("sync.ui.export.done", done.message().key());
            assertEquals(List.of(done), notices);
            assertEquals(1, afterJob[0]);
            assertFalse(vm.exportJob().runningProperty().get());
            assertEquals(1, files(out).size());
            assertEquals(1, vm.history().size());
            HistoryRow row = vm.history().get(0);
            assertTrue(row.outbound());
            assertEquals(Map.of("decision", 2L, "signoff", 0L), row.counts());
            assertEquals(s.workstationKeys().fingerprint(), row.signer());
            assertEquals("EXPORTED", row.result());
            String text = Messages.forLocale(Messages.ENGLISH).format(done.message());
            assertTrue(text.contains(files(out).get(0).getFileName().toString()) && text.contains("2 decisions"), text);

            // Again: nothing new, refused with the screen's own one-line reason.
            FxThread.run(() -> vm.exportTo(out));
            SyncNotice nothing = vm.exportJob().outcomeProperty().get();
            assertEquals(SyncNotice.Kind.REFUSED, nothing.kind());
            assertEquals("sync.ui.export.nothing", nothing.message().key());
            assertEquals(1, files(out).size());
        }
    }

    @Test
    void aCancelledExportLeavesNoFileAndNoHistory() throws Exception {
        try (AppServices s = preparedDemoStore("a")) {
            decideCleanCases(s, 3);
            SyncViewModel vm = vm(s);
            Path out = Files.createDirectories(tmp.resolve("out"));
            FxThread.run(() -> {
                vm.exportJob().progressProperty().addListener((o, a, b) -> {
                    if (b.doubleValue() > 0) {
                        vm.exportJob().cancel();
                    }
                });
                vm.exportTo(out);
            });
            SyncNotice n = vm.exportJob().outcomeProperty().get();
            assertEquals(SyncNotice.Kind.CANCELLED, n.kind(), String.valueOf(n));
            assertEquals(List.of(), files(out));
            assertEquals(List.of(), vm.history());
            assertEquals(0, s.outbox().lastExportedSeq());
        }
    }

    @Test
    void anOfferedPackageWaitsForConfirmationThenImportsOnce() throws Exception {
        Path pkg = demoPackage();
        try (AppServices s = emptyDemoStore("b")) {
            SyncViewModel vm = vm(s);
            List<SyncNotice> notices = new ArrayList<>();
            vm.addNoticeListener(notices::add);

            FxThread.run(() -> vm.offerImport(tmp.resolve("missing.tbsync")));
            assertNull(vm.pendingImportProperty().get());
            assertEquals(SyncNotice.Kind.REFUSED, notices.get(0).kind());
            assertEquals(notices.get(0), vm.importJob().outcomeProperty().get(), "the import's status line says why");
            assertTrue(Messages.forLocale(Messages.ENGLISH).format(notices.get(0).message()).contains("missing.tbsync"));

            FxThread.run(() -> vm.offerImport(pkg));
            assertEquals(pkg, vm.pendingImportProperty().get());
            assertEquals(0, s.caseQueueRepository().findAllSummaries().size(), "nothing is imported before confirmation");

            List<Double> progress = new ArrayList<>();
            FxThread.run(() -> {
                vm.importJob().progressProperty().addListener((o, a, b) -> {
                    if (vm.importJob().runningProperty().get()) {
                        progress.add(b.doubleValue());
                    }
                });
                vm.confirmImport();
            });
            SyncNotice done = vm.importJob().outcomeProperty().get();
            assertEquals(SyncNotice.Kind.SUCCESS, done.kind(), String.valueOf(done));
            assertNull(vm.pendingImportProperty().get());
            // The demo package is small: the verifier reports its bytes in one step.
            assertTrue(progress.stream().anyMatch(p -> p > 0), "progress was shown while importing: " + progress);
            int cases = s.caseQueueRepository().findAllSummaries().size();
            assertTrue(cases > 0);
            assertEquals(1, vm.history().size());
            assertFalse(vm.history().get(0).outbound());
            assertEquals((long) cases, vm.history().get(0).counts().get("case"));

            FxThread.run(() -> {
                vm.offerImport(pkg);
            });
            FxThread.run(vm::confirmImport);
            assertEquals(SyncNotice.Kind.ALREADY_IMPORTED, vm.importJob().outcomeProperty().get().kind());
            assertEquals(cases, s.caseQueueRepository().findAllSummaries().size());
            assertEquals(1, vm.history().size());
        }
    }

    @Test
    void aCancelledImportLeavesNoTrace() throws Exception {
        Path pkg = demoPackage();
        try (AppServices s = emptyDemoStore("c")) {
            SyncViewModel vm = vm(s);
            FxThread.run(() -> {
                vm.importJob().progressProperty().addListener((o, a, b) -> {
                    if (b.doubleValue() > 0.2) {
                        vm.importJob().cancel();
                    }
                });
                vm.offerImport(pkg);
            });
            FxThread.run(vm::confirmImport);
            assertEquals(SyncNotice.Kind.CANCELLED, vm.importJob().outcomeProperty().get().kind());
            assertEquals(0, s.caseQueueRepository().findAllSummaries().size());
            assertEquals(List.of(), s.syncPackages().history());
        }
    }

    @Test
    void aDamagedPackageIsRefusedWithItsOneLineReason() throws Exception {
        Path pkg = demoPackage();
        byte[] bytes = Files.readAllBytes(pkg);
        bytes[bytes.length / 2] ^= 0x40;
        Path bad = Files.write(tmp.resolve("bad.tbsync"), bytes);
        try (AppServices s = emptyDemoStore("d")) {
            SyncViewModel vm = vm(s);
            FxThread.run(() -> vm.offerImport(bad));
            FxThread.run(vm::confirmImport);
            SyncNotice n = vm.importJob().outcomeProperty().get();
            assertEquals(SyncNotice.Kind.REFUSED, n.kind(), String.valueOf(n));
            assertTrue(n.message().key().startsWith("sync.package."), n.message().key());
            String text = Messages.forLocale(Messages.CHINESE).format(n.message());
            assertFalse(text.contains("\n") || text.contains("Exception"), text);
            assertNotNull(text);
            assertEquals(0, s.caseQueueRepository().findAllSummaries().size());
        }
    }
}
