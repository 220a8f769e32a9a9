package org.trustbench.sync.format;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The manifest of a package (format version 1): the header, the signer's key ID, the record count of each record
 * entry and every entry except manifest.json and manifest.sig, in entry order.
 *
 * @param counts records per type, in entry order (by type name)
 */
public record Manifest(int formatVersion, ManifestHeader header, String signerKeyId, Map<RecordType, Long> counts,
                       List<ManifestEntry> entries) {

    /** The format version this code writes and reads. */
    public static final int FORMAT_VERSION = 1;

    public Manifest {
        counts = Collections.unmodifiableMap(new LinkedHashMap<>(counts));
        entries = List.copyOf(entries);
    }

    /** Records of {@code type} in the package; 0 when it has no such entry. */
    public long count(RecordType type) {
        return counts.getOrDefault(type, 0L);
    }

    /** Records in the package, all types together. */
    public long totalRecords() {
        return counts.values().stream().mapToLong(Long::longValue).sum();
    }

    public Optional<ManifestEntry> entry(String path) {
        return entries.stream().filter(e -> e.path().equals(path)).findFirst();
    }

    /** The attachment entries, by digest. */
    public List<ManifestEntry> attachments() {
        return entries.stream().filter(e -> e.path().startsWith(ManifestCodec.ATTACHMENT_PREFIX)).toList();
    }

    /** The counts as compact JSON, e.g. {@code {"decision":3,"signoff":1}}, for a package history. */
    public String countsJson() {
        ObjectNode o = StrictJson.MAPPER.createObjectNode();
        counts.forEach((type, n) -> o.put(type.typeName(), n));
        return o.toString();
    }
}
