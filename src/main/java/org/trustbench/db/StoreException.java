package org.trustbench.db;

import org.trustbench.i18n.UserException;
import org.trustbench.i18n.UserMessage;

/** The store could not be opened or used, for a reason the user can act on. */
public final class StoreException extends UserException {

    private static final long serialVersionUID = 1L;

    public StoreException(UserMessage message, Throwable cause) {
        super(message, cause);
    }
}
