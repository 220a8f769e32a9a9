package org.trustbench.sync.conflict;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trustbench.app.AppServices;
import org.trustbench.audit.AuditAction;
import org.trustbench.audit.AuditQuery;
import org.trustbench.db.DataFolder;
import org.trustbench.db.Workspace;
import org.trustbench.i18n.UserException;

/** Conflicts recorded in a real store; keeping the local side, note rules, and refusing a second resolution. */
class ConflictServiceTest {

    @TempDir
    Path tmp;

    private final Clock clock = Clock.fixed(Instant.parse("2026-03-02T04:00:00Z"), ZoneId.of("Asia/Shanghai"));

    @Test
    void keepLocalIsAuditedAndOnlyOnce() {
        try (AppServices s = AppServices.open(new DataFolder(tmp.resolve("a")), Workspace.DEMO, clock)) {
            ConflictRepository repo = new ConflictRepository(s.store().dsl());
            long id = repo.insert(s.store().dsl(), new ConflictRepository.NewConflict("p-1", ConflictKind.CASE_EXISTS,
                    "C-1", "91310000MA1FL0000X", "C-1", "records/case.jsonl", 3,
                    List.of(new ConflictField("nameZh", "甲", "乙"), new ConflictField("platform", "x", "x")), "{\"caseNo\":\"C-1\"}"),
                    OffsetDateTime.now(clock));
            ConflictService conflicts = s.conflicts();
            assertEquals(1, conflicts.openCount());
            Conflict open = conflicts.find(id).orElseThrow();
            assertEquals(ConflictStatus.OPEN, open.status());
            assertTrue(open.fields().get(0).differs());
            assertEquals(false, open.fields().get(1).differs());

            UserException noNote = assertThrows(UserException.class, () -> conflicts.resolve(id, Resolution.KEEP_LOCAL, " ", "anna"));
            assertEquals("conflict.error.noteRequired", noNote.userMessage().key());
            assertThrows(UserException.class, () -> conflicts.resolve(id, Resolution.KEEP_LOCAL, "x".repeat(2001), "anna"));

            Conflict kept = conflicts.resolve(id, Resolution.KEEP_LOCAL, "local data checked by phone", "anna");
            assertEquals(ConflictStatus.KEPT_LOCAL, kept.status());
            assertEquals("anna", kept.resolvedBy());
            assertEquals("local data checked by phone", kept.note());
            assertEquals(0, conflicts.openCount());
            assertEquals(List.of(), conflicts.open());
            assertEquals(1, conflicts.all().size());
            assertTrue(s.audit().list(AuditQuery.all(1000)).stream()
                    .anyMatch(e -> e.action() == AuditAction.CONFLICT_RESOLVED && e.subject().equals("conflict:" + id)));
            UserException again = assertThrows(UserException.class,
                    () -> conflicts.resolve(id, Resolution.APPLY_INCOMING, "changed my mind", "anna"));
            assertEquals("conflict.error.notOpen", again.userMessage().key());
            assertTrue(s.audit().verify().ok());
        }
    }
}
