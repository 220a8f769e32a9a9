package org.trustbench.domain;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/**
 * One piece of evidence from one source.
 *
 * @param fields    the item's fields in source order; immutable
 * @param signature the issuer's signature of a registry record, or {@code null}
 */
public record EvidenceItem(long id, EvidenceKind kind, EvidenceSource source, String title,
                           Map<String, String> fields, LocalDate validFrom, LocalDate validTo,
                           OffsetDateTime recordedAt, List<Attachment> attachments, RegistrySignature signature) {

    public EvidenceItem {
        fields = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(fields));
        attachments = List.copyOf(attachments);
    }

    public String field(String key) {
        return fields.get(key);
    }
}
