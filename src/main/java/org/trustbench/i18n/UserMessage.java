package org.trustbench.i18n;

import java.util.List;

/**
 * A message for the user raised by code that does not know the user's language:
 * a bundle key and its arguments. The UI or CLI renders it with {@link Messages}.
 */
public record UserMessage(String key, List<Object> args) {

    public UserMessage {
        args = List.copyOf(args);
    }

    public static UserMessage of(String key, Object... args) {
        return new UserMessage(key, List.of(args));
    }
}
