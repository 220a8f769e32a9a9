package org.trustbench.caseq;

import java.util.Optional;
import java.util.concurrent.Executor;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.concurrent.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.trustbench.domain.FilingCase;
import org.trustbench.ui.Tasks;

/** The case shown in the detail pane, loaded in the background; the latest request wins. */
public final class CaseDetailViewModel {

    private static final Logger LOG = LoggerFactory.getLogger(CaseDetailViewModel.class);

    private final CaseQueueRepository repository;
    private final Executor executor;
    private final ReadOnlyObjectWrapper<FilingCase> detail = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper failed = new ReadOnlyBooleanWrapper(false);
    private Long requestedId;
    private Task<Optional<FilingCase>> task;

    public CaseDetailViewModel(CaseQueueRepository repository, Executor executor) {
        this.repository = repository;
        this.executor = executor;
    }

    /** Shows the case with {@code caseId}, or nothing for {@code null}. */
    public void show(Long caseId) {
        if (caseId != null && caseId.equals(requestedId)) {
            return;
        }
        requestedId = caseId;
        if (task != null) {
            task.cancel(false);
        }
        failed.set(false);
        if (caseId == null) {
            detail.set(null);
            loading.set(false);
            return;
        }
        Task<Optional<FilingCase>> t = Tasks.of(() -> repository.findCase(caseId));
        task = t;
        loading.set(true);
        t.setOnSucceeded(e -> {
            if (task == t) {
                detail.set(t.getValue().orElse(null));
                loading.set(false);
            }
        });
        t.setOnFailed(e -> {
            if (task == t) {
                LOG.error("Loading case {} failed", caseId, t.getException());
                detail.set(null);
                loading.set(false);
                failed.set(true);
            }
        });
        executor.execute(t);
    }

    public ReadOnlyObjectProperty<FilingCase> detailProperty() {
        return detail.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty failedProperty() {
        return failed.getReadOnlyProperty();
    }
}
