package org.trustbench.i18n;

/**
 * An expected error caused by the user's input or environment (bad file, locked store …).
 * Shown as a one-line message without a stack trace.
 */
public class UserException extends RuntimeException {

    private static final long serialVersionUID = 1L;
    private final transient UserMessage userMessage;

    public UserException(UserMessage userMessage) {
        this(userMessage, null);
    }

    public UserException(UserMessage userMessage, Throwable cause) {
        super(userMessage.key() + " " + userMessage.args(), cause);
        this.userMessage = userMessage;
    }

    public UserMessage userMessage() {
        return userMessage;
    }
}
