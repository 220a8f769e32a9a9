package org.trustbench.caseq;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.Executor;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.concurrent.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.trustbench.caseq.CaseQueueRepository.FirstPage;
import org.trustbench.domain.CaseStatus;
import org.trustbench.domain.CaseSummary;
import org.trustbench.domain.ServiceType;
import org.trustbench.ui.Tasks;

/**
 * State of the case queue: the officer's query as writable properties, the result as read-only
 * state. Loading and searching run as tasks on the injected executor; the latest query wins.
 */
public final class CaseQueueViewModel {

    private static final Logger LOG = LoggerFactory.getLogger(CaseQueueViewModel.class);
    /** Rows shown before the index is ready: more than a screenful. */
    public static final int FIRST_PAGE = 200;
    private static final int PROGRESS_STEP = 1000;

    private final CaseQueueRepository repository;
    private final Executor executor;

    private final StringProperty searchText = new SimpleStringProperty("");
    private final ObjectProperty<CaseStatus> statusFilter = new SimpleObjectProperty<>();
    private final ObjectProperty<ServiceType> serviceFilter = new SimpleObjectProperty<>();
    private final ObjectProperty<SeverityFilter> severityFilter = new SimpleObjectProperty<>();
    private final javafx.beans.property.IntegerProperty minFindings = new javafx.beans.property.SimpleIntegerProperty(0);
    private final ObjectProperty<SortKey> sortKey = new SimpleObjectProperty<>(SortKey.DEADLINE);
    private final BooleanProperty ascending = new SimpleBooleanProperty(true);
    private final ObjectProperty<CaseSummary> selected = new SimpleObjectProperty<>();
    private final ObjectProperty<QueueView> view = new SimpleObjectProperty<>(QueueView.ALL);
    private final ObjectProperty<QueueView.Viewer> viewer = new SimpleObjectProperty<>(QueueView.Viewer.NOBODY);

    private final ObservableList<CaseSummary> rows = FXCollections.observableArrayList();
    private final ObservableList<CaseSummary> readOnlyRows = FXCollections.unmodifiableObservableList(rows);
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper failed = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyIntegerWrapper totalCount = new ReadOnlyIntegerWrapper(0);
    private final ReadOnlyIntegerWrapper shownCount = new ReadOnlyIntegerWrapper(0);
    /** Empty until the first index has counted the cases by status. */
    private final ReadOnlyObjectWrapper<Map<CaseStatus, Integer>> statusCounts = new ReadOnlyObjectWrapper<>(Map.of());

    private final ReadOnlyDoubleWrapper loadProgress = new ReadOnlyDoubleWrapper(-1);

    private QueueIndex index = QueueIndex.empty();
    private boolean indexReady;
    private List<CaseSummary> firstPage = List.of();
    private java.util.concurrent.Future<FirstPage> prefetched;
    private Task<FirstPage> pageTask;
    private Task<QueueIndex> loadTask;
    /** Counts the reloads, so that an index build deferred to after a frame is dropped when a reload came meanwhile. */
    private long reloads;
    private Task<List<CaseSummary>> searchTask;

    public CaseQueueViewModel(CaseQueueRepository repository, Executor executor) {
        this.repository = repository;
        this.executor = executor;
        searchText.addListener((o, a, b) -> search());
        statusFilter.addListener((o, a, b) -> search());
        serviceFilter.addListener((o, a, b) -> search());
        severityFilter.addListener((o, a, b) -> search());
        minFindings.addListener((o, a, b) -> search());
        view.addListener((o, a, b) -> search());
        viewer.addListener((o, a, b) -> search());
        sortKey.addListener((o, a, b) -> search());
        ascending.addListener((o, a, b) -> search());
    }

    /**
     * The first page (in the default order, with the number of cases) already being read by the start path, which can start
     * it before this view model exists; the first {@link #reload()} shows it instead of reading it again. Call it
     * before the first reload, for the rows of {@link #FIRST_PAGE} cases.
     */
    public void usePrefetched(java.util.concurrent.Future<FirstPage> page) {
        if (!indexReady) {
            prefetched = page;
        }
    }

