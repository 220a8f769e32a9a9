package org.trustbench.caseq;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;
import org.trustbench.app.AppServices;
import org.trustbench.db.DataFolder;
import org.trustbench.db.Workspace;
import org.trustbench.domain.CaseSummary;

/**
 * The queue's start: the first page (a cheap query in the default order) shows before the index, a query that needs
 * the index waits for it, and the index then takes over. Tasks are queued and run one by one on the FX thread.
 */
class CaseQueueViewModelTest {

    @TempDir
    Path tmp;
    private AppServices services;
    private final Queue<Runnable> tasks = new ArrayDeque<>();

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @BeforeEach
    void store() {
        services = AppServices.open(new DataFolder(tmp), Workspace.DEMO, Clock.system(ZoneId.of("Asia/Shanghai")));
        services.prepare((d, t) -> { }, () -> false);
    }

    @AfterEach
    void close() {
        services.close();
    }

    @Test
    void theFirstPageIsThePrefixOfTheIndexsDefaultOrder() {
        CaseQueueRepository repository = services.caseQueueRepository();
        List<CaseSummary> all = QueueIndex.of(repository.findAllSummaries()).search(QueueQuery.ALL);
        assertTrue(all.size() > 20, "the demo store has cases");
        assertEquals(ids(all.subList(0, 20)), ids(repository.firstByDeadline(20)));
        assertEquals(ids(all), ids(repository.firstByDeadline(all.size() + 10)));
        assertEquals(new CaseQueueRepository.FirstPage(repository.firstByDeadline(20), all.size()), repository.firstPage(20));
    }

    @Test
    void theFirstPageShowsBeforeTheIndexAndQueriesWaitForIt() throws Exception {
        CaseQueueViewModel vm = new CaseQueueViewModel(services.caseQueueRepository(), tasks::add);
        List<CaseSummary> all = services.caseQueueRepository().findAllSummaries();
        List<CaseSummary> firstPage = services.caseQueueRepository().firstByDeadline(CaseQueueViewModel.FIRST_PAGE);

        fx(vm::reload);
        assertTrue(vm.loadingProperty().get());
        assertEquals(1, tasks.size(), "only the first page is asked for");
        runNext();
        assertEquals(ids(firstPage), ids(vm.rows()), "the first page shows before the index");
        assertEquals(all.size(), vm.totalCountProperty().get());
        assertTrue(vm.statusCountsProperty().get().isEmpty(), "the counts by status come with the index");
        assertTrue(vm.loadingProperty().get(), "the index is still being built");
        assertEquals(1, tasks.size(), "the index task follows");

        // A search needs the index: nothing is shown (the view says it is loading) until the index is ready.
        fx(() -> vm.searchTextProperty().set("BA-"));
        assertTrue(vm.rows().isEmpty());
        fx(() -> vm.searchTextProperty().set(""));
        assertEquals(ids(firstPage), ids(vm.rows()));
        fx(() -> vm.sortKeyProperty().set(SortKey.CASE_NO));
        assertTrue(vm.rows().isEmpty(), "another order needs the index");

        runNext();
        assertFalse(vm.loadingProperty().get());
        assertEquals(QueueIndex.of(all).statusCounts(), vm.statusCountsProperty().get());
        assertEquals(1.0, vm.loadProgressProperty().get());
        assertEquals(1, tasks.size(), "the waiting query runs on the index");
        runNext();
        QueueQuery byCaseNo = QueueQuery.ALL.withSort(SortKey.CASE_NO, true);
        assertEquals(ids(QueueIndex.of(all).search(byCaseNo)), ids(vm.rows()));

        // Later reloads keep the rows until the new index is ready (no first page again).
        fx(vm::reload);
        assertEquals(ids(QueueIndex.of(all).search(byCaseNo)), ids(vm.rows()));
        runNext();
        runNext();
        assertTrue(tasks.isEmpty());
        assertEquals(all.size(), vm.rows().size());
    }

