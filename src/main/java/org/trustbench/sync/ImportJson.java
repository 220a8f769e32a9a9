package org.trustbench.sync;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Reads back the record JSON this store wrote itself (conflicts keep the incoming record). */
final class ImportJson {

    static final ObjectMapper MAPPER = new ObjectMapper();

    private ImportJson() {
    }

    static JsonNode read(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored record is JSON", e);
        }
    }
}
