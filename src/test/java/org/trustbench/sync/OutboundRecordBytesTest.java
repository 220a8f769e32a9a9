package org.trustbench.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The byte-copying conversion of an outbox payload gives exactly the bytes of the token-by-token one, or declines. */
class OutboundRecordBytesTest {

    private static final List<String> COPIED = List.of(
            "{\"decisionId\":\"17\",\"caseNo\":\"TB-2024-000017\",\"outcome\":\"APPROVE\",\"reasons\":[\"ALL_CHECKS_PASSED\"],"
                    + "\"supplements\":[],\"acknowledged\":[],\"findings\":[],\"evidenceDigests\":[],\"decidedBy\":\"officer1\","
                    + "\"decidedAt\":\"2024-05-01T12:00:00Z\"}",
            "{\"decisionId\":\"18\",\"caseNo\":\"案-18\",\"note\":\"维修站 ✓ é\",\"supersedes\":\"17\",\"n\":-12,\"big\":123456789012345678901,"
                    + "\"ok\":true,\"no\":false,\"none\":null,\"nested\":{\"decisionId\":\"x\",\"a\":[1,[2,{\"b\":[]}],\"]}\"]}}",
            "{\"caseNo\":\"C-1\",\"verdict\":\"AGREE\",\"decisionId\":\"5\"}",
            "{\"caseNo\":\"C-1\"}");

    private static final List<String> DECLINED = List.of(
            "{\"decisionId\":\"1\",\"caseNo\":\"C\\\"1\"}",
            "{\"decisionId\":\"1\",\"caseNo\":\"C-1\",\"x\":1.5}",
            "{\"decisionId\":\"1\",\"caseNo\":\"C-1\",\"x\":1e5}",
            "{\"decisionId\":\"1\",\"caseNo\":\"C-1\",\"x\":-0}",
            "{\"decisionId\":\"1\", \"caseNo\":\"C-1\"}",
            "{\"decisionId\":null,\"caseNo\":\"C-1\"}",
            "{\"decisionId\":7,\"caseNo\":\"C-1\"}",
            "{\"caseNo\":\"C-1\",\"note\":\"a\\nb\"}",
            "{\"caseNo\":\"C-1\",\"note\":\"𝄞\"}");

    @Test
    void copyingGivesTheBytesOfParsing() {
        for (String payload : COPIED) {
            byte[] in = payload.getBytes(StandardCharsets.UTF_8);
            OutboundRecordBytes copy = new OutboundRecordBytes("WS-1");
            assertTrue(copy.copy(42, in), payload);
            OutboundRecordBytes parse = new OutboundRecordBytes("WS-1");
            parse.parse(42, in);
            assertEquals(new String(parse.bytes(), 0, parse.length(), StandardCharsets.UTF_8),
                    new String(copy.bytes(), 0, copy.length(), StandardCharsets.UTF_8), payload);
            assertTrue(Arrays.equals(parse.bytes(), 0, parse.length(), copy.bytes(), 0, copy.length()), payload);
            assertEquals(parse.caseNo(), copy.caseNo(), payload);
        }
    }

    @Test
    void oneInstanceCopiesRecordAfterRecordWithAnySequenceNumber() {
        // the buffer and the digits are reused: a long record after short ones, and numbers of every length
        OutboundRecordBytes copy = new OutboundRecordBytes("WS-1");
        String longNote = "长".repeat(3000);
        long[] seqs = {0, 7, 9, 10, 99, 100, 1_234_567, 9_999_999_999L, Long.MAX_VALUE};
        for (long seq : seqs) {
            for (String payload : List.of(COPIED.get(0), "{\"caseNo\":\"C-1\",\"note\":\"" + longNote + "\"}", COPIED.get(3))) {
                byte[] in = payload.getBytes(StandardCharsets.UTF_8);
                assertTrue(copy.copy(seq, in), payload);
                OutboundRecordBytes parse = new OutboundRecordBytes("WS-1");
                parse.parse(seq, in);
                assertEquals(new String(parse.bytes(), 0, parse.length(), StandardCharsets.UTF_8),
                        new String(copy.bytes(), 0, copy.length(), StandardCharsets.UTF_8), seq + " " + payload);
            }
        }
    }

    @Test
    void payloadsItCannotCopyExactlyTakeTheParsingPathWithTheSameResult() {
        for (String payload : DECLINED) {
            byte[] in = payload.getBytes(StandardCharsets.UTF_8);
            assertFalse(new OutboundRecordBytes("WS-1").copy(42, in), payload);
            OutboundRecordBytes converted = new OutboundRecordBytes("WS-1");
            converted.convert(42, in);
            OutboundRecordBytes parse = new OutboundRecordBytes("WS-1");
            parse.parse(42, in);
            assertTrue(Arrays.equals(parse.bytes(), 0, parse.length(), converted.bytes(), 0, converted.length()), payload);
        }
    }

    @Test
    void aPayloadWithoutACaseIsRefused() {
        OutboundRecordBytes b = new OutboundRecordBytes("WS-1");
        assertThrows(IllegalStateException.class, () -> b.convert(1, "{\"decisionId\":\"1\"}".getBytes(StandardCharsets.UTF_8)));
        assertThrows(IllegalStateException.class, () -> b.convert(1, "{}".getBytes(StandardCharsets.UTF_8)));
    }
}
