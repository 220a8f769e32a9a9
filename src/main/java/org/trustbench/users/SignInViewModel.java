package org.trustbench.users;

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
 * Signing in: the officer's user name and password, a sign-in command that checks them as a Task
 * on the injected executor (PBKDF2 is slow), the error to show and a busy flag. A success sets
 * {@link #sessionProperty()}; whoever shows this screen observes it.
 */
public final class SignInViewModel {

    private static final Logger LOG = LoggerFactory.getLogger(SignInViewModel.class);

    private final AuthService auth;
    private final Executor executor;
    private final StringProperty username = new SimpleStringProperty(this, "username", "");
    private final StringProperty password = new SimpleStringProperty(this, "password", "");
    private final ReadOnlyObjectWrapper<UserMessage> error = new ReadOnlyObjectWrapper<>(this, "error");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy", false);
    private final ReadOnlyObjectWrapper<Session> session = new ReadOnlyObjectWrapper<>(this, "session");
    private final BooleanBinding canSignIn;

    public SignInViewModel(AuthService auth, Executor executor) {
        this.auth = auth;
        this.executor = executor;
        this.canSignIn = Bindings.createBooleanBinding(
                () -> !busy.get() && !username.get().isBlank() && !password.get().isEmpty(), busy, username, password);
    }

    /**
     * Checks the user name and password in the background. The password field is emptied at once;
     * on failure {@link #errorProperty()} says why, on success {@link #sessionProperty()} is set.
     */
    public void signIn() {
        if (!canSignIn.get()) {
            if (!busy.get()) {
                error.set(UserMessage.of("users.signin.error.empty"));
            }
            return;
        }
        String name = username.get();
        char[] secret = password.get().toCharArray();
        password.set("");
        error.set(null);
        busy.set(true);
        Task<Session> task = Tasks.of(() -> auth.startSession(name, secret));
        task.setOnSucceeded(e -> {
            busy.set(false);
            session.set(task.getValue());
        });
        task.setOnFailed(e -> {
            busy.set(false);
            Throwable t = task.getException();
            if (t instanceof UserException user) {
                error.set(user.userMessage());
            } else {
                LOG.error("Signing in failed", t);
                error.set(UserMessage.of("users.signin.error.unexpected"));
            }
        });
        executor.execute(task);
    }

    /** Forgets the signed-in session (after signing out) and the typed password. */
    public void reset() {
        password.set("");
        error.set(null);
        session.set(null);
    }

    public StringProperty usernameProperty() {
        return username;
    }

    /** The typed password. JavaFX password fields hold a String; it is emptied as soon as it is submitted. */
    public StringProperty passwordProperty() {
        return password;
    }

    /** Why the last attempt failed, or {@code null}. */
    public ReadOnlyObjectProperty<UserMessage> errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** The session after a successful sign-in, else {@code null}. */
    public ReadOnlyObjectProperty<Session> sessionProperty() {
        return session.getReadOnlyProperty();
    }

    /** Whether the sign-in command can run: not busy, a user name and a password typed. */
    public BooleanBinding canSignInBinding() {
        return canSignIn;
    }
}
