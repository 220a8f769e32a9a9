package org.trustbench.shell;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Executor;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.concurrent.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.trustbench.caseq.CaseDetailViewModel;
import org.trustbench.caseq.CaseQueueViewModel;
import org.trustbench.domain.CaseSummary;
import org.trustbench.review.ReviewViewModel;
import org.trustbench.ui.I18n;
import org.trustbench.users.Session;
import org.trustbench.verify.CheckService;

/**
 * State of the main window: which store it shows, the queue, the detail preview, the review of
 * an opened case, background re-checks and the language. Selecting a queue row drives the preview.
 */
public final class MainViewModel {

    private static final Logger LOG = LoggerFactory.getLogger(MainViewModel.class);

    /** What the centre of the window shows. */
    public enum Mode { QUEUE, REVIEW }

    private final Path storeFolder;
    private final String version;
    private final boolean demo;
    private final I18n i18n;
    private final CaseQueueViewModel queue;
    private final CaseDetailViewModel detail;
    private final ReviewViewModel review;
    private final CheckService checks;
    private final Executor executor;
    private final ReadOnlyObjectWrapper<Mode> mode = new ReadOnlyObjectWrapper<>(Mode.QUEUE);
    private final javafx.beans.property.BooleanProperty previewVisible = new javafx.beans.property.SimpleBooleanProperty(true);
    private final ReadOnlyBooleanWrapper checking = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyDoubleWrapper checkProgress = new ReadOnlyDoubleWrapper(0);
    private final Session session;
    private Task<Long> checkTask;

    public MainViewModel(Path storeFolder, String version, boolean demo, I18n i18n, CaseQueueViewModel queue,
                         CaseDetailViewModel detail, ReviewViewModelFactory reviews,
                         CheckService checks, Executor executor, Session session) {
        this.session = session;
        this.storeFolder = storeFolder;
        this.version = version;
        this.demo = demo;
        this.i18n = i18n;
        this.queue = queue;
        this.detail = detail;
        this.checks = checks;
        this.executor = executor;
        this.review = reviews.create(navigator());
        queue.selectedProperty().addListener((o, a, b) -> detail.show(b == null ? null : b.id()));
    }

    /** Creates the review view model with the navigator this window provides. */
    @FunctionalInterface
    public interface ReviewViewModelFactory {
        ReviewViewModel create(ReviewViewModel.CaseNavigator navigator);
    }

    /** Loads the queue, then checks the cases never checked (or checked by an older engine) in the background. */
    public void start() {
        queue.reload();
        // The check competes with the queue's first load for the store and the CPU: it starts once the queue is loaded.
        javafx.beans.InvalidationListener[] once = new javafx.beans.InvalidationListener[1];
        once[0] = o -> {
            if (!queue.loadingProperty().get()) {
                queue.loadingProperty().removeListener(once[0]);
                recheck(false);
            }
        };
        queue.loadingProperty().addListener(once[0]);
    }

    public void reload() {
        queue.reload();
    }

    /** Re-runs the rules in the background with progress: all cases, or only outdated ones. Cancellable. */
    public void recheck(boolean all) {
        if (checkTask != null && checkTask.isRunning()) {
            return;
        }
        Task<Long> task = new Task<>() {
            @Override
            protected Long call() {
                CheckService.Progress progress = (done, total) -> updateProgress(done, Math.max(total, 1));
                return all ? checks.checkAll(session.username(), progress, this::isCancelled) : checks.checkOutdated(progress, this::isCancelled);
            }
        };
        checkTask = task;
        checking.set(true);
        checkProgress.bind(task.progressProperty());
        Runnable finished = () -> {
            checkProgress.unbind();
            checking.set(false);
        };
        task.setOnSucceeded(e -> {
            finished.run();
            if (task.getValue() > 0) {
                queue.reload();
            }
            if (task.getValue() > 0 && mode.get() == Mode.REVIEW) {
                review.open(review.caseId());
            }
        });
        task.setOnCancelled(e -> {
            finished.run();
            queue.reload();
        });
        task.setOnFailed(e -> {
            LOG.error("Re-checking cases failed", task.getException());
            finished.run();
            queue.reload();
        });
        executor.execute(task);
    }

    public void cancelRecheck() {
        if (checkTask != null) {
            checkTask.cancel(false);
        }
    }

    /** Opens the selected case for review. */
    public void openSelected() {
        CaseSummary s = queue.selectedProperty().get();
        if (s != null) {
            review.open(s.id());
            mode.set(Mode.REVIEW);
        }
    }

    public void backToQueue() {
        mode.set(Mode.QUEUE);
    }

    private ReviewViewModel.CaseNavigator navigator() {
        return new ReviewViewModel.CaseNavigator() {
            @Override
            public Optional<Long> next(long caseId) {
                return neighbour(caseId, 1);
            }

            @Override
            public Optional<Long> previous(long caseId) {
                return neighbour(caseId, -1);
            }

            @Override
            public void showing(long caseId) {
                queue.rows().stream().filter(r -> r.id() == caseId).findFirst().ifPresent(queue.selectedProperty()::set);
            }
        };
    }

    private Optional<Long> neighbour(long caseId, int delta) {
        List<CaseSummary> rows = queue.rows();
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).id() == caseId) {
                int j = i + delta;
                return j >= 0 && j < rows.size() ? Optional.of(rows.get(j).id()) : Optional.empty();
            }
        }
        return Optional.empty();
    }

    public void switchLanguage(Locale locale) {
        i18n.setLocale(locale);
    }

    /** Whether the preview pane beside the queue is shown. */
    public javafx.beans.property.BooleanProperty previewVisibleProperty() {
        return previewVisible;
    }

    public ReadOnlyObjectProperty<Mode> modeProperty() {
        return mode.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty checkingProperty() {
        return checking.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty checkProgressProperty() {
        return checkProgress.getReadOnlyProperty();
    }

    public Session session() {
        return session;
    }

    public Path storeFolder() {
        return storeFolder;
    }

    public String version() {
        return version;
    }

    public boolean isDemo() {
        return demo;
    }

    public CaseQueueViewModel queue() {
        return queue;
    }

    public CaseDetailViewModel detail() {
        return detail;
    }

    public ReviewViewModel review() {
        return review;
    }
}
