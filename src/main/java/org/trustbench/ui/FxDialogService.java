package org.trustbench.ui;

import java.util.function.Supplier;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.stage.Window;

/** {@link DialogService} with JavaFX alerts, owned by the main window. */
public final class FxDialogService implements DialogService {

    private final Supplier<Window> owner;
    private final I18n i18n;

    public FxDialogService(Supplier<Window> owner, I18n i18n) {
        this.owner = owner;
        this.i18n = i18n;
    }

    @Override
    public void showError(String title, String message) {
        alert(Alert.AlertType.ERROR, title, message).showAndWait();
    }

    @Override
    public void showInfo(String title, String message) {
        alert(Alert.AlertType.INFORMATION, title, message).showAndWait();
    }

    @Override
    public boolean confirm(String title, String message) {
        return alert(Alert.AlertType.CONFIRMATION, title, message).showAndWait().filter(ButtonType.OK::equals).isPresent();
    }

    @Override
    public java.util.Optional<java.nio.file.Path> chooseSaveFile(String title, String initialName, String extensionDescription,
                                                                 String extension) {
        javafx.stage.FileChooser chooser = new javafx.stage.FileChooser();
        chooser.setTitle(title);
        chooser.setInitialFileName(initialName);
        chooser.getExtensionFilters().add(new javafx.stage.FileChooser.ExtensionFilter(extensionDescription, "*." + extension));
        java.io.File file = chooser.showSaveDialog(owner.get());
        return java.util.Optional.ofNullable(file).map(java.io.File::toPath);
    }

    @Override
    public java.util.Optional<java.nio.file.Path> chooseDirectory(String title) {
        javafx.stage.DirectoryChooser chooser = new javafx.stage.DirectoryChooser();
        chooser.setTitle(title);
        return java.util.Optional.ofNullable(chooser.showDialog(owner.get())).map(java.io.File::toPath);
    }

    @Override
    public java.util.Optional<java.nio.file.Path> chooseOpenFile(String title, String extensionDescription, String extension) {
        javafx.stage.FileChooser chooser = new javafx.stage.FileChooser();
        chooser.setTitle(title);
        chooser.getExtensionFilters().add(new javafx.stage.FileChooser.ExtensionFilter(extensionDescription, "*." + extension));
        return java.util.Optional.ofNullable(chooser.showOpenDialog(owner.get())).map(java.io.File::toPath);
    }

    private void relabel(Alert alert, ButtonType type, String key) {
        if (alert.getDialogPane().lookupButton(type) instanceof Button button) {
            button.setText(i18n.get(key));
        }
    }

    private Alert alert(Alert.AlertType type, String title, String message) {
        Alert alert = new Alert(type);
        Window w = owner.get();
        if (w != null && w.isShowing()) {
            alert.initOwner(w);
        }
        alert.setTitle(title);
        alert.setHeaderText(title);
        Label content = new Label(message);
        content.setWrapText(true);
        content.setMaxWidth(520);
        alert.getDialogPane().setContent(content);
        relabel(alert, ButtonType.OK, "dialog.ok");
        relabel(alert, ButtonType.CANCEL, "dialog.cancel");
        return alert;
    }
}
