package org.trustbench.sync.format;

import com.fasterxml.jackson.databind.JsonNode;

/** One verified record: its type, its 1-based line in {@code records/<type>.jsonl}, and the parsed JSON object. */
public record PackageRecord(RecordType type, long line, JsonNode json) {
}
