package org.trustbench.audit;

import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.trustbench.ui.I18n;

/** Opens the audit log in a window of its own. */
public final class AuditWindow {

    private AuditWindow() {
    }

    /**
     * Shows {@code vm} in a new window owned by {@code owner} (may be null), lists the entries and
     * returns the window. Closing it disposes the view and {@linkplain AuditViewModel#close() closes}
     * the view model.
     */
    public static Stage show(Window owner, AuditViewModel vm, I18n i18n) {
        AuditView view = new AuditView(vm, i18n);
        Stage stage = new Stage();
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        Scene scene = new Scene(view.root(), Math.min(1100, screen.getWidth()), Math.min(720, screen.getHeight()));
        if (owner != null) {
            stage.initOwner(owner);
            if (owner.getScene() != null) {
                scene.getStylesheets().addAll(owner.getScene().getStylesheets());
            }
        }
        stage.setScene(scene);
        stage.titleProperty().bind(i18n.text("audit.window.title"));
        stage.setMinWidth(640);
        stage.setMinHeight(360);
        stage.setOnHidden(e -> {
            stage.titleProperty().unbind();
            view.dispose();
            vm.close();
        });
        vm.reload();
        stage.show();
        return stage;
    }
}
