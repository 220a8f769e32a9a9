package org.trustbench.sync.ui;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executor;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.concurrent.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.trustbench.i18n.UserException;
import org.trustbench.i18n.UserMessage;
import org.trustbench.sync.conflict.Conflict;
import org.trustbench.sync.conflict.ConflictService;
import org.trustbench.sync.conflict.Resolution;
import org.trustbench.ui.Tasks;

/**
 * The open sync conflicts and their resolution: the officer selects one, sees local and incoming values side by side,
 * writes a note and keeps the local side or applies the incoming one. Listing and resolving run as tasks on the
 * injected executor; the open count feeds the badge on the Sync menu item and tab.
 */
public final class ConflictsViewModel {

    private static final Logger LOG = LoggerFactory.getLogger(ConflictsViewModel.class);

    private final ConflictService service;
    private final String actor;
    private final Executor executor;
    private final ObservableList<Conflict> conflicts = FXCollections.observableArrayList();
    private final ObservableList<Conflict> readOnlyConflicts = FXCollections.unmodifiableObservableList(conflicts);
    private final ObjectProperty<Conflict> selected = new SimpleObjectProperty<>();
    private final StringProperty note = new SimpleStringProperty("");
    private final ReadOnlyIntegerWrapper openCount = new ReadOnlyIntegerWrapper(0);
    private final ReadOnlyBooleanWrapper resolving = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyObjectWrapper<SyncNotice> outcome = new ReadOnlyObjectWrapper<>();
    private final BooleanBinding canResolve;
    private Task<List<Conflict>> listTask;
    private boolean closed;

    public ConflictsViewModel(ConflictService service, String actor, Executor executor) {
        this.service = Objects.requireNonNull(service, "service");
        this.actor = Objects.requireNonNull(actor, "actor");
        this.executor = Objects.requireNonNull(executor, "executor");
        canResolve = Bindings.createBooleanBinding(() -> selected.get() != null && selected.get().isOpen()
                && note.get() != null && !note.get().isBlank() && !resolving.get(), selected, note, resolving);
        selected.addListener((o, a, b) -> {
            if (b == null || a == null || a.id() != b.id()) {
                note.set("");
            }
        });
    }

    /** Lists the open conflicts again, in the background; the selection is kept when the conflict is still open. */
    public void reload() {
        if (closed) {
            return;
        }
        if (listTask != null) {
            listTask.cancel(false);
        }
        Task<List<Conflict>> task = Tasks.of(service::open);
        listTask = task;
        task.setOnSucceeded(e -> {
            if (listTask == task) {
                Conflict was = selected.get();
                conflicts.setAll(task.getValue());
                openCount.set(task.getValue().size());
                selected.set(was == null ? null : task.getValue().stream().filter(c -> c.id() == was.id()).findFirst()
                        .orElse(null));
            }
        });
        task.setOnFailed(e -> {
            if (listTask == task) {
                LOG.error("Listing the sync conflicts failed", task.getException());
            }
        });
        executor.execute(task);
    }

    /** Resolves the selected conflict with the note, in the background; a refusal is reported with its reason. */
    public void resolve(Resolution resolution) {
        if (closed) {
            return;
        }
        Conflict c = selected.get();
        if (c == null || resolving.get()) {
            return;
        }
        String text = note.get() == null ? "" : note.get();
        if (text.isBlank()) {
            outcome.set(new SyncNotice(SyncNotice.Kind.REFUSED, UserMessage.of("conflict.error.noteRequired")));
            return;
        }
        Task<Conflict> task = Tasks.of(() -> service.resolve(c.id(), resolution, text, actor));
        resolving.set(true);
        outcome.set(null);
        task.setOnSucceeded(e -> {
            resolving.set(false);
            Conflict done = task.getValue();
            outcome.set(new SyncNotice(SyncNotice.Kind.SUCCESS, UserMessage.of("sync.ui.conflict.resolved", done.id(),
                    "#conflict.status." + done.status().name())));
            selected.set(null);
            note.set("");
            reload();
        });
        task.setOnFailed(e -> {
            resolving.set(false);
            Throwable t = task.getException();
            if (t instanceof UserException u) {
                outcome.set(new SyncNotice(SyncNotice.Kind.REFUSED, u.userMessage()));
            } else {
                LOG.error("Resolving conflict {} failed", c.id(), t);
                outcome.set(new SyncNotice(SyncNotice.Kind.FAILED, UserMessage.of("sync.ui.failed",
                        String.valueOf(t == null ? "?" : t.getMessage()))));
            }
            reload();
        });
        executor.execute(task);
    }

    /** Cancels the listing and ignores later requests (the workbench is closing). */
    public void close() {
        closed = true;
        if (listTask != null) {
            listTask.cancel(false);
        }
    }

    public ObservableList<Conflict> conflicts() {
        return readOnlyConflicts;
    }

    public ObjectProperty<Conflict> selectedProperty() {
        return selected;
    }

    /** The officer's note; required to resolve. */
    public StringProperty noteProperty() {
        return note;
    }

    public ReadOnlyIntegerProperty openCountProperty() {
        return openCount.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty resolvingProperty() {
        return resolving.getReadOnlyProperty();
    }

    /** Whether a conflict is selected, the note is written and nothing is in progress. */
    public BooleanBinding canResolveBinding() {
        return canResolve;
    }

    /** How the last resolution ended; null before the first and while one runs. */
    public ReadOnlyObjectProperty<SyncNotice> outcomeProperty() {
        return outcome.getReadOnlyProperty();
    }
}
