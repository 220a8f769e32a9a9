package org.trustbench.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trustbench.crypto.Sm3;
import org.trustbench.db.DataFolder;
import org.trustbench.db.Store;
import org.trustbench.db.Workspace;
import org.trustbench.i18n.Messages;

/** The hash-chained audit log on a real H2 store, tampered with by plain SQL as the H2 console would. */
class AuditRepositoryTest {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @TempDir
    Path tmp;

    private Store store;
    private TestClock clock;
    private AuditRepository audit;

    @BeforeEach
    void open() {
        store = Store.open(new DataFolder(tmp), Workspace.REAL);
        clock = new TestClock(Instant.parse("2026-11-20T02:00:00.123456789Z"), SHANGHAI);
        audit = new AuditRepository(store.dsl(), clock);
    }

    @AfterEach
    void close() {
        store.close();
    }

    /** Appends {@code n} entries an hour apart: seq i is done by {@code user(i)} on case {@code BA-<i>}. */
    static void appendSample(AuditRepository audit, TestClock clock, int n) {
        for (int i = 1; i <= n; i++) {
            audit.append(user(i), i % 2 == 0 ? AuditAction.DECISION : AuditAction.CASE_OPENED_FOR_REVIEW, "BA-" + i,
                    Map.of("index", i, "outcome", "APPROVED", "reasons", List.of("R1", "R2")));
            clock.advance(Duration.ofHours(1));
        }
    }

    static String user(int i) {
        return i % 3 == 0 ? "zhang.wei" : "li.na";
    }

    @Test
    void appendedEntriesFormAChainThatVerifies() {
        appendSample(audit, clock, 5);
        List<AuditEntry> all = audit.list(AuditQuery.all(0));
        assertEquals(List.of(5L, 4L, 3L, 2L, 1L), all.stream().map(AuditEntry::seq).toList(), "newest first");
        AuditEntry first = all.get(4);
        assertEquals(AuditRepository.GENESIS_HASH, first.prevHash());
        for (int i = 0; i < 4; i++) {
            assertEquals(all.get(i + 1).hash(), all.get(i).prevHash(), "entry " + all.get(i).seq() + " links to the one before");
        }
        assertTrue(first.hash().matches("[0-9a-f]{64}"), first.hash());
        assertEquals(Instant.parse("2026-11-20T02:00:00.123456Z"), first.at().toInstant(), "kept to the microsecond");
        assertEquals(Map.of("index", BigInteger.ONE, "outcome", "APPROVED", "reasons", List.of("R1", "R2")), first.detail());
        assertEquals(AuditAction.CASE_OPENED_FOR_REVIEW, first.action());

        assertEquals(VerifyResult.intact(5), audit.verify());
        assertEquals(5, audit.count());
    }

    @Test
    void theHashIsSm3OfTheDocumentedCanonicalForm() {
        AuditEntry e = audit.append("li|na", AuditAction.DECISION, "BA-1 \\ x",
                Map.of("z", 1.50, "a", List.of(true, "文"), "m", Map.of("y", -0.0, "b", 2.0)));
        String canonical = "1|2026-11-20T02:00:00.123456Z|li\\|na|DECISION|BA-1 \\\\ x"
                + "|{\"a\":[true,\"文\"],\"m\":{\"b\":2,\"y\":0},\"z\":1.5}|" + "0".repeat(64);
        assertEquals(Sm3.hex(canonical.getBytes(StandardCharsets.UTF_8)), e.hash());
        assertEquals(e, audit.list(AuditQuery.all(0)).get(0), "what is stored reads back the same");
        assertTrue(audit.verify().ok());
    }

    @Test
    void numbersAndTextSurviveTheStoresOwnJsonNormalisation() {
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("decimal", new BigDecimal("1.50"));
        detail.put("huge", new BigDecimal("1E+400"));
        detail.put("tiny", 1e-9);
        detail.put("big", new BigInteger("123456789012345678901234567890"));
        detail.put("negativeZero", -0.0);
        detail.put("long", Long.MIN_VALUE);
        detail.put("text", "\u0001 / \\ \" \u00e9 \u6587 \ud83d\ude00 |");
        detail.put("none", null);
        detail.put("nested", Map.of("list", List.of(Map.of("k", 1), List.of()), "empty", Map.of()));
        detail.put("date", LocalDate.of(2026, 11, 20));
        detail.put("status", AuditAction.EXPORT);
        audit.append("li.na", AuditAction.EXPORT, "BA-1", detail);
        VerifyResult result = audit.verify();
        assertTrue(result.ok(), result.toString());
        Map<String, Object> stored = audit.list(AuditQuery.all(0)).get(0).detail();
        assertEquals(new BigDecimal("1.5"), stored.get("decimal"));
        assertEquals("2026-11-20", stored.get("date"));
        assertEquals("EXPORT", stored.get("status"));
        assertEquals(detail.get("text"), stored.get("text"));
        assertTrue(stored.containsKey("none"));
    }

