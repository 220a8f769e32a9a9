package org.trustbench.users;

import java.time.OffsetDateTime;
import java.util.Objects;

/** Who is signed in and since when. Immutable and free of JavaFX; the UI holds the current one. */
public record Session(User user, OffsetDateTime since) {

    public Session {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(since, "since");
    }

    public String username() {
        return user.username();
    }

    public boolean can(Action action) {
        return Permissions.allows(user, action);
    }

    /** Throws a {@link org.trustbench.i18n.UserException} unless the signed-in user may do {@code action}. */
    public void require(Action action) {
        Permissions.require(user, action);
    }
}
