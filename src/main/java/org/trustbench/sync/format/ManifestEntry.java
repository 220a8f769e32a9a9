package org.trustbench.sync.format;

/** One entry of the package as the manifest lists it: path, uncompressed size in bytes, lower-case hex SM3. */
public record ManifestEntry(String path, long size, String sm3) {
}