    @Test
    void aSubjectChangedDirectlyInTheDatabaseIsDetectedAtThatEntry() {
        appendSample(audit, clock, 6);
        assertEquals(1, store.dsl().execute("UPDATE audit_log SET subject = 'BA-999' WHERE seq = 3"));
        VerifyResult result = audit.verify();
        assertFalse(result.ok());
        assertEquals(3L, result.firstBrokenSeq());
        assertEquals(VerifyResult.HASH_MISMATCH, result.reasonKey());
        assertEquals(3, result.entriesChecked());
    }

    @Test
    void aDetailChangedDirectlyInTheDatabaseIsDetected() {
        appendSample(audit, clock, 4);
        store.dsl().execute("UPDATE audit_log SET detail = JSON '{\"index\":2,\"outcome\":\"REFUSED\",\"reasons\":[\"R1\",\"R2\"]}'"
                + " WHERE seq = 2");
        assertEquals(VerifyResult.broken(2, 2, VerifyResult.HASH_MISMATCH), audit.verify());
    }

    @Test
    void reorderingKeysOrSpacingInTheStoredJsonIsNotAChange() {
        appendSample(audit, clock, 3);
        store.dsl().execute("UPDATE audit_log SET detail = JSON '{ \"reasons\" : [\"R1\", \"R2\"], \"outcome\": \"APPROVED\", \"index\": 2.0 }'"
                + " WHERE seq = 2");
        assertEquals(VerifyResult.intact(3), audit.verify(), "same content, same canonical form");
    }

    @Test
    void changedTimeUserOrActionIsDetected() {
        appendSample(audit, clock, 5);
        store.dsl().execute("UPDATE audit_log SET at = at + INTERVAL '1' SECOND WHERE seq = 2");
        store.dsl().execute("UPDATE audit_log SET username = 'wang.fang' WHERE seq = 4");
        assertEquals(VerifyResult.broken(2, 2, VerifyResult.HASH_MISMATCH), audit.verify());
        store.dsl().execute("UPDATE audit_log SET at = at - INTERVAL '1' SECOND WHERE seq = 2");
        assertEquals(VerifyResult.broken(4, 4, VerifyResult.HASH_MISMATCH), audit.verify());
    }

    @Test
    void aChangedEntryWithARecomputedHashBreaksTheLinkOfTheNext() {
        appendSample(audit, clock, 5);
        AuditEntry third = audit.list(AuditQuery.all(0)).stream().filter(e -> e.seq() == 3).findFirst().orElseThrow();
        String forged = AuditRepository.hash(3, third.at().toInstant(), third.username(), third.action().name(), "BA-999",
                "{\"index\":3,\"outcome\":\"APPROVED\",\"reasons\":[\"R1\",\"R2\"]}", third.prevHash());
        store.dsl().execute("UPDATE audit_log SET subject = 'BA-999', hash = ? WHERE seq = 3", forged);
        assertEquals(VerifyResult.broken(4, 4, VerifyResult.LINK_BROKEN), audit.verify());
    }

    @Test
    void aDeletedMiddleEntryIsAGap() {
        appendSample(audit, clock, 5);
        store.dsl().execute("DELETE FROM audit_log WHERE seq = 3");
        assertEquals(VerifyResult.broken(3, 3, VerifyResult.GAP), audit.verify());
    }

    @Test
    void aDeletedFirstEntryIsAGapAtOne() {
        appendSample(audit, clock, 3);
        store.dsl().execute("DELETE FROM audit_log WHERE seq = 1");
        assertEquals(VerifyResult.broken(1, 1, VerifyResult.GAP), audit.verify());
    }

    @Test
    void anEmptyLogIsIntact() {
        assertEquals(VerifyResult.intact(0), audit.verify());
    }

