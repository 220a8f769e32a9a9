package org.trustbench.training;

import org.trustbench.i18n.UserException;
import org.trustbench.i18n.UserMessage;

/** A dataset file is malformed; the message names the file, the record and the field. */
public final class DatasetException extends UserException {

    private static final long serialVersionUID = 1L;

    public DatasetException(UserMessage message, Throwable cause) {
        super(message, cause);
    }
}
