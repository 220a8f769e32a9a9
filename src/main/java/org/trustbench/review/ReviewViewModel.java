package org.trustbench.review;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.Executor;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.concurrent.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.trustbench.domain.EvidenceRef;
import org.trustbench.domain.Finding;
import org.trustbench.ui.Tasks;

/**
 * The review of one case: loads it in the background, moves to the next or previous case of the
 * queue, steps through findings, and tracks which evidence is highlighted.
 */
public final class ReviewViewModel {

    private static final Logger LOG = LoggerFactory.getLogger(ReviewViewModel.class);

    /** Neighbours of a case in the queue as the officer filtered and sorted it. */
    public interface CaseNavigator {
        Optional<Long> next(long caseId);

        Optional<Long> previous(long caseId);

        /** Tells the queue which case is under review, so it stays selected there. */
        void showing(long caseId);
    }

    private final ReviewService service;
    private final Executor executor;
    private final CaseNavigator navigator;
    private final ReadOnlyObjectWrapper<CaseReview> review = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper failed = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyObjectWrapper<Finding> selectedFinding = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<List<EvidenceRef>> highlighted = new ReadOnlyObjectWrapper<>(List.of());
    private Task<Optional<CaseReview>> task;
    private long caseId = -1;

    public ReviewViewModel(ReviewService service, Executor executor, CaseNavigator navigator) {
        this.service = service;
        this.executor = executor;
        this.navigator = navigator;
    }

    public void open(long id) {
        caseId = id;
        navigator.showing(id);
        run(() -> service.load(id));
    }

    /** Re-runs the rules on the case under review. */
    public void recheck() {
        if (caseId >= 0) {
            long id = caseId;
            run(() -> service.recheck(id));
        }
    }

    public void next() {
        if (caseId >= 0) {
            navigator.next(caseId).ifPresent(this::open);
        }
    }

    public void previous() {
        if (caseId >= 0) {
            navigator.previous(caseId).ifPresent(this::open);
        }
    }

    private void run(Callable<Optional<CaseReview>> body) {
        if (task != null) {
            task.cancel(false);
        }
        Task<Optional<CaseReview>> t = Tasks.of(body);
        task = t;
        loading.set(true);
        failed.set(false);
        t.setOnSucceeded(e -> {
            if (task == t) {
                loading.set(false);
                selectedFinding.set(null);
                highlighted.set(List.of());
                review.set(t.getValue().orElse(null));
            }
        });
        t.setOnFailed(e -> {
            if (task == t) {
                LOG.error("Loading the review of case {} failed", caseId, t.getException());
                loading.set(false);
                failed.set(true);
            }
        });
        executor.execute(t);
    }

    /** Selects a finding and highlights the evidence it refers to. */
    public void selectFinding(Finding finding) {
        selectedFinding.set(finding);
        highlighted.set(finding == null ? List.of() : finding.refs());
    }

    /** Highlights one piece of evidence (e.g. a clicked grid cell). */
    public void highlight(EvidenceRef ref) {
        highlighted.set(ref == null ? List.of() : List.of(ref));
    }

    /** Moves to the next finding, wrapping around (F8). */
    public void nextFinding() {
        step(1);
    }

    /** Moves to the previous finding (Shift+F8). */
    public void previousFinding() {
        step(-1);
    }

    private void step(int delta) {
        CaseReview r = review.get();
        if (r == null || r.findings().isEmpty()) {
            return;
        }
        int n = r.findings().size();
        int current = selectedFinding.get() == null ? (delta > 0 ? -1 : n) : r.findings().indexOf(selectedFinding.get());
        selectFinding(r.findings().get(Math.floorMod(current + delta, n)));
    }

    public long caseId() {
        return caseId;
    }

    public ReadOnlyObjectProperty<CaseReview> reviewProperty() {
        return review.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty failedProperty() {
        return failed.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Finding> selectedFindingProperty() {
        return selectedFinding.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<List<EvidenceRef>> highlightedProperty() {
        return highlighted.getReadOnlyProperty();
    }
}
