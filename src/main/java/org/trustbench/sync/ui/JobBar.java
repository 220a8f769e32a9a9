package org.trustbench.sync.ui;

import atlantafx.base.theme.Styles;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import org.trustbench.ui.I18n;
import org.trustbench.ui.Subscriptions;

/** A job's progress bar, its Cancel button and how it last ended, bound to a {@link SyncJob}. */
final class JobBar {

    private final HBox root;

    JobBar(String id, SyncJob job, I18n i18n, Subscriptions subscriptions) {
        ProgressBar bar = new ProgressBar();
        bar.setId(id + "-progress");
        bar.setPrefWidth(260);
        bar.progressProperty().bind(job.progressProperty());
        bar.visibleProperty().bind(job.runningProperty());
        bar.managedProperty().bind(job.runningProperty());
        subscriptions.add(() -> {
            bar.progressProperty().unbind();
            bar.visibleProperty().unbind();
            bar.managedProperty().unbind();
        });
        Button cancel = new Button();
        cancel.setId(id + "-cancel");
        cancel.textProperty().bind(i18n.text("dialog.cancel"));
        cancel.getStyleClass().add(Styles.SMALL);
        cancel.visibleProperty().bind(job.runningProperty());
        cancel.managedProperty().bind(job.runningProperty());
        cancel.disableProperty().bind(job.cancellingProperty());
        cancel.setOnAction(e -> job.cancel());
        subscriptions.add(() -> {
            cancel.visibleProperty().unbind();
            cancel.managedProperty().unbind();
            cancel.disableProperty().unbind();
        });
        Label status = new Label();
        status.setId(id + "-status");
        status.setWrapText(true);
        status.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(status, Priority.ALWAYS);
        status.textProperty().bind(Bindings.createStringBinding(() -> {
            if (job.cancellingProperty().get()) {
                return i18n.get("sync.ui.cancelling");
            }
            if (job.runningProperty().get()) {
                return i18n.get("sync.ui.running");
            }
            SyncNotice n = job.outcomeProperty().get();
            return n == null ? "" : i18n.current().format(n.message());
        }, i18n.messagesProperty(), job.runningProperty(), job.cancellingProperty(), job.outcomeProperty()));
        subscriptions.add(status.textProperty()::unbind);
        Runnable style = () -> {
            SyncNotice n = job.outcomeProperty().get();
            status.getStyleClass().removeAll(Styles.DANGER, Styles.SUCCESS, Styles.WARNING);
            if (n != null && !job.runningProperty().get()) {
                status.getStyleClass().add(n.kind().problem() ? Styles.DANGER
                        : n.kind() == SyncNotice.Kind.SUCCESS ? Styles.SUCCESS : Styles.WARNING);
            }
        };
        subscriptions.onInvalidate(job.outcomeProperty(), o -> style.run());
        style.run();
        root = new HBox(8, bar, cancel, status);
        root.setAlignment(Pos.CENTER_LEFT);
    }

    HBox root() {
        return root;
    }
}
