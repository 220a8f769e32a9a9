package org.trustbench.sync;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Turns an outbox payload into the format's record as one line of compact JSON, token by token (no tree): the
 * sequence number first, then the payload's members in their order, record ids prefixed with the workstation id so
 * they are unique across workstations. The bytes are reused from record to record; one instance per export.
 * <p>
 * A payload as the store keeps it (compact, no escapes, BMP text, integers only) is rewritten by copying its bytes around the
 * two id values, which gives exactly what the token-by-token path would; any other payload takes that path.
 */
final class OutboundRecordBytes {

    private static final JsonFactory FACTORY = new JsonFactory();

    private final byte[] idPrefix;
    private final String idPrefixText;
    private final Buffer buffer = new Buffer();
    private final byte[] digits = new byte[20];
    private String caseNo;
    /** Where the copying path found the case number (made a String only when asked for). */
    private byte[] caseNoIn;
    private int caseNoFrom;
    private int caseNoLength;

    OutboundRecordBytes(String workstationId) {
        this.idPrefixText = workstationId + "/";
        this.idPrefix = idPrefixText.getBytes(StandardCharsets.UTF_8);
    }

    /** Converts one payload; then {@link #bytes()}, {@link #length()} and {@link #caseNo()} describe it. */
    void convert(long seq, byte[] payload) {
        if (!copy(seq, payload)) {
            parse(seq, payload);
        }
        if (caseNo == null && caseNoIn == null) {
            throw new IllegalStateException("outbox payload " + seq + " names no case");
        }
    }

    /** The token-by-token conversion, for any JSON object. */
    void parse(long seq, byte[] payload) {
        buffer.reset();
        caseNo = null;
        caseNoIn = null;
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
                    g.writeStringField(name, idPrefixText + p.getText());
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
    }

    /**
     * The byte-copying conversion; false (and nothing decided) for a payload it does not handle: not a compact object,
     * an escape, a character outside the BMP, a fraction or exponent, a {@code -0}, or a non-string id.
     */
    boolean copy(long seq, byte[] in) {
        int n = in.length;
        if (n < 3 || in[0] != '{' || in[n - 1] != '}') {
            return false;
        }
        buffer.reset();
        caseNo = null;
        caseNoIn = null;
        buffer.write(SEQ, 0, SEQ.length);
        writeDigits(seq);
        int i = 1;
        while (true) {
            buffer.write(',');
            if (in[i] != '"') {
                return false;
            }
            int nameEnd = indexOf(in, '"', i + 1);
            if (nameEnd < 0 || nameEnd + 2 >= n || in[nameEnd + 1] != ':') {
                return false;
            }
            int value = nameEnd + 2;
            int end = skipValue(in, value);
            if (end < 0) {
                return false;
            }
            buffer.write(in, i, value - i); // "name":
            if (is(in, i + 1, nameEnd, DECISION_ID) || is(in, i + 1, nameEnd, SUPERSEDES)) {
                if (in[value] != '"') {
                    return false;
                }
                buffer.write('"');
                buffer.write(idPrefix, 0, idPrefix.length);
                buffer.write(in, value + 1, end - value - 1);
            } else {
                if (is(in, i + 1, nameEnd, CASE_NO) && in[value] == '"') {
                    caseNoIn = in;
                    caseNoFrom = value + 1;
                    caseNoLength = end - value - 2;
                }
                buffer.write(in, value, end - value);
            }
            if (end == n - 1) {
                buffer.write('}');
                return true;
            }
            if (in[end] != ',') {
                return false;
            }
            i = end + 1;
        }
    }

    /** Writes a non-negative number in decimal, as Long.toString does. */
    private void writeDigits(long v) {
        if (v < 0) {
            byte[] d = Long.toString(v).getBytes(StandardCharsets.US_ASCII);
            buffer.write(d, 0, d.length);
            return;
        }
        int n = 1;
        for (long x = v; x >= 10; x /= 10) {
            n++;
        }
        for (int k = n - 1; k >= 0; k--) {
            digits[k] = (byte) ('0' + v % 10);
            v /= 10;
        }
        buffer.write(digits, 0, n);
    }

    /** The index after the value starting at {@code i}, or -1 if it is not one {@link #copy} handles. */
    private static int skipValue(byte[] in, int i) {
        int depth = 0;
        int n = in.length;
        byte previous = 0;
        for (; i < n; i++) {
            byte b = in[i];
            if (b == '"') {
                int close = indexOf(in, '"', i + 1);
                if (close < 0) {
                    return -1;
                }
                i = close;
                previous = '"';
                if (depth == 0) {
                    return i + 1;
                }
                continue;
            }
            if (b == '{' || b == '[') {
                depth++;
            } else if (b == '}' || b == ']') {
                if (depth == 0) {
                    return i; // the end of the enclosing object
                }
                depth--;
                if (depth == 0) {
                    return i + 1;
                }
            } else if (b == ',') {
                if (depth == 0) {
                    return i;
                }
            } else if (b == '.' || b == '+' || b == 'E' || b == '\\' || b <= ' '
                    || (b == 'e' && previous >= '0' && previous <= '9') || (b == '0' && previous == '-')) {
                return -1; // whitespace, escapes outside strings, fractions, exponents, -0: the parsing path
            }
            previous = b;
        }
        return -1;
    }

    /**
     * The index of {@code c} from {@code from}, or -1; -1 also if an escape comes first, or a character outside the
     * Basic Multilingual Plane (a 4-byte UTF-8 sequence, which the generator writes as an escaped surrogate pair).
     */
    private static int indexOf(byte[] in, char c, int from) {
        for (int i = from; i < in.length; i++) {
            byte b = in[i];
            if (b == c) {
                return i;
            }
            if (b == '\\' || (b & 0xF8) == 0xF0) {
                return -1;
            }
        }
        return -1;
    }

    private static boolean is(byte[] in, int from, int to, byte[] name) {
        return to - from == name.length && Arrays.equals(in, from, to, name, 0, name.length);
    }

    private static final byte[] SEQ = "{\"seq\":".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] DECISION_ID = "decisionId".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] SUPERSEDES = "supersedes".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] CASE_NO = "caseNo".getBytes(StandardCharsets.US_ASCII);

    byte[] bytes() {
        return buffer.array();
    }

    int length() {
        return buffer.size();
    }

    String caseNo() {
        if (caseNo == null && caseNoIn != null) {
            caseNo = new String(caseNoIn, caseNoFrom, caseNoLength, StandardCharsets.UTF_8);
        }
        return caseNo;
    }

    /** A growing byte buffer whose array can be read without copying; unlike ByteArrayOutputStream, not synchronised. */
    private static final class Buffer extends OutputStream {
        private byte[] buf = new byte[1024];
        private int count;

        @Override
        public void write(int b) {
            if (count == buf.length) {
                grow(1);
            }
            buf[count++] = (byte) b;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            if (len > buf.length - count) {
                grow(len);
            }
            System.arraycopy(b, off, buf, count, len);
            count += len;
        }

        private void grow(int more) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, count + more));
        }

        void reset() {
            count = 0;
        }

        byte[] array() {
            return buf;
        }

        int size() {
            return count;
        }
    }
}
