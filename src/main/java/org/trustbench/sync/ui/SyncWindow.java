package org.trustbench.sync.ui;

import java.time.ZoneId;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableIntegerValue;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.trustbench.ui.DialogService;
import org.trustbench.ui.I18n;
import org.trustbench.ui.View;

/**
 * The Sync screen in a window of its own, one at a time: opening it again brings it to the front. The view model
 * outlives the window, so closing it does not stop a running job.
 */
public final class SyncWindow {

    private final Supplier<Window> owner;
    private final SyncViewModel vm;
    private final I18n i18n;
    private final DialogService dialogs;
    private final ZoneId zone;
    private final Supplier<View> conflicts;
    private final ObservableIntegerValue openConflicts;
    private Stage stage;
    private SyncView view;

    /**
     * @param conflicts     makes the conflicts view (a new one each time the window opens)
     * @param openConflicts the number of open conflicts, shown on the conflicts tab
     */
    public SyncWindow(Supplier<Window> owner, SyncViewModel vm, I18n i18n, DialogService dialogs, ZoneId zone,
                      Supplier<View> conflicts, ObservableIntegerValue openConflicts) {
        this.owner = owner;
        this.vm = vm;
        this.i18n = i18n;
        this.dialogs = dialogs;
        this.zone = zone;
        this.conflicts = conflicts;
        this.openConflicts = openConflicts;
    }

    /** Shows the window (or brings it to the front) and lists the history. */
    public Stage show() {
        if (stage != null) {
            stage.toFront();
            stage.requestFocus();
            return stage;
        }
        View conflictsView = conflicts.get();
        view = new SyncView(vm, i18n, dialogs, zone, conflictsView.root());
        view.conflictsTab().textProperty().bind(Bindings.createStringBinding(() -> {
            int n = openConflicts.get();
            return n > 0 ? i18n.get("sync.ui.tab.conflicts.count", n) : i18n.get("sync.ui.tab.conflicts");
        }, i18n.messagesProperty(), openConflicts));
        Stage s = new Stage();
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        Scene scene = new Scene(view.root(), Math.min(1100, screen.getWidth()), Math.min(720, screen.getHeight()));
        Window w = owner.get();
        if (w != null) {
            s.initOwner(w);
            if (w.getScene() != null) {
                scene.getStylesheets().addAll(w.getScene().getStylesheets());
            }
        }
        s.setScene(scene);
        s.titleProperty().bind(i18n.text("sync.ui.window.title"));
        s.setMinWidth(720);
        s.setMinHeight(420);
        SyncView shown = view;
        s.setOnHidden(e -> {
            s.titleProperty().unbind();
            shown.conflictsTab().textProperty().unbind();
            shown.dispose();
            conflictsView.dispose();
            if (stage == s) {
                stage = null;
                view = null;
            }
        });
        stage = s;
        vm.reloadHistory();
        s.show();
        return s;
    }

    /** Shows the window on its conflicts tab. */
    public void showConflicts() {
        show();
        if (view != null) {
            view.showConflicts();
        }
    }

    public void close() {
        if (stage != null) {
            stage.close();
        }
    }
}
