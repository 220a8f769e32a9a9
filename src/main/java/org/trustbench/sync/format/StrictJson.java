package org.trustbench.sync.format;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * JSON as the format reads it: strict UTF-8 (no overlong forms, no surrogates, no byte order mark), duplicate keys
 * refused, no trailing tokens, nesting at most 64 deep.
 */
final class StrictJson {

    static final ObjectMapper MAPPER = new ObjectMapper(JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(64).build())
            .build())
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private StrictJson() {
    }

    /** Strict UTF-8 decoding of {@code len} bytes. */
    static String utf8(byte[] bytes, int len, String entry, long line) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes, 0, len)).toString();
        } catch (CharacterCodingException e) {
            throw PackageException.atLine(PackageProblem.BAD_UTF8, entry, line, "", "");
        }
    }

    /**
     * Parses one JSON text. For a records line, {@code line} is its number; for a whole file (manifest.json) it is 0
     * and the parser's own line number is reported.
     */
    static JsonNode parse(byte[] bytes, int len, String entry, long line) {
        String text = utf8(bytes, len, entry, Math.max(line, 1));
        if (!text.isEmpty() && text.charAt(0) == '\ufeff') {
            throw PackageException.atLine(PackageProblem.BAD_JSON, entry, Math.max(line, 1), "", "U+FEFF");
        }
        try {
            JsonNode node = MAPPER.readTree(text);
            if (node == null || node.isMissingNode()) {
                throw PackageException.atLine(PackageProblem.BAD_JSON, entry, Math.max(line, 1), "", "no JSON value");
            }
            return node;
        } catch (JsonProcessingException e) {
            long at = line > 0 ? line : e.getLocation() == null ? 1 : Math.max(1, e.getLocation().getLineNr());
            throw PackageException.atLine(PackageProblem.BAD_JSON, entry, at, "", e.getOriginalMessage());
        }
    }

    /** What a reader needs from manifest.json before the signature is checked. */
    record Peek(JsonNode formatVersion, String signerKeyId) {
    }

    /**
     * Reads the top-level {@code formatVersion} and {@code signerKeyId} of a manifest by streaming, without building
     * a tree of the rest, so an unsigned manifest costs no memory beyond its bytes.
     *
     * @return null when the bytes are not a JSON object
     */
    static Peek peekManifest(byte[] json) {
        JsonNode version = null;
        String signer = null;
        try (JsonParser p = MAPPER.getFactory().createParser(json)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken t = p.nextToken();
                if ("formatVersion".equals(name) && t.isScalarValue()) {
                    version = t.isNumeric() ? MAPPER.getNodeFactory().numberNode(p.getDecimalValue())
                            : MAPPER.getNodeFactory().textNode(p.getText());
                } else if ("signerKeyId".equals(name) && t == JsonToken.VALUE_STRING) {
                    signer = p.getText();
                } else {
                    p.skipChildren();
                }
            }
            return new Peek(version, signer);
        } catch (IOException e) {
            return null;
        }
    }

    /**
     * The 1-based line of the value at {@code target} in a multi-line JSON text, or of its nearest enclosing value
     * when the target is missing (e.g. a missing member). 1 when nothing matches.
     */
    static long lineOf(byte[] json, JsonPointer target) {
        if (target == null) {
            return 1;
        }
        String want = target.toString();
        long best = 1;
        int bestLength = -1;
        try (JsonParser p = MAPPER.getFactory().createParser(json)) {
            JsonToken t;
            while ((t = p.nextToken()) != null) {
                if (t == JsonToken.END_OBJECT || t == JsonToken.END_ARRAY) {
                    continue;
                }
                String at = t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY
                        ? p.getParsingContext().getParent() == null ? "" : p.getParsingContext().getParent().pathAsPointer().toString()
                        : p.getParsingContext().pathAsPointer().toString();
                if (at.equals(want)) {
                    return p.currentTokenLocation().getLineNr();
                }
                if ((want.startsWith(at + "/") || at.isEmpty()) && at.length() > bestLength) {
                    best = p.currentTokenLocation().getLineNr();
                    bestLength = at.length();
                }
            }
        } catch (IOException e) {
            return best;
        }
        return best;
    }
}
