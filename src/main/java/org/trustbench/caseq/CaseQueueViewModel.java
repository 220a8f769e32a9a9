package org.trustbench.caseq;

import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
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
    private final ReadOnlyObjectWrapper<Map<CaseStatus, Integer>> statusCounts =
            new ReadOnlyObjectWrapper<>(QueueIndex.empty().statusCounts());

    private QueueIndex index = QueueIndex.empty();
    private Task<QueueIndex> loadTask;
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

    /** Reloads the queue from the store in the background, keeping the current query and selection. */
    public void reload() {
        if (loadTask != null) {
            loadTask.cancel();
        }
        Task<QueueIndex> task = Tasks.of(() -> QueueIndex.of(repository.findAllSummaries()));
        loadTask = task;
        loading.set(true);
        failed.set(false);
        task.setOnSucceeded(e -> {
            if (loadTask == task) {
                index = task.getValue();
                totalCount.set(index.size());
                statusCounts.set(index.statusCounts());
                loading.set(false);
                search();
            }
        });
        task.setOnFailed(e -> {
            if (loadTask == task) {
                LOG.error("Loading the case queue failed", task.getException());
                loading.set(false);
                failed.set(true);
            }
        });
        executor.execute(task);
    }

    private void search() {
        if (searchTask != null) {
            searchTask.cancel();
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

    public ReadOnlyBooleanProperty failedProperty() {
        return failed.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty totalCountProperty() {
        return totalCount.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty shownCountProperty() {
        return shownCount.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Map<CaseStatus, Integer>> statusCountsProperty() {
        return statusCounts.getReadOnlyProperty();
    }
}
