package org.trustbench.synth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.trustbench.db.jooq.Tables.CASE_CHECK;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trustbench.app.AppServices;
import org.trustbench.db.DataFolder;
import org.trustbench.db.Workspace;
import org.trustbench.training.Dataset;
import org.trustbench.training.DatasetReader;
import org.trustbench.training.DatasetSource;
import org.trustbench.sync.DemoPackageService;
import org.trustbench.sync.ImportService;
import org.trustbench.verify.CheckService;

/**
 * A bulk re-check over several batches (workers loading and checking batches side by side, one writer storing them): it
 * reports progress up to the total, stores exactly what a fresh check of each case gives, and a cancellation stops it
 * with whole batches stored. The import of the 1,100 synthetic cases (checked in its transaction) stores the same. On a
 * real store of the demo cases and those synthetic ones.
 */
class BulkCheckTest {

    private static final ClassLoader LOADER = BulkCheckTest.class.getClassLoader();
    private static final int SYNTHETIC = 1100;

    @TempDir
    Path tmp;

    private Clock clock;
    private AppServices s;
    private final List<long[]> importProgress = new ArrayList<>();

    @BeforeEach
    void storeWithSeveralBatches() {
        Dataset template = DatasetReader.read(DatasetSource.classpath("default", LOADER));
        clock = Clock.fixed(template.referenceDate().atTime(12, 0).atZone(ZoneId.of("Asia/Shanghai")).toInstant(),
                ZoneId.of("Asia/Shanghai"));
        Path pkg = tmp.resolve("cases.tbsync");
        SyntheticCases g = SyntheticCases.fromCheckout(template, 5, Path.of(""));
        new DemoPackageService(LOADER, clock).write(g.iterator(SYNTHETIC), template.batch().issuers(),
                template.batch().blobs(), SyntheticCases.effectiveAt(template), pkg, Path.of(DemoPackageService.DEFAULT_KEY_FILE));
        try (AppServices first = AppServices.open(folder(), Workspace.DEMO, clock)) {
            first.prepare((d, t) -> { }, () -> false);
            first.importer().importPackage(pkg, "test", (done, total) -> importProgress.add(new long[] {done, total}),
                    () -> false);
        }
        s = AppServices.open(folder(), Workspace.DEMO, Clock.offset(clock, Duration.ofHours(1)));
    }

    @AfterEach
    void close() {
        s.close();
    }

    @Test
    void theImportStoresWhatAFreshCheckFindsForEachNewCaseWithProgressToTheTotal() {
        long total = ImportService.TOTAL;
        assertTrue(importProgress.stream().allMatch(p -> p[1] == total));
        for (int i = 1; i < importProgress.size(); i++) {
            assertTrue(importProgress.get(i)[0] >= importProgress.get(i - 1)[0], "progress never goes back");
        }
        assertEquals(total, importProgress.get(importProgress.size() - 1)[0]);
        List<Long> ids = s.findingRepository().allCaseIds();
        assertEquals(Map.of(OffsetDateTime.now(clock).toInstant(), (long) ids.size()), stamps(),
                "every case checked when the store was prepared or the package imported");
        for (int i = 0; i < ids.size(); i += 7) {
            long id = ids.get(i);
            assertEquals(s.checks().evaluate(s.caseQueueRepository().findCase(id).orElseThrow()),
                    s.findingRepository().findings(id), "case " + id);
        }
    }

    @Test
    void everyCaseIsStoredAsAFreshCheckGivesWithProgressToTheTotal() {
        List<Long> ids = s.findingRepository().allCaseIds();
        assertTrue(ids.size() > 2 * CheckService.BATCH, "several batches: " + ids.size());
        List<long[]> progress = new ArrayList<>();

        long checked = s.checks().checkAll("test", (done, total) -> {
            synchronized (progress) {
                progress.add(new long[] {done, total});
            }
        }, () -> false);

        assertEquals(ids.size(), checked);
        assertEquals(List.of(0L, (long) ids.size()), List.of(progress.get(0)[0], progress.get(progress.size() - 1)[0]));
        for (int i = 1; i < progress.size(); i++) {
            assertTrue(progress.get(i)[0] > progress.get(i - 1)[0], "progress only grows");
            assertEquals(ids.size(), progress.get(i)[1]);
        }
        Instant at = OffsetDateTime.now(s.clock()).toInstant();
        assertEquals(Map.of(at, (long) ids.size()), stamps());
        for (int i = 0; i < ids.size(); i += 37) {
            long id = ids.get(i);
            assertEquals(s.checks().evaluate(s.caseQueueRepository().findCase(id).orElseThrow()),
                    s.findingRepository().findings(id), "case " + id);
        }
    }

    @Test
    void aCancelledCheckStoresWholeBatchesOnlyAndReportsThem() {
        List<Long> ids = s.findingRepository().allCaseIds();
        AtomicBoolean cancel = new AtomicBoolean();

        long checked = s.checks().checkAll("test", (done, total) -> {
            if (done > 0) {
                cancel.set(true);
            }
        }, cancel::get);

        assertTrue(checked > 0, "the batch that reported was stored");
        assertTrue(checked % CheckService.BATCH == 0 || checked == ids.size(), "whole batches: " + checked);
        Instant at = OffsetDateTime.now(s.clock()).toInstant();
        assertEquals(checked, stamps().getOrDefault(at, 0L), "exactly the cases reported were stored anew");
    }

    @Test
    void aCheckCancelledBeforeItsFirstBatchStoresNothing() {
        Map<Instant, Long> before = stamps();

        long checked = s.checks().checkAll("test", (done, total) -> { }, () -> true);

        assertEquals(0, checked);
        assertEquals(before, stamps());
    }

    private Map<Instant, Long> stamps() {
        return s.store().dsl().select(CASE_CHECK.COMPUTED_AT).from(CASE_CHECK).fetch(CASE_CHECK.COMPUTED_AT).stream()
                .collect(Collectors.groupingBy(OffsetDateTime::toInstant, Collectors.counting()));
    }

    private DataFolder folder() {
        return new DataFolder(tmp.resolve("data"));
    }
}
