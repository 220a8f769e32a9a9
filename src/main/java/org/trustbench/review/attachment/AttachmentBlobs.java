package org.trustbench.review.attachment;

import java.util.Optional;

/**
 * Where attachment content comes from, by SM3 digest. {@link AttachmentRepository} reads the
 * store; the loader depends on this interface so that only {@code app} touches the repository.
 */
@FunctionalInterface
public interface AttachmentBlobs {

    /** The stored bytes for {@code sm3} (lower-case hex), or empty if no blob has that digest. */
    Optional<byte[]> content(String sm3);
}
