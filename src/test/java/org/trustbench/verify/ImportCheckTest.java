package org.trustbench.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.trustbench.db.jooq.Tables.CASE_CHECK;
import static org.trustbench.db.jooq.Tables.FINDING;
import static org.trustbench.db.jooq.Tables.TRUSTED_ISSUER;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trustbench.app.AppServices;
import org.trustbench.crypto.Sm2;
import org.trustbench.db.DataFolder;
import org.trustbench.db.Workspace;
import org.trustbench.domain.EvidenceSource;
import org.trustbench.domain.FilingCase;
import org.trustbench.domain.Finding;
import org.trustbench.testing.DemoStore;

/**
 * The check of an import's new cases inside its transaction ({@link ImportCheck}), as an import drives it: chunks
 * offered as they are inserted, results stored in the transaction. What it stores is what a fresh check finds after
 * the commit, with the issuer keys as the transaction has them; a registry record shared by several cases is verified
 * once; a chunk offered while the backlog is full is checked by the import's own thread. On the demo store with its
 * findings removed.
 */
class ImportCheckTest {

    @TempDir
    Path tmp;

    private final AtomicInteger sm2 = new AtomicInteger();
    private volatile CountDownLatch gate = new CountDownLatch(0);
    private final java.util.Set<String> verifiedOn = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private AppServices s;
    private CheckService counted;

    @BeforeEach
    void demoStoreNeverChecked() {
        Clock clock = DemoStore.reset(new DataFolder(tmp.resolve("data")));
        s = AppServices.open(new DataFolder(tmp.resolve("data")), Workspace.DEMO, clock);
        s.store().dsl().deleteFrom(FINDING).execute();
        s.store().dsl().deleteFrom(CASE_CHECK).execute();
        counted = new CheckService(s.caseQueueRepository(), s.findingRepository(), VerificationEngine.standard(),
                VerificationSettings.DEFAULTS, s.audit(), clock,
                SignatureResultMac.derivedFrom(s.workstationKeys().privateKey()), (key, data, sig) -> {
                    try {
                        gate.await(1, TimeUnit.MINUTES);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    sm2.incrementAndGet();
                    verifiedOn.add(Thread.currentThread().getName());
                    return Sm2.verify(key, data, sig);
                });
    }

    @AfterEach
    void close() {
        s.close();
    }

    @Test
    void whatItStoresInTheTransactionIsWhatAFreshCheckFinds() {
        List<Long> ids = s.findingRepository().allCaseIds();
        List<FilingCase> cases = s.caseQueueRepository().findCases(ids);
        Map<Long, List<Finding>> fresh = DemoStore.freshFindings(s, ids);

        List<Long> stored = s.store().dsl().transactionResult(tx -> {
            try (ImportCheck check = counted.importCheck()) {
                counted.start(check, tx.dsl());
                List<Long> out = new ArrayList<>();
                for (int from = 0; from < cases.size(); from += 25) { // three chunks: none dropped (backlog of 4)
                    check.offer(cases.subList(from, Math.min(cases.size(), from + 25)));
                    out.addAll(check.store(tx.dsl(), false));
                }
                out.addAll(check.store(tx.dsl(), true));
                return out;
            }
        });

        int verifications = sm2.get();
        assertEquals(new HashSet<>(ids), new HashSet<>(stored));
        assertEquals(ids.size(), stored.size(), "each case stored once");
        assertEquals(fresh, DemoStore.storedFindings(s, ids));
        long signed = cases.stream().flatMap(c -> c.evidence().stream())
                .filter(e -> e.source() == EvidenceSource.REGULATOR && e.signature() != null).count();
        assertTrue(verifications > 0 && verifications <= signed, verifications + " SM2 verifications, " + signed
                + " signed registry records");
    }

    @Test
    void theKeysAreThoseOfTheTransaction() {
        List<Long> ids = s.findingRepository().allCaseIds();
        List<FilingCase> cases = s.caseQueueRepository().findCases(ids);
        Map<Long, List<Finding>> fresh = DemoStore.freshFindings(s, ids);
        var issuers = s.store().dsl().selectFrom(TRUSTED_ISSUER).fetch();
        s.store().dsl().deleteFrom(TRUSTED_ISSUER).execute(); // as before an import whose package brings its keys

        s.store().dsl().transaction(tx -> {
            issuers.forEach(r -> {
                r.changed(true);
                tx.dsl().insertInto(TRUSTED_ISSUER).set(r).execute(); // the package's issuer_key records
            });
            try (ImportCheck check = counted.importCheck()) {
                counted.start(check, tx.dsl());
                check.offer(cases);
                check.store(tx.dsl(), true);
            }
        });

        assertEquals(fresh, DemoStore.storedFindings(s, ids), "trusted as the committed store has them");
    }

    @Test
    void aChunkOfferedWhileTheBacklogIsFullIsCheckedByTheImportItself() throws Exception {
        List<Long> ids = s.findingRepository().allCaseIds();
        List<FilingCase> cases = s.caseQueueRepository().findCases(ids);
        Map<Long, List<Finding>> fresh = DemoStore.freshFindings(s, ids);
        List<List<FilingCase>> chunks = new ArrayList<>();
        for (FilingCase c : cases) {
            if (!counted.signatureStatuses(c).isEmpty() && chunks.size() < ImportCheck.BACKLOG + 3) {
                chunks.add(List.of(c)); // every chunk has a registry record, so its check waits at the gate
            }
        }
        assertEquals(ImportCheck.BACKLOG + 3, chunks.size());
        verifiedOn.clear();
        gate = new CountDownLatch(1);
        Thread opener = new Thread(() -> {
            try {
                Thread.sleep(300); // by then the check's thread waits at the gate with the backlog full
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            gate.countDown();
        });

        String importThread = Thread.currentThread().getName();
        List<Long> stored = s.store().dsl().transactionResult(tx -> {
            try (ImportCheck check = counted.importCheck()) {
                counted.start(check, tx.dsl());
                opener.start();
                chunks.forEach(check::offer); // one under way, BACKLOG waiting, two checked by the offering thread
                return check.store(tx.dsl(), true);
            }
        });
        opener.join();

        List<Long> chunkIds = chunks.stream().map(c -> c.get(0).id()).toList();
        assertEquals(new HashSet<>(chunkIds), new HashSet<>(stored), "every chunk checked, none left for later");
        assertTrue(verifiedOn.contains(importThread) && verifiedOn.contains("import-check"), verifiedOn.toString());
        for (long id : chunkIds) {
            assertEquals(fresh.get(id), s.findingRepository().findings(id), "case " + id);
        }
    }

    @Test
    void offersBeforeTheStartAreDroppedAndNothingIsStored() {
        List<FilingCase> cases = s.caseQueueRepository().findCases(s.findingRepository().allCaseIds());
        List<Long> stored = s.store().dsl().transactionResult(tx -> {
            try (ImportCheck check = counted.importCheck()) {
                check.offer(cases);
                assertTrue(!check.started());
                return check.store(tx.dsl(), true);
            }
        });
        assertEquals(List.of(), stored);
        assertEquals(0, s.store().dsl().fetchCount(CASE_CHECK));
    }
}
