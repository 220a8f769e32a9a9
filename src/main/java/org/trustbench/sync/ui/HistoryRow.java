package org.trustbench.sync.ui;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import org.trustbench.sync.SyncPackageRepository;

/**
 * One row of the package history as the Sync screen shows it.
 *
 * @param counts records per type name, in the package's order
 */
public record HistoryRow(String packageId, String direction, OffsetDateTime processedAt, Map<String, Long> counts,
                         String signer, String result, String fileName) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public HistoryRow {
        counts = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(counts));
    }

    static HistoryRow of(SyncPackageRepository.Entry e) {
        Map<String, Long> counts = new LinkedHashMap<>();
        if (e.counts() != null) {
            try {
                JsonNode node = JSON.readTree(e.counts());
                node.fields().forEachRemaining(f -> counts.put(f.getKey(), f.getValue().asLong()));
            } catch (IOException ex) {
                counts.clear();
            }
        }
        return new HistoryRow(e.packageId(), e.direction(), e.processedAt(), counts, e.signerKey(), e.result(), e.fileName());
    }

    /** Whether this store wrote the package (rather than imported it). */
    public boolean outbound() {
        return "OUTBOUND".equals(direction);
    }
}