    /**
     * Reloads the queue from the store in the background, keeping the current query and selection. The first time,
     * the first page in the default order and the number of cases come from a cheap query and are shown at once, while the
     * full index is built in a second task (with {@link #loadProgressProperty() progress}); a query that needs the
     * index waits for it. A prefetched first page that has already been read is shown in this call, so the rows are in
     * the table's first frame; the index is then built once that frame has been drawn.
     */
    public void reload() {
        reloads++;
        cancel(loadTask);
        cancel(pageTask);
        loading.set(true);
        failed.set(false);
        if (indexReady) {
            buildIndex();
            return;
        }
        java.util.concurrent.Future<FirstPage> early = prefetched;
        prefetched = null;
        FirstPage done = readIfDone(early);
        if (done != null) {
            // Read while the workbench was built: the rows are in the table before its first frame, not one frame later,
            // and the index is built once that frame has been drawn instead of competing with it for the cores.
            showFirstPage(done);
            afterNextFrame(this::buildIndex);
            return;
        }
        Task<FirstPage> page = Tasks.of(() -> early != null ? early.get() : repository.firstPage(FIRST_PAGE));
        pageTask = page;
        page.setOnSucceeded(e -> {
            if (pageTask == page) {
                showFirstPage(page.getValue());
                buildIndex();
            }
        });
        page.setOnFailed(e -> {
            if (pageTask == page) {
                LOG.warn("Loading the first page of the queue failed", page.getException());
                buildIndex();
            }
        });
        executor.execute(page);
    }

    /** Shows the first page and the number of cases; the index is built next (by the caller). */
    private void showFirstPage(FirstPage page) {
        firstPage = page.rows();
        totalCount.set(page.total());
        search();
    }

    /**
     * Runs {@code work} on the FX thread at the second pulse from now: the first draws the frame being prepared, the
     * second comes once it is on screen. A reload meanwhile supersedes it.
     */
    private void afterNextFrame(Runnable work) {
        long generation = reloads;
        new javafx.animation.AnimationTimer() {
            private int pulses;

            @Override
            public void handle(long now) {
                if (++pulses < 2) {
                    return;
                }
                stop();
                if (generation == reloads) {
                    work.run();
                }
            }
        }.start();
    }

