package org.trustbench.review.attachment;

import org.trustbench.i18n.UserException;
import org.trustbench.i18n.UserMessage;

/** An attachment that cannot be loaded or shown: missing, unreadable or of a type we cannot preview. */
public final class AttachmentException extends UserException {

    private static final long serialVersionUID = 1L;

    public AttachmentException(UserMessage message, Throwable cause) {
        super(message, cause);
    }

    static AttachmentException unreadablePdf(String fileName, Throwable cause) {
        return new AttachmentException(UserMessage.of("attachment.error.unreadablePdf", fileName, reason(cause)), cause);
    }

    static AttachmentException unreadableImage(String fileName, String reason, Throwable cause) {
        return new AttachmentException(UserMessage.of("attachment.error.unreadableImage", fileName, reason), cause);
    }

    static String reason(Throwable cause) {
        String m = cause.getMessage();
        return m == null || m.isBlank() ? cause.getClass().getSimpleName() : m;
    }
}
