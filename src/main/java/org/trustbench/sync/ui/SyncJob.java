package org.trustbench.sync.ui;

import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.concurrent.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.trustbench.i18n.UserException;
import org.trustbench.i18n.UserMessage;

/**
 * One kind of sync job (export or import): whether it runs, its progress and how the last run ended. Cancelling asks
 * the service to stop at its next check; the outcome then says what really happened (a job that was past its point of
 * no return reports success, never a false "cancelled").
 */
public final class SyncJob {

    private static final Logger LOG = LoggerFactory.getLogger(SyncJob.class);

    private final String name;
    private final Executor executor;
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper cancelling = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(0);
    private final ReadOnlyObjectWrapper<SyncNotice> outcome = new ReadOnlyObjectWrapper<>();
    private AtomicBoolean cancelRequested = new AtomicBoolean();

    /** What the work reports while it runs. */
    public interface Reporter {
        /** Progress as {@code done} of {@code total}; a negative total means unknown. */
        void progress(long done, long total);

        BooleanSupplier cancelled();
    }

    SyncJob(String name, Executor executor) {
        this.name = name;
        this.executor = executor;
    }

    /**
     * Runs {@code work} off the FX thread. Its result ({@code null} = cancelled) is turned into the outcome by
     * {@code describe}; a {@link UserException} (a refused package, a missing folder) becomes a REFUSED outcome with
     * its one-line message, anything else FAILED. {@code done} is called on the FX thread with the outcome.
     *
     * @return false if this job is already running
     */
    <T> boolean start(Function<Reporter, T> work, Function<T, SyncNotice> describe, Consumer<SyncNotice> done) {
        if (running.get()) {
            return false;
        }
        AtomicBoolean cancel = new AtomicBoolean();
        cancelRequested = cancel;
        Task<T> task = new Task<>() {
            @Override
            protected T call() {
                return work.apply(new Reporter() {
                    @Override
                    public void progress(long d, long total) {
                        if (total < 0) {
                            updateProgress(-1, 1);
                        } else {
                            updateProgress(d, Math.max(total, 1));
                        }
                    }

                    @Override
                    public BooleanSupplier cancelled() {
                        return cancel::get;
                    }
                });
            }
        };
        running.set(true);
        cancelling.set(false);
        outcome.set(null);
        progress.unbind();
        progress.set(-1);
        progress.bind(task.progressProperty());
        task.setOnSucceeded(e -> finish(describe.apply(task.getValue()), done));
        task.setOnFailed(e -> finish(failure(task.getException()), done));
        task.setOnCancelled(e -> finish(new SyncNotice(SyncNotice.Kind.CANCELLED, UserMessage.of("sync.ui.cancelled")), done));
        executor.execute(task);
        return true;
    }

    private SyncNotice failure(Throwable t) {
        if (t instanceof UserException user) {
            LOG.info("Sync {} refused: {}", name, t.getMessage());
            return new SyncNotice(SyncNotice.Kind.REFUSED, user.userMessage());
        }
        LOG.error("Sync {} failed", name, t);
        return new SyncNotice(SyncNotice.Kind.FAILED, UserMessage.of("sync.ui.failed", String.valueOf(t == null ? "?" : t.getMessage())));
    }

    private void finish(SyncNotice notice, Consumer<SyncNotice> done) {
        progress.unbind();
        progress.set(notice.kind() == SyncNotice.Kind.SUCCESS || notice.kind() == SyncNotice.Kind.ALREADY_IMPORTED ? 1 : 0);
        running.set(false);
        cancelling.set(false);
        outcome.set(notice);
        done.accept(notice);
    }

    /** Shows {@code notice} as this job's last outcome without running anything (e.g. a file that cannot be read). */
    void report(SyncNotice notice) {
        if (!running.get()) {
            outcome.set(notice);
        }
    }

    /** Asks the running job to stop; it reports CANCELLED once it has (and nothing was applied). */
    public void cancel() {
        if (running.get()) {
            cancelRequested.set(true);
            cancelling.set(true);
        }
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    /** True between a cancel request and the job's end. */
    public ReadOnlyBooleanProperty cancellingProperty() {
        return cancelling.getReadOnlyProperty();
    }

    /** 0..1, or -1 while unknown. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    /** How the last run ended; null while one runs and before the first. */
    public ReadOnlyObjectProperty<SyncNotice> outcomeProperty() {
        return outcome.getReadOnlyProperty();
    }
}
