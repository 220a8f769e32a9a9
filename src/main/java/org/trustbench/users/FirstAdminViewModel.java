package org.trustbench.users;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.concurrent.Executor;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.concurrent.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.trustbench.i18n.UserException;
import org.trustbench.i18n.UserMessage;
import org.trustbench.ui.Tasks;

/**
 * Creating the first administrator of a new real store (one without accounts): user name,
 * display name, officer id and the password twice. The account is created as a Task on the
 * injected executor; {@link #createdProperty()} is set on success.
 */
public final class FirstAdminViewModel {

    private static final Logger LOG = LoggerFactory.getLogger(FirstAdminViewModel.class);

    private final UserService users;
    private final Executor executor;
    private final StringProperty username = new SimpleStringProperty(this, "username", "");
    private final StringProperty displayName = new SimpleStringProperty(this, "displayName", "");
    private final StringProperty officerId = new SimpleStringProperty(this, "officerId", "");
    private final StringProperty password = new SimpleStringProperty(this, "password", "");
    private final StringProperty confirmation = new SimpleStringProperty(this, "confirmation", "");
    private final ReadOnlyObjectWrapper<UserMessage> error = new ReadOnlyObjectWrapper<>(this, "error");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy", false);
    private final ReadOnlyObjectWrapper<User> created = new ReadOnlyObjectWrapper<>(this, "created");
    private final BooleanBinding canCreate;

    public FirstAdminViewModel(UserService users, Executor executor) {
        this.users = users;
        this.executor = executor;
        this.canCreate = Bindings.createBooleanBinding(() -> !busy.get() && created.get() == null
                        && !username.get().isBlank() && !displayName.get().isBlank() && !officerId.get().isBlank()
                        && !password.get().isEmpty() && !confirmation.get().isEmpty(),
                busy, created, username, displayName, officerId, password, confirmation);
    }

    /** Checks the input and creates the administrator in the background. */
    public void create() {
        if (busy.get() || created.get() != null) {
            return;
        }
        if (!canCreate.get()) {
            error.set(UserMessage.of("users.firstAdmin.error.incomplete"));
            return;
        }
        char[] secret = password.get().toCharArray();
        char[] again = confirmation.get().toCharArray();
        boolean same = Arrays.equals(secret, again);
        Arrays.fill(again, '\0');
        if (!same) {
            Arrays.fill(secret, '\0');
            confirmation.set("");
            error.set(UserMessage.of("users.error.passwordMismatch"));
            return;
        }
        try {
            PasswordPolicy.check(secret);
        } catch (UserException e) {
            Arrays.fill(secret, '\0');
            error.set(e.userMessage());
            return;
        }
        String name = username.get();
        String display = displayName.get();
        String officer = officerId.get();
        password.set("");
        confirmation.set("");
        error.set(null);
        busy.set(true);
        Task<User> task = Tasks.of(() -> users.addUser(null, name, display, officer, EnumSet.of(Role.ADMINISTRATOR), secret));
        task.setOnSucceeded(e -> {
            busy.set(false);
            created.set(task.getValue());
        });
        task.setOnFailed(e -> {
            busy.set(false);
            Throwable t = task.getException();
            if (t instanceof UserException user) {
                error.set(user.userMessage());
            } else {
                LOG.error("Creating the first administrator failed", t);
                error.set(UserMessage.of("users.firstAdmin.error.unexpected"));
            }
        });
        executor.execute(task);
    }

    public StringProperty usernameProperty() {
        return username;
    }

    public StringProperty displayNameProperty() {
        return displayName;
    }

    public StringProperty officerIdProperty() {
        return officerId;
    }

    public StringProperty passwordProperty() {
        return password;
    }

    public StringProperty confirmationProperty() {
        return confirmation;
    }

    public ReadOnlyObjectProperty<UserMessage> errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** The administrator once created; the store then has a user and the sign-in screen follows. */
    public ReadOnlyObjectProperty<User> createdProperty() {
        return created.getReadOnlyProperty();
    }

    public BooleanBinding canCreateBinding() {
        return canCreate;
    }
}
