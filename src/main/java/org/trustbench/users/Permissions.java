package org.trustbench.users;

import org.trustbench.i18n.UserException;
import org.trustbench.i18n.UserMessage;

/**
 * Which roles allow which {@link Action}s. A refusal is a {@link UserException} with the key
 * {@code users.error.forbidden.<ACTION>}, whose arguments are the user name and display name;
 * the text names the missing role.
 */
public final class Permissions {

    private Permissions() {
    }

    /** Whether {@code user} may do {@code action}: an enabled account holding one of the action's roles. */
    public static boolean allows(User user, Action action) {
        return user != null && !user.disabled() && action.allowedRoles().stream().anyMatch(user::hasRole);
    }

    /** Throws unless {@code user} may do {@code action}. */
    public static void require(User user, Action action) {
        if (user == null) {
            throw new UserException(UserMessage.of("users.error.notSignedIn"));
        }
        if (user.disabled()) {
            throw new UserException(UserMessage.of("users.error.disabled", user.username()));
        }
        if (!allows(user, action)) {
            throw new UserException(UserMessage.of("users.error.forbidden." + action.name(), user.username(),
                    user.displayName()));
        }
    }
}
