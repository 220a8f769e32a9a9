package org.trustbench.decision.notice;

import org.trustbench.i18n.UserException;
import org.trustbench.i18n.UserMessage;

/** The decision notice cannot be produced (no Chinese font, unreadable font file …); shown to the officer as one line. */
public class NoticeException extends UserException {

    private static final long serialVersionUID = 1L;

    public NoticeException(UserMessage userMessage) {
        super(userMessage);
    }

    public NoticeException(UserMessage userMessage, Throwable cause) {
        super(userMessage, cause);
    }
}
