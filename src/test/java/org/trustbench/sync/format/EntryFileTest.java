package org.trustbench.sync.format;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.Random;
import java.util.zip.CRC32;
import java.util.zip.Inflater;
import org.bouncycastle.crypto.digests.SM3Digest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The chunks handed to the entry's own thread give exactly the deflated file, SM3 and CRC-32 of doing it all in one go.
 */
class EntryFileTest {

    @TempDir
    Path tmp;

    @Test
    void largeEntryOnItsOwnThreadGivesTheSameBytesDigestAndChecksum() throws Exception {
        // enough chunks that every buffer is reused several times while others are in flight
        byte[] content = text(EntryFile.CHUNK * (EntryFile.DEPTH * 3 + 1) + 12_345, 1);
        Path file = tmp.resolve("large.jsonl");
        EntryFile out = new EntryFile(file);
        Random pieces = new Random(2);
        int at = 0;
        boolean threaded = false;
        while (at < content.length) {
            int n = Math.min(content.length - at, pieces.nextInt(3) == 0 ? 1 : pieces.nextInt(40_000));
            if (n == 1) {
                out.write(content[at]);
            } else {
                out.write(content, at, n);
            }
            at += n;
            threaded |= out.threaded();
        }
        out.close();
        assertTrue(threaded, "a large entry is digested on a thread of its own");
        assertFalse(out.threaded(), "closing stops the thread");
        assertWritten(content, file, out);
    }

    @Test
    void smallAndEmptyEntriesStartNoThread() throws Exception {
        for (int size : new int[] {0, 1, EntryFile.CHUNK - 1}) {
            byte[] content = random(size, size);
            Path file = tmp.resolve("small-" + size);
            EntryFile out = new EntryFile(file);
            out.write(content, 0, content.length);
            assertFalse(out.threaded());
            out.close();
            assertWritten(content, file, out);
        }
    }

    @Test
    void closingQuietlyWaitsForTheChunksInFlight() throws Exception {
        Path file = tmp.resolve("aborted");
        EntryFile out = new EntryFile(file);
        byte[] content = random(EntryFile.CHUNK * EntryFile.DEPTH + 5, 3);
        out.write(content, 0, content.length);
        assertTrue(out.threaded());
        out.closeQuietly();
        assertFalse(out.threaded());
        // every full chunk was done before closeQuietly returned (nothing writes the file after it); the rest never is
        long size = Files.size(file);
        Thread.sleep(50);
        assertEquals(size, Files.size(file));
        Files.delete(file);
        assertFalse(Files.exists(file));
    }

    /** The file holds the content's raw deflate stream, the same bytes as deflating it in one go. */
    private static void assertWritten(byte[] content, Path file, EntryFile out) throws Exception {
        byte[] deflated = Files.readAllBytes(file);
        assertEquals(deflated.length, out.compressedSize());
        assertEquals(content.length, out.size());
        assertArrayEquals(PackageZip.deflate(content), deflated);
        Inflater inflater = new Inflater(true);
        inflater.setInput(deflated);
        byte[] back = new byte[content.length];
        int n = 0;
        while (n < back.length && !inflater.finished()) {
            n += inflater.inflate(back, n, back.length - n);
        }
        inflater.end();
        assertEquals(content.length, n);
        assertArrayEquals(content, back);
        assertEquals(sm3(content), out.sm3());
        assertEquals(crc(content), out.crc());
    }

    /** {@code n} bytes of JSON Lines with random numbers: they deflate well, with matches across chunk boundaries. */
    static byte[] text(int n, long seed) {
        Random r = new Random(seed);
        StringBuilder b = new StringBuilder(n + 200);
        for (long seq = 1; b.length() < n; seq++) {
            b.append("{\"seq\":").append(seq).append(",\"decisionId\":\"WS-1/").append(r.nextInt(1_000_000))
                    .append("\",\"caseNo\":\"BA-310115-2026-").append(r.nextInt(100_000)).append("\",\"outcome\":\"APPROVE\"}\n");
        }
        return java.util.Arrays.copyOf(b.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8), n);
    }

    private static byte[] random(int n, long seed) {
        byte[] b = new byte[n];
        new Random(seed).nextBytes(b);
        return b;
    }

    private static String sm3(byte[] b) {
        SM3Digest d = new SM3Digest();
        d.update(b, 0, b.length);
        byte[] out = new byte[32];
        d.doFinal(out, 0);
        return HexFormat.of().formatHex(out);
    }

    private static long crc(byte[] b) {
        CRC32 c = new CRC32();
        c.update(b);
        return c.getValue();
    }
}