    @Test
    void aFirstPageAlreadyReadShowsAtOnceAndTheIndexIsBuiltOnceThatFrameIsDrawn() throws Exception {
        CaseQueueViewModel vm = new CaseQueueViewModel(services.caseQueueRepository(), tasks::add);
        List<CaseSummary> all = services.caseQueueRepository().findAllSummaries();
        CaseQueueRepository.FirstPage page = services.caseQueueRepository().firstPage(CaseQueueViewModel.FIRST_PAGE);
        vm.usePrefetched(java.util.concurrent.CompletableFuture.completedFuture(page));

        List<List<Long>> rowsAfterReload = new java.util.ArrayList<>();
        List<Integer> tasksAfterReload = new java.util.ArrayList<>();
        WaitForAsyncUtils.asyncFx(() -> {
            vm.reload();
            // In the same FX event: before any pulse, so the first frame of the queue already has its rows.
            rowsAfterReload.add(ids(vm.rows()));
            tasksAfterReload.add(tasks.size());
        }).get(60, TimeUnit.SECONDS);
        assertEquals(ids(page.rows()), rowsAfterReload.get(0), "the rows are there before the first frame");
        assertEquals(0, tasksAfterReload.get(0), "no task for a page already read, and no index before that frame");
        assertEquals(all.size(), vm.totalCountProperty().get());
        assertTrue(vm.loadingProperty().get(), "the index is still to come");

        // Once that frame is drawn (two pulses), the index is asked for, and then takes over.
        waitForTasks(1);
        runNext();
        assertFalse(vm.loadingProperty().get());
        assertEquals(QueueIndex.of(all).statusCounts(), vm.statusCountsProperty().get());
        assertEquals(1, fxTaskCount(), "the query runs on the index");
        runNext();
        assertEquals(all.size(), vm.rows().size());
        fx(() -> vm.searchTextProperty().set(all.get(0).caseNo()));
        runNext();
        assertTrue(ids(vm.rows()).contains(all.get(0).id()), "the queue searches on the index");
        assertTrue(vm.rows().size() < all.size() && vm.rows().stream().allMatch(r -> r.caseNo().contains(all.get(0).caseNo())));
    }

    @Test
    void aReloadBeforeThatFrameDropsTheDeferredIndexAndAPageNotReadYetIsReadByATask() throws Exception {
        CaseQueueViewModel vm = new CaseQueueViewModel(services.caseQueueRepository(), tasks::add);
        CaseQueueRepository.FirstPage page = services.caseQueueRepository().firstPage(CaseQueueViewModel.FIRST_PAGE);
        vm.usePrefetched(java.util.concurrent.CompletableFuture.completedFuture(page));
        List<Integer> tasksAfterReloads = new java.util.ArrayList<>();
        WaitForAsyncUtils.asyncFx(() -> {
            vm.reload();
            vm.reload(); // no first page any more: read by a task; the deferred index build must not run as well
            tasksAfterReloads.add(tasks.size());
        }).get(60, TimeUnit.SECONDS);
        assertEquals(1, tasksAfterReloads.get(0), "only the page task");
        for (int i = 0; i < 10; i++) {
            WaitForAsyncUtils.sleep(20, TimeUnit.MILLISECONDS);
            WaitForAsyncUtils.waitForFxEvents();
        }
        assertEquals(1, fxTaskCount(), "the deferred index build was dropped");
        runNext();
        assertEquals(ids(page.rows()), ids(vm.rows()));
        assertEquals(1, fxTaskCount(), "the index follows the page read by the task");

        // A page still being read is not waited for on the FX thread: a task waits for it.
        CaseQueueViewModel later = new CaseQueueViewModel(services.caseQueueRepository(), tasks::add);
        tasks.clear();
        java.util.concurrent.CompletableFuture<CaseQueueRepository.FirstPage> pending = new java.util.concurrent.CompletableFuture<>();
        later.usePrefetched(pending);
        fx(later::reload);
        assertTrue(later.rows().isEmpty());
        assertEquals(1, fxTaskCount(), "the page task");
        pending.complete(page);
        runNext();
        assertEquals(ids(page.rows()), ids(later.rows()));
    }

    private int fxTaskCount() throws Exception {
        return WaitForAsyncUtils.asyncFx(tasks::size).get(60, TimeUnit.SECONDS);
    }

    private void waitForTasks(int n) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (fxTaskCount() < n) {
            assertTrue(System.nanoTime() < deadline, "no task within 30 s");
            WaitForAsyncUtils.sleep(10, TimeUnit.MILLISECONDS);
        }
    }

    private void runNext() throws Exception {
        fx(tasks.remove());
    }

    private static void fx(Runnable r) throws Exception {
        WaitForAsyncUtils.asyncFx(r).get(60, TimeUnit.SECONDS);
        for (int i = 0; i < 5; i++) {
            WaitForAsyncUtils.waitForFxEvents();
        }
    }

    private static List<Long> ids(List<CaseSummary> rows) {
        return rows.stream().map(CaseSummary::id).toList();
    }
}
