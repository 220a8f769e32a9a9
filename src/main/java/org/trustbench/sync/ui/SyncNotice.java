package org.trustbench.sync.ui;

import java.util.Objects;
import org.trustbench.i18n.UserMessage;

/**
 * How a sync job ended, for the toast and the job's status line. The message is rendered in the current language by
 * the view.
 */
public record SyncNotice(Kind kind, UserMessage message) {

    /** The ways a job ends. */
    public enum Kind {
        SUCCESS, ALREADY_IMPORTED, REFUSED, CANCELLED, FAILED;

        /** Whether the toast shows it as a problem. */
        public boolean problem() {
            return this == REFUSED || this == FAILED;
        }
    }

    public SyncNotice {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(message, "message");
    }
}
