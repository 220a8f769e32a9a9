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
import org.bouncycastle.crypto.digests.SM3Digest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The chunks handed to the entry's own thread give exactly the file, SM3 and CRC-32 of writing it all in one go. */
class EntryFileTest {

    @TempDir
    Path tmp;

    @Test
    void largeEntryOnItsOwnThreadGivesTheSameBytesDigestAndChecksum() throws Exception {
        // enough chunks that every buffer is reused several times while others are in flight
        byte[] content = random(EntryFile.CHUNK * (EntryFile.DEPTH * 3 + 1) + 12_345, 1);
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
        assertArrayEquals(content, Files.readAllBytes(file));
        assertEquals(sm3(content), out.sm3());
        assertEquals(crc(content), out.crc());
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
            assertArrayEquals(content, Files.readAllBytes(file));
            assertEquals(sm3(content), out.sm3());
            assertEquals(crc(content), out.crc());
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
        // every full chunk was written before closeQuietly returned; the last, partial one never is
        assertEquals((long) EntryFile.CHUNK * EntryFile.DEPTH, Files.size(file));
        Files.delete(file);
        assertFalse(Files.exists(file));
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
