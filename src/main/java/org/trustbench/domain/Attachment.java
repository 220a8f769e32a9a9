package org.trustbench.domain;

/** A file attached to an evidence item, identified by its SM3 digest (hex, lower case). */
public record Attachment(String fileName, String mediaType, String sm3, long sizeBytes) {
}
