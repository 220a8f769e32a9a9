package org.trustbench.review.attachment;

/**
 * The bytes of one attachment as read from the store, with the digest recorded for it
 * ({@code expectedSm3}) and the digest of the bytes actually read ({@code actualSm3}).
 * {@code digestMatches} is false when the content was altered after it was recorded.
 */
public record AttachmentContent(String fileName, String mediaType, String expectedSm3, byte[] bytes,
        String actualSm3, boolean digestMatches) {
}
