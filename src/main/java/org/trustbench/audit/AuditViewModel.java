package org.trustbench.audit;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executor;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.concurrent.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.trustbench.ui.Tasks;

/**
 * State of the audit view: the filters as writable properties, the matching entries and the
 * outcome of the last chain verification as read-only state. Listing and verifying run as tasks
 * on the injected executor; for each, the latest request wins.
 */
public final class AuditViewModel {

    /** At most this many entries are listed; narrow the filters to see older ones. */
    public static final int LIMIT = 1000;
    private static final Logger LOG = LoggerFactory.getLogger(AuditViewModel.class);

    private final AuditRepository repository;
    private final Executor executor;

    private final StringProperty subjectFilter = new SimpleStringProperty("");
    private final StringProperty userFilter = new SimpleStringProperty("");
    private final ObjectProperty<LocalDate> fromDate = new SimpleObjectProperty<>();
    private final ObjectProperty<LocalDate> toDate = new SimpleObjectProperty<>();

    private final ObservableList<AuditEntry> entries = FXCollections.observableArrayList();
    private final ObservableList<AuditEntry> readOnlyEntries = FXCollections.unmodifiableObservableList(entries);
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper failed = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyIntegerWrapper shownCount = new ReadOnlyIntegerWrapper(0);
    private final ReadOnlyBooleanWrapper verifying = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyObjectWrapper<VerifyResult> verifyResult = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper verifyError = new ReadOnlyStringWrapper();

    private Task<List<AuditEntry>> listTask;
    private Task<VerifyResult> verifyTask;
    private boolean closed;
    private boolean clearing;

    public AuditViewModel(AuditRepository repository, Executor executor) {
        this.repository = Objects.requireNonNull(repository, "repository");
        this.executor = Objects.requireNonNull(executor, "executor");
        subjectFilter.addListener((o, a, b) -> filterChanged());
        userFilter.addListener((o, a, b) -> filterChanged());
        fromDate.addListener((o, a, b) -> filterChanged());
        toDate.addListener((o, a, b) -> filterChanged());
    }

    /** The query the filters describe. */
    public AuditQuery query() {
        return new AuditQuery(blankToNull(subjectFilter.get()), blankToNull(userFilter.get()), fromDate.get(), toDate.get(),
                LIMIT);
    }

    private void filterChanged() {
        if (!clearing) {
            reload();
        }
    }

    /** Lists the entries matching the filters again, in the background. */
    public void reload() {
        if (closed) {
            return;
        }
        if (listTask != null) {
            listTask.cancel(false);
        }
        AuditQuery query = query();
        Task<List<AuditEntry>> task = Tasks.of(() -> repository.list(query));
        listTask = task;
        loading.set(true);
        failed.set(false);
        task.setOnSucceeded(e -> {
            if (listTask == task) {
                entries.setAll(task.getValue());
                shownCount.set(task.getValue().size());
                loading.set(false);
            }
        });
        task.setOnFailed(e -> {
            if (listTask == task) {
                LOG.error("Listing the audit log failed", task.getException());
                entries.clear();
                shownCount.set(0);
                loading.set(false);
                failed.set(true);
            }
        });
        executor.execute(task);
    }

    /** Re-computes the whole chain in the background; the result replaces the previous one. */
    public void verify() {
        if (closed) {
            return;
        }
        if (verifyTask != null) {
            verifyTask.cancel(false);
        }
        Task<VerifyResult> task = Tasks.of(repository::verify);
        verifyTask = task;
        verifying.set(true);
        verifyResult.set(null);
        verifyError.set(null);
        task.setOnSucceeded(e -> {
            if (verifyTask == task) {
                verifyResult.set(task.getValue());
                verifying.set(false);
            }
        });
        task.setOnFailed(e -> {
            if (verifyTask == task) {
                LOG.error("Verifying the audit chain failed", task.getException());
                Throwable t = task.getException();
                verifyError.set(t == null ? "?" : String.valueOf(t.getMessage()));
                verifying.set(false);
            }
        });
        executor.execute(task);
    }

    /** Clears every filter (lists again once). */
    public void clearFilters() {
        clearing = true;
        try {
            subjectFilter.set("");
            userFilter.set("");
            fromDate.set(null);
            toDate.set(null);
        } finally {
            clearing = false;
        }
        reload();
    }

    /** Cancels running tasks; later requests are ignored. */
    public void close() {
        closed = true;
        if (listTask != null) {
            listTask.cancel(false);
        }
        if (verifyTask != null) {
            verifyTask.cancel(false);
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /** Part of the subject, e.g. a case number. */
    public StringProperty subjectFilterProperty() {
        return subjectFilter;
    }

    /** A username, matched exactly (case-insensitive). */
    public StringProperty userFilterProperty() {
        return userFilter;
    }

    public ObjectProperty<LocalDate> fromDateProperty() {
        return fromDate;
    }

    public ObjectProperty<LocalDate> toDateProperty() {
        return toDate;
    }

    /** Matching entries, newest first, at most {@link #LIMIT}. */
    public ObservableList<AuditEntry> entries() {
        return readOnlyEntries;
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty failedProperty() {
        return failed.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty shownCountProperty() {
        return shownCount.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty verifyingProperty() {
        return verifying.getReadOnlyProperty();
    }

    /** The last verification's outcome; null before the first and while one runs. */
    public ReadOnlyObjectProperty<VerifyResult> verifyResultProperty() {
        return verifyResult.getReadOnlyProperty();
    }

    /** Why the last verification could not run at all (the store failed); null otherwise. */
    public ReadOnlyStringProperty verifyErrorProperty() {
        return verifyError.getReadOnlyProperty();
    }
}