    /** The page of a future that has already completed normally, or null (not done, failed or cancelled: never waits). */
    private static FirstPage readIfDone(java.util.concurrent.Future<FirstPage> future) {
        if (future == null || !future.isDone() || future.isCancelled()) {
            return null;
        }
        try {
            return future.get();
        } catch (java.util.concurrent.ExecutionException e) {
            return null; // the page task reads it again and reports the failure as before
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private void buildIndex() {
        int expected = totalCount.get();
        Task<QueueIndex> task = new Task<>() {
            @Override
            protected QueueIndex call() {
                List<CaseSummary> all = new ArrayList<>(Math.max(16, expected));
                updateProgress(-1, 1);
                repository.forEachSummary(row -> {
                    all.add(row);
                    if (all.size() % PROGRESS_STEP == 0) {
                        if (isCancelled()) {
                            throw new CancellationException();
                        }
                        if (expected > 0) {
                            updateProgress(Math.min(all.size(), expected), expected);
                        }
                    }
                });
                return QueueIndex.of(all);
            }
        };
        loadTask = task;
        loadProgress.bind(task.progressProperty());
        task.setOnSucceeded(e -> {
            if (loadTask == task) {
                loadProgress.unbind();
                loadProgress.set(1);
                index = task.getValue();
                indexReady = true;
                firstPage = List.of();
                totalCount.set(index.size());
                statusCounts.set(index.statusCounts());
                loading.set(false);
                search();
            }
        });
        task.setOnFailed(e -> {
            if (loadTask == task) {
                LOG.error("Loading the case queue failed", task.getException());
                loadProgress.unbind();
                loading.set(false);
                failed.set(true);
            }
        });
        executor.execute(task);
    }

    private static void cancel(Task<?> task) {
        if (task != null) {
            task.cancel(false);
        }
    }

    /** Whether {@code q} shows the cases in the order of the first page, unfiltered. */
    private static boolean firstPageOrder(QueueQuery q) {
        return q.text().isBlank() && q.status() == null && q.service() == null && q.severity() == null
                && q.minFindings() == 0 && q.sortKey() == SortKey.DEADLINE && q.ascending() && q.view() == QueueView.ALL;
    }

    private void search() {
        if (searchTask != null) {
            searchTask.cancel(false);
        }
        if (!indexReady) {
            // Before the first index: the first page when the query shows it, otherwise nothing until the index is ready.
            apply(firstPageOrder(query()) ? firstPage : List.of());
            return;
        }
        QueueIndex current = index;
        QueueQuery query = query();
        Task<List<CaseSummary>> task = new Task<>() {
            @Override
            protected List<CaseSummary> call() {
                return current.search(query, this::isCancelled);
            }
        };
        searchTask = task;
        task.setOnSucceeded(e -> {
            if (searchTask == task) {
                apply(task.getValue());
            }
        });
        task.setOnFailed(e -> LOG.error("Queue search failed", task.getException()));
        executor.execute(task);
    }

    private void apply(List<CaseSummary> result) {
        CaseSummary keep = selected.get();
        rows.setAll(result);
        shownCount.set(result.size());
        if (keep != null) {
            selected.set(result.stream().filter(r -> r.id() == keep.id()).findFirst().orElse(null));
        }
    }

    public QueueQuery query() {
        return new QueueQuery(searchText.get(), statusFilter.get(), serviceFilter.get(), severityFilter.get(), minFindings.get(),
                sortKey.get(), ascending.get(), view.get(), viewer.get());
    }

    /** Clears the text and both filters. */
    public void clearFilters() {
        searchText.set("");
        statusFilter.set(null);
        serviceFilter.set(null);
        severityFilter.set(null);
        minFindings.set(0);
    }

    public StringProperty searchTextProperty() {
        return searchText;
    }

    public ObjectProperty<CaseStatus> statusFilterProperty() {
        return statusFilter;
    }

    public ObjectProperty<ServiceType> serviceFilterProperty() {
        return serviceFilter;
    }

    public ObjectProperty<SeverityFilter> severityFilterProperty() {
        return severityFilter;
    }

    /** Only cases with at least this many findings; 0 shows all. */
    public javafx.beans.property.IntegerProperty minFindingsProperty() {
        return minFindings;
    }

    /** The ready-made view (all, mine, awaiting my sign-off, decided today). */
    public ObjectProperty<QueueView> viewProperty() {
        return view;
    }

    /** Who is looking; set once the officer has signed in. */
    public ObjectProperty<QueueView.Viewer> viewerProperty() {
        return viewer;
    }

    public ObjectProperty<SortKey> sortKeyProperty() {
        return sortKey;
    }

    public BooleanProperty ascendingProperty() {
        return ascending;
    }

    /** The case the officer selected; the detail pane follows it. */
    public ObjectProperty<CaseSummary> selectedProperty() {
        return selected;
    }

    public ObservableList<CaseSummary> rows() {
        return readOnlyRows;
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    /** Progress of building the queue's index while {@link #loadingProperty() loading}: 0 to 1, or -1 when unknown. */
    public ReadOnlyDoubleProperty loadProgressProperty() {
        return loadProgress.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty failedProperty() {
        return failed.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty totalCountProperty() {
        return totalCount.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty shownCountProperty() {
        return shownCount.getReadOnlyProperty();
    }

    /** The number of cases in each status (every status present); empty until the first index is ready. */
    public ReadOnlyObjectProperty<Map<CaseStatus, Integer>> statusCountsProperty() {
        return statusCounts.getReadOnlyProperty();
    }
}
