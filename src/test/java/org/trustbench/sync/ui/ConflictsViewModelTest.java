package org.trustbench.sync.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trustbench.app.AppServices;
import org.trustbench.audit.AuditAction;
import org.trustbench.audit.AuditQuery;
import org.trustbench.db.DataFolder;
import org.trustbench.db.Workspace;
import org.trustbench.i18n.Messages;
import org.trustbench.sync.conflict.ConflictField;
import org.trustbench.sync.conflict.ConflictKind;
import org.trustbench.sync.conflict.ConflictRepository;
import org.trustbench.sync.conflict.ConflictStatus;
import org.trustbench.sync.conflict.Resolution;

/** Listing, selecting and resolving conflicts through the view model on a real store. */
class ConflictsViewModelTest {

    private static final Executor SAME_THREAD = Runnable::run;
    private final Clock clock = Clock.fixed(Instant.parse("2026-03-02T04:00:00Z"), ZoneId.of("Asia/Shanghai"));

    @TempDir
    Path tmp;

    @BeforeAll
    static void toolkit() throws Exception {
        FxThread.start();
    }

    static long insertConflict(AppServices s, String caseNo) {
        ConflictRepository repo = new ConflictRepository(s.store().dsl());
        return repo.insert(s.store().dsl(), new ConflictRepository.NewConflict("11111111-2222-3333-4444-555555555555",
                ConflictKind.CASE_EXISTS, caseNo, "91310000MA1FL0000X", caseNo, "records/case.jsonl", 1,
                List.of(new ConflictField("nameZh", "甲公司", "乙公司"), new ConflictField("platform", "x", "x"),
                        new ConflictField("someNewMember", null, "1")), "{\"caseNo\":\"" + caseNo + "\"}"),
                OffsetDateTime.now(s.clock()));
    }

    @Test
    void theOfficerKeepsTheLocalSideWithANote() throws Exception {
        try (AppServices s = AppServices.open(new DataFolder(tmp.resolve("a")), Workspace.DEMO, clock)) {
            long first = insertConflict(s, "C-1");
            insertConflict(s, "C-2");
            ConflictsViewModel vm = new ConflictsViewModel(s.conflicts(), "supervisor", SAME_THREAD);
            FxThread.run(vm::reload);
            assertEquals(2, vm.openCountProperty().get());
            assertEquals(2, vm.conflicts().size());
            assertFalse(vm.canResolveBinding().get(), "nothing selected");

            FxThread.run(() -> vm.selectedProperty().set(vm.conflicts().get(0)));
            assertEquals(first, vm.selectedProperty().get().id());
            assertFalse(vm.canResolveBinding().get(), "the note is required");
            FxThread.run(() -> vm.resolve(Resolution.KEEP_LOCAL));
            assertEquals("conflict.error.noteRequired", vm.outcomeProperty().get().message().key());
            assertEquals(2, s.conflicts().openCount());

            FxThread.run(() -> vm.noteProperty().set("Checked with the registry by phone"));
            assertTrue(vm.canResolveBinding().get());
            FxThread.run(() -> vm.resolve(Resolution.KEEP_LOCAL));
            SyncNotice n = vm.outcomeProperty().get();
            assertEquals(SyncNotice.Kind.SUCCESS, n.kind(), String.valueOf(n));
            assertTrue(Messages.forLocale(Messages.ENGLISH).format(n.message()).contains("Kept local"));
            assertEquals(1, vm.openCountProperty().get());
            assertEquals(1, vm.conflicts().size());
            assertEquals("", vm.noteProperty().get());
            assertEquals(ConflictStatus.KEPT_LOCAL, s.conflicts().find(first).orElseThrow().status());
            assertEquals("supervisor", s.conflicts().find(first).orElseThrow().resolvedBy());
            assertTrue(s.audit().list(AuditQuery.all(100)).stream().anyMatch(e -> e.action() == AuditAction.CONFLICT_RESOLVED
                    && e.username().equals("supervisor") && e.subject().equals("conflict:" + first)));
        }
    }

    @Test
    void aRefusedResolutionIsReportedAndTheListStaysOpen() throws Exception {
        try (AppServices s = AppServices.open(new DataFolder(tmp.resolve("b")), Workspace.DEMO, clock)) {
            insertConflict(s, "C-9");
            ConflictsViewModel vm = new ConflictsViewModel(s.conflicts(), "officer1", SAME_THREAD);
            FxThread.run(vm::reload);
            FxThread.run(() -> {
                vm.selectedProperty().set(vm.conflicts().get(0));
                vm.noteProperty().set("apply it");
                // Resolved elsewhere meanwhile (another window): the service refuses, naming why.
                s.conflicts().resolve(vm.conflicts().get(0).id(), Resolution.KEEP_LOCAL, "first", "officer2");
                vm.resolve(Resolution.APPLY_INCOMING);
            });
            SyncNotice n = vm.outcomeProperty().get();
            assertEquals(SyncNotice.Kind.REFUSED, n.kind());
            assertEquals("conflict.error.notOpen", n.message().key());
            assertEquals(0, vm.openCountProperty().get());
        }
    }

    @Test
    void fieldLabelsComeFromTheBundleOrFallBackToTheMemberName() {
        Messages en = Messages.forLocale(Messages.ENGLISH);
        Messages zh = Messages.forLocale(Messages.CHINESE);
        assertEquals("Name (Chinese)", ConflictsView.fieldLabel("nameZh", en));
        assertEquals("名称（中文）", ConflictsView.fieldLabel("nameZh", zh));
        assertEquals("someNewMember", ConflictsView.fieldLabel("someNewMember", zh));
    }
}
