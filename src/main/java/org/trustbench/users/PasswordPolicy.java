package org.trustbench.users;

import org.trustbench.i18n.UserException;
import org.trustbench.i18n.UserMessage;

/** What a new password must satisfy: at least {@link #MIN_LENGTH} characters, not all white space. */
public final class PasswordPolicy {

    public static final int MIN_LENGTH = 10;

    private PasswordPolicy() {
    }

    /** Throws a {@link UserException} ({@code users.error.passwordTooShort}) unless {@code password} is acceptable. */
    public static void check(char[] password) {
        if (password == null || Character.codePointCount(password, 0, password.length) < MIN_LENGTH) {
            throw new UserException(UserMessage.of("users.error.passwordTooShort", MIN_LENGTH));
        }
        boolean blank = true;
        for (char c : password) {
            blank &= Character.isWhitespace(c);
        }
        if (blank) {
            throw new UserException(UserMessage.of("users.error.passwordTooShort", MIN_LENGTH));
        }
    }
}