    @Test
    void secretsAreRefusedAtAnyDepthAndNothingIsWritten() {
        audit.append("li.na", AuditAction.USER_ADDED, "user:wang.fang", Map.of("mapping", "x", "shipping", 1, "spinner", true,
                "reason", "wrong-password"));
        for (Map<String, ?> detail : List.of(
                Map.of("password", "hunter2"),
                Map.of("Password", "hunter2"),
                Map.of("newPassword", "x"),
                Map.of("old_passwd", "x"),
                Map.of("clientSecret", "x"),
                Map.of("pin", "1234"),
                Map.of("userPin", "1234"),
                Map.of("PIN", "1234"),
                Map.of("user", Map.of("name", "wang.fang", "password", "x")),
                Map.of("changes", List.of(Map.of("field", "x"), Map.of("SECRET", "x"))))) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> audit.append("li.na", AuditAction.USER_CHANGED, "user:wang.fang", detail), detail.toString());
            assertFalse(e.getMessage().contains("hunter2"), "the secret itself is not repeated: " + e.getMessage());
        }
        assertEquals(1, audit.count());
        assertTrue(audit.verify().ok());
    }

    @Test
    void valuesJsonCannotHoldAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> audit.append("li.na", AuditAction.EXPORT, "x", Map.of("f", new Object())));
        assertThrows(IllegalArgumentException.class, () -> audit.append("li.na", AuditAction.EXPORT, "x", Map.of("f", Double.NaN)));
        assertThrows(IllegalArgumentException.class, () -> audit.append(" ", AuditAction.EXPORT, "x", Map.of()));
        assertThrows(IllegalArgumentException.class, () -> audit.append("li.na", AuditAction.EXPORT, "x".repeat(201), Map.of()));
        assertEquals(0, audit.count());
    }

    @Test
    void aRolledBackTransactionLeavesNoEntry() {
        appendSample(audit, clock, 2);
        assertThrows(IllegalStateException.class, () -> store.dsl().transaction(tx -> {
            audit.append(tx.dsl(), "li.na", AuditAction.DECISION, "BA-3", Map.of("outcome", "APPROVED"));
            throw new IllegalStateException("the decision could not be saved");
        }));
        assertEquals(2, audit.count());
        AuditEntry next = audit.append("li.na", AuditAction.DECISION, "BA-3", Map.of());
        assertEquals(3, next.seq());
        assertEquals(VerifyResult.intact(3), audit.verify());
    }

    @Test
    void anEntryCommitsWithTheCallersChange() {
        store.dsl().transaction(tx -> {
            tx.dsl().execute("INSERT INTO store_info (info_key, info_value) VALUES ('audit-test', 'x')");
            audit.append(tx.dsl(), "li.na", AuditAction.IMPORT, "package:1", Map.of("cases", 3));
        });
        assertEquals("x", store.readInfo("audit-test").orElseThrow());
        assertEquals(1, audit.count());
    }

    @Test
    void concurrentAppendsQueueUpAndKeepOneChain() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<Void>> jobs = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int thread = t;
                jobs.add(() -> {
                    for (int i = 0; i < 25; i++) {
                        audit.append("user" + thread, AuditAction.RECHECK, "BA-" + i, Map.of("i", i));
                    }
                    return null;
                });
            }
            for (Future<Void> f : pool.invokeAll(jobs)) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(VerifyResult.intact(100), audit.verify());
    }

    @Test
    void listFiltersBySubjectUserAndDateNewestFirst() {
        appendSample(audit, clock, 30); // 02:00 UTC = 10:00 Shanghai on 20 Nov, then hourly up to 21 Nov 15:00
        assertEquals(List.of(19L, 18L, 17L, 16L, 15L, 14L, 13L, 12L, 11L, 10L, 1L), seqs(new AuditQuery("ba-1", null, null, null, 0)),
                "subject contains, case-insensitive");
        assertTrue(audit.list(new AuditQuery(null, "ZHANG.WEI", null, null, 0)).stream()
                .allMatch(e -> e.username().equals("zhang.wei")));
        assertEquals(10, audit.list(new AuditQuery(null, "zhang.wei", null, null, 0)).size());
        // 20 Nov (Shanghai) holds seq 1..14 (10:00 .. 23:00); 21 Nov holds 15..30.
        assertEquals(14, audit.list(new AuditQuery(null, null, null, LocalDate.of(2026, 11, 20), 0)).size());
        assertEquals(15L, seqs(new AuditQuery(null, null, LocalDate.of(2026, 11, 21), null, 0)).get(15));
        assertEquals(List.of(30L, 29L, 28L), seqs(new AuditQuery(null, null, LocalDate.of(2026, 11, 21), LocalDate.of(2026, 11, 21), 3)));
        assertEquals(List.of(12L, 9L), seqs(new AuditQuery("BA-", "zhang.wei", LocalDate.of(2026, 11, 20), LocalDate.of(2026, 11, 20), 2)));
        assertEquals(List.of(), seqs(new AuditQuery("100%", null, null, null, 0)), "wildcards are literal");
    }

    private List<Long> seqs(AuditQuery q) {
        return audit.list(q).stream().map(AuditEntry::seq).toList();
    }

    @Test
    void everyActionAndEveryReasonHasTextInBothLanguages() {
        for (Locale locale : Messages.SUPPORTED) {
            Messages m = Messages.forLocale(locale);
            for (AuditAction a : AuditAction.values()) {
                assertTrue(m.has("audit.action." + a.name()), locale + " lacks audit.action." + a.name());
            }
            for (String key : List.of(VerifyResult.HASH_MISMATCH, VerifyResult.LINK_BROKEN, VerifyResult.GAP)) {
                assertTrue(m.has(key), locale + " lacks " + key);
                String text = m.get(key, "1234", "1233");
                assertTrue(text.contains("1234") && !text.contains("1,234"), text);
            }
        }
        assertEquals("Entry 7 was altered: its content no longer matches its hash.",
                Messages.forLocale(Messages.ENGLISH).get(VerifyResult.HASH_MISMATCH, "7", "6"));
    }

    /** A clock the test moves forward. */
    static final class TestClock extends Clock {
        private Instant now;
        private final ZoneId zone;

        TestClock(Instant now, ZoneId zone) {
            this.now = now;
            this.zone = zone;
        }

        synchronized void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneId getZone() {
            return zone;
        }

        @Override
        public Clock withZone(ZoneId z) {
            return new TestClock(now, z);
        }

        @Override
        public synchronized Instant instant() {
            return now;
        }
    }
}
