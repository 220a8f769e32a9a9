package org.trustbench.sync.ui;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.concurrent.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.trustbench.i18n.UserException;
import org.trustbench.i18n.UserMessage;
import org.trustbench.sync.ExportService;
import org.trustbench.sync.ImportService;
import org.trustbench.sync.SyncPackageRepository;
import org.trustbench.ui.Tasks;

/**
 * State of the Sync screen: this workstation's key fingerprint, an export job and an import job (each with progress
 * and cancel), an import waiting for the officer's confirmation, and the package history, reloaded after every job.
 * It lives as long as the signed-in workbench, so a job keeps running (and its toast still appears) when the Sync
 * window is closed.
 */
public final class SyncViewModel {

    private static final Logger LOG = LoggerFactory.getLogger(SyncViewModel.class);

    private final ExportService exporter;
    private final ImportService importer;
    private final SyncPackageRepository history;
    private final java.util.function.Supplier<String> fingerprintSource;
    private javafx.beans.property.ReadOnlyStringWrapper fingerprint;
    private final String actor;
    private final Executor executor;
    private final SyncJob exportJob;
    private final SyncJob importJob;
    private final ReadOnlyObjectWrapper<Path> pendingImport = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper historyFailed = new ReadOnlyBooleanWrapper(false);
    private final ObservableList<HistoryRow> rows = FXCollections.observableArrayList();
    private final ObservableList<HistoryRow> readOnlyRows = FXCollections.unmodifiableObservableList(rows);
    private final List<Consumer<SyncNotice>> noticeListeners = new CopyOnWriteArrayList<>();
    private final List<Runnable> afterJob = new CopyOnWriteArrayList<>();
    private Task<List<HistoryRow>> historyTask;
    private boolean closed;

    public SyncViewModel(ExportService exporter, ImportService importer, SyncPackageRepository history, String fingerprint,
                         String actor, Executor executor) {
        this(exporter, importer, history, constant(Objects.requireNonNull(fingerprint, "fingerprint")), actor, executor);
        this.fingerprint = new javafx.beans.property.ReadOnlyStringWrapper(fingerprint);
    }

    /**
     * As above, with the fingerprint read (blocking: it may load the workstation key) in the background when the Sync
     * screen first asks for it ({@link #fingerprintProperty()}).
     */
    public SyncViewModel(ExportService exporter, ImportService importer, SyncPackageRepository history,
                         java.util.function.Supplier<String> fingerprint, String actor, Executor executor) {
        this.exporter = Objects.requireNonNull(exporter, "exporter");
        this.importer = Objects.requireNonNull(importer, "importer");
        this.history = Objects.requireNonNull(history, "history");
        this.fingerprintSource = Objects.requireNonNull(fingerprint, "fingerprint");
        this.actor = Objects.requireNonNull(actor, "actor");
        this.executor = Objects.requireNonNull(executor, "executor");
        this.exportJob = new SyncJob("export", executor);
        this.importJob = new SyncJob("import", executor);
    }

    /** Exports everything since the last export into {@code folder}, in the background. */
    public void exportTo(Path folder) {
        if (closed) {
            return;
        }
        Objects.requireNonNull(folder, "folder");
        exportJob.start(r -> {
            try {
                return exporter.export(folder, actor, null, null, r::progress, r.cancelled());
            } catch (UserException e) {
                if ("sync.export.nothing".equals(e.userMessage().key())) {
                    // The service's text names the command line's --from; the screen says it its own way.
                    throw new UserException(new UserMessage("sync.ui.export.nothing", e.userMessage().args()), e);
                }
                throw e;
            }
        }, SyncViewModel::describeExport, this::finished);
    }

    static SyncNotice describeExport(ExportService.ExportResult r) {
        if (r == null) {
            return cancelled();
        }
        Map<String, Long> c = r.counts();
        return new SyncNotice(SyncNotice.Kind.SUCCESS, UserMessage.of("sync.ui.export.done", r.file().getFileName().toString(),
                c.getOrDefault("decision", 0L), c.getOrDefault("signoff", 0L)));
    }

    /**
     * Offers {@code file} for import: checked in the background to be a readable file, then held in
     * {@link #pendingImportProperty()} until {@link #confirmImport()} or {@link #discardImport()}. Nothing is
     * imported without that confirmation. A missing or unreadable file is reported as a refused notice.
     */
    public void offerImport(Path file) {
        if (closed) {
            return;
        }
        Objects.requireNonNull(file, "file");
        Task<Boolean> check = Tasks.of(() -> Files.isRegularFile(file) && Files.isReadable(file));
        check.setOnSucceeded(e -> {
            if (Boolean.TRUE.equals(check.getValue())) {
                pendingImport.set(file);
            } else {
                unreadable(file);
            }
        });
        check.setOnFailed(e -> unreadable(file));
        executor.execute(check);
    }

