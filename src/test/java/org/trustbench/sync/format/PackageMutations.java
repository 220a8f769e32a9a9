package org.trustbench.sync.format;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/** The byte- and entry-level mutations of the fuzz tests, shared by the format-level and the import-level one. */
public final class PackageMutations {

    private PackageMutations() {
    }

    /**
     * Writes a mutant of {@code valid} to {@code file}: a bit flip, random bytes, a flip near the end (central
     * directory), truncation, entry reordering, inserted or deleted bytes, or junk before or after. Returns the kind.
     */
    public static String mutate(byte[] valid, Random r, Path file) throws IOException {
        byte[] m;
        String kind;
        int choice = r.nextInt(100);
        if (choice < 40) {
            kind = "bitflip";
            m = valid.clone();
            int at = r.nextInt(m.length);
            m[at] ^= (byte) (1 << r.nextInt(8));
        } else if (choice < 55) {
            kind = "bytes";
            m = valid.clone();
            for (int n = 1 + r.nextInt(8); n > 0; n--) {
                m[r.nextInt(m.length)] = (byte) r.nextInt(256);
            }
        } else if (choice < 65) {
            kind = "tail";
            m = valid.clone();
            int at = Math.max(0, m.length - 1 - r.nextInt(Math.min(m.length, 400)));
            m[at] ^= (byte) (1 << r.nextInt(8));
        } else if (choice < 75) {
            kind = "truncate";
            m = java.util.Arrays.copyOf(valid, r.nextInt(valid.length));
        } else if (choice < 85) {
            kind = "reorder";
            m = reorder(valid, r);
        } else if (choice < 95) {
            kind = "insert-delete";
            int at = r.nextInt(valid.length);
            int n = 1 + r.nextInt(16);
            if (r.nextBoolean()) {
                byte[] junk = new byte[n];
                r.nextBytes(junk);
                m = new byte[valid.length + n];
                System.arraycopy(valid, 0, m, 0, at);
                System.arraycopy(junk, 0, m, at, n);
                System.arraycopy(valid, at, m, at + n, valid.length - at);
            } else {
                n = Math.min(n, valid.length - at);
                m = new byte[valid.length - n];
                System.arraycopy(valid, 0, m, 0, at);
                System.arraycopy(valid, at + n, m, at, valid.length - at - n);
            }
        } else {
            kind = "prepend-append";
            byte[] junk = new byte[1 + r.nextInt(64)];
            r.nextBytes(junk);
            m = new byte[valid.length + junk.length];
            boolean prepend = r.nextBoolean();
            System.arraycopy(junk, 0, m, prepend ? 0 : valid.length, junk.length);
            System.arraycopy(valid, 0, m, prepend ? junk.length : 0, valid.length);
        }
        Files.write(file, m);
        return kind;
    }

    /** The same entries and bytes in another order (sometimes the same order: those stay valid). */
    private static byte[] reorder(byte[] valid, Random r) throws IOException {
        List<Map.Entry<String, byte[]>> entries = new ArrayList<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(valid))) {
            ZipEntry e;
            while ((e = in.getNextEntry()) != null) {
                entries.add(Map.entry(e.getName(), in.readAllBytes()));
            }
        }
        if (r.nextInt(4) == 0) {
            Collections.shuffle(entries, r);
        } else {
            int a = r.nextInt(entries.size());
            int b = r.nextInt(entries.size());
            Collections.swap(entries, a, b);
        }
        return Forge.zip(entries, Map.of());
    }
}
