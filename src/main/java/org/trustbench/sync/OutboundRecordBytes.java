package org.trustbench.sync;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Turns an outbox payload into the format's record as one line of compact JSON, token by token (no tree): the
 * sequence number first, then the payload's members in their order, record ids prefixed with the workstation id so
 * they are unique across workstations. The bytes are reused from record to record; one instance per export.
 */
final class OutboundRecordBytes {

    private static final JsonFactory FACTORY = new JsonFactory();

    private final String idPrefix;
    private final Buffer buffer = new Buffer();
    private String caseNo;

    OutboundRecordBytes(String workstationId) {
        this.idPrefix = workstationId + "/";
    }

    /** Converts one payload; then {@link #bytes()}, {@link #length()} and {@link #caseNo()} describe it. */
    void convert(long seq, byte[] payload) {
        buffer.reset();
        caseNo = null;
        try (JsonParser p = FACTORY.createParser(payload); JsonGenerator g = FACTORY.createGenerator(buffer)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new IllegalStateException("outbox payload " + seq + " is not a JSON object");
            }
            g.writeStartObject();
            g.writeNumberField("seq", seq);
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken value = p.nextToken();
                if (name.equals("decisionId") || name.equals("supersedes")) {
                    g.writeStringField(name, idPrefix + p.getText());
                } else {
                    if (name.equals("caseNo") && value == JsonToken.VALUE_STRING) {
                        caseNo = p.getText();
                    }
                    g.writeFieldName(name);
                    g.copyCurrentStructure(p);
                }
            }
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("outbox payload " + seq + " is JSON", e);
        }
        if (caseNo == null) {
            throw new IllegalStateException("outbox payload " + seq + " names no case");
        }
    }

    byte[] bytes() {
        return buffer.array();
    }

    int length() {
        return buffer.size();
    }

    String caseNo() {
        return caseNo;
    }

    /** A byte buffer whose array can be read without copying. */
    private static final class Buffer extends ByteArrayOutputStream {
        Buffer() {
            super(1024);
        }

        byte[] array() {
            return buf;
        }
    }
}