    private void unreadable(Path file) {
        pendingImport.set(null);
        SyncNotice notice = new SyncNotice(SyncNotice.Kind.REFUSED, UserMessage.of("sync.ui.import.unreadable", file));
        importJob.report(notice);
        publish(notice);
    }

    /** Imports the offered file, in the background. */
    public void confirmImport() {
        if (closed) {
            return;
        }
        Path file = pendingImport.get();
        if (file == null) {
            return;
        }
        if (importJob.start(r -> {
            r.progress(-1, -1);
            return importer.importPackage(file, actor, r::progress, r.cancelled());
        }, SyncViewModel::describeImport, this::finished)) {
            pendingImport.set(null);
        }
    }

    static SyncNotice describeImport(ImportService.ImportResult r) {
        if (r == null) {
            return cancelled();
        }
        if (r.alreadyImported()) {
            return new SyncNotice(SyncNotice.Kind.ALREADY_IMPORTED, UserMessage.of("sync.ui.import.already", r.packageId()));
        }
        Map<String, Long> c = r.counts();
        if (r.conflicts() > 0) {
            return new SyncNotice(SyncNotice.Kind.SUCCESS, UserMessage.of("sync.ui.import.doneConflicts", c.getOrDefault("case", 0L),
                    c.getOrDefault("issuer_key", 0L), r.skipped(), r.conflicts()));
        }
        return new SyncNotice(SyncNotice.Kind.SUCCESS, UserMessage.of("sync.ui.import.done", c.getOrDefault("case", 0L),
                c.getOrDefault("issuer_key", 0L), r.skipped()));
    }

    private static SyncNotice cancelled() {
        return new SyncNotice(SyncNotice.Kind.CANCELLED, UserMessage.of("sync.ui.cancelled"));
    }

    public void discardImport() {
        pendingImport.set(null);
    }

    private void finished(SyncNotice notice) {
        reloadHistory();
        if (notice.kind() == SyncNotice.Kind.SUCCESS) {
            afterJob.forEach(Runnable::run);
        }
        publish(notice);
    }

    private void publish(SyncNotice notice) {
        noticeListeners.forEach(l -> l.accept(notice));
    }

    /** Lists the package history again, in the background; the latest request wins. */
    public void reloadHistory() {
        if (closed) {
            return;
        }
        if (historyTask != null) {
            historyTask.cancel(false);
        }
        Task<List<HistoryRow>> task = Tasks.of(() -> history.history().stream().map(HistoryRow::of).toList());
        historyTask = task;
        task.setOnSucceeded(e -> {
            if (historyTask == task) {
                rows.setAll(task.getValue());
                historyFailed.set(false);
            }
        });
        task.setOnFailed(e -> {
            if (historyTask == task) {
                LOG.error("Listing the package history failed", task.getException());
                historyFailed.set(true);
            }
        });
        executor.execute(task);
    }

    /** Tells {@code listener} how every job ends (on the FX thread); returns the removal. */
    public Runnable addNoticeListener(Consumer<SyncNotice> listener) {
        noticeListeners.add(listener);
        return () -> noticeListeners.remove(listener);
    }

    /** Runs {@code action} after a job succeeded (e.g. to reload the queue); returns the removal. */
    public Runnable addAfterJob(Runnable action) {
        afterJob.add(action);
        return () -> afterJob.remove(action);
    }

    /** Cancels the running jobs and ignores later requests (the workbench is closing). */
    public void close() {
        closed = true;
        exportJob.cancel();
        importJob.cancel();
        if (historyTask != null) {
            historyTask.cancel(false);
        }
    }

    private static java.util.function.Supplier<String> constant(String value) {
        return () -> value;
    }

    /**
     * This workstation's key fingerprint: empty until read (in the background, started by the first call; the key
     * loads when first needed, not at start-up). FX thread.
     */
    public javafx.beans.property.ReadOnlyStringProperty fingerprintProperty() {
        if (fingerprint == null) {
            fingerprint = new javafx.beans.property.ReadOnlyStringWrapper("");
            Task<String> read = org.trustbench.ui.Tasks.of(fingerprintSource::get);
            read.setOnSucceeded(e -> fingerprint.set(read.getValue()));
            read.setOnFailed(e -> LoggerFactory.getLogger(SyncViewModel.class).error("Reading the workstation key failed", read.getException()));
            executor.execute(read);
        }
        return fingerprint.getReadOnlyProperty();
    }

    public SyncJob exportJob() {
        return exportJob;
    }

    public SyncJob importJob() {
        return importJob;
    }

    /** The file offered for import and waiting for confirmation; null when none. */
    public ReadOnlyObjectProperty<Path> pendingImportProperty() {
        return pendingImport.getReadOnlyProperty();
    }

    /** Packages exported and imported, newest first. */
    public ObservableList<HistoryRow> history() {
        return readOnlyRows;
    }

    public ReadOnlyBooleanProperty historyFailedProperty() {
        return historyFailed.getReadOnlyProperty();
    }
}
