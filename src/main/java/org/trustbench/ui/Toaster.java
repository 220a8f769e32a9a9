package org.trustbench.ui;

import javafx.animation.PauseTransition;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.stage.Popup;
import javafx.stage.Window;
import javafx.util.Duration;

/**
 * Short notices ("toasts") at the bottom right of a window that disappear by themselves after a few seconds, or on a
 * click. A new toast replaces the one showing. Text only; no focus is taken, so typing is never interrupted.
 */
public final class Toaster {

    /** How long a toast stays. */
    public static final Duration SHOWN_FOR = Duration.seconds(6);
    private static final double MARGIN = 24;

    private final java.util.function.Supplier<Window> owner;
    private Popup current;
    private PauseTransition timer;

    public Toaster(java.util.function.Supplier<Window> owner) {
        this.owner = owner;
    }

    /** Shows {@code text}; {@code problem} marks a refusal or failure. Call on the FX thread. */
    public void show(String text, boolean problem) {
        hide();
        Window w = owner.get();
        if (w == null || !w.isShowing()) {
            return;
        }
        Label label = new Label(text);
        label.setId("toast");
        label.setWrapText(true);
        label.setMaxWidth(420);
        label.getStyleClass().addAll("toast", problem ? "toast-problem" : "toast-ok");
        StackPane box = new StackPane(label);
        box.setPadding(new Insets(12, 16, 12, 16));
        box.setStyle("-fx-background-color: " + (problem ? "#fdecea" : "#e8f5e9") + "; -fx-background-radius: 6;"
                + " -fx-border-color: " + (problem ? "#d32f2f" : "#2e7d32") + "; -fx-border-radius: 6;"
                + " -fx-effect: dropshadow(gaussian, rgba(0,0,0,0.25), 10, 0, 0, 2);");
        Popup popup = new Popup();
        popup.getContent().add(box);
        popup.setAutoHide(false);
        popup.setHideOnEscape(true);
        box.setOnMouseClicked(e -> hide());
        popup.show(w);
        popup.setX(w.getX() + Math.max(0, w.getWidth() - popup.getWidth() - MARGIN));
        popup.setY(w.getY() + Math.max(0, w.getHeight() - popup.getHeight() - MARGIN));
        current = popup;
        timer = new PauseTransition(SHOWN_FOR);
        timer.setOnFinished(e -> {
            if (current == popup) {
                hide();
            }
        });
        timer.play();
    }

    /** The text of the toast showing, or null. */
    public String showing() {
        return current == null ? null : ((Label) ((StackPane) current.getContent().get(0)).getChildren().get(0)).getText();
    }

    public void hide() {
        if (timer != null) {
            timer.stop();
            timer = null;
        }
        if (current != null) {
            current.hide();
            current = null;
        }
    }
}
