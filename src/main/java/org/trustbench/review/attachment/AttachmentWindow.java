package org.trustbench.review.attachment;

import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.trustbench.ui.I18n;

/** Opens the attachment viewer in a window of its own. */
public final class AttachmentWindow {

    private AttachmentWindow() {
    }

    /**
     * Shows {@code vm} in a new window owned by {@code owner} (may be null) and returns it. If nothing
     * is selected yet, the first two attachments are shown. Closing the window disposes the view and
     * {@linkplain AttachmentViewModel#close() closes} the view model.
     */
    public static Stage show(Window owner, AttachmentViewModel vm, I18n i18n) {
        AttachmentView view = new AttachmentView(vm, i18n);
        Stage stage = new Stage();
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        Scene scene = new Scene(view.root(), Math.min(1280, screen.getWidth()), Math.min(860, screen.getHeight()));
        if (owner != null) {
            stage.initOwner(owner);
            if (owner.getScene() != null) {
                scene.getStylesheets().addAll(owner.getScene().getStylesheets());
            }
        }
        stage.setScene(scene);
        stage.titleProperty().bind(i18n.text("attachment.window.title"));
        stage.setMinWidth(640);
        stage.setMinHeight(420);
        stage.setOnHidden(e -> {
            stage.titleProperty().unbind();
            view.dispose();
            vm.close();
        });
        vm.selectDefaults();
        stage.show();
        return stage;
    }
}
