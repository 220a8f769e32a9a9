package org.trustbench.users;

import atlantafx.base.theme.Styles;
import javafx.beans.binding.Bindings;
import javafx.beans.property.StringProperty;
import javafx.geometry.Insets;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.trustbench.ui.I18n;
import org.trustbench.ui.Subscriptions;
import org.trustbench.ui.View;

/** A new real store has no accounts: the officer creates the first administrator here. */
public final class FirstAdminView implements View {

    private final FirstAdminViewModel vm;
    private final Subscriptions subscriptions = new Subscriptions();
    private final TextField username = new TextField();
    private final StackPane root;

    public FirstAdminView(FirstAdminViewModel vm, I18n i18n) {
        this.vm = vm;
        Label title = new Label();
        title.textProperty().bind(i18n.text("users.firstAdmin.title"));
        title.getStyleClass().add(Styles.TITLE_3);
        Label intro = new Label();
        intro.textProperty().bind(i18n.text("users.firstAdmin.intro"));
        intro.setWrapText(true);
        intro.getStyleClass().add(Styles.TEXT_MUTED);

        TextField displayName = new TextField();
        TextField officerId = new TextField();
        PasswordField password = new PasswordField();
        PasswordField confirmation = new PasswordField();
        GridPane form = new GridPane();
        form.setHgap(12);
        form.setVgap(8);
        ColumnConstraints labels = new ColumnConstraints();
        labels.setMinWidth(Region.USE_PREF_SIZE);
        ColumnConstraints fields = new ColumnConstraints();
        fields.setHgrow(Priority.ALWAYS);
        form.getColumnConstraints().setAll(labels, fields);
        row(form, 0, i18n, "users.field.username", username, "firstadmin-username", vm.usernameProperty());
        row(form, 1, i18n, "users.field.displayName", displayName, "firstadmin-name", vm.displayNameProperty());
        row(form, 2, i18n, "users.field.officerId", officerId, "firstadmin-officer-id", vm.officerIdProperty());
        row(form, 3, i18n, "users.field.password", password, "firstadmin-password", vm.passwordProperty());
        row(form, 4, i18n, "users.field.passwordAgain", confirmation, "firstadmin-confirm", vm.confirmationProperty());
        Label policy = new Label();
        policy.textProperty().bind(i18n.text("users.firstAdmin.policy", PasswordPolicy.MIN_LENGTH));
        policy.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
        form.add(policy, 1, 5);

        Label error = new Label();
        error.setId("firstadmin-error");
        error.setWrapText(true);
        error.getStyleClass().add(Styles.DANGER);
        error.textProperty().bind(Bindings.createStringBinding(
                () -> vm.errorProperty().get() == null ? "" : i18n.current().format(vm.errorProperty().get()),
                i18n.messagesProperty(), vm.errorProperty()));
        error.visibleProperty().bind(vm.errorProperty().isNotNull());
        error.managedProperty().bind(error.visibleProperty());

        Button submit = new Button();
        submit.setId("firstadmin-submit");
        submit.textProperty().bind(i18n.text("users.firstAdmin.submit"));
        submit.getStyleClass().add(Styles.ACCENT);
        submit.setOnAction(e -> vm.create());
        submit.disableProperty().bind(vm.busyProperty().or(vm.createdProperty().isNotNull()));
        confirmation.setOnAction(e -> vm.create());
        form.disableProperty().bind(vm.busyProperty().or(vm.createdProperty().isNotNull()));

        ProgressIndicator progress = new ProgressIndicator();
        progress.setMaxSize(20, 20);
        progress.visibleProperty().bind(vm.busyProperty());

        Label done = new Label();
        done.setId("firstadmin-done");
        done.setWrapText(true);
        done.getStyleClass().add(Styles.SUCCESS);
        done.textProperty().bind(Bindings.createStringBinding(() -> vm.createdProperty().get() == null ? ""
                        : i18n.get("users.firstAdmin.done", vm.createdProperty().get().username()),
                i18n.messagesProperty(), vm.createdProperty()));
        done.visibleProperty().bind(vm.createdProperty().isNotNull());
        done.managedProperty().bind(done.visibleProperty());

        VBox card = new VBox(12, title, intro, form, error, done, new javafx.scene.layout.HBox(8, submit, progress));
        card.setPadding(new Insets(24));
        card.setMaxWidth(520);
        card.setMaxHeight(Region.USE_PREF_SIZE);
        card.getStyleClass().add("first-admin-card");
        root = new StackPane(card);
        root.setPadding(new Insets(24));
        root.getStyleClass().add("first-admin");
        root.sceneProperty().addListener((o, a, b) -> {
            if (b != null) {
                javafx.application.Platform.runLater(username::requestFocus);
            }
        });
    }

    private void row(GridPane form, int row, I18n i18n, String key, TextField field, String id, StringProperty value) {
        Label label = new Label();
        label.textProperty().bind(i18n.text(key));
        label.setLabelFor(field);
        field.setId(id);
        field.textProperty().bindBidirectional(value);
        subscriptions.add(() -> field.textProperty().unbindBidirectional(value));
        form.add(label, 0, row);
        form.add(field, 1, row);
    }

    @Override
    public Parent root() {
        return root;
    }

    @Override
    public void dispose() {
        subscriptions.dispose();
    }
}
