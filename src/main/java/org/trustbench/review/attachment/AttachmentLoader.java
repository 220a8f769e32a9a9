package org.trustbench.review.attachment;

import java.util.Objects;
import org.trustbench.crypto.Sm3;
import org.trustbench.domain.Attachment;
import org.trustbench.i18n.UserMessage;

/**
 * Loads an attachment's bytes by digest and checks them: the SM3 of what was read is computed
 * again and compared with the recorded one. A mismatch is reported in the result, not thrown, so
 * the reviewer still sees the (altered) file next to the warning. Blocking; call it from a task.
 */
public final class AttachmentLoader {

    private final AttachmentBlobs blobs;

    public AttachmentLoader(AttachmentBlobs blobs) {
        this.blobs = Objects.requireNonNull(blobs, "blobs");
    }

    /**
     * The content of {@code attachment}.
     *
     * @throws AttachmentException {@code attachment.error.missing} if the store holds no blob for its digest
     */
    public AttachmentContent load(Attachment attachment) {
        String expected = attachment.sm3();
        byte[] bytes = blobs.content(expected).orElseThrow(() -> new AttachmentException(
                UserMessage.of("attachment.error.missing", attachment.fileName(), expected), null));
        String actual = Sm3.hex(bytes);
        return new AttachmentContent(attachment.fileName(), attachment.mediaType(), expected, bytes, actual,
                actual.equalsIgnoreCase(expected));
    }
}
