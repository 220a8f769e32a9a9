package org.trustbench.users;

import atlantafx.base.theme.Styles;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.trustbench.ui.I18n;
import org.trustbench.ui.Subscriptions;
import org.trustbench.ui.View;

/**
 * The sign-in screen: user name, password, a sign-in button (Enter in either field submits), the
 * reason a sign-in failed, and in the demo workspace a hint where the demo accounts are listed.
 */
public final class SignInView implements View {

    private final SignInViewModel vm;
    private final I18n i18n;
    private final Subscriptions subscriptions = new Subscriptions();
    private final TextField username = new TextField();
    private final PasswordField password = new PasswordField();
    private final Button submit = new Button();
    private final Label error = new Label();
    private final StackPane root;

    /** @param demo whether this is the demo workspace: shows where the DEMO ONLY accounts are documented */
    public SignInView(SignInViewModel vm, I18n i18n, boolean demo) {
        this.vm = vm;
        this.i18n = i18n;

        Label title = new Label();
        title.textProperty().bind(i18n.text(demo ? "users.signin.title.demo" : "users.signin.title"));
        title.getStyleClass().add(Styles.TITLE_3);

        Label usernameLabel = new Label();
        usernameLabel.textProperty().bind(i18n.text("users.field.username"));
        usernameLabel.setLabelFor(username);
        username.setId("signin-username");
        username.textProperty().bindBidirectional(vm.usernameProperty());
        subscriptions.add(() -> username.textProperty().unbindBidirectional(vm.usernameProperty()));
        username.setOnAction(e -> {
            if (password.getText().isEmpty()) {
                password.requestFocus();
            } else {
                vm.signIn();
            }
        });

        Label passwordLabel = new Label();
        passwordLabel.textProperty().bind(i18n.text("users.field.password"));
        passwordLabel.setLabelFor(password);
        password.setId("signin-password");
        password.textProperty().bindBidirectional(vm.passwordProperty());
        subscriptions.add(() -> password.textProperty().unbindBidirectional(vm.passwordProperty()));
        password.setOnAction(e -> vm.signIn());

        error.setId("signin-error");
        error.setWrapText(true);
        error.getStyleClass().add(Styles.DANGER);
        error.textProperty().bind(Bindings.createStringBinding(
                () -> vm.errorProperty().get() == null ? "" : i18n.current().format(vm.errorProperty().get()),
                i18n.messagesProperty(), vm.errorProperty()));
        error.visibleProperty().bind(vm.errorProperty().isNotNull());
        error.managedProperty().bind(error.visibleProperty());

        submit.setId("signin-submit");
        submit.textProperty().bind(i18n.text("users.signin.submit"));
        submit.getStyleClass().add(Styles.ACCENT);
        submit.setMaxWidth(Double.MAX_VALUE);
        submit.setOnAction(e -> vm.signIn());
        submit.disableProperty().bind(vm.busyProperty());
        username.disableProperty().bind(vm.busyProperty());
        password.disableProperty().bind(vm.busyProperty());

        ProgressIndicator progress = new ProgressIndicator();
        progress.setMaxSize(20, 20);
        progress.visibleProperty().bind(vm.busyProperty());
        progress.managedProperty().bind(progress.visibleProperty());
        Label checking = new Label();
        checking.textProperty().bind(i18n.text("users.signin.busy"));
        checking.getStyleClass().add(Styles.TEXT_MUTED);
        checking.visibleProperty().bind(vm.busyProperty());
        checking.managedProperty().bind(checking.visibleProperty());
        HBox busyRow = new HBox(8, progress, checking);
        busyRow.setAlignment(Pos.CENTER_LEFT);

        VBox card = new VBox(8, title, usernameLabel, username, passwordLabel, password, error, submit, busyRow);
        if (demo) {
            Label hint = new Label();
            hint.setId("signin-demo-hint");
            hint.setWrapText(true);
            hint.textProperty().bind(i18n.text("users.signin.demoHint"));
            hint.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.WARNING);
            card.getChildren().add(hint);
        }
        card.getStyleClass().add("signin-card");
        card.setPadding(new Insets(24));
        card.setMaxWidth(380);
        card.setMaxHeight(Region.USE_PREF_SIZE);
        root = new StackPane(card);
        root.setPadding(new Insets(24));
        root.getStyleClass().add("signin");

        // After a failure the password was emptied: put the keyboard back in it.
        subscriptions.onChange(vm.errorProperty(), (o, a, b) -> {
            if (b != null && !vm.busyProperty().get()) {
                (username.getText().isBlank() ? username : password).requestFocus();
            }
        });
        subscriptions.onChange(vm.busyProperty(), (o, a, b) -> {
            if (!b && vm.errorProperty().get() != null) {
                (username.getText().isBlank() ? username : password).requestFocus();
            }
        });
        root.sceneProperty().addListener((o, a, b) -> {
            if (b != null) {
                javafx.application.Platform.runLater(this::focus);
            }
        });
    }

    /** Puts the keyboard in the user name field, or in the password field when a name is already there. */
    public void focus() {
        (username.getText().isBlank() ? username : password).requestFocus();
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
